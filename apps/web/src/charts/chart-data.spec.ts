import type { CaseSummary, DueItem } from '../api/schema';
import { median, responseDays, responseTimeBars, tallyBars, weekColumns } from './chart-data';

const due = (dueDate: string, caseNumber = dueDate): DueItem => ({ caseId: caseNumber, caseNumber, dueDate, urgency: 'later' } as DueItem);

describe('chart data', () => {
  it('puts deadlines into an overdue column and one column per week from today', () => {
    const columns = weekColumns([due('2026-03-01'), due('2026-03-02'), due('2026-03-08'), due('2026-03-09'), due('2026-04-30')], '2026-03-02', 2);
    expect(columns.map((c) => c.label)).toEqual(['Overdue', 'Next 7 days', 'From Mar 9']);
    expect(columns.map((c) => c.items.map((i) => i.dueDate))).toEqual([['2026-03-01'], ['2026-03-02', '2026-03-08'], ['2026-03-09']]);
  });

  it('counts response times (received to decided) into buckets, each case once, with their median', () => {
    const cases = [
      { id: 'a', receivedAt: '2026-03-01T10:00:00Z', decidedAt: '2026-03-04T10:00:00Z' },
      { id: 'b', receivedAt: '2026-03-01T10:00:00Z', decidedAt: '2026-03-11T09:00:00Z' },
      { id: 'c', receivedAt: '2026-03-01T10:00:00Z', decidedAt: '2026-04-20T10:00:00Z' },
      { id: 'c', receivedAt: '2026-03-01T10:00:00Z', decidedAt: '2026-04-20T10:00:00Z' },
      { id: 'd', receivedAt: '2026-03-01T10:00:00Z', decidedAt: null },
    ] as CaseSummary[];
    const days = responseDays(cases);
    expect(days).toEqual([3, 10, 50]);
    expect(responseTimeBars(days).map((b) => b.value)).toEqual([1, 1, 0, 0, 1]);
    expect(median(days)).toBe(10);
    expect(median([])).toBeNull();
  });

  it('turns the server\'s counts into bars in catalogue order, keeping keys it does not know under their code', () => {
    const bars = tallyBars({ c: 4, a: 1, z: 2 } as Record<string, number>, ['a', 'b', 'c'], { a: 'A', b: 'B', c: 'C' } as Record<string, string>);
    expect(bars.map((b) => [b.label, b.value])).toEqual([['A', 1], ['C', 4], ['z', 2]]);
  });
});
