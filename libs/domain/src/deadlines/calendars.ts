import { HolidayCalendar, CityHoliday } from './holiday-calendar';
import { HolidayRule, holidaysInYear, RuleHoliday } from './holiday-rules';
import { IsoDate, yearOf } from './iso-date';

/**
 * The two calendars a deadline may be counted on (domain.md § 8): the courts' for deadlines set by or answered
 * to a court, and the city's closure calendar for the library's own acts. Each deadline's working names its own.
 */
export const CALENDAR_KINDS = ['court', 'city'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export const CALENDAR_INFO: Record<CalendarKind, { name: string; citation: string; usedFor: string }> = {
  court: {
    name: 'Court days (judicial holidays)',
    citation: 'Code Civ. Proc. §§ 12, 12a, 135; Cal. Rules of Court, rule 1.11',
    usedFor: 'deadlines set by a court or answered to one: compliance dates, consumer notice, custodian delivery, objections',
  },
  city: {
    name: 'City closure calendar',
    citation: 'Code Civ. Proc. §§ 12a, 12b; Gov. Code §§ 6700, 6701',
    usedFor: "the library's own deadlines: public-records determinations and extension notices, preservation holds, internal targets",
  },
};

const CCP_135 = 'Code Civ. Proc. § 135';
const court = (name: string, date: HolidayRule['date'], fromYear?: number): HolidayRule => ({ name, date, observance: 'weekend_to_weekday', citation: CCP_135, ...(fromYear ? { fromYear } : {}) });
const fixed = (month: number, day: number) => ({ type: 'fixed' as const, month, day });
const nth = (month: number, weekday: number, n: number, offsetDays?: number) => ({ type: 'nth_weekday' as const, month, weekday, nth: n, ...(offsetDays ? { offsetDays } : {}) });
const MON = 1, THU = 4, FRI = 5;

/** Judicial holidays (Code Civ. Proc. § 135), observed on the Friday before or Monday after a weekend (Rules of Court 1.11). */
export const COURT_HOLIDAY_RULES: readonly HolidayRule[] = [
  court("New Year's Day", fixed(1, 1)),
  court('Martin Luther King, Jr. Day', nth(1, MON, 3)),
  court('Lincoln Day', fixed(2, 12)),
  court("Presidents' Day", nth(2, MON, 3)),
  court('Cesar Chavez Day', fixed(3, 31)),
  court('Memorial Day', nth(5, MON, -1)),
  court('Juneteenth', fixed(6, 19), 2022),
  court('Independence Day', fixed(7, 4)),
  court('Labor Day', nth(9, MON, 1)),
  court('Native American Day', nth(9, FRI, 4)),
  court('Veterans Day', fixed(11, 11)),
  court('Thanksgiving Day', nth(11, THU, 4)),
  court('Day after Thanksgiving', nth(11, THU, 4, 1)),
  court('Christmas Day', fixed(12, 25)),
];

const G6700 = 'Gov. Code § 6700';
const state = (name: string, date: HolidayRule['date'], observance: HolidayRule['observance'], fromYear?: number): HolidayRule => ({
  name, date, observance, citation: observance === 'none' ? G6700 : `${G6700}; § 6701`, ...(fromYear ? { fromYear } : {}),
});

/**
 * The city calendar's default: the Gov. Code § 6700 days, a Sunday holiday kept on the Monday (§ 6701), no
 * Saturday-to-Friday move except Veterans Day; plus the day after Thanksgiving, which Palm Desert closes (a
 * § 12b closure; the worked check of domain.md § 8). A charter city sets its own days: the admin edits this list
 * (with effective years) so it never closes a day the city is open.
 */
export const DEFAULT_CITY_CLOSURE_RULES: readonly HolidayRule[] = [
  state("New Year's Day", fixed(1, 1), 'sunday_to_monday'),
  state('Martin Luther King, Jr. Day', nth(1, MON, 3), 'none'),
  state('Lunar New Year', { type: 'lunar_new_year' }, 'sunday_to_monday', 2023),
  state('Lincoln Day', fixed(2, 12), 'sunday_to_monday'),
  state("Washington's Birthday", nth(2, MON, 3), 'none'),
  state('Cesar Chavez Day', fixed(3, 31), 'sunday_to_monday'),
  state('Genocide Remembrance Day', fixed(4, 24), 'sunday_to_monday', 2023),
  state('Memorial Day', nth(5, MON, -1), 'none'),
  state('Juneteenth', fixed(6, 19), 'sunday_to_monday', 2023),
  state('Independence Day', fixed(7, 4), 'sunday_to_monday'),
  state('Labor Day', nth(9, MON, 1), 'none'),
  state('Admission Day', fixed(9, 9), 'sunday_to_monday'),
  state('Native American Day', nth(9, FRI, 4), 'none'),
  state('Columbus Day', nth(10, MON, 2), 'none'),
  state('Veterans Day', fixed(11, 11), 'weekend_to_weekday'),
  state('Thanksgiving Day', nth(11, THU, 4), 'none'),
  { name: 'Day after Thanksgiving', date: nth(11, THU, 4, 1), observance: 'none', citation: 'Code Civ. Proc. § 12b (city closure)' },
  state('Christmas Day', fixed(12, 25), 'sunday_to_monday'),
];

/** A holiday source built from rules, with one label wording per calendar; years are computed once and cached. */
export class RuleHolidaySource {
  private readonly years = new Map<number, Map<IsoDate, RuleHoliday[]>>();

  constructor(
    private readonly rules: readonly HolidayRule[],
    private readonly kind: CalendarKind,
  ) {}

  holidaysOn(date: IsoDate): { date: IsoDate; name: string; observed: boolean; label: string; kind: 'court_holiday' | 'city_closure' }[] {
    const year = yearOf(date);
    let byDate = this.years.get(year);
    if (!byDate) {
      byDate = new Map();
      for (const h of holidaysInYear(this.rules, year)) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h]);
      this.years.set(year, byDate);
    }
    return (byDate.get(date) ?? []).map((h) => ({ date: h.date, name: h.name, observed: h.observed, label: this.label(h), kind: this.kind === 'court' ? 'court_holiday' : 'city_closure' }));
  }

  private label(h: RuleHoliday): string {
    if (this.kind === 'court') return h.observed ? `${h.name}, observed (judicial holiday, ${CCP_135}; Cal. Rules of Court, rule 1.11)` : `${h.name} (judicial holiday, ${h.citation})`;
    return h.observed ? `${h.name}, observed (city closed, ${h.citation})` : `${h.name} (city closed, ${h.citation})`;
  }
}

export function courtCalendar(): HolidayCalendar {
  return new HolidayCalendar({ name: CALENDAR_INFO.court.name, citation: CALENDAR_INFO.court.citation, stateHolidays: new RuleHolidaySource(COURT_HOLIDAY_RULES, 'court') });
}

export function cityCalendar(rules: readonly HolidayRule[] = DEFAULT_CITY_CLOSURE_RULES, oneOffClosures: readonly CityHoliday[] = []): HolidayCalendar {
  return new HolidayCalendar({ name: CALENDAR_INFO.city.name, citation: CALENDAR_INFO.city.citation, stateHolidays: new RuleHolidaySource(rules, 'city'), cityHolidays: oneOffClosures });
}

/** The closed weekdays of one calendar in a year, for the calendars API and the rules page. */
export function closedWeekdays(calendar: HolidayCalendar, year: number): { date: IsoDate; reasons: string[] }[] {
  const out: { date: IsoDate; reasons: string[] }[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    // A weekday is never closed for being a weekend, so its reasons are all holidays and closures.
    if ([0, 6].includes(new Date(t).getUTCDay())) continue;
    const date = new Date(t).toISOString().slice(0, 10);
    const reasons = calendar.reasonsClosed(date);
    if (reasons.length) out.push({ date, reasons: reasons.map((r) => r.label) });
  }
  return out;
}
