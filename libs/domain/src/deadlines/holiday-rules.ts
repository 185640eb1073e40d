import Holidays from 'date-holidays';
import { IsoDate, addDays, isIsoDate, weekdayOf, yearOf } from './iso-date';

/**
 * Holidays as rules a reader can check against the statute that lists them: a fixed date, the nth weekday of a
 * month (with an offset, for the day after Thanksgiving), or the Lunar New Year. Each rule carries its citation and
 * how a weekend occurrence is observed; admins edit the city's list with effective years (settings).
 */
export type DateRule =
  | { type: 'fixed'; month: number; day: number }
  /** nth (1-4) or last (-1) `weekday` (0 = Sunday) of `month`, then `offsetDays` more. */
  | { type: 'nth_weekday'; month: number; weekday: number; nth: number; offsetDays?: number }
  | { type: 'lunar_new_year' };

/**
 * How a holiday that falls on a weekend is observed:
 * - `none`: not moved;
 * - `sunday_to_monday`: Gov. Code § 6701 (a Sunday holiday is kept on the Monday after; a Saturday one is not moved);
 * - `weekend_to_weekday`: a Saturday holiday on the Friday before, a Sunday one on the Monday after (the courts'
 *   practice under Code Civ. Proc. § 135 and Rules of Court 1.11; Gov. Code § 6701 for Veterans Day).
 */
export const OBSERVANCES = ['none', 'sunday_to_monday', 'weekend_to_weekday'] as const;
export type Observance = (typeof OBSERVANCES)[number];

export interface HolidayRule {
  name: string;
  date: DateRule;
  observance: Observance;
  citation: string;
  /** First and last year the rule is in force (inclusive); absent means open-ended. */
  fromYear?: number;
  toYear?: number;
}

/** One closed day produced by a rule. */
export interface RuleHoliday {
  date: IsoDate;
  name: string;
  observed: boolean;
  citation: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

let lunarSource: Holidays | null = null;
const lunarCache = new Map<number, IsoDate>();

/** The first day of the lunar year: date-holidays' Chinese calendar is used for this one date only, never its labels. */
export function lunarNewYear(year: number): IsoDate {
  let date = lunarCache.get(year);
  // Stryker disable next-line ConditionalExpression: a cache; computing the year again gives the same date
  if (!date) {
    // Stryker disable next-line ConditionalExpression: a new source computes the same calendar
    if (!lunarSource) {
      lunarSource = new Holidays();
      lunarSource.setHoliday('chinese 01-0-01', { name: { en: 'lunar-new-year' }, type: 'public' });
    }
    const found = lunarSource.getHolidays(year).find((h) => h.name === 'lunar-new-year');
    if (!found) throw new RangeError(`no Lunar New Year found for ${year}`);
    date = found.date.slice(0, 10);
    lunarCache.set(year, date);
  }
  return date;
}

/** The date `rule` gives in `year`, before any weekend observance. */
export function ruleDate(rule: DateRule, year: number): IsoDate {
  if (rule.type === 'fixed') return `${year}-${pad(rule.month)}-${pad(rule.day)}`;
  if (rule.type === 'lunar_new_year') return lunarNewYear(year);
  let date: IsoDate;
  if (rule.nth === -1) {
    const last = addDays(`${rule.month === 12 ? year + 1 : year}-${pad(rule.month === 12 ? 1 : rule.month + 1)}-01`, -1);
    date = addDays(last, -((weekdayOf(last) - rule.weekday + 7) % 7));
  } else {
    const first = `${year}-${pad(rule.month)}-01`;
    date = addDays(first, ((rule.weekday - weekdayOf(first) + 7) % 7) + 7 * (rule.nth - 1));
  }
  return addDays(date, rule.offsetDays ?? 0);
}

function observedDate(date: IsoDate, observance: Observance): IsoDate | null {
  const weekday = weekdayOf(date);
  if (observance === 'none') return null;
  if (weekday === 0) return addDays(date, 1);
  if (weekday === 6 && observance === 'weekend_to_weekday') return addDays(date, -1);
  return null;
}

function inForce(rule: HolidayRule, year: number): boolean {
  return (rule.fromYear === undefined || year >= rule.fromYear) && (rule.toYear === undefined || year <= rule.toYear);
}

/** Every closed day the rules give in `year` (an observed day may fall in the year next to its holiday). */
export function holidaysInYear(rules: readonly HolidayRule[], year: number): RuleHoliday[] {
  const out: RuleHoliday[] = [];
  for (const y of [year - 1, year, year + 1]) {
    for (const rule of rules) {
      if (!inForce(rule, y)) continue;
      const date = ruleDate(rule.date, y);
      if (yearOf(date) === year) out.push({ date, name: rule.name, observed: false, citation: rule.citation });
      const observed = observedDate(date, rule.observance);
      if (observed && yearOf(observed) === year) out.push({ date: observed, name: rule.name, observed: true, citation: rule.citation });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** Problems with one rule from settings, each naming the field; empty when usable. */
export function validateHolidayRule(rule: HolidayRule, field: string): string[] {
  const problems: string[] = [];
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return [`${field}: must be an object`];
  if (typeof rule.name !== 'string' || !rule.name.trim()) problems.push(`${field}.name: required`);
  if (typeof rule.citation !== 'string' || !rule.citation.trim()) problems.push(`${field}.citation: required (the resolution, MOU or statute that closes the day)`);
  if (!OBSERVANCES.includes(rule.observance)) problems.push(`${field}.observance: must be one of ${OBSERVANCES.join(', ')}`);
  const year = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2200);
  if (!year(rule.fromYear)) problems.push(`${field}.fromYear: must be a year between 1900 and 2200`);
  if (!year(rule.toYear)) problems.push(`${field}.toYear: must be a year between 1900 and 2200`);
  if ((rule.fromYear ?? -Infinity) > (rule.toYear ?? Infinity)) problems.push(`${field}: fromYear is after toYear`);
  const d = rule.date as DateRule | undefined;
  const int = (v: unknown, lo: number, hi: number) => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;
  if (!d || typeof d !== 'object') problems.push(`${field}.date: required`);
  else if (d.type === 'fixed') {
    if (!int(d.month, 1, 12) || !int(d.day, 1, 31) || !isIsoDate(ruleDate(d, 2024))) problems.push(`${field}.date: not a real month and day`);
  } else if (d.type === 'nth_weekday') {
    if (!int(d.month, 1, 12) || !int(d.weekday, 0, 6) || !(d.nth === -1 || int(d.nth, 1, 4)) || !(d.offsetDays === undefined || int(d.offsetDays, -6, 6))) {
      problems.push(`${field}.date: nth_weekday needs month 1-12, weekday 0-6, nth 1-4 or -1, offsetDays -6..6`);
    }
  } else if (d.type !== 'lunar_new_year') problems.push(`${field}.date.type: must be fixed, nth_weekday or lunar_new_year`);
  return problems;
}
