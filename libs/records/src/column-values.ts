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
export function parseColumnValue(raw: RawValue, spec: ColumnSpec): ParsedValue {
  if (raw === null) return ok(null);
  if (typeof raw === 'boolean') return fail(`expected ${describeType(spec)}, got a boolean`);
  const text = raw.trim();
  if (text === '') return ok(null);
  switch (spec.type) {
    case 'string':
      return parseString(text, spec);
    case 'integer':
      return parseInteger(text);
    case 'decimal':
      return parseDecimal(text);
    case 'date':
    case 'datetime':
      return parseTemporal(text, spec.type);
  }
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
 * Dates and date-times keep the library's wall-clock time as written (Koha stores local time): no zone
 * conversion, so a loan on 28 February stays on 28 February when compared with a case's date range.
 * date → YYYY-MM-DD; datetime → YYYY-MM-DDTHH:MM:SS[.fff][zone], with the zone only when the source had one.
 */
function parseTemporal(text: string, type: 'date' | 'datetime'): ParsedValue {
  if (ZERO_DATE.test(text)) return ok(null);
  const match = DATE_TIME.exec(text);
  if (!match) {
    return fail(type === 'date' ? 'expected a date as YYYY-MM-DD' : 'expected a date-time as YYYY-MM-DD HH:MM:SS or ISO 8601');
  }
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = ''] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return fail('not a real calendar date');
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return fail('not a real time of day');
  if (zone && !isZone(zone)) return fail('not a valid time-zone offset');
  const datePart = `${year}-${month}-${day}`;
  return ok(type === 'date' ? datePart : `${datePart}T${hour}:${minute}:${second}${fraction}${zone}`);
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
  const names = { string: 'text', integer: 'a whole number', decimal: 'a decimal number', date: 'a date', datetime: 'a date-time' };
  return names[spec.type];
}

/** The ISO date-time a normalised date or date-time value stands for (dates at midnight). */
export function toOccurredAt(value: FieldValue): string | null {
  if (typeof value !== 'string') return null;
  return value.length === 10 ? `${value}T00:00:00` : value;
}
