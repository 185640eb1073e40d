import Holidays from 'date-holidays';
import { IsoDate, yearOf } from './iso-date';

/** One California state holiday on one date; `observed` marks a substitute day for one on a weekend. */
export interface StateHoliday {
  date: IsoDate;
  name: string;
  observed: boolean;
}

/** A date-holidays rule (its own grammar, e.g. '02-12' or '4th friday in September') added as a state holiday. */
export interface StateHolidayRule {
  rule: string;
  name: string;
}

/** Where a calendar learns state holidays; an interface so tests and other states can supply their own. */
export interface StateHolidaySource {
  holidaysOn(date: IsoDate): StateHoliday[];
}

const SUBSTITUTE_SUFFIX = / \(substitute day\)$/;

/**
 * California state holidays from date-holidays ('US', 'CA'), keeping only its `public` type (state and
 * federal days the state observes, with their weekend substitutes) and dropping observances such as
 * Valentine's Day. Each year is computed once and cached.
 */
export class CaliforniaStateHolidays implements StateHolidaySource {
  private readonly source: Holidays;
  private readonly years = new Map<number, Map<IsoDate, StateHoliday[]>>();
  private readonly rawYears = new Map<number, ReturnType<Holidays['getHolidays']>>();

  constructor(additionalRules: readonly StateHolidayRule[] = []) {
    this.source = new Holidays('US', 'CA');
    for (const { rule, name } of additionalRules) {
      if (!this.source.setHoliday(rule, { name: { en: name }, type: 'public' })) {
        throw new RangeError(`date-holidays does not understand the holiday rule '${rule}' (${name})`);
      }
    }
  }

  holidaysOn(date: IsoDate): StateHoliday[] {
    return this.year(yearOf(date)).get(date) ?? [];
  }

  private year(year: number): Map<IsoDate, StateHoliday[]> {
    let byDate = this.years.get(year);
    if (!byDate) {
      byDate = this.load(year);
      this.years.set(year, byDate);
    }
    return byDate;
  }

  // A substitute day can fall in the neighbouring year (1 Jan on a Saturday is observed on 31 Dec), so the
  // lists of the years either side are read too and kept only where they land in `year`.
  private load(year: number): Map<IsoDate, StateHoliday[]> {
    const byDate = new Map<IsoDate, StateHoliday[]>();
    for (const y of [year - 1, year, year + 1]) {
      for (const holiday of this.raw(y)) {
        const date = holiday.date.slice(0, 10);
        if (holiday.type !== 'public' || yearOf(date) !== year) continue;
        const observed = holiday.substitute === true;
        const entry: StateHoliday = { date, name: holiday.name.replace(SUBSTITUTE_SUFFIX, ''), observed };
        const existing = byDate.get(date) ?? [];
        if (!existing.some((h) => h.name === entry.name && h.observed === observed)) byDate.set(date, [...existing, entry]);
      }
    }
    return byDate;
  }

  private raw(year: number): ReturnType<Holidays['getHolidays']> {
    let list = this.rawYears.get(year);
    if (!list) {
      list = this.source.getHolidays(year, 'en');
      this.rawYears.set(year, list);
    }
    return list;
  }
}

/** One shared instance, so every calendar without extra rules shares one per-year cache. */
export const CALIFORNIA_STATE_HOLIDAYS = new CaliforniaStateHolidays();
