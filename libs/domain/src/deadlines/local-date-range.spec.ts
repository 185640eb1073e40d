import { toLocalDate } from './local-date';

// A Date object and its ISO string name the same instant, so they are refused alike when the local year has no
// four-digit form: 999 or 10000 would make a "date" that iso-date.ts cannot read (it once came back as '999-06-01').
describe('toLocalDate: Date objects outside four-digit years', () => {
  it('refuses them as it refuses the same instant written as a string', () => {
    expect(() => toLocalDate(new Date('0999-06-01T12:00:00Z'))).toThrow("local date of '0999-06-01T12:00:00.000Z' must be a real date in YYYY-MM-DD form, got '999-06-01'");
    expect(() => toLocalDate(new Date(Date.UTC(10000, 0, 1, 12)))).toThrow("local date of '+010000-01-01T12:00:00.000Z' must be a real date in YYYY-MM-DD form, got '10000-01-01'");
    expect(toLocalDate(new Date('1000-01-01T12:00:00Z'), 'UTC')).toBe('1000-01-01');
  });
});
