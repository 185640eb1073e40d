import fc from 'fast-check';
import { DEFAULT_CITY_CLOSURE_RULES } from './calendars';
import { DEFAULT_DEADLINE_SETTINGS, DeadlineSettings, InvalidDeadlineSettingsError, calendarFor, calendarsFor, resolveDeadlineSettings, validateDeadlineSettings } from './deadline-settings';

describe('deadline settings', () => {
  it('has valid defaults', () => {
    expect(validateDeadlineSettings(DEFAULT_DEADLINE_SETTINGS)).toEqual([]);
  });
  it('names each bad field, including statutory ceilings', () => {
    const problems = validateDeadlineSettings({
      ...DEFAULT_DEADLINE_SETTINGS,
      timeZone: 'Mars/Olympus',
      cpraMaxExtensionDays: 21,
      legalReviewTargetCourtDays: -1,
      cityHolidays: [{ date: '2026-02-30', name: '' }],
      pausableClocks: ['nope' as never],
    });
    expect(problems.join('\n')).toMatch(/timeZone[\s\S]*legalReviewTargetCourtDays[\s\S]*cityHolidays\[0\]\.date[\s\S]*cityHolidays\[0\]\.name[\s\S]*pausableClocks\[0\]/);
    expect(problems.join('\n')).toMatch(/cpraMaxExtensionDays: 21 exceeds the 14 days of Gov. Code § 7922.535\(b\)/);
  });
  it('refuses targets and lists beyond practical bounds (a million court days would break every later intake)', () => {
    expect(validateDeadlineSettings({ ...DEFAULT_DEADLINE_SETTINGS, legalReviewTargetCourtDays: 1_000_000 })).toEqual(['legalReviewTargetCourtDays: must be at most 60, got 1000000']);
    expect(validateDeadlineSettings({ ...DEFAULT_DEADLINE_SETTINGS, legalReviewTargetCourtDays: 60, preservationHoldDays: 730 })).toEqual([]);
    const holidays = Array.from({ length: 1001 }, (_, i) => ({ date: '2027-01-04', name: `closure ${i}` }));
    expect(validateDeadlineSettings({ ...DEFAULT_DEADLINE_SETTINGS, cityHolidays: holidays })).toEqual(['cityHolidays: at most 1000 entries']);
    expect(validateDeadlineSettings({ ...DEFAULT_DEADLINE_SETTINGS, cityHolidays: 'none' as never })).toEqual(['cityHolidays, pausableClocks and cityClosureRules must be lists']);
  });
  it('throws from resolveDeadlineSettings with the problems attached', () => {
    expect(() => resolveDeadlineSettings({ searchWarrantValidityDays: 11 })).toThrow(InvalidDeadlineSettingsError);
  });
  it('builds the calendar once per settings object, with the city holidays', () => {
    const settings = resolveDeadlineSettings({ cityHolidays: [{ date: '2026-10-14', name: 'Founders Day' }] });
    expect(calendarFor(settings)).toBe(calendarFor(settings));
    expect(calendarFor(settings).isHoliday('2026-10-14')).toBe(true);
    expect(calendarFor(DEFAULT_DEADLINE_SETTINGS).isHoliday('2026-10-14')).toBe(false);
  });
});

/*
 * The ceilings, restated from the statutes (domain.md §§ 2, 9) and the design's practical bounds, not read from
 * deadline-settings.ts: a setting may shorten a statutory period, never lengthen it.
 */
const CEILINGS: Record<string, { max: number; statute?: string }> = {
  cpraDeterminationDays: { max: 10, statute: 'Gov. Code § 7922.535(a)' },
  cpraMaxExtensionDays: { max: 14, statute: 'Gov. Code § 7922.535(b)' },
  searchWarrantValidityDays: { max: 10, statute: 'Penal Code § 1534(a)' },
  evidenceCode1560CriminalDays: { max: 5, statute: 'Evid. Code § 1560(b)(1)' },
  evidenceCode1560CivilDays: { max: 15, statute: 'Evid. Code § 1560(b)(2)' },
  preservationHoldDays: { max: 730 },
  legalReviewTargetCourtDays: { max: 60 },
  directorApprovalTargetCourtDays: { max: 60 },
  dueSoonWithinDays: { max: 60 },
};
const KEYS = Object.keys(CEILINGS) as (keyof DeadlineSettings)[];
const validate = (overrides: Partial<DeadlineSettings> | Record<string, unknown>) => validateDeadlineSettings({ ...DEFAULT_DEADLINE_SETTINGS, ...overrides } as DeadlineSettings);

describe('deadline settings: day counts', () => {
  it('accepts a whole number from 0 to the ceiling and names the statute a longer period would break', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), fc.integer({ min: -3, max: 800 }), (key, value) => {
        const { max, statute } = CEILINGS[key];
        const expected =
          value < 0 ? [`${key}: must be a whole number ≥ 0, got ${value}`]
          : value <= max ? []
          : [statute ? `${key}: ${value} exceeds the ${max} days of ${statute}` : `${key}: must be at most ${max}, got ${value}`];
        expect(validate({ [key]: value })).toEqual(expected);
      }),
    );
  });

  it('refuses fractions and non-numbers for every day count', () => {
    for (const key of KEYS) {
      expect(validate({ [key]: 2.5 })).toEqual([`${key}: must be a whole number ≥ 0, got 2.5`]);
      expect(validate({ [key]: '3' })).toEqual([`${key}: must be a whole number ≥ 0, got 3`]);
    }
  });

  it('accepts each ceiling itself (a setting may equal the statute)', () => {
    expect(validate(Object.fromEntries(KEYS.map((k) => [k, CEILINGS[k].max])))).toEqual([]);
    expect(validate(Object.fromEntries(KEYS.map((k) => [k, 0])))).toEqual([]);
  });
});

describe('deadline settings: lists', () => {
  it('says so once when any of the three lists is not a list, and checks nothing in them', () => {
    const message = 'cityHolidays, pausableClocks and cityClosureRules must be lists';
    for (const key of ['cityHolidays', 'pausableClocks', 'cityClosureRules']) expect(validate({ [key]: {} })).toEqual([message]);
    expect(validate({ pausableClocks: 'all', cpraDeterminationDays: 11 })).toEqual(['cpraDeterminationDays: 11 exceeds the 10 days of Gov. Code § 7922.535(a)', message]);
  });

  it('bounds each list and does not walk an overlong one', () => {
    const holidays = (n: number) => Array.from({ length: n }, () => ({ date: 'not a date', name: '' }));
    const rules = (n: number) => Array.from({ length: n }, () => ({ ...DEFAULT_CITY_CLOSURE_RULES[0] }));
    const clocks = (n: number) => Array.from({ length: n }, () => 'legal_review_target');
    expect(validate({ cityHolidays: holidays(1001) })).toEqual(['cityHolidays: at most 1000 entries']);
    expect(validate({ cityClosureRules: rules(100) })).toEqual([]);
    expect(validate({ cityClosureRules: rules(101) })).toEqual(['cityClosureRules: at most 100 entries']);
    expect(validate({ pausableClocks: clocks(50) })).toEqual([]);
    expect(validate({ pausableClocks: clocks(51) })).toEqual(['pausableClocks: at most 50 entries']);
    expect(validate({ cityHolidays: holidays(1001), pausableClocks: clocks(51), cityClosureRules: rules(101), dueSoonWithinDays: -1 })).toEqual([
      'dueSoonWithinDays: must be a whole number ≥ 0, got -1',
      'cityHolidays: at most 1000 entries',
      'cityClosureRules: at most 100 entries',
      'pausableClocks: at most 50 entries',
    ]);
    const valid = Array.from({ length: 1000 }, (_, i) => ({ date: '2027-01-04', name: `closure ${i}` }));
    expect(validate({ cityHolidays: valid })).toEqual([]);
  });

  it('names a one-off closure of up to 200 characters, and says which entry is wrong', () => {
    expect(validate({ cityHolidays: [{ date: '2026-10-14', name: 'x'.repeat(200) }] })).toEqual([]);
    expect(validate({ cityHolidays: [{ date: '2026-10-14', name: 'ok' }, { date: '2026-10-15', name: 'x'.repeat(201) }] })).toEqual(['cityHolidays[1].name: at most 200 characters']);
    expect(validate({ cityHolidays: [{ date: '2026-10-14', name: 5 }] })).toEqual(['cityHolidays[0].name: required']);
    expect(validate({ cityHolidays: [{ date: '2026-10-14', name: '   ' }] })).toEqual(['cityHolidays[0].name: required']);
    expect(validate({ cityHolidays: [{ date: '10/14/2026', name: 'Founders Day' }] })).toEqual(["cityHolidays[0].date: '10/14/2026' is not a YYYY-MM-DD date"]);
  });

  it('lists the known clocks when a pausable clock is unknown', () => {
    const [problem] = validate({ pausableClocks: ['legal_review_target', 'cpra_tolling'] });
    expect(problem).toMatch(/^pausableClocks\[1\]: 'cpra_tolling' is not one of cpra_determination, cpra_extension_notice, .*director_approval_target$/);
  });

  it('prefixes each closure rule problem with its place in the list', () => {
    const bad = { ...DEFAULT_CITY_CLOSURE_RULES[0], name: '' };
    expect(validate({ cityClosureRules: [DEFAULT_CITY_CLOSURE_RULES[0], bad] })).toEqual(['cityClosureRules[1].name: required']);
  });

  it('knows a real time zone from a made-up one', () => {
    expect(validate({ timeZone: 'America/New_York' })).toEqual([]);
    expect(validate({ timeZone: 'Pacific/Palm_Desert' })).toEqual(["timeZone: 'Pacific/Palm_Desert' is not a known time zone"]);
  });
});

describe('resolveDeadlineSettings', () => {
  it('lays stored overrides over the defaults', () => {
    const settings = resolveDeadlineSettings({ cpraDeterminationDays: 7 });
    expect(settings).toEqual({ ...DEFAULT_DEADLINE_SETTINGS, cpraDeterminationDays: 7 });
    expect(resolveDeadlineSettings()).toEqual(DEFAULT_DEADLINE_SETTINGS);
  });

  it('throws every problem at once, named and listed', () => {
    let error: unknown;
    try {
      resolveDeadlineSettings({ searchWarrantValidityDays: 11, dueSoonWithinDays: -1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidDeadlineSettingsError);
    expect(error).toBeInstanceOf(RangeError);
    const invalid = error as InvalidDeadlineSettingsError;
    expect(invalid.name).toBe('InvalidDeadlineSettingsError');
    expect(invalid.problems).toEqual(['searchWarrantValidityDays: 11 exceeds the 10 days of Penal Code § 1534(a)', 'dueSoonWithinDays: must be a whole number ≥ 0, got -1']);
    expect(invalid.message).toBe('Invalid deadline settings: searchWarrantValidityDays: 11 exceeds the 10 days of Penal Code § 1534(a); dueSoonWithinDays: must be a whole number ≥ 0, got -1');
  });
});

describe('calendarsFor', () => {
  it('builds the court calendar and the city calendar from the settings’ closure rules', () => {
    const { court, city } = calendarsFor(resolveDeadlineSettings({ cityClosureRules: [] }));
    // Lincoln Day, Thu 2026-02-12: a judicial holiday (CCP § 135); a city that lists no closures is open.
    expect(court.isHoliday('2026-02-12')).toBe(true);
    expect(city.isHoliday('2026-02-12')).toBe(false);
    expect(court.name).toMatch(/Court days/);
    expect(city.name).toBe('City closure calendar');
  });

  it('falls back to the default closure days when the stored settings hold null for them', () => {
    const legacy = { ...DEFAULT_DEADLINE_SETTINGS, cityClosureRules: null } as unknown as DeadlineSettings; // a stored null overrides the default on load
    expect(calendarsFor(legacy).city.isHoliday('2026-02-12')).toBe(true);
  });
});
