import { HolidayCalendar } from './holiday-calendar';
import { CaliforniaStateHolidays } from './state-holidays';

const calendar = new HolidayCalendar({ cityHolidays: [{ date: '2026-10-14', name: 'Founders Day' }] });
const labels = (date: string) => calendar.reasonsClosed(date).map((r) => r.label);

describe('HolidayCalendar (California)', () => {
  it('knows Thanksgiving 2026 and the day after as state holidays', () => {
    expect(labels('2026-11-26')).toEqual(['Thanksgiving Day (California state holiday)']);
    expect(labels('2026-11-27')).toEqual(['Day after Thanksgiving Day (California state holiday)']);
  });
  it('counts Saturdays and Sundays as holidays', () => {
    expect(labels('2026-11-28')).toEqual(['Saturday']);
    expect(labels('2026-11-29')).toEqual(['Sunday']);
    expect(calendar.isHoliday('2026-11-30')).toBe(false);
  });
  it('includes California-only and observed days', () => {
    expect(labels('2026-03-31')).toEqual(['César Chávez Day (California state holiday)']);
    expect(labels('2026-07-03')).toEqual(['Independence Day (observed; California state holiday)']);
    expect(labels('2027-12-24')).toEqual(['Christmas Day (observed; California state holiday)']);
  });
  it('leaves out observances and optional days', () => {
    for (const date of ['2026-03-17', '2026-05-19', '2026-12-24', '2026-12-31', '2026-04-15']) expect(calendar.isHoliday(date)).toBe(false);
  });
  it('finds an observed day that falls in the previous year', () => {
    expect(labels('2021-12-31')).toEqual(["New Year's Day (observed; California state holiday)"]);
  });
  it('adds city holidays with their names', () => {
    expect(labels('2026-10-14')).toEqual(['city holiday: Founders Day']);
  });
  it('works at both ends of 2000-2100 and only from when a holiday began', () => {
    expect(labels('2000-01-17')).toEqual(['Martin Luther King Jr. Day (California state holiday)']);
    expect(labels('2100-11-25')).toEqual(['Thanksgiving Day (California state holiday)']);
    expect(labels('2100-12-25')).toEqual(['Saturday', 'Christmas Day (California state holiday)']);
    expect(calendar.isHoliday('2020-06-19')).toBe(false);
    expect(calendar.isHoliday('2026-06-19')).toBe(true);
  });
  it('takes extra state holidays in date-holidays rule form and refuses rules it cannot read', () => {
    const withLincoln = new HolidayCalendar({ stateHolidays: new CaliforniaStateHolidays([{ rule: '02-12', name: 'Lincoln Day' }]) });
    expect(withLincoln.reasonsClosed('2026-02-12').map((r) => r.label)).toEqual(['Lincoln Day (California state holiday)']);
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined); // date-holidays logs the bad rule
    expect(() => new CaliforniaStateHolidays([{ rule: 'whenever', name: 'Nope' }])).toThrow(/whenever/);
    quiet.mockRestore();
  });
  it('refuses malformed city holidays', () => {
    expect(() => new HolidayCalendar({ cityHolidays: [{ date: '2026-13-01', name: 'x' }] })).toThrow(RangeError);
    expect(() => new HolidayCalendar({ cityHolidays: [{ date: '2026-10-14', name: ' ' }] })).toThrow(/name/);
  });
});
