/**
 * Calendar dates as 'YYYY-MM-DD' strings. Arithmetic runs on UTC midnights, so no time zone or
 * daylight-saving change can shift a date; converting an instant to a local date is local-date.ts's job.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

function toUtcMs(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`'${date}' is not a date in YYYY-MM-DD form`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a real calendar date in YYYY-MM-DD form (2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  return fromUtcMs(toUtcMs(value)) === value;
}

/** Throws a RangeError naming `what` unless `value` is a real YYYY-MM-DD date. */
export function assertIsoDate(value: unknown, what = 'date'): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`${what} must be a real date in YYYY-MM-DD form, got '${String(value)}'`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[weekdayOf(date)];
}

export function isWeekend(date: IsoDate): boolean {
  const day = weekdayOf(date);
  return day === 0 || day === 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** 'Fri 2026-11-20': the weekday helps a clerk check the working at a glance. */
export function formatDay(date: IsoDate): string {
  return `${weekdayName(date).slice(0, 3)} ${date}`;
}
