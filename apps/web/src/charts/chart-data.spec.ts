import type { CaseSummary, DueItem } from '../api/types';
import { countBy, median, responseDays, responseTimeBars, weekColumns } from './chart-data';

const due = (dueDate: string, caseNumber = dueDate): DueItem => ({ caseId: caseNumber, caseNumber, dueDate, urgency: 'later' } as DueItem);

describe('chart data', () => {
  it('puts deadlines into an overdue column and one column per week from today', () => {
    const columns = weekColumns([due('2026-03-01'), due('2026-03-02'), due('2026-03-08'), due('2026-03-09'), due('2026-04-30')], '2026-03-02', 2);
    expect(columns.map((c) => c.label)).toEqual(['Overdue', 'Next 7 days', 'From Mar 9']);
    expect(columns.map((c) => c.items.map((i) => i.dueDate))).toEqual([['2026-03-01'], ['2026-03-02', '2026-03-08'], ['2026-03-09']]);
  });

  it('counts response times of closed cases into buckets, with their median', () => {
    const cases = [
      { receivedAt: '2026-03-01T10:00:00Z', closedAt: '2026-03-04T10:00:00Z' },
      { receivedAt: '2026-03-01T10:00:00Z', closedAt: '2026-03-11T09:00:00Z' },
      { receivedAt: '2026-03-01T10:00:00Z', closedAt: '2026-04-20T10:00:00Z' },
      { receivedAt: '2026-03-01T10:00:00Z', closedAt: null },
    ] as CaseSummary[];
    const days = responseDays(cases);
    expect(days).toEqual([3, 10, 50]);
    expect(responseTimeBars(days).map((b) => b.value)).toEqual([1, 1, 0, 0, 1]);
    expect(median(days)).toBe(10);
    expect(median([])).toBeNull();
  });

  it('counts by key in the catalogue order and drops empty rows', () => {
    const bars = countBy(['b', 'a', 'b'], (x) => x as 'a' | 'b' | 'c', ['a', 'b', 'c'], { a: 'A', b: 'B', c: 'C' });
    expect(bars.map((b) => [b.label, b.value])).toEqual([['A', 1], ['B', 2]]);
  });
});
