import { addDays, daysBetween, isIsoDate, weekdayName } from './iso-date';
import { toLocalDate } from './local-date';

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
