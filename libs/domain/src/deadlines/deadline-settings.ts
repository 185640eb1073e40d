import { CLOCK_NAMES, ClockName, isClockName } from './clock-catalogue';
import { CalendarKind, DEFAULT_CITY_CLOSURE_RULES, cityCalendar, courtCalendar } from './calendars';
import { CityHoliday, HolidayCalendar } from './holiday-calendar';
import { HolidayRule, validateHolidayRule } from './holiday-rules';
import { isIsoDate } from './iso-date';
import { LIBRARY_TIME_ZONE } from './local-date';

/** Admin- and counsel-editable numbers and calendars behind every clock. */
export interface DeadlineSettings {
  timeZone: string;
  /** One-off days the city closes (Code Civ. Proc. § 12b), on top of its regular closure days. */
  cityHolidays: CityHoliday[];
  /** The city's regular closure days with their citations and effective years; default Gov. Code § 6700 days. */
  cityClosureRules: HolidayRule[];
  cpraDeterminationDays: number;
  cpraMaxExtensionDays: number;
  searchWarrantValidityDays: number;
  preservationHoldDays: number;
  /** Counsel question: does Evid. Code § 1560 delivery apply to a library's patron records? */
  evidenceCode1560Enabled: boolean;
  evidenceCode1560CriminalDays: number;
  evidenceCode1560CivilDays: number;
  legalReviewTargetCourtDays: number;
  directorApprovalTargetCourtDays: number;
  /**
   * Clocks that stop while the case is paused (needs_info). Statutory clocks are not listed by default:
   * Gov. Code § 7922.535 has no tolling, and a warrant's or an order's date does not wait for the library.
   */
  pausableClocks: ClockName[];
  /** classifyDeadline's "due soon" window. */
  dueSoonWithinDays: number;
}

export const DEFAULT_DEADLINE_SETTINGS: Readonly<DeadlineSettings> = Object.freeze<DeadlineSettings>({
  timeZone: LIBRARY_TIME_ZONE,
  cityHolidays: [],
  cityClosureRules: [...DEFAULT_CITY_CLOSURE_RULES],
  cpraDeterminationDays: 10,
  cpraMaxExtensionDays: 14,
  searchWarrantValidityDays: 10,
  preservationHoldDays: 90,
  evidenceCode1560Enabled: false,
  evidenceCode1560CriminalDays: 5,
  evidenceCode1560CivilDays: 15,
  legalReviewTargetCourtDays: 3,
  directorApprovalTargetCourtDays: 2,
  pausableClocks: ['legal_review_target', 'director_approval_target'],
  dueSoonWithinDays: 3,
});

/** Statutory ceilings a setting may shorten but never exceed. */
const STATUTORY_MAXIMUM: Partial<Record<keyof DeadlineSettings, { max: number; citation: string }>> = {
  cpraDeterminationDays: { max: 10, citation: 'Gov. Code § 7922.535(a)' },
  cpraMaxExtensionDays: { max: 14, citation: 'Gov. Code § 7922.535(b)' },
  searchWarrantValidityDays: { max: 10, citation: 'Penal Code § 1534(a)' },
  evidenceCode1560CriminalDays: { max: 5, citation: 'Evid. Code § 1560(b)(1)' },
  evidenceCode1560CivilDays: { max: 15, citation: 'Evid. Code § 1560(b)(2)' },
};

/**
 * Practical ceilings for the library's own targets: beyond them a value is a typo, and it would push every
 * later clock (and the calendar walk that computes it) absurdly far ahead.
 */
const PRACTICAL_MAXIMUM: Partial<Record<keyof DeadlineSettings, number>> = {
  preservationHoldDays: 730,
  legalReviewTargetCourtDays: 60,
  directorApprovalTargetCourtDays: 60,
  dueSoonWithinDays: 60,
};
/** List lengths a calendar may hold: a few years of city closures, a few dozen extra state rules. */
const MAX_CITY_HOLIDAYS = 1000;
const MAX_CITY_CLOSURE_RULES = 100;
const MAX_PAUSABLE_CLOCKS = 50;

const DAY_COUNT_KEYS = [
  'cpraDeterminationDays',
  'cpraMaxExtensionDays',
  'searchWarrantValidityDays',
  'preservationHoldDays',
  'evidenceCode1560CriminalDays',
  'evidenceCode1560CivilDays',
  'legalReviewTargetCourtDays',
  'directorApprovalTargetCourtDays',
  'dueSoonWithinDays',
] as const satisfies readonly (keyof DeadlineSettings)[];

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Problems with a settings object, each naming the field; empty when it is usable. */
export function validateDeadlineSettings(settings: DeadlineSettings): string[] {
  const problems: string[] = [];
  if (!isTimeZone(settings.timeZone)) problems.push(`timeZone: '${settings.timeZone}' is not a known time zone`);
  for (const key of DAY_COUNT_KEYS) {
    const value = settings[key];
    if (!Number.isInteger(value) || value < 0) problems.push(`${key}: must be a whole number ≥ 0, got ${value}`);
    const ceiling = STATUTORY_MAXIMUM[key];
    if (ceiling && value > ceiling.max) problems.push(`${key}: ${value} exceeds the ${ceiling.max} days of ${ceiling.citation}`);
    const practical = PRACTICAL_MAXIMUM[key] ?? Infinity;
    if (value > practical) problems.push(`${key}: must be at most ${practical}, got ${value}`);
  }
  if (!Array.isArray(settings.cityHolidays) || !Array.isArray(settings.pausableClocks) || !Array.isArray(settings.cityClosureRules)) {
    problems.push('cityHolidays, pausableClocks and cityClosureRules must be lists');
    return problems;
  }
  const tooLong = [
    settings.cityHolidays.length > MAX_CITY_HOLIDAYS ? `cityHolidays: at most ${MAX_CITY_HOLIDAYS} entries` : '',
    settings.cityClosureRules.length > MAX_CITY_CLOSURE_RULES ? `cityClosureRules: at most ${MAX_CITY_CLOSURE_RULES} entries` : '',
    settings.pausableClocks.length > MAX_PAUSABLE_CLOCKS ? `pausableClocks: at most ${MAX_PAUSABLE_CLOCKS} entries` : '',
  ].filter(Boolean);
  // Overlong lists are not walked entry by entry.
  if (tooLong.length) return [...problems, ...tooLong];
  settings.cityHolidays.forEach((h, i) => {
    if (!isIsoDate(h.date)) problems.push(`cityHolidays[${i}].date: '${h.date}' is not a YYYY-MM-DD date`);
    if (typeof h.name !== 'string' || !h.name.trim()) problems.push(`cityHolidays[${i}].name: required`);
    else if (h.name.length > 200) problems.push(`cityHolidays[${i}].name: at most 200 characters`);
  });
  settings.pausableClocks.forEach((c, i) => {
    if (!isClockName(c)) problems.push(`pausableClocks[${i}]: '${c}' is not one of ${CLOCK_NAMES.join(', ')}`);
  });
  settings.cityClosureRules.forEach((rule, i) => problems.push(...validateHolidayRule(rule, `cityClosureRules[${i}]`)));
  return problems;
}

export class InvalidDeadlineSettingsError extends RangeError {
  constructor(readonly problems: string[]) {
    super(`Invalid deadline settings: ${problems.join('; ')}`);
    this.name = 'InvalidDeadlineSettingsError';
  }
}

/** Defaults overlaid with stored overrides, validated; throws InvalidDeadlineSettingsError listing problems. */
export function resolveDeadlineSettings(overrides: Partial<DeadlineSettings> = {}): DeadlineSettings {
  const settings: DeadlineSettings = { ...DEFAULT_DEADLINE_SETTINGS, ...overrides };
  const problems = validateDeadlineSettings(settings);
  if (problems.length) throw new InvalidDeadlineSettingsError(problems);
  return settings;
}

const calendars = new WeakMap<DeadlineSettings, Record<CalendarKind, HolidayCalendar>>();

/** The court and city calendars the settings describe, built once per settings object. */
export function calendarsFor(settings: DeadlineSettings): Record<CalendarKind, HolidayCalendar> {
  let built = calendars.get(settings);
  if (!built) {
    built = { court: courtCalendar(), city: cityCalendar(settings.cityClosureRules ?? DEFAULT_CITY_CLOSURE_RULES, settings.cityHolidays) };
    calendars.set(settings, built);
  }
  return built;
}

/** The city's closure calendar (the library's own deadlines). */
export function calendarFor(settings: DeadlineSettings): HolidayCalendar {
  return calendarsFor(settings).city;
}
