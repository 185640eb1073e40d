import { monthWeeks, shiftMonth } from './month-grid';

describe('month grid', () => {
  it('starts on the Monday on or before the first and ends with the week of the last day', () => {
    const weeks = monthWeeks('2026-12');
    expect(weeks[0][0]).toBe('2026-11-30');
    expect(weeks[weeks.length - 1]).toContain('2026-12-31');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(monthWeeks('2026-02').length).toBe(5);
  });

  it('moves across years', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });
});
