import fc from 'fast-check';
import { WEEKDAY_NAMES, addDays, assertIsoDate, daysBetween, formatDay, isIsoDate, isWeekend, weekdayName, weekdayOf, yearOf } from './iso-date';
import { describeDateInput, toLocalDate } from './local-date';

describe('ISO dates', () => {
  it('rejects impossible dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
  });
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-20', 10)).toBe('2026-11-30');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-20', '2026-11-30')).toBe(10);
    expect(weekdayName('2026-11-20')).toBe('Friday');
  });
});

describe('toLocalDate (America/Los_Angeles)', () => {
  it('takes the local date of a date-time with an offset', () => {
    expect(toLocalDate('2026-03-02T16:05:00-08:00')).toBe('2026-03-02');
    expect(toLocalDate('2026-03-03T06:30:00Z')).toBe('2026-03-02');
    expect(toLocalDate('2026-03-03T08:30:00Z')).toBe('2026-03-03');
  });
  it('follows daylight saving time', () => {
    expect(toLocalDate('2026-07-01T06:30:00Z')).toBe('2026-06-30');
    expect(toLocalDate('2026-07-01T07:30:00Z')).toBe('2026-07-01');
  });
  it('accepts Date objects and plain dates', () => {
    expect(toLocalDate(new Date('2026-11-21T05:00:00Z'))).toBe('2026-11-20');
    expect(toLocalDate('2026-11-20')).toBe('2026-11-20');
  });
  it('refuses a date-time without an offset, and nonsense', () => {
    expect(() => toLocalDate('2026-03-02T10:00:00')).toThrow(/offset/);
    expect(() => toLocalDate('yesterday')).toThrow(RangeError);
    expect(() => toLocalDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('toLocalDateTime', () => {
  const { toLocalDateTime } = jest.requireActual('./local-date') as typeof import('./local-date');
  it('prints Pacific wall time with the offset in force', () => {
    expect(toLocalDateTime(new Date('2026-11-29T00:30:00Z'))).toBe('2026-11-28T16:30:00-08:00');
    expect(toLocalDateTime(new Date('2026-07-04T19:00:00Z'))).toBe('2026-07-04T12:00:00-07:00');
  });
  it('names the same instant', () => {
    const instant = new Date('2026-03-08T10:15:42Z');
    expect(new Date(toLocalDateTime(instant)).getTime()).toBe(instant.getTime());
  });
});

describe('ISO dates: the helpers, against the platform’s Date', () => {
  const day = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000);

  it('adds, subtracts and measures days like UTC midnights do, across every month and leap year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -800, max: 800 }), (n, delta) => {
        const from = day(n).toISOString().slice(0, 10);
        const to = day(n + delta).toISOString().slice(0, 10);
        expect(addDays(from, delta)).toBe(to);
        expect(daysBetween(from, to)).toBe(delta);
        expect(weekdayOf(from)).toBe(day(n).getUTCDay());
        expect(isWeekend(from)).toBe([0, 6].includes(day(n).getUTCDay()));
        expect(yearOf(from)).toBe(day(n).getUTCFullYear());
        expect(isIsoDate(from)).toBe(true);
      }),
    );
  });

  it('takes only YYYY-MM-DD dates that exist', () => {
    for (const bad of ['2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', ' 2026-01-01', '2026-01-01 ', '2026-01-01T00:00:00Z', '20260101', 20260101, null]) expect(isIsoDate(bad)).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });

  it('names what it checks when a date is malformed', () => {
    expect(() => assertIsoDate('2026-02-30')).toThrow("date must be a real date in YYYY-MM-DD form, got '2026-02-30'");
    expect(() => assertIsoDate(undefined, 'due date')).toThrow("due date must be a real date in YYYY-MM-DD form, got 'undefined'");
    expect(() => addDays('2026-2-3', 1)).toThrow("'2026-2-3' is not a date in YYYY-MM-DD form");
    expect(() => assertIsoDate('2026-02-28')).not.toThrow();
  });

  it('prints the weekday for a clerk to check at a glance', () => {
    expect(WEEKDAY_NAMES.map((_, i) => formatDay(addDays('2026-11-22', i)))).toEqual([
      'Sun 2026-11-22', 'Mon 2026-11-23', 'Tue 2026-11-24', 'Wed 2026-11-25', 'Thu 2026-11-26', 'Fri 2026-11-27', 'Sat 2026-11-28',
    ]);
    expect(weekdayName('2026-11-28')).toBe('Saturday');
  });
});

describe('toLocalDate: what it accepts', () => {
  it('takes any ISO offset form: Z or z, ±hh:mm or ±hhmm, with or without seconds and fractions', () => {
    expect(toLocalDate('2026-01-01T10:00z')).toBe('2026-01-01');
    expect(toLocalDate('2026-01-01T03:00:00.123+0530')).toBe('2025-12-31');
    expect(toLocalDate('2026-01-01T03:00+05:30')).toBe('2025-12-31');
    expect(toLocalDate('2026-01-01T10:00:00Z', 'Asia/Tokyo')).toBe('2026-01-01');
    expect(toLocalDate('2026-01-01T20:00:00Z', 'Asia/Tokyo')).toBe('2026-01-02');
  });

  it('refuses a date-time that does not exist rather than rolling it into the next month', () => {
    expect(() => toLocalDate('2026-02-30T10:00:00Z')).toThrow("'2026-02-30T10:00:00Z' is not a valid date-time");
    expect(() => toLocalDate('2026-13-01T10:00:00Z')).toThrow("'2026-13-01T10:00:00Z' is not a valid date-time");
    expect(() => toLocalDate('2026-01-01T24:30:00Z')).toThrow("'2026-01-01T24:30:00Z' is not a valid date-time");
  });

  it('says what form it wants', () => {
    expect(() => toLocalDate('2026-03-02T10:00:00')).toThrow("'2026-03-02T10:00:00' must be a YYYY-MM-DD date or an ISO date-time with a UTC offset (e.g. 2026-03-02T16:05:00-08:00)");
    expect(() => toLocalDate('x2026-03-02T10:00:00Z')).toThrow(/must be a YYYY-MM-DD date/);
    expect(() => toLocalDate('2026-03-02T10:00:00Zx')).toThrow(/must be a YYYY-MM-DD date/);
    expect(() => toLocalDate(new Date(Number.NaN))).toThrow('Invalid Date given where a date was expected');
  });

  it('refuses an instant whose local year has no four-digit form', () => {
    expect(() => toLocalDate('0999-06-01T12:00:00Z')).toThrow(/local date of '0999-06-01T12:00:00Z' must be a real date/);
  });

  it('shows strings as given and Date objects as ISO instants', () => {
    expect(describeDateInput('2026-11-20T16:05:00-08:00')).toBe('2026-11-20T16:05:00-08:00');
    expect(describeDateInput(new Date('2026-11-21T00:05:00Z'))).toBe('2026-11-21T00:05:00.000Z');
  });
});

describe('toLocalDateTime: any zone', () => {
  const { toLocalDateTime } = jest.requireActual('./local-date') as typeof import('./local-date');
  it('prints half-hour offsets either side of UTC, and UTC itself, to the whole second', () => {
    expect(toLocalDateTime(new Date('2026-11-29T00:30:00.999Z'), 'Asia/Kolkata')).toBe('2026-11-29T06:00:00+05:30');
    expect(toLocalDateTime(new Date('2026-11-29T00:30:00Z'), 'America/St_Johns')).toBe('2026-11-28T21:00:00-03:30');
    expect(toLocalDateTime(new Date('2026-11-29T00:30:00Z'), 'UTC')).toBe('2026-11-29T00:30:00+00:00');
    expect(toLocalDateTime(new Date('2026-11-29T00:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-11-29T14:30:00+14:00');
  });
});
