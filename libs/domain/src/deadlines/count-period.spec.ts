import { countPeriod, PeriodPlan } from './count-period';
import { HolidayCalendar } from './holiday-calendar';

const alwaysClosed = new HolidayCalendar({ stateHolidays: { holidaysOn: () => [{ name: 'Closed', label: 'closed every day', kind: 'city_closure' }] } });
const plan = (overrides: Partial<PeriodPlan>): PeriodPlan => ({
  start: '2026-11-20', days: 1, counting: 'calendar', excludeStartDay: true, rollForward: true, pauses: [], calendar: new HolidayCalendar(), ...overrides,
});

describe('countPeriod', () => {
  it('stops with an error, not a hang, on a calendar that never opens', () => {
    // 2127-02-05 is day 36,601: the first past a hundred years of 366 days.
    expect(() => countPeriod(plan({ counting: 'court', calendar: alwaysClosed }))).toThrow("period from 2026-11-20 runs past 2127-02-05: check the calendar");
    expect(() => countPeriod(plan({ calendar: alwaysClosed }))).toThrow("period from 2026-11-20 runs past 2127-02-05: check the calendar");
    expect(countPeriod(plan({ calendar: alwaysClosed, rollForward: false })).dueDate).toBe('2026-11-21');
  });

  it('lists each kind of closure once for a day closed twice over', () => {
    const calendar = new HolidayCalendar({ cityHolidays: [{ date: '2026-11-23', name: 'Inventory' }, { date: '2026-11-23', name: 'Staff day' }] });
    const outcome = countPeriod(plan({ start: '2026-11-22', days: 1, counting: 'court', calendar }));
    expect(outcome.skipped).toEqual([
      { date: '2026-11-23', phase: 'counting', kinds: ['city_holiday'], reason: 'city closed: Inventory (Code Civ. Proc. § 12b); city closed: Staff day (Code Civ. Proc. § 12b)' },
    ]);
    expect(outcome).toMatchObject({ daysCounted: 1, lastCountedDay: '2026-11-24', dueDate: '2026-11-24', stoppedBy: null });
  });

  it('with the first day included and no days, falls on the start', () => {
    expect(countPeriod(plan({ days: 0, excludeStartDay: false, start: '2026-11-24' }))).toMatchObject({ lastCountedDay: '2026-11-24', dueDate: '2026-11-24', daysCounted: 0 });
    expect(countPeriod(plan({ days: 1, excludeStartDay: false, start: '2026-11-24' }))).toMatchObject({ lastCountedDay: '2026-11-24', daysCounted: 1 });
  });
});
