import { IsoDate, addDays, isIsoDate } from '../deadlines/iso-date';
import { LIBRARY_TIME_ZONE, toLocalDateTime } from '../deadlines/local-date';

/** A reporting period: local calendar dates in the library's time zone, both inclusive. */
export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** The half-year (Jan–Jun or Jul–Dec) a local date falls in: the unit companies publish in. */
export function halfYearOf(date: IsoDate): ReportPeriod {
  const year = date.slice(0, 4);
  return Number(date.slice(5, 7)) <= 6 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

export function calendarYearOf(date: IsoDate): ReportPeriod {
  const year = date.slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The whole half-years (or years) lying entirely inside `period`, oldest first. */
export function wholeUnitsWithin(period: ReportPeriod, unit: 'half_year' | 'year'): ReportPeriod[] {
  const units: ReportPeriod[] = [];
  const of = unit === 'half_year' ? halfYearOf : calendarYearOf;
  for (let cursor = of(period.from); cursor.to <= period.to; cursor = of(addDays(cursor.to, 1))) {
    if (cursor.from >= period.from) units.push(cursor);
  }
  return units;
}

export function isWithin(date: IsoDate, period: ReportPeriod): boolean {
  return date >= period.from && date <= period.to;
}

/**
 * The instant a local date begins in the library's time zone (midnight is never skipped by US DST rules, which
 * change at 02:00), found by trying the zone's two offsets: PST (-08:00) and PDT (-07:00).
 */
export function startOfLocalDay(date: IsoDate, timeZone: string = LIBRARY_TIME_ZONE): Date {
  for (const offset of ['-08:00', '-07:00', '-09:00', '-06:00']) {
    const candidate = new Date(`${date}T00:00:00${offset}`);
    if (toLocalDateTime(candidate, timeZone).startsWith(`${date}T00:00:00`)) return candidate;
  }
  throw new RangeError(`no midnight found for ${date} in ${timeZone}`);
}

/** Period bounds as instants: [start of `from`, start of the day after `to`). Days are 23 or 25 hours at DST changes. */
export function periodInstants(period: ReportPeriod, timeZone: string = LIBRARY_TIME_ZONE): { start: Date; end: Date } {
  return { start: startOfLocalDay(period.from, timeZone), end: startOfLocalDay(addDays(period.to, 1), timeZone) };
}

/** Problems with a requested period, in words; empty when usable. */
export function periodProblems(period: { from?: unknown; to?: unknown }): string[] {
  const problems: string[] = [];
  if (!isIsoDate(period.from)) problems.push('from: must be a date written YYYY-MM-DD');
  if (!isIsoDate(period.to)) problems.push('to: must be a date written YYYY-MM-DD');
  if (!problems.length && (period.from as string) > (period.to as string)) problems.push('to: must not be before from');
  if (!problems.length && Number((period.to as string).slice(0, 4)) - Number((period.from as string).slice(0, 4)) > 20) problems.push('to: a report covers at most 20 years');
  return problems;
}
