import { DEFAULT_CITY_CLOSURE_RULES, closedWeekdays, cityCalendar, courtCalendar } from './calendars';
import { computeDeadline } from './compute-deadline';
import { CLOCKS, clockRuleMeta } from './clock-catalogue';
import { DEFAULT_DEADLINE_SETTINGS, calendarsFor, resolveDeadlineSettings } from './deadline-settings';
import { cpraExtensionNoticeDueBy } from './cpra-extension';

/*
 * The expected lists are derived here, independently of holiday-rules.ts, by walking every day of the year and
 * asking the statutes' questions of it (domain.md § 8): "is this the third Monday of January?", "is this Feb 12,
 * or the Friday before it when it is a Saturday?". Lunar New Year comes from the published table.
 */
const LUNAR_NEW_YEAR: Record<number, string> = {
  2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03',
  2031: '2031-01-23', 2032: '2032-02-11', 2033: '2033-01-31', 2034: '2034-02-19', 2035: '2035-02-08', 2036: '2036-01-28',
};

type Day = { iso: string; y: number; m: number; d: number; wd: number; daysInMonth: number };
function eachDay(year: number): Day[] {
  const out: Day[] = [];
  for (let m = 1; m <= 12; m++) {
    const daysInMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
    for (let d = 1; d <= daysInMonth; d++) out.push({ iso: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, y: year, m, d, wd: new Date(Date.UTC(year, m - 1, d)).getUTCDay(), daysInMonth });
  }
  return out;
}
const MON = 1, THU = 4, FRI = 5, SAT = 6, SUN = 0;
const nthWeekday = (x: Day, m: number, wd: number, n: number) => x.m === m && x.wd === wd && Math.ceil(x.d / 7) === n;
const lastWeekday = (x: Day, m: number, wd: number) => x.m === m && x.wd === wd && x.d + 7 > x.daysInMonth;
/** The day a fixed-date holiday is kept: itself, the Friday before a Saturday one (court), the Monday after a Sunday one. */
function keptOn(x: Day, month: number, day: number, saturdayToFriday: boolean): boolean {
  const same = (y: number, mo: number, da: number) => { const t = new Date(Date.UTC(y, mo - 1, da)); return t.getUTCFullYear() === x.y && t.getUTCMonth() + 1 === x.m && t.getUTCDate() === x.d; };
  for (const year of [x.y - 1, x.y, x.y + 1]) {
    const wd = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    if (same(year, month, day) && wd !== SAT && wd !== SUN) return true;
    if (wd === SUN && same(year, month, day + 1)) return true;
    if (saturdayToFriday && wd === SAT && same(year, month, day - 1)) return true;
  }
  return false;
}
const dayAfterThanksgiving = (x: Day) => x.m === 11 && x.wd === FRI && x.d >= 23 && x.d <= 29;

function expectedCourt(year: number): string[] {
  return eachDay(year).filter((x) => x.wd !== SAT && x.wd !== SUN && (
    keptOn(x, 1, 1, true) || nthWeekday(x, 1, MON, 3) || keptOn(x, 2, 12, true) || nthWeekday(x, 2, MON, 3) || keptOn(x, 3, 31, true) ||
    lastWeekday(x, 5, MON) || keptOn(x, 6, 19, true) || keptOn(x, 7, 4, true) || nthWeekday(x, 9, MON, 1) || nthWeekday(x, 9, FRI, 4) ||
    keptOn(x, 11, 11, true) || nthWeekday(x, 11, THU, 4) || dayAfterThanksgiving(x) || keptOn(x, 12, 25, true)
  )).map((x) => x.iso);
}

function expectedCity(year: number): string[] {
  const lny = LUNAR_NEW_YEAR[year];
  const lnyKept = (x: Day) => x.iso === lny || (new Date(lny).getUTCDay() === SUN && x.iso === new Date(Date.parse(lny) + 86_400_000).toISOString().slice(0, 10));
  return eachDay(year).filter((x) => x.wd !== SAT && x.wd !== SUN && (
    keptOn(x, 1, 1, false) || nthWeekday(x, 1, MON, 3) || lnyKept(x) || keptOn(x, 2, 12, false) || nthWeekday(x, 2, MON, 3) || keptOn(x, 3, 31, false) ||
    keptOn(x, 4, 24, false) || lastWeekday(x, 5, MON) || keptOn(x, 6, 19, false) || keptOn(x, 7, 4, false) || nthWeekday(x, 9, MON, 1) ||
    keptOn(x, 9, 9, false) || nthWeekday(x, 9, FRI, 4) || nthWeekday(x, 10, MON, 2) || keptOn(x, 11, 11, true) || nthWeekday(x, 11, THU, 4) ||
    dayAfterThanksgiving(x) || keptOn(x, 12, 25, false)
  )).map((x) => x.iso);
}

const court = courtCalendar();
const city = cityCalendar();
const YEARS = Array.from({ length: 11 }, (_, i) => 2025 + i);

describe('court calendar (Code Civ. Proc. §§ 12a, 135; Rules of Court 1.11), 2025-2035', () => {
  it.each(YEARS)('closes exactly the judicial holidays of %i', (year) => {
    expect(closedWeekdays(court, year).map((d) => d.date)).toEqual(expectedCourt(year));
  });
  it('includes Lincoln Day and Native American Day, with the published Friday observances', () => {
    const closed = (date: string) => court.isHoliday(date);
    expect(closed('2026-02-12') && closed('2026-09-25') && closed('2027-09-24')).toBe(true);
    for (const friday of ['2026-07-03', '2027-06-18', '2027-12-24', '2027-12-31']) expect(closed(friday)).toBe(true);
    for (const notJudicial of ['2026-02-17', '2026-04-24', '2026-09-09', '2026-10-12']) expect(closed(notJudicial)).toBe(false);
  });
});

describe('city closure calendar default (Gov. Code §§ 6700, 6701; Code Civ. Proc. § 12b), 2025-2035', () => {
  it.each(YEARS)('closes exactly the default closure days of %i', (year) => {
    expect(closedWeekdays(city, year).map((d) => d.date)).toEqual(expectedCity(year));
  });
  it('moves no Saturday holiday to Friday except Veterans Day', () => {
    expect(city.isHoliday('2026-07-03')).toBe(false);
    expect(city.isHoliday('2027-12-24')).toBe(false);
    expect(city.isHoliday('2028-11-10')).toBe(true);
  });
  it('honours effective years when the admin changes the list', () => {
    const rules = [...DEFAULT_CITY_CLOSURE_RULES.filter((r) => r.name !== 'Columbus Day'), { ...DEFAULT_CITY_CLOSURE_RULES.find((r) => r.name === 'Columbus Day')!, toYear: 2026 }];
    const edited = cityCalendar(rules);
    expect(edited.isHoliday('2026-10-12')).toBe(true);
    expect(edited.isHoliday('2027-10-11')).toBe(false);
  });
});

describe('worked checks of domain.md § 8, verbatim', () => {
  const settings = DEFAULT_DEADLINE_SETTINGS;
  const cpra = (receivedAt: string, extension?: { days: number; grantedAt: string }) => computeDeadline({
    rule: clockRuleMeta(CLOCKS.cpra_determination, settings), start: receivedAt, days: 10, counting: 'calendar', excludeStartDay: true, rollForwardPastHolidays: true,
    calendar: calendarsFor(settings).city, extension: extension ? { ...extension, reason: 'voluminous records' } : null,
  });
  it('CPRA received Tue 2026-06-23 → day 10 Fri 2026-07-03, a city working day → due Fri 07-03', () => {
    const result = cpra('2026-06-23');
    expect(result.explanation.lastCountedDay).toBe('2026-07-03');
    expect(result.dueDate).toBe('2026-07-03');
    expect(result.explanation.calendar.name).toBe('City closure calendar');
  });
  it('Received Mon 2026-11-16 → day 10 Thanksgiving → Fri 11-27 (closed) → Mon 11-30', () => {
    const result = cpra('2026-11-16');
    expect(result.explanation.lastCountedDay).toBe('2026-11-26');
    expect(result.dueDate).toBe('2026-11-30');
    expect(result.explanation.skipped.map((d) => d.date)).toEqual(['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(result.explanation.steps.join('\n')).toMatch(/city closure calendar/);
  });
  it('Warrant issued Tue 2026-12-15 → valid through Fri 2026-12-25 (not extended by holidays)', () => {
    const result = computeDeadline({
      rule: clockRuleMeta(CLOCKS.search_warrant_expiry, settings), start: '2026-12-15', days: 10, counting: 'calendar', excludeStartDay: true,
      rollForwardPastHolidays: false, calendar: calendarsFor(settings).court,
    });
    expect(result.dueDate).toBe('2026-12-25');
    expect(result.explanation.calendar.name).toMatch(/Court days/);
  });
  it('10 + 14 day CPRA extension of a request received Wed 2026-05-13 → Mon 2026-06-08; notice due by Tue 2026-05-26', () => {
    expect(cpra('2026-05-13', { days: 14, grantedAt: '2026-05-20' }).dueDate).toBe('2026-06-08');
    expect(cpraExtensionNoticeDueBy('2026-05-13')).toBe('2026-05-26');
  });
});

describe('city calendar settings', () => {
  it('refuses a malformed closure rule, naming the field', () => {
    expect(() => resolveDeadlineSettings({ cityClosureRules: [{ name: '', date: { type: 'fixed', month: 2, day: 30 }, observance: 'sometimes' as never, citation: '' }] })).toThrow(
      /cityClosureRules\[0\]\.name[\s\S]*citation[\s\S]*observance/,
    );
    expect(() => resolveDeadlineSettings({ cityClosureRules: [{ name: 'X', date: { type: 'fixed', month: 2, day: 30 }, observance: 'none', citation: 'Res. 1' }] })).toThrow(/date: not a real month and day/);
    expect(() => resolveDeadlineSettings({ cityClosureRules: [{ name: 'X', date: { type: 'fixed', month: 1, day: 2 }, observance: 'none', citation: 'Res. 1', fromYear: 2030, toYear: 2020 }] })).toThrow(/fromYear is after toYear/);
  });
});

describe('closedWeekdays', () => {
  it('lists each closed weekday of the year once, with every reason but the weekend', () => {
    const withClosures = cityCalendar(undefined, [{ date: '2026-11-26', name: 'Staff day' }, { date: '2026-11-28', name: 'Inventory' }]);
    const november = closedWeekdays(withClosures, 2026).filter((d) => d.date.startsWith('2026-11'));
    expect(november).toEqual([
      { date: '2026-11-11', reasons: ['Veterans Day (city closed, Gov. Code § 6700; § 6701)'] },
      { date: '2026-11-26', reasons: ['Thanksgiving Day (city closed, Gov. Code § 6700)', 'city closed: Staff day (Code Civ. Proc. § 12b)'] },
      { date: '2026-11-27', reasons: ['Day after Thanksgiving (city closed, Code Civ. Proc. § 12b (city closure))'] },
    ]);
  });

  it('runs from 1 January to 31 December of the year asked', () => {
    // New Year's Day 2028 is a Saturday: the courts close Fri 2027-12-31, which is 2027's last closed day, not 2028's.
    const y2027 = closedWeekdays(court, 2027).map((d) => d.date);
    expect([y2027[0], y2027[y2027.length - 1]]).toEqual(['2027-01-01', '2027-12-31']);
    expect(closedWeekdays(court, 2028).map((d) => d.date)[0]).toBe('2028-01-17');
  });
});
