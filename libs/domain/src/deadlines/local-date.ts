import { IsoDate, assertIsoDate, isIsoDate } from './iso-date';

/** The library's time zone: the date that counts for a deadline is the local date here. */
export const LIBRARY_TIME_ZONE = 'America/Los_Angeles';

/** A point in time or a calendar date, as callers hold them: ISO strings or Date objects. */
export type DateInput = string | Date;

const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** `what` names the input when its local date has no YYYY-MM-DD form (a year before 1000 or after 9999). */
function instantToLocalDate(instant: Date, timeZone: string, what: string): IsoDate {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const local = `${part('year')}-${part('month')}-${part('day')}`;
  assertIsoDate(local, `local date of '${what}'`);
  return local;
}

/**
 * The local calendar date of `value` in `timeZone`. A plain YYYY-MM-DD is already a local date and is
 * returned as is; a date-time must carry an offset (or Z), because without one the local date is a guess.
 */
export function toLocalDate(value: DateInput, timeZone: string = LIBRARY_TIME_ZONE): IsoDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('Invalid Date given where a date was expected');
    return instantToLocalDate(value, timeZone, value.toISOString());
  }
  const datePart = value.slice(0, 10);
  if (isIsoDate(value)) return value;
  if (!DATE_TIME_WITH_OFFSET.test(value)) {
    throw new RangeError(`'${value}' must be a YYYY-MM-DD date or an ISO date-time with a UTC offset (e.g. 2026-03-02T16:05:00-08:00)`);
  }
  const instant = new Date(value);
  // The engine rolls 2026-02-30T10:00Z over into 2 March; a date that does not exist is a typo, not a deadline.
  if (Number.isNaN(instant.getTime()) || !isIsoDate(datePart)) throw new RangeError(`'${value}' is not a valid date-time`);
  return instantToLocalDate(instant, timeZone, value);
}

/** How an input appears in an explanation: strings as given, Date objects as ISO instants. */
export function describeDateInput(value: DateInput): string {
  return value instanceof Date ? value.toISOString() : value;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The instant as a local ISO date-time with its UTC offset, e.g. 2026-11-28T16:30:00-08:00: what letters and
 * productions print, so a document written late in the Pacific afternoon is not dated the next (UTC) day.
 */
export function toLocalDateTime(instant: Date, timeZone: string = LIBRARY_TIME_ZONE): string {
  let formatter = clockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    clockFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  // The wall time has whole seconds; rounding to whole minutes drops the instant's milliseconds.
  const offsetMinutes = Math.round((wall - instant.getTime()) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
