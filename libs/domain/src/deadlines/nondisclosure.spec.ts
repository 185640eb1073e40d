import fc from 'fast-check';
import { checkNondisclosurePeriod } from './nondisclosure';

// Penal Code § 1546.2(b): a court may delay notice for up to 90 days at a time (domain.md § 2). Calendar days.
describe('checkNondisclosurePeriod', () => {
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

  it('accepts 0 to 90 days from the order, and no period that ends before it starts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: -30, max: 200 }), (ordered, length) => {
        const check = checkNondisclosurePeriod(day(ordered), day(ordered + length));
        expect(check).toMatchObject({ ok: length >= 0 && length <= 90, days: length, maxDays: 90, orderedOn: day(ordered), until: day(ordered + length), citation: 'Penal Code § 1546.2(b)' });
      }),
    );
  });

  it('says which way a period is wrong', () => {
    expect(checkNondisclosurePeriod('2026-01-01', '2026-04-01').message).toBe('Nondisclosure for 90 days, within the 90 allowed at a time.');
    expect(checkNondisclosurePeriod('2026-01-01', '2026-04-02').message).toBe('Nondisclosure for 91 days exceeds the 90 a court may order at a time; ask counsel whether it was renewed.');
    expect(checkNondisclosurePeriod('2026-01-10', '2026-01-09').message).toBe('The nondisclosure end date 2026-01-09 is before the order date 2026-01-10.');
    expect(checkNondisclosurePeriod('2026-01-10', '2026-01-10').message).toBe('Nondisclosure for 0 days, within the 90 allowed at a time.');
  });

  it('takes local dates in the library’s zone unless told another', () => {
    // 07:30 UTC on 11 Jan is 10 Jan in Los Angeles, 11 Jan in New York.
    expect(checkNondisclosurePeriod('2026-01-11T07:30:00Z', '2026-04-10').days).toBe(90);
    expect(checkNondisclosurePeriod('2026-01-11T07:30:00Z', '2026-04-10', 'America/New_York').days).toBe(89);
  });
});
