import { IsoDate, assertIsoDate, weekdayName, isWeekend } from './iso-date';
import { CALIFORNIA_STATE_HOLIDAYS, StateHolidaySource } from './state-holidays';

/** A day the city closes besides state holidays, set by the admin. */
export interface CityHoliday {
  date: IsoDate;
  name: string;
}

export type ClosedDayKind = 'weekend' | 'state_holiday' | 'city_holiday';

/** Why a day is a holiday for counting purposes, worded for the explanation a clerk reads. */
export interface ClosedDayReason {
  kind: ClosedDayKind;
  label: string;
}

export interface HolidayCalendarOptions {
  cityHolidays?: readonly CityHoliday[];
  /** null leaves state holidays out (a calendar of weekends and city holidays only). */
  stateHolidays?: StateHolidaySource | null;
}

/**
 * The days on which a period cannot end: Saturdays and Sundays (holidays for this purpose, Code Civ. Proc.
 * §§ 12a, 135), California state holidays and the city's own holidays.
 */
export class HolidayCalendar {
  private readonly cityHolidays = new Map<IsoDate, string[]>();
  private readonly stateHolidays: StateHolidaySource | null;

  constructor(options: HolidayCalendarOptions = {}) {
    this.stateHolidays = options.stateHolidays === undefined ? CALIFORNIA_STATE_HOLIDAYS : options.stateHolidays;
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
    for (const holiday of this.stateHolidays?.holidaysOn(date) ?? []) {
      const observed = holiday.observed ? 'observed; ' : '';
      reasons.push({ kind: 'state_holiday', label: `${holiday.name} (${observed}California state holiday)` });
    }
    for (const name of this.cityHolidays.get(date) ?? []) reasons.push({ kind: 'city_holiday', label: `city holiday: ${name}` });
    return reasons;
  }

  isHoliday(date: IsoDate): boolean {
    return this.reasonsClosed(date).length > 0;
  }

  isCourtDay(date: IsoDate): boolean {
    return !this.isHoliday(date);
  }
}
