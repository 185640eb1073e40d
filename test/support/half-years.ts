/**
 * Half-years around today's date in the library's time zone, so tests of period reports hold in any year: a report's
 * figures depend on which periods are over and which publication delays have run. Computed here from the calendar
 * alone, not with the domain's own period helpers, so the tests do not take their answers from the code they check.
 */
const TIME_ZONE = 'America/Los_Angeles';

export interface HalfYear {
  from: string;
  to: string;
}

/** Today's date in Pacific time, YYYY-MM-DD. */
export function pacificToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function halfYearContaining(date: string): HalfYear {
  const year = date.slice(0, 4);
  return Number(date.slice(5, 7)) <= 6 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

export function halfYearBefore(half: HalfYear): HalfYear {
  return halfYearContaining(addDays(half.from, -1));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / 86_400_000);
}

/** The UTC offset Pacific time has on a date, e.g. "-07:00" (DST changes at 2 a.m., so noon's offset is the day's). */
export function pacificOffset(date: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' }).formatToParts(new Date(`${date}T12:00:00Z`));
  return parts.find((p) => p.type === 'timeZoneName')!.value.replace('GMT', '');
}

/** A wall-clock time in Pacific time as an ISO timestamp with its offset, e.g. 2026-06-30T23:30:00-07:00. */
export function pacificTime(date: string, time: string): string {
  return `${date}T${time}${pacificOffset(date)}`;
}

/** The same instant in UTC (…Z), where the date may already be the next day's. */
export function pacificTimeInUtc(date: string, time: string): string {
  return new Date(pacificTime(date, time)).toISOString();
}

/**
 * The earlier of an instant and now, in UTC (…Z). A case cannot be received in the future (intake refuses it), and in
 * a half-year's first minutes a time "just after its first midnight" has not happened yet.
 */
export function notAfterNow(instant: string, now = new Date()): string {
  return new Date(Math.min(Date.parse(instant), now.getTime())).toISOString();
}

/** "January 1, 2026", as a printed report writes a date. */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(`${date}T00:00:00Z`));
}
