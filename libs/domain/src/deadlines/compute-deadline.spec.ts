import { computeDeadline } from './compute-deadline';
import { cityCalendar } from './calendars';
import { TEST_RULE, deadlineInput } from './spec-fixtures.test';

const skippedDates = (r: ReturnType<typeof computeDeadline>) => r.explanation.skipped.map((d) => `${d.date} ${d.reason}`);

describe('computeDeadline: counting and rolling forward', () => {
  it('CPRA request received Fri 2026-11-20: 10 calendar days ends Mon 2026-11-30', () => {
    const result = computeDeadline(deadlineInput({ start: '2026-11-20T16:05:00-08:00', days: 10 }));
    expect(result.dueDate).toBe('2026-11-30');
    expect(result.status).toBe('open');
    expect(result.explanation).toMatchObject({ start: '2026-11-20', daysAdded: 10, excludedStartDay: true, rolledForward: false, skipped: [] });
    expect(result.explanation.steps.join('\n')).toMatch(/Fri 2026-11-20 is not counted.*\n[\s\S]*Day 10 is Mon 2026-11-30[\s\S]*Respond by: Mon 2026-11-30/);
  });

  it('counts holidays inside a calendar-day period (Thanksgiving does not stop the count)', () => {
    const calendarDays = computeDeadline(deadlineInput({ start: '2026-11-25', days: 6 }));
    expect(calendarDays.dueDate).toBe('2026-12-01');
    expect(calendarDays.explanation.skipped).toEqual([]);
    expect(computeDeadline(deadlineInput({ start: '2026-11-25', days: 6, counting: 'court' })).dueDate).toBe('2026-12-07');
  });

  it('moves a last day on Saturday to Monday', () => {
    const result = computeDeadline(deadlineInput({ start: '2026-03-18', days: 10 }));
    expect(result.explanation.lastCountedDay).toBe('2026-03-28');
    expect(result.dueDate).toBe('2026-03-30');
    expect(skippedDates(result)).toEqual(['2026-03-28 Saturday', '2026-03-29 Sunday']);
    expect(result.explanation.skipped.every((d) => d.phase === 'roll_forward')).toBe(true);
  });

  it('moves a last day on Saturday to Tuesday when Monday is a holiday (MLK Day)', () => {
    const result = computeDeadline(deadlineInput({ start: '2026-01-07', days: 10 }));
    expect(result.dueDate).toBe('2026-01-20');
    expect(skippedDates(result)).toEqual(['2026-01-17 Saturday', '2026-01-18 Sunday', '2026-01-19 Martin Luther King, Jr. Day (judicial holiday, Code Civ. Proc. § 135)']);
  });

  it('handles Christmas on a Friday, on a Saturday (observed Friday) and on a Sunday (observed Monday)', () => {
    expect(computeDeadline(deadlineInput({ start: '2026-12-15', days: 10 })).dueDate).toBe('2026-12-28');
    const saturday = computeDeadline(deadlineInput({ start: '2027-12-14', days: 10 }));
    expect(saturday.dueDate).toBe('2027-12-27');
    expect(skippedDates(saturday)[0]).toBe('2027-12-24 Christmas Day, observed (judicial holiday, Code Civ. Proc. § 135; Cal. Rules of Court, rule 1.11)');
    expect(computeDeadline(deadlineInput({ start: '2022-12-15', days: 10 })).dueDate).toBe('2022-12-27');
  });

  it('counts court days past Thanksgiving and the weekend', () => {
    const result = computeDeadline(deadlineInput({ start: '2026-11-25T09:00:00-08:00', days: 3, counting: 'court' }));
    expect(result.dueDate).toBe('2026-12-02');
    expect(result.explanation.skipped.map((d) => d.date)).toEqual(['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(result.explanation.steps.join('\n')).toMatch(/Not counted \(closed on the Court days \(judicial holidays\)\): Thu 2026-11-26: Thanksgiving Day/);
  });

  it('skips a city holiday when counting court days and when rolling forward', () => {
    const calendar = cityCalendar(undefined, [{ date: '2026-03-30', name: 'Founders Day' }]);
    const rolled = computeDeadline(deadlineInput({ start: '2026-03-18', days: 10, calendar }));
    expect(rolled.dueDate).toBe('2026-04-01'); // Sat, Sun, city holiday Mon, César Chávez Day Tue
    expect(skippedDates(rolled)).toContain('2026-03-30 city closed: Founders Day (Code Civ. Proc. § 12b)');
  });

  it('includes the start day when told to, and can leave the last day where it falls', () => {
    expect(computeDeadline(deadlineInput({ start: '2026-03-02', days: 5, excludeStartDay: false })).dueDate).toBe('2026-03-06');
    const fixed = computeDeadline(deadlineInput({ start: '2026-03-18', days: 10, rollForwardPastHolidays: false }));
    expect(fixed.dueDate).toBe('2026-03-28');
    expect(fixed.explanation.steps.join('\n')).toMatch(/does not move for weekends or holidays/);
  });

  it('with 0 days, the start date itself, moved past a holiday', () => {
    expect(computeDeadline(deadlineInput({ start: '2026-11-26', days: 0 })).dueDate).toBe('2026-11-30');
    expect(computeDeadline(deadlineInput({ start: '2026-11-24', days: 0 })).dueDate).toBe('2026-11-24');
  });

  it('refuses bad inputs with a clear message', () => {
    expect(() => computeDeadline(deadlineInput({ start: '2026-11-20', days: -1 }))).toThrow(/whole number/);
    expect(() => computeDeadline(deadlineInput({ start: '2026-11-20', days: 2.5 }))).toThrow(/whole number/);
    expect(() => computeDeadline(deadlineInput({ start: '2026-11-20T10:00', days: 1 }))).toThrow(/offset/);
    expect(() =>
      computeDeadline(deadlineInput({ start: '2026-11-20', days: 1, pauses: [{ from: '2026-11-25', to: '2026-11-23', reason: 'needs_info' }] })),
    ).toThrow(/ends/);
  });
});

describe('computeDeadline: pauses', () => {
  const base = { start: '2026-11-20', days: 10 };

  it('does not count the days of a closed pause (the day it starts counts, the day it ends does not)', () => {
    const result = computeDeadline(deadlineInput({ ...base, pauses: [{ from: '2026-11-23T10:00:00-08:00', to: '2026-11-25T15:00:00-08:00', reason: 'needs_info' }] }));
    expect(result.dueDate).toBe('2026-12-02');
    expect(skippedDates(result)).toEqual(['2026-11-24 paused: needs_info', '2026-11-25 paused: needs_info']);
    expect(result.explanation.pauses).toEqual([{ from: '2026-11-23', to: '2026-11-25', reason: 'needs_info', open: false, daysNotCounted: 2 }]);
  });

  it('a pause opened and closed on the same day costs nothing', () => {
    expect(computeDeadline(deadlineInput({ ...base, pauses: [{ from: '2026-11-23', to: '2026-11-23', reason: 'needs_info' }] })).dueDate).toBe('2026-11-30');
  });

  it('an open pause leaves the clock paused with no due date, saying how many days remain', () => {
    const result = computeDeadline(deadlineInput({ ...base, pauses: [{ from: '2026-11-23', reason: 'needs_info' }] }));
    expect(result).toMatchObject({ dueDate: null, status: 'paused' });
    expect(result.explanation.daysCounted).toBe(3);
    expect(result.explanation.pauses[0]).toMatchObject({ open: true, to: null });
    expect(result.explanation.steps.join('\n')).toMatch(/3 of 10 days had run, 7 remain/);
  });

  it('an open pause that starts after the period ended does not hide the missed date', () => {
    const result = computeDeadline(deadlineInput({ ...base, pauses: [{ from: '2026-12-05', reason: 'needs_info' }] }));
    expect(result).toMatchObject({ dueDate: '2026-11-30', status: 'open' });
  });
});

describe('computeDeadline: extensions', () => {
  const cpra = { ...TEST_RULE, maxExtensionDays: 14, extensionCitation: 'Gov. Code § 7922.535(b)' };

  it('adds the extension and shows the date it replaced', () => {
    const result = computeDeadline(
      deadlineInput({ rule: cpra, start: '2026-11-20', days: 10, extension: { days: 14, reason: 'records at another site', grantedAt: '2026-11-25' } }),
    );
    expect(result.dueDate).toBe('2026-12-14');
    expect(result.explanation.extension).toMatchObject({ grantedDays: 14, capped: false, dueDateWithoutExtension: '2026-11-30', grantedWithinOriginalPeriod: true });
    expect(result.explanation.daysAdded).toBe(24);
  });

  it('caps an extension at the rule maximum and says so', () => {
    const result = computeDeadline(deadlineInput({ rule: cpra, start: '2026-11-20', days: 10, extension: { days: 30, reason: 'volume', grantedAt: '2026-11-25' } }));
    expect(result.explanation.extension).toMatchObject({ requestedDays: 30, grantedDays: 14, capped: true });
    expect(result.explanation.steps.join('\n')).toMatch(/allows at most 14/);
  });

  it('grants nothing where the rule allows no extension', () => {
    const result = computeDeadline(deadlineInput({ start: '2026-11-20', days: 10, extension: { days: 5, reason: 'volume', grantedAt: '2026-11-25' } }));
    expect(result.dueDate).toBe('2026-11-30');
    expect(result.explanation.extension?.grantedDays).toBe(0);
  });

  it('warns when the extension was given after the original period ran out', () => {
    const result = computeDeadline(deadlineInput({ rule: cpra, start: '2026-11-20', days: 10, extension: { days: 14, reason: 'late', grantedAt: '2026-12-03' } }));
    expect(result.explanation.extension?.grantedWithinOriginalPeriod).toBe(false);
    expect(result.explanation.steps.join('\n')).toMatch(/Warning: the extension was given on 2026-12-03/);
  });
});

describe('computeDeadline: refusals', () => {
  it('names the clock and the bad number', () => {
    expect(() => computeDeadline(deadlineInput({ start: '2026-11-20', days: -1 }))).toThrow('test_clock: days must be a whole number of days ≥ 0, got -1');
    expect(() => computeDeadline(deadlineInput({ rule: { ...TEST_RULE, maxExtensionDays: -2 }, start: '2026-11-20', days: 1 }))).toThrow('test_clock: maxExtensionDays must be a whole number of days ≥ 0, got -2');
    expect(() => computeDeadline(deadlineInput({ start: '2026-11-20', days: 1, extension: { days: 1.5, reason: 'volume', grantedAt: '2026-11-21' } }))).toThrow('test_clock: extension days must be a whole number of days ≥ 0, got 1.5');
    expect(() => computeDeadline(deadlineInput({ start: '2026-11-20', days: 0 }))).not.toThrow();
  });

  it('refuses an extension without a reason', () => {
    for (const reason of ['', '   ', undefined as never]) {
      expect(() => computeDeadline(deadlineInput({ start: '2026-11-20', days: 1, extension: { days: 1, reason, grantedAt: '2026-11-21' } }))).toThrow('test_clock: an extension needs a reason');
    }
  });
});

describe('computeDeadline: the result and its explanation', () => {
  it('reports the rule, the calendar and the counting it used', () => {
    const result = computeDeadline(deadlineInput({ rule: { ...TEST_RULE, kind: 'comply_by' }, start: new Date('2026-11-21T05:00:00Z'), days: 3, counting: 'court' }));
    expect(result).toMatchObject({ clock: 'test_clock', label: 'Test clock', kind: 'comply_by', citation: 'Test § 1', dueDate: '2026-11-25', status: 'open' });
    expect(result.explanation).toMatchObject({
      calendar: { name: 'Court days (judicial holidays)', citation: 'Code Civ. Proc. §§ 12, 12a, 135; Cal. Rules of Court, rule 1.11' },
      start: '2026-11-20',
      startInput: '2026-11-21T05:00:00.000Z',
      startsFrom: 'receipt of the request',
      timeZone: 'America/Los_Angeles',
      citation: 'Test § 1',
      counting: 'court',
      baseDays: 3,
      daysAdded: 3,
      daysCounted: 3,
      excludedStartDay: true,
      lastCountedDay: '2026-11-25',
      rolledForward: false,
      pauses: [],
      extension: null,
    });
    expect(result.explanation.rule).toMatch(/^3 court days after receipt of the request/);
    expect(result.explanation.skipped.map((d) => [d.date, d.kinds, d.phase])).toEqual([
      ['2026-11-21', ['weekend'], 'counting'],
      ['2026-11-22', ['weekend'], 'counting'],
    ]);
  });

  it('reads the start in the zone given', () => {
    // 05:00 UTC on 21 Nov is the 20th in Los Angeles and the 21st in New York.
    expect(computeDeadline(deadlineInput({ start: new Date('2026-11-21T05:00:00Z'), days: 0, timeZone: 'America/New_York', rollForwardPastHolidays: false })).dueDate).toBe('2026-11-21');
  });

  it('marks the days a roll-forward passed and the kind of each closed day', () => {
    const result = computeDeadline(deadlineInput({ start: '2026-11-16', days: 10 }));
    expect(result.explanation.rolledForward).toBe(true);
    expect(result.explanation.skipped.map((d) => [d.date, d.kinds, d.phase])).toEqual([
      ['2026-11-26', ['court_holiday'], 'roll_forward'],
      ['2026-11-27', ['court_holiday'], 'roll_forward'],
      ['2026-11-28', ['weekend'], 'roll_forward'],
      ['2026-11-29', ['weekend'], 'roll_forward'],
    ]);
  });

  it('gives each pause the days it alone kept from counting, and a paused day that is also closed both reasons', () => {
    const result = computeDeadline(deadlineInput({
      start: '2026-11-20', days: 10, counting: 'court',
      pauses: [{ from: '2026-11-20', to: '2026-11-22', reason: 'needs_info' }, { from: '2026-11-25', to: '2026-11-27', reason: 'counsel' }],
    }));
    expect(result.explanation.pauses.map((p) => [p.reason, p.daysNotCounted])).toEqual([['needs_info', 2], ['counsel', 2]]);
    expect(result.explanation.skipped.find((d) => d.date === '2026-11-26')).toEqual({
      date: '2026-11-26', phase: 'counting', kinds: ['paused', 'court_holiday'], reason: 'paused: counsel; Thanksgiving Day (judicial holiday, Code Civ. Proc. § 135)',
    });
  });

  it('summarises an extension: asked, granted, the ceiling, when, and under what citation', () => {
    const rule = { ...TEST_RULE, maxExtensionDays: 14 };
    const exact = computeDeadline(deadlineInput({ rule, start: '2026-11-20', days: 10, extension: { days: 14, reason: 'volume', grantedAt: '2026-11-30T23:00:00-08:00' } }));
    expect(exact.explanation.extension).toEqual({
      requestedDays: 14, grantedDays: 14, maxDays: 14, capped: false, reason: 'volume', grantedOn: '2026-11-30', citation: null,
      dueDateWithoutExtension: '2026-11-30', grantedWithinOriginalPeriod: true,
    });
    const paused = computeDeadline(deadlineInput({ rule, start: '2026-11-20', days: 10, pauses: [{ from: '2026-11-23', reason: 'needs_info' }], extension: { days: 3, reason: 'volume', grantedAt: '2026-11-24' } }));
    expect(paused.explanation.extension).toMatchObject({ dueDateWithoutExtension: null, grantedWithinOriginalPeriod: null });
    expect(paused.explanation).toMatchObject({ baseDays: 10, daysAdded: 13, daysCounted: 3, lastCountedDay: null });
  });
});
