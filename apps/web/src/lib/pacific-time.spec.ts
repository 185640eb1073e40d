import { addDays, daysBetween, libraryLocalToIso, toLibraryLocal } from './pacific-time';

describe('library (Pacific) time', () => {
  it('writes a wall-clock time with the offset in force on that date', () => {
    expect(libraryLocalToIso('2026-03-02T16:05')).toBe('2026-03-02T16:05:00-08:00');
    expect(libraryLocalToIso('2026-07-02T09:30')).toBe('2026-07-02T09:30:00-07:00');
  });

  it('reads an instant back as Pacific wall-clock time', () => {
    expect(toLibraryLocal('2026-03-03T00:05:00Z')).toBe('2026-03-02T16:05');
    expect(toLibraryLocal(libraryLocalToIso('2026-07-02T09:30'))).toBe('2026-07-02T09:30');
  });

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
});
