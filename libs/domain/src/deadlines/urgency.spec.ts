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
