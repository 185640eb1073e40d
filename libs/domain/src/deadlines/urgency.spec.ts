import { classifyDeadline, daysUntil } from './urgency';

describe('deadline urgency', () => {
  it('counts days from the local date of today', () => {
    expect(daysUntil('2026-11-30', '2026-11-27T23:30:00-08:00')).toBe(3);
    expect(daysUntil('2026-11-30', '2026-11-28T07:30:00Z')).toBe(3); // still the 27th in Los Angeles
  });
  it('classifies overdue, due today, due soon, later and paused', () => {
    expect(classifyDeadline('2026-11-30', '2026-12-01', 3)).toBe('overdue');
    expect(classifyDeadline('2026-11-30', '2026-11-30', 3)).toBe('due_today');
    expect(classifyDeadline('2026-11-30', '2026-11-27', 3)).toBe('due_soon');
    expect(classifyDeadline('2026-11-30', '2026-11-26', 3)).toBe('later');
    expect(classifyDeadline(null, '2026-11-26', 3)).toBe('paused');
  });
});

describe('deadline urgency at the edges', () => {
  it('is due soon up to and including the window’s last day', () => {
    expect(classifyDeadline('2026-11-30', '2026-11-27', 3)).toBe('due_soon');
    expect(classifyDeadline('2026-11-30', '2026-11-29', 0)).toBe('later');
    expect(classifyDeadline('2026-11-30', '2026-11-29', 1)).toBe('due_soon');
  });
  it('takes today’s local date in the zone given', () => {
    // 06:00 UTC on 1 Dec is still 30 Nov in Los Angeles, already 1 Dec in New York.
    expect(classifyDeadline('2026-11-30', '2026-12-01T06:00:00Z', 3)).toBe('due_today');
    expect(classifyDeadline('2026-11-30', '2026-12-01T06:00:00Z', 3, 'America/New_York')).toBe('overdue');
    expect(daysUntil('2026-11-30', '2026-12-01T06:00:00Z', 'America/New_York')).toBe(-1);
  });
  it('refuses a due date that is not a date', () => {
    expect(() => daysUntil('2026-11-31', '2026-11-20')).toThrow(/due date must be a real date/);
  });
});
