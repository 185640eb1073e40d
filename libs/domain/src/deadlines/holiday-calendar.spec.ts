import { cityCalendar, courtCalendar } from './calendars';
import { HolidayCalendar } from './holiday-calendar';

const court = courtCalendar();
const city = cityCalendar(undefined, [{ date: '2026-10-14', name: 'Founders Day' }]);
const labels = (calendar: HolidayCalendar, date: string) => calendar.reasonsClosed(date).map((r) => r.label);

describe('HolidayCalendar', () => {
  it('names itself and its citation, for every deadline working', () => {
    expect(court.name).toMatch(/Court days/);
    expect(court.citation).toBe('Code Civ. Proc. §§ 12, 12a, 135; Cal. Rules of Court, rule 1.11');
    expect(city.citation).toBe('Code Civ. Proc. §§ 12a, 12b; Gov. Code §§ 6700, 6701');
  });
  it('counts Saturdays and Sundays as holidays on both calendars', () => {
    for (const calendar of [court, city]) {
      expect(labels(calendar, '2026-11-28')).toEqual(['Saturday']);
      expect(labels(calendar, '2026-11-29')).toEqual(['Sunday']);
      expect(calendar.isHoliday('2026-11-30')).toBe(false);
    }
  });
  it('labels with the statute, never as a "California state holiday"', () => {
    expect(labels(court, '2026-11-27')).toEqual(['Day after Thanksgiving (judicial holiday, Code Civ. Proc. § 135)']);
    expect(labels(court, '2026-07-03')).toEqual(['Independence Day, observed (judicial holiday, Code Civ. Proc. § 135; Cal. Rules of Court, rule 1.11)']);
    expect(labels(city, '2026-02-12')).toEqual(['Lincoln Day (city closed, Gov. Code § 6700; § 6701)']);
    for (const date of ['2026-11-27', '2026-07-03', '2026-02-12', '2026-09-25']) {
      for (const calendar of [court, city]) expect(labels(calendar, date).join(' ')).not.toMatch(/state holiday/i);
    }
  });
  it('keeps a Saturday holiday on Saturday on the city calendar (Gov. Code § 6701), but not Veterans Day', () => {
    expect(city.isHoliday('2026-07-03')).toBe(false);
    expect(labels(city, '2028-11-10')).toEqual(['Veterans Day, observed (city closed, Gov. Code § 6700; § 6701)']);
    expect(labels(city, '2027-12-24')).toEqual([]);
    expect(labels(city, '2027-12-27')).toEqual([]);
  });
  it('adds one-off city closures with their names (Code Civ. Proc. § 12b)', () => {
    expect(labels(city, '2026-10-14')).toEqual(['city closed: Founders Day (Code Civ. Proc. § 12b)']);
  });
  it('refuses malformed one-off closures', () => {
    expect(() => new HolidayCalendar({ cityHolidays: [{ date: '2026-13-01', name: 'x' }] })).toThrow(RangeError);
    expect(() => new HolidayCalendar({ cityHolidays: [{ date: '2026-13-01', name: 'x' }] })).toThrow("city holiday date must be a real date in YYYY-MM-DD form, got '2026-13-01'");
    expect(() => new HolidayCalendar({ cityHolidays: [{ date: '2026-10-14', name: ' ' }] })).toThrow(/name/);
    expect(() => new HolidayCalendar({ cityHolidays: [{ date: '2026-10-14', name: undefined as never }] })).toThrow('city holiday on 2026-10-14 needs a name');
  });
});

describe('HolidayCalendar: its parts', () => {
  it('without a source closes weekends only, and says so in its name', () => {
    const bare = new HolidayCalendar();
    expect([bare.name, bare.citation]).toEqual(['Weekends only', 'Code Civ. Proc. § 12a']);
    expect(bare.isHoliday('2026-11-26')).toBe(false); // Thanksgiving is not closed without a holiday source
    expect(bare.isCourtDay('2026-11-26')).toBe(true);
    expect(bare.isCourtDay('2026-11-28')).toBe(false);
  });

  it('gives every reason a day is closed, weekend first, then the calendar’s holidays, then one-off closures', () => {
    const calendar = cityCalendar(undefined, [
      { date: '2027-12-25', name: '  Winter closure ' },
      { date: '2027-12-25', name: 'Inventory' },
    ]);
    expect(calendar.reasonsClosed('2027-12-25')).toEqual([
      { kind: 'weekend', label: 'Saturday' },
      { kind: 'city_closure', label: 'Christmas Day (city closed, Gov. Code § 6700; § 6701)' },
      { kind: 'city_holiday', label: 'city closed: Winter closure (Code Civ. Proc. § 12b)' },
      { kind: 'city_holiday', label: 'city closed: Inventory (Code Civ. Proc. § 12b)' },
    ]);
    expect(courtCalendar().reasonsClosed('2027-12-24')).toEqual([
      { kind: 'court_holiday', label: 'Christmas Day, observed (judicial holiday, Code Civ. Proc. § 135; Cal. Rules of Court, rule 1.11)' },
    ]);
  });

  it('names the rule that closes a day, and each rule when two close the same day', () => {
    const rule = (name: string, citation: string) => ({ name, citation, date: { type: 'fixed' as const, month: 3, day: 2 }, observance: 'none' as const });
    const calendar = cityCalendar([rule('Founders Day', 'Res. 12'), rule('Library Day', 'MOU art. 4')]);
    expect(calendar.reasonsClosed('2026-03-02').map((r) => r.label)).toEqual(['Founders Day (city closed, Res. 12)', 'Library Day (city closed, MOU art. 4)']);
    expect(calendar.reasonsClosed('2027-03-02').map((r) => r.label)).toEqual(['Founders Day (city closed, Res. 12)', 'Library Day (city closed, MOU art. 4)']);
    expect(calendar.isHoliday('2026-03-03')).toBe(false);
  });
});
