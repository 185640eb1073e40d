import { formatDateTime, instantsInLibraryTime } from './format';

describe('instants in the library time', () => {
  it('rewrites a UTC instant in a deadline step as Pacific time and keeps the rest of the sentence', () => {
    const step = 'Start: receipt of the request, 2026-11-20T18:15:00.000Z → local date Fri, Nov 20, 2026 in America/Los_Angeles.';
    expect(instantsInLibraryTime(step)).toBe('Start: receipt of the request, Nov 20, 2026, 10:15 AM PT → local date Fri, Nov 20, 2026 in America/Los_Angeles.');
  });

  it('reads offsets, and summer time, correctly', () => {
    expect(instantsInLibraryTime('at 2026-07-02T09:30:00-07:00.')).toBe('at Jul 2, 2026, 9:30 AM PT.');
    expect(instantsInLibraryTime('from 2026-03-09T01:00Z')).toBe(`from ${formatDateTime('2026-03-09T01:00Z')}`);
    expect(formatDateTime('2026-03-09T01:00Z')).toBe('Mar 8, 2026, 6:00 PM PT');
  });

  it('leaves dates, zone-less times, ranges of dates and anything that is not a whole instant alone', () => {
    for (const text of [
      'Paused 2026-11-20 → still open (needs_info: waiting for the requester to cure a defect): 3 days of the period not counted.',
      'Start: receipt of the request, 2026-11-20 → Fri, Nov 20, 2026.',
      'a wall-clock time 2026-11-20T10:15 without a zone',
      'not a date: 12026-11-20T18:15:00Z, ref 2026-11-20T18:15:00Zx',
      'Day 10 (10 + 0 extension) is Mon, Nov 30, 2026.',
    ]) {
      expect(instantsInLibraryTime(text)).toBe(text);
    }
  });
});
