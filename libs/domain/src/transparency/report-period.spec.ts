import { calendarYearOf, halfYearOf, isWithin, periodInstants, periodProblems, startOfLocalDay, wholeUnitsWithin } from './report-period';

describe('reporting periods', () => {
  it('splits the year into January–June and July–December', () => {
    expect(halfYearOf('2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(halfYearOf('2026-07-01')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(halfYearOf('2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(calendarYearOf('2026-07-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('lists only the whole half-years or years inside a period, oldest first', () => {
    expect(wholeUnitsWithin({ from: '2025-01-01', to: '2025-06-30' }, 'half_year')).toEqual([{ from: '2025-01-01', to: '2025-06-30' }]);
    expect(wholeUnitsWithin({ from: '2025-01-02', to: '2025-12-31' }, 'half_year')).toEqual([{ from: '2025-07-01', to: '2025-12-31' }]);
    expect(wholeUnitsWithin({ from: '2025-01-01', to: '2025-12-30' }, 'half_year')).toEqual([{ from: '2025-01-01', to: '2025-06-30' }]);
    expect(wholeUnitsWithin({ from: '2024-07-01', to: '2026-12-31' }, 'year')).toEqual([{ from: '2025-01-01', to: '2025-12-31' }, { from: '2026-01-01', to: '2026-12-31' }]);
    expect(wholeUnitsWithin({ from: '2025-01-01', to: '2025-12-30' }, 'year')).toEqual([]);
    expect(wholeUnitsWithin({ from: '2025-07-01', to: '2025-07-01' }, 'half_year')).toEqual([]);
    expect(wholeUnitsWithin({ from: '2025-06-30', to: '2026-01-01' }, 'half_year')).toEqual([{ from: '2025-07-01', to: '2025-12-31' }]);
  });

  it('includes both ends of a period', () => {
    const period = { from: '2026-01-01', to: '2026-06-30' };
    expect([isWithin('2025-12-31', period), isWithin('2026-01-01', period), isWithin('2026-06-30', period), isWithin('2026-07-01', period)]).toEqual([false, true, true, false]);
  });

  it('starts a local day at local midnight in the zone asked for, and refuses a zone it cannot place', () => {
    expect(startOfLocalDay('2026-07-04')).toEqual(new Date('2026-07-04T07:00:00Z'));
    expect(startOfLocalDay('2026-01-15', 'America/Anchorage')).toEqual(new Date('2026-01-15T09:00:00Z'));
    expect(startOfLocalDay('2026-01-15', 'America/Chicago')).toEqual(new Date('2026-01-15T06:00:00Z'));
    expect(() => startOfLocalDay('2026-01-15', 'Asia/Tokyo')).toThrow(new RangeError('no midnight found for 2026-01-15 in Asia/Tokyo'));
    expect(periodInstants({ from: '2026-11-01', to: '2026-11-01' }, 'America/Los_Angeles')).toEqual({ start: new Date('2026-11-01T07:00:00Z'), end: new Date('2026-11-02T08:00:00Z') });
  });

  it('explains what is wrong with a requested period', () => {
    expect(periodProblems({ from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
    expect(periodProblems({ from: '2026-01-01', to: '2026-01-01' })).toEqual([]);
    expect(periodProblems({ from: '2026-02-30', to: 'soon' })).toEqual(['from: must be a date written YYYY-MM-DD', 'to: must be a date written YYYY-MM-DD']);
    expect(periodProblems({ from: '2026-01-02', to: '2026-01-01' })).toEqual(['to: must not be before from']);
    expect(periodProblems({ from: '2006-01-01', to: '2026-12-31' })).toEqual([]);
    expect(periodProblems({ from: '2005-12-31', to: '2026-01-01' })).toEqual(['to: a report covers at most 20 years']);
    expect(periodProblems({ to: '2026-01-01' })).toEqual(['from: must be a date written YYYY-MM-DD']);
  });
});
