import { pauseCovering, toLocalPauses } from './pauses';

// A pause is like a period under Code Civ. Proc. § 12: the day it starts still counts, the day it ends does not run.
describe('pauses', () => {
  const [closed, open] = toLocalPauses([
    { from: '2026-11-23T10:00:00-08:00', to: '2026-11-25', reason: '  needs_info ' },
    { from: '2026-12-01', reason: 'counsel' },
  ], 'America/Los_Angeles');

  it('holds local dates and a trimmed reason; no end means still open', () => {
    expect(closed).toEqual({ from: '2026-11-23', to: '2026-11-25', reason: 'needs_info' });
    expect(open).toEqual({ from: '2026-12-01', to: null, reason: 'counsel' });
    expect(toLocalPauses([{ from: '2026-11-23', to: null, reason: 'x' }], 'UTC')[0].to).toBeNull();
    expect(toLocalPauses([{ from: '2026-11-24T06:00:00Z', reason: 'x' }], 'Asia/Tokyo')[0].from).toBe('2026-11-24');
    expect(toLocalPauses([{ from: '2026-11-24T06:00:00Z', reason: 'x' }], 'America/Los_Angeles')[0].from).toBe('2026-11-23');
  });

  it('covers the days after its start up to and including its end', () => {
    const covered = ['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'].map((d) => pauseCovering([closed], d)?.reason ?? null);
    expect(covered).toEqual([null, null, 'needs_info', 'needs_info', null]);
    expect(['2026-12-01', '2026-12-02', '2099-01-01'].map((d) => pauseCovering([closed, open], d)?.reason ?? null)).toEqual([null, 'counsel', 'counsel']);
  });

  it('refuses a pause without a reason or one that ends before it starts', () => {
    for (const reason of ['', '  ', undefined as never]) expect(() => toLocalPauses([{ from: '2026-11-23', reason }], 'UTC')).toThrow('every pause needs a reason');
    expect(() => toLocalPauses([{ from: '2026-11-25', to: '2026-11-24', reason: 'needs_info' }], 'UTC')).toThrow("pause 'needs_info' ends (2026-11-24) before it starts (2026-11-25)");
    expect(toLocalPauses([{ from: '2026-11-25', to: '2026-11-25', reason: 'needs_info' }], 'UTC')).toHaveLength(1);
  });
});
