import { LIBRARY_TIME_ZONE, toLocalDateTime } from '@custodian/domain';
import { ColumnSpec } from './koha-schema';

/** A cell as a reader delivers it: JSON gives strings (numbers keep their literal text), booleans and null; CSV strings. */
export type RawValue = string | boolean | null;
export type FieldValue = string | number | null;
export type ParsedValue = { ok: true; value: FieldValue } | { ok: false; message: string };

/*
 * Messages never repeat the offending value: issue lists travel to logs and the UI, and the value may be
 * patron data. Row, line and field are enough to find it in the file.
 */

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** Koha money columns are decimal(28,6). */
const DECIMAL_PLACES = 6;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** MySQL's zero dates stand for "no date" in older Koha data. */
const ZERO_DATE = /^0000-00-00(?:[T ]00:00(?::00)?)?$/;

const ok = (value: FieldValue): ParsedValue => ({ ok: true, value });
const fail = (message: string): ParsedValue => ({ ok: false, message });

/** Trims, turns '' into null and checks the value against the column's type and limits. */
export function parseColumnValue(raw: RawValue, spec: ColumnSpec, timeZone: string = LIBRARY_TIME_ZONE): ParsedValue {
  if (raw === null) return ok(null);
  if (typeof raw === 'boolean') {
    // database tools export tinyint(1) flags as JSON booleans; Koha stores 0/1
    return spec.type === 'boolean' || spec.type === 'integer' ? ok(raw ? 1 : 0) : fail(`expected ${describeType(spec)}, got a boolean`);
  }
  const text = raw.trim();
  if (text === '') return ok(null);
  switch (spec.type) {
    case 'boolean':
      return parseBoolean(text);
    case 'string':
      return parseString(text, spec);
    case 'integer':
      return parseInteger(text);
    case 'decimal':
      return parseDecimal(text);
    case 'date':
    case 'datetime':
      return parseTemporal(text, spec.type, timeZone);
  }
}

const TRUE_TEXT = new Set(['1', 'true', 'yes', 't', 'y']);
const FALSE_TEXT = new Set(['0', 'false', 'no', 'f', 'n']);

function parseBoolean(text: string): ParsedValue {
  const lower = text.toLowerCase();
  if (TRUE_TEXT.has(lower)) return ok(1);
  if (FALSE_TEXT.has(lower)) return ok(0);
  return fail('expected 0 or 1 (or true/false)');
}

function parseString(text: string, spec: ColumnSpec): ParsedValue {
  // code points, as MySQL counts characters; the cheap UTF-16 length is an upper bound
  if (spec.maxLength !== undefined && text.length > spec.maxLength && [...text].length > spec.maxLength) {
    return fail(`longer than ${spec.maxLength} characters`);
  }
  if (spec.pattern && !spec.pattern.regex.test(text)) return fail(`must contain ${spec.pattern.description}`);
  return ok(text);
}

function parseInteger(text: string): ParsedValue {
  if (!INTEGER.test(text)) return fail('expected a whole number');
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return fail('whole number out of range');
  return ok(value);
}

function parseDecimal(text: string): ParsedValue {
  if (!DECIMAL.test(text)) return fail('expected a decimal number such as 12.50');
  const fraction = text.split('.')[1] ?? '';
  if (fraction.length > DECIMAL_PLACES) return fail(`more than ${DECIMAL_PLACES} decimal places`);
  return ok(Number(text));
}

/**
 * Dates and date-times become the library's wall-clock time in one format (Koha's database stores local time, so
 * MySQL-style values are kept as written; a value with an offset, as the REST API gives, is converted to the
 * library's time zone). date → YYYY-MM-DD; datetime → YYYY-MM-DDTHH:MM:SS. A loan on 28 February stays on
 * 28 February when compared with a case's date range.
 */
function parseTemporal(text: string, type: 'date' | 'datetime', timeZone: string): ParsedValue {
  if (ZERO_DATE.test(text)) return ok(null);
  const match = DATE_TIME.exec(text);
  if (!match) {
    return fail(type === 'date' ? 'expected a date as YYYY-MM-DD' : 'expected a date-time as YYYY-MM-DD HH:MM:SS or ISO 8601');
  }
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = ''] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return fail('not a real calendar date');
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return fail('not a real time of day');
  if (zone && !isZone(zone)) return fail('not a valid time-zone offset');
  void fraction; // sub-second precision is not evidence anyone needs, and one format prints alike everywhere
  let wall = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  if (zone) {
    const instant = new Date(`${wall}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
    if (Number.isNaN(instant.getTime())) return fail('not a valid date-time');
    wall = toLocalDateTime(instant, timeZone).slice(0, 19);
  }
  return ok(type === 'date' ? wall.slice(0, 10) : wall);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

function isZone(zone: string): boolean {
  if (zone === 'Z') return true;
  const digits = zone.replace(':', '');
  return Number(digits.slice(1, 3)) <= 14 && Number(digits.slice(3, 5)) <= 59;
}

function describeType(spec: ColumnSpec): string {
  const names = { boolean: '0 or 1', string: 'text', integer: 'a whole number', decimal: 'a decimal number', date: 'a date', datetime: 'a date-time' };
  return names[spec.type];
}

/** The ISO date-time a normalised date or date-time value stands for (dates at midnight). */
export function toOccurredAt(value: FieldValue): string | null {
  if (typeof value !== 'string') return null;
  return value.length === 10 ? `${value}T00:00:00` : value;
}
