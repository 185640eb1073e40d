import { IsoDate, assertIsoDate, weekdayName, isWeekend } from './iso-date';

/** A day the city closes besides its regular closure days, set by the admin (Code Civ. Proc. § 12b). */
export interface CityHoliday {
  date: IsoDate;
  name: string;
}

export type ClosedDayKind = 'weekend' | 'court_holiday' | 'city_closure' | 'city_holiday';

/** Why a day is a holiday for counting purposes, worded for the explanation a clerk reads. */
export interface ClosedDayReason {
  kind: ClosedDayKind;
  label: string;
}

/** Where a calendar learns its holidays (calendars.ts builds them from rules with their citations). */
export interface HolidaySource {
  holidaysOn(date: IsoDate): { name: string; label: string; kind: 'court_holiday' | 'city_closure' }[];
}

export interface HolidayCalendarOptions {
  /** The calendar's name and citation, printed in every deadline's working. */
  name?: string;
  citation?: string;
  cityHolidays?: readonly CityHoliday[];
  /** null or absent: weekends and one-off closures only. */
  stateHolidays?: HolidaySource | null;
}

/**
 * The days on which a period cannot end: Saturdays and Sundays (holidays for this purpose, Code Civ. Proc.
 * §§ 12a, 135) and the holidays of the calendar's source (court or city), plus one-off closures.
 */
export class HolidayCalendar {
  readonly name: string;
  readonly citation: string;
  private readonly cityHolidays = new Map<IsoDate, string[]>();
  private readonly source: HolidaySource | null;

  constructor(options: HolidayCalendarOptions = {}) {
    this.name = options.name ?? 'Weekends only';
    this.citation = options.citation ?? 'Code Civ. Proc. § 12a';
    this.source = options.stateHolidays ?? null;
    for (const holiday of options.cityHolidays ?? []) {
      assertIsoDate(holiday.date, 'city holiday date');
      if (!holiday.name?.trim()) throw new RangeError(`city holiday on ${holiday.date} needs a name`);
      this.cityHolidays.set(holiday.date, [...(this.cityHolidays.get(holiday.date) ?? []), holiday.name.trim()]);
    }
  }

  /** Every reason `date` is closed; empty on a working day. */
  reasonsClosed(date: IsoDate): ClosedDayReason[] {
    const reasons: ClosedDayReason[] = [];
    if (isWeekend(date)) reasons.push({ kind: 'weekend', label: weekdayName(date) });
    for (const holiday of this.source?.holidaysOn(date) ?? []) reasons.push({ kind: holiday.kind, label: holiday.label });
    for (const name of this.cityHolidays.get(date) ?? []) reasons.push({ kind: 'city_holiday', label: `city closed: ${name} (Code Civ. Proc. § 12b)` });
    return reasons;
  }

  isHoliday(date: IsoDate): boolean {
    return this.reasonsClosed(date).length > 0;
  }

  isCourtDay(date: IsoDate): boolean {
    return !this.isHoliday(date);
  }
}
