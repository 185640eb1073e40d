import fc from 'fast-check';
import { HolidayRule, holidaysInYear, lunarNewYear, ruleDate, validateHolidayRule } from './holiday-rules';

/*
 * Oracles computed here with the platform's Date, not with iso-date.ts: "the nth Monday of a month" is the Monday
 * whose day of the month is in week n (days 1-7, 8-14, ...); "the last" is the one with no same weekday after it.
 */
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const iso = (t: Date) => t.toISOString().slice(0, 10);
const daysInMonth = (y: number, m: number) => utc(y, m + 1, 0).getUTCDate();
const shift = (date: string, days: number) => iso(new Date(Date.parse(date) + days * 86_400_000));

const rule = (overrides: Partial<HolidayRule> = {}): HolidayRule => ({
  name: 'Founders Day',
  date: { type: 'fixed', month: 7, day: 4 },
  observance: 'none',
  citation: 'Resolution 2024-01',
  ...overrides,
});

describe('ruleDate', () => {
  it('gives a fixed date as YYYY-MM-DD, zero-padded', () => {
    expect(ruleDate({ type: 'fixed', month: 7, day: 4 }, 2026)).toBe('2026-07-04');
    expect(ruleDate({ type: 'fixed', month: 12, day: 25 }, 2031)).toBe('2031-12-25');
  });

  it('gives the nth or last weekday of a month, then the offset, for every month, weekday and year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2150 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(1, 2, 3, 4, -1),
        fc.integer({ min: -6, max: 6 }),
        (year, month, weekday, nth, offsetDays) => {
          const base = shift(ruleDate({ type: 'nth_weekday', month, weekday, nth, offsetDays }, year), -offsetDays);
          const [y, m, d] = base.split('-').map(Number);
          expect([y, m]).toEqual([year, month]);
          expect(utc(y, m, d).getUTCDay()).toBe(weekday);
          if (nth === -1) expect(d + 7).toBeGreaterThan(daysInMonth(y, m));
          else expect(Math.ceil(d / 7)).toBe(nth);
        },
      ),
    );
  });

  it('counts the last weekday of December within December (the month after it is January of the next year)', () => {
    expect(ruleDate({ type: 'nth_weekday', month: 12, weekday: 1, nth: -1 }, 2026)).toBe('2026-12-28');
    expect(ruleDate({ type: 'nth_weekday', month: 12, weekday: 4, nth: -1 }, 2026)).toBe('2026-12-31');
  });

  it('takes no offset as none: Thanksgiving 2026 is Thu 11-26, the day after Fri 11-27', () => {
    expect(ruleDate({ type: 'nth_weekday', month: 11, weekday: 4, nth: 4 }, 2026)).toBe('2026-11-26');
    expect(ruleDate({ type: 'nth_weekday', month: 11, weekday: 4, nth: 4, offsetDays: 1 }, 2026)).toBe('2026-11-27');
  });

  it('gives the Lunar New Year from the published table, the same answer when asked again', () => {
    expect(lunarNewYear(2026)).toBe('2026-02-17');
    expect(lunarNewYear(2027)).toBe('2027-02-06');
    expect(lunarNewYear(2026)).toBe('2026-02-17');
    expect(ruleDate({ type: 'lunar_new_year' }, 2028)).toBe('2028-01-26');
  });
});

describe('holidaysInYear: weekend observance', () => {
  // 4 July falls on a Saturday in 2026, a Sunday in 2027 and a Tuesday in 2028.
  const july4 = (observance: HolidayRule['observance']) => rule({ observance });
  const days = (r: HolidayRule, year: number) => holidaysInYear([r], year).map((h) => `${h.date}${h.observed ? ' observed' : ''}`);

  it("'none' never moves a holiday", () => {
    expect(days(july4('none'), 2026)).toEqual(['2026-07-04']);
    expect(days(july4('none'), 2027)).toEqual(['2027-07-04']);
  });

  it("'sunday_to_monday' (Gov. Code § 6701) keeps a Sunday holiday on the Monday and leaves a Saturday one", () => {
    expect(days(july4('sunday_to_monday'), 2026)).toEqual(['2026-07-04']);
    expect(days(july4('sunday_to_monday'), 2027)).toEqual(['2027-07-04', '2027-07-05 observed']);
  });

  it("'weekend_to_weekday' (the courts' practice) keeps a Saturday holiday on the Friday and a Sunday one on the Monday", () => {
    expect(days(july4('weekend_to_weekday'), 2026)).toEqual(['2026-07-03 observed', '2026-07-04']);
    expect(days(july4('weekend_to_weekday'), 2027)).toEqual(['2027-07-04', '2027-07-05 observed']);
  });

  it('adds no observed day for a holiday on a weekday', () => {
    for (const observance of ['none', 'sunday_to_monday', 'weekend_to_weekday'] as const) expect(days(july4(observance), 2028)).toEqual(['2028-07-04']);
  });

  it("lists an observance in the year it falls in: New Year's Day, Sat 2028-01-01, is kept Fri 2027-12-31", () => {
    const newYear = rule({ date: { type: 'fixed', month: 1, day: 1 }, observance: 'weekend_to_weekday' });
    expect(days(newYear, 2027)).toEqual(['2027-01-01', '2027-12-31 observed']);
    expect(days(newYear, 2028)).toEqual(['2028-01-01']);
    // Sun 2028-12-31 is kept on Mon 2029-01-01, in 2029's list.
    const newYearsEve = rule({ date: { type: 'fixed', month: 12, day: 31 }, observance: 'sunday_to_monday' });
    expect(days(newYearsEve, 2028)).toEqual(['2028-12-31']);
    expect(days(newYearsEve, 2029)).toEqual(['2029-01-01 observed', '2029-12-31']);
  });

  it('carries each rule’s name and citation, sorted by date across rules', () => {
    const a = rule({ name: 'B day', citation: 'Res. B', date: { type: 'fixed', month: 9, day: 1 } });
    const b = rule({ name: 'A day', citation: 'Res. A', date: { type: 'fixed', month: 3, day: 1 } });
    expect(holidaysInYear([a, b], 2026)).toEqual([
      { date: '2026-03-01', name: 'A day', observed: false, citation: 'Res. A' },
      { date: '2026-09-01', name: 'B day', observed: false, citation: 'Res. B' },
    ]);
  });
});

describe('holidaysInYear: effective years', () => {
  const limited = rule({ fromYear: 2027, toYear: 2028 });
  const years = (r: HolidayRule) => [2026, 2027, 2028, 2029].filter((y) => holidaysInYear([r], y).length > 0);

  it('applies a rule from its first year to its last, both included', () => {
    expect(years(limited)).toEqual([2027, 2028]);
    expect(years(rule({ fromYear: 2028 }))).toEqual([2028, 2029]);
    expect(years(rule({ toYear: 2027 }))).toEqual([2026, 2027]);
    expect(years(rule({ fromYear: 2027, toYear: 2027 }))).toEqual([2027]);
  });

  it('judges the holiday by its own year: the 2028 New Year kept on Fri 2027-12-31 counts for a rule from 2028', () => {
    const fromNewYear2028 = rule({ date: { type: 'fixed', month: 1, day: 1 }, observance: 'weekend_to_weekday', fromYear: 2028 });
    expect(holidaysInYear([fromNewYear2028], 2027).map((h) => h.date)).toEqual(['2027-12-31']);
  });
});

describe('validateHolidayRule', () => {
  const problems = (overrides: Partial<HolidayRule> | Record<string, unknown>) => validateHolidayRule(rule(overrides as Partial<HolidayRule>), 'rules[0]');

  it('accepts a complete rule of each date type', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ date: { type: 'nth_weekday', month: 11, weekday: 4, nth: 4, offsetDays: 1 }, observance: 'weekend_to_weekday' })).toEqual([]);
    expect(problems({ date: { type: 'lunar_new_year' }, observance: 'sunday_to_monday', fromYear: 2023 })).toEqual([]);
  });

  it('refuses something that is not a rule object', () => {
    for (const bad of [null, 'Founders Day', ['Founders Day']]) expect(validateHolidayRule(bad as never, 'rules[3]')).toEqual(['rules[3]: must be an object']);
  });

  it('requires a name and a citation with text in them', () => {
    expect(problems({ name: '  ' })).toEqual(['rules[0].name: required']);
    expect(problems({ name: 7 as never })).toEqual(['rules[0].name: required']);
    expect(problems({ citation: '' })).toEqual(['rules[0].citation: required (the resolution, MOU or statute that closes the day)']);
    expect(problems({ citation: '  ' })).toEqual(['rules[0].citation: required (the resolution, MOU or statute that closes the day)']);
    expect(problems({ citation: undefined })).toEqual(['rules[0].citation: required (the resolution, MOU or statute that closes the day)']);
  });

  it('requires one of the three observances', () => {
    expect(problems({ observance: 'saturday_to_friday' as never })).toEqual(['rules[0].observance: must be one of none, sunday_to_monday, weekend_to_weekday']);
  });

  it('takes effective years from 1900 to 2200, whole, first not after last', () => {
    const yearProblem = (field: 'fromYear' | 'toYear') => `rules[0].${field}: must be a year between 1900 and 2200`;
    for (const ok of [1900, 2200]) expect(problems({ fromYear: ok, toYear: ok })).toEqual([]);
    for (const bad of [1899, 2201, 2026.5, '2026']) {
      expect(problems({ fromYear: bad as never })).toEqual([yearProblem('fromYear')]);
      expect(problems({ toYear: bad as never })).toEqual([yearProblem('toYear')]);
    }
    expect(problems({ fromYear: 2027, toYear: 2026 })).toEqual(['rules[0]: fromYear is after toYear']);
    expect(problems({ fromYear: 2026, toYear: 2026 })).toEqual([]);
  });

  it('takes a fixed date only when the month and day exist (29 February does, in a leap year)', () => {
    const notReal = ['rules[0].date: not a real month and day'];
    for (const [month, day] of [[1, 1], [12, 31], [2, 29], [4, 30]]) expect(problems({ date: { type: 'fixed', month, day } })).toEqual([]);
    for (const [month, day] of [[0, 1], [13, 1], [1, 0], [1, 32], [2, 30], [4, 31], [1.5, 1]]) expect(problems({ date: { type: 'fixed', month, day } })).toEqual(notReal);
  });

  it('takes an nth weekday exactly when month 1-12, weekday 0-6, nth 1-4 or -1 and offset -6..6 (or none)', () => {
    const message = 'rules[0].date: nth_weekday needs month 1-12, weekday 0-6, nth 1-4 or -1, offsetDays -6..6';
    const inRange = (v: number, lo: number, hi: number) => v >= lo && v <= hi;
    fc.assert(
      fc.property(
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -2, max: 8 }),
        fc.integer({ min: -3, max: 6 }),
        fc.option(fc.integer({ min: -9, max: 9 }), { nil: undefined }),
        (month, weekday, nth, offsetDays) => {
          const valid = inRange(month, 1, 12) && inRange(weekday, 0, 6) && (nth === -1 || inRange(nth, 1, 4)) && (offsetDays === undefined || inRange(offsetDays, -6, 6));
          expect(problems({ date: { type: 'nth_weekday', month, weekday, nth, ...(offsetDays === undefined ? {} : { offsetDays }) } })).toEqual(valid ? [] : [message]);
        },
      ),
    );
  });

  it('takes numbers, not digits in text, from stored settings', () => {
    expect(problems({ date: { type: 'fixed', month: '07', day: 4 } as never })).toEqual(['rules[0].date: not a real month and day']);
    expect(problems({ date: { type: 'fixed', month: 7, day: '04' } as never })).toEqual(['rules[0].date: not a real month and day']);
    expect(problems({ date: { type: 'nth_weekday', month: 1.5, weekday: 1, nth: 3 } })).toEqual(['rules[0].date: nth_weekday needs month 1-12, weekday 0-6, nth 1-4 or -1, offsetDays -6..6']);
  });

  it('requires a date of a known type', () => {
    expect(problems({ date: undefined })).toEqual(['rules[0].date: required']);
    expect(problems({ date: '07-04' as never })).toEqual(['rules[0].date: required']);
    expect(problems({ date: { type: 'easter' } as never })).toEqual(['rules[0].date.type: must be fixed, nth_weekday or lunar_new_year']);
  });

  it('lists every problem of a rule, each naming its field', () => {
    expect(problems({ name: '', citation: '', observance: 'x' as never, fromYear: 1, date: undefined })).toEqual([
      'rules[0].name: required',
      'rules[0].citation: required (the resolution, MOU or statute that closes the day)',
      'rules[0].observance: must be one of none, sunday_to_monday, weekend_to_weekday',
      'rules[0].fromYear: must be a year between 1900 and 2200',
      'rules[0].date: required',
    ]);
  });
});
