import fc from 'fast-check';
import { courtCalendar } from './calendars';
import { addDays } from './iso-date';
import { timeLeft } from './time-left';

// The court calendar (Code Civ. Proc. § 135): a bare HolidayCalendar now closes weekends only.
const calendar = courtCalendar();

describe('timeLeft', () => {
  it('counts court clocks in working days, skipping the weekend and state holidays', () => {
    // Friday 2026-11-20 → Tuesday 2026-11-24: Mon and Tue are working days.
    expect(timeLeft('2026-11-24', '2026-11-20', 'court', calendar)).toEqual({ days: 2, unit: 'working_days', phrase: 'due in 2 working days' });
    // Wednesday 2026-11-25 → Monday 2026-11-30 skips Thanksgiving, the day after, and the weekend.
    expect(timeLeft('2026-11-30', '2026-11-25', 'court', calendar).phrase).toBe('due in 1 working day');
  });

  it('counts calendar clocks in days and says tomorrow and today', () => {
    expect(timeLeft('2026-11-30', '2026-11-20', 'calendar', calendar).phrase).toBe('due in 10 days');
    expect(timeLeft('2026-11-21', '2026-11-20', 'calendar', calendar).phrase).toBe('due tomorrow');
    expect(timeLeft('2026-11-20', '2026-11-20', 'court', calendar).phrase).toBe('due today');
  });

  it('says how late a missed deadline is, in calendar days', () => {
    expect(timeLeft('2026-11-17', '2026-11-20', 'court', calendar)).toEqual({ days: -3, unit: 'days', phrase: '3 days overdue' });
    expect(timeLeft('2026-11-19', '2026-11-20', 'calendar', calendar).phrase).toBe('1 day overdue');
  });

  it('never has more working days than calendar days, and is overdue exactly when the date has passed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 3000 }), fc.constantFrom('calendar' as const, 'court' as const), (offset, start, counting) => {
        const today = addDays('2025-01-01', start);
        const due = addDays(today, offset);
        const left = timeLeft(due, today, counting, calendar);
        expect(left.days < 0).toBe(offset < 0);
        if (offset > 0) expect(left.days).toBeLessThanOrEqual(offset);
        if (offset > 0) expect(left.days).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('timeLeft against a day-by-day count', () => {
  // The oracle walks the court calendar's own isHoliday, not timeLeft's loop: court days after today up to the due date.
  const courtDaysAfter = (today: string, due: string) => {
    let n = 0;
    for (let d = addDays(today, 1); d <= due; d = addDays(d, 1)) if (!calendar.isHoliday(d)) n += 1;
    return n;
  };

  it('counts court days after today up to the due date, at least one while the date is ahead', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 3000 }), (offset, start) => {
        const today = addDays('2025-01-01', start);
        const due = addDays(today, offset);
        const expected = Math.max(courtDaysAfter(today, due), 1);
        const phrase = expected === 1 && offset === 1 ? 'due tomorrow' : `due in ${expected} working day${expected === 1 ? '' : 's'}`;
        expect(timeLeft(due, today, 'court', calendar)).toEqual({ days: expected, unit: 'working_days', phrase });
        expect(timeLeft(due, today, 'calendar', calendar)).toEqual({ days: offset, unit: 'days', phrase: offset === 1 ? 'due tomorrow' : `due in ${offset} days` });
      }),
      { numRuns: 200 },
    );
  });

  it('a due date on a closed day still counts as one more day to work', () => {
    // Friday 2026-11-27 (closed) to Saturday 11-28: tomorrow; to Sunday 11-29: one working day, not tomorrow.
    expect(timeLeft('2026-11-28', '2026-11-27', 'court', calendar)).toEqual({ days: 1, unit: 'working_days', phrase: 'due tomorrow' });
    expect(timeLeft('2026-11-29', '2026-11-27', 'court', calendar)).toEqual({ days: 1, unit: 'working_days', phrase: 'due in 1 working day' });
  });

  it('is due today in the clock’s own unit, and overdue in calendar days either way', () => {
    expect(timeLeft('2026-11-20', '2026-11-20', 'court', calendar)).toEqual({ days: 0, unit: 'working_days', phrase: 'due today' });
    expect(timeLeft('2026-11-20', '2026-11-20', 'calendar', calendar)).toEqual({ days: 0, unit: 'days', phrase: 'due today' });
    expect(timeLeft('2026-11-19', '2026-11-20', 'court', calendar)).toEqual({ days: -1, unit: 'days', phrase: '1 day overdue' });
  });

  it('refuses dates that are not dates', () => {
    expect(() => timeLeft('2026-11-31', '2026-11-20', 'court', calendar)).toThrow(/due date must be a real date/);
    expect(() => timeLeft('2026-11-30', 'today', 'court', calendar)).toThrow(/today must be a real date/);
  });
});
