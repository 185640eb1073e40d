import { computeDeadline } from './compute-deadline';
import type { DeadlineInput, DeadlineKind } from './deadline-types';
import { describeRule } from './explain';
import { TEST_RULE, deadlineInput } from './spec-fixtures.test';

/*
 * The working a clerk reads, line by line (domain.md § 2: start date, rule and citation, days added, days skipped
 * and why, pauses and extensions). The expected lines are written out from the calendar: 2026-11-26 is Thanksgiving,
 * 2026-11-27 the day after, both judicial holidays (Code Civ. Proc. § 135).
 */
const steps = (overrides: Partial<DeadlineInput> & Pick<DeadlineInput, 'start' | 'days'>) => computeDeadline(deadlineInput(overrides)).explanation.steps;
const rule = (kind: DeadlineKind, extra: Partial<DeadlineInput['rule']> = {}) => ({ ...TEST_RULE, kind, ...extra });
const START = 'Start: receipt of the request';
const RULE_10 = 'Rule (Test § 1): 10 calendar days after receipt of the request (the first day is not counted, the last day is); a last day on a Saturday, Sunday or holiday moves to the next day that is not one.';
const CALENDAR = 'Calendar: Court days (judicial holidays) (Code Civ. Proc. §§ 12, 12a, 135; Cal. Rules of Court, rule 1.11).';
const FROM_NOV_20 = 'Fri 2026-11-20 is not counted (Code Civ. Proc. § 12); counting begins Sat 2026-11-21.';

describe('describeRule', () => {
  const shape = { days: 10, counting: 'calendar' as const, excludeStartDay: true, rollForward: true, startsFrom: 'issuance of the warrant' };
  it('words each shape of rule', () => {
    expect(describeRule(shape)).toBe('10 calendar days after issuance of the warrant (the first day is not counted, the last day is); a last day on a Saturday, Sunday or holiday moves to the next day that is not one.');
    expect(describeRule({ ...shape, days: 1, rollForward: false })).toBe('1 calendar day after issuance of the warrant (the first day is not counted, the last day is); the date does not move for weekends or holidays.');
    expect(describeRule({ ...shape, counting: 'court', excludeStartDay: false })).toBe('10 court days after issuance of the warrant (the first day counts as day 1); weekends and holidays are not counted; a last day on a Saturday, Sunday or holiday moves to the next day that is not one.');
    expect(describeRule({ ...shape, counting: 'working' })).toBe('10 working days after issuance of the warrant (the first day is not counted, the last day is); weekends and holidays are not counted; a last day on a Saturday, Sunday or holiday moves to the next day that is not one.');
    expect(describeRule({ ...shape, days: 0 })).toBe('Falls on issuance of the warrant; a last day on a Saturday, Sunday or holiday moves to the next day that is not one.');
    expect(describeRule({ ...shape, days: 0, rollForward: false })).toBe('Falls on issuance of the warrant; the date does not move for weekends or holidays.');
  });
});

describe('explainSteps: counting and the date', () => {
  it('a date-time start: its local date, in the zone it was read in', () => {
    expect(steps({ start: '2026-11-20T16:05:00-08:00', days: 10 })).toEqual([
      `${START}, 2026-11-20T16:05:00-08:00 → local date Fri 2026-11-20 in America/Los_Angeles.`,
      RULE_10, CALENDAR, FROM_NOV_20, 'Day 10 is Mon 2026-11-30.', 'Respond by: Mon 2026-11-30.',
    ]);
    expect(steps({ start: new Date('2026-11-21T05:00:00Z'), days: 10, timeZone: 'America/New_York' })[0]).toBe(`${START}, 2026-11-21T05:00:00.000Z → local date Sat 2026-11-21 in America/New_York.`);
  });

  it('a last day on a weekend: what it moved past and why', () => {
    expect(steps({ start: '2026-03-18', days: 10 })).toEqual([
      `${START}, 2026-03-18 → Wed 2026-03-18.`, RULE_10, CALENDAR,
      'Wed 2026-03-18 is not counted (Code Civ. Proc. § 12); counting begins Thu 2026-03-19.',
      'Day 10 is Sat 2026-03-28.',
      'Sat 2026-03-28 is a holiday, so the date moves to the next day that is not one on the court days (judicial holidays) (Code Civ. Proc. § 12a); passed over: Sat 2026-03-28: Saturday; Sun 2026-03-29: Sunday.',
      'Respond by: Mon 2026-03-30.',
    ]);
  });

  it('court days from a first day that counts: the closed days not counted, by name', () => {
    expect(steps({ rule: rule('comply_by'), start: '2026-11-25', days: 3, counting: 'court', excludeStartDay: false })).toEqual([
      `${START}, 2026-11-25 → Wed 2026-11-25.`,
      'Rule (Test § 1): 3 court days after receipt of the request (the first day counts as day 1); weekends and holidays are not counted; a last day on a Saturday, Sunday or holiday moves to the next day that is not one.',
      CALENDAR,
      'Wed 2026-11-25 counts as day 1.',
      'Not counted (closed on the Court days (judicial holidays)): Thu 2026-11-26: Thanksgiving Day (judicial holiday, Code Civ. Proc. § 135); Fri 2026-11-27: Day after Thanksgiving (judicial holiday, Code Civ. Proc. § 135); Sat 2026-11-28: Saturday; Sun 2026-11-29: Sunday.',
      'Day 3 is Tue 2026-12-01.',
      'Comply by: Tue 2026-12-01.',
    ]);
  });

  it('a clock that does not move says the day is closed and stays', () => {
    expect(steps({ rule: rule('expires'), start: '2026-11-27', days: 1, rollForwardPastHolidays: false })).toEqual([
      `${START}, 2026-11-27 → Fri 2026-11-27.`,
      'Rule (Test § 1): 1 calendar day after receipt of the request (the first day is not counted, the last day is); the date does not move for weekends or holidays.',
      CALENDAR,
      'Fri 2026-11-27 is not counted (Code Civ. Proc. § 12); counting begins Sat 2026-11-28.',
      'Day 1 is Sat 2026-11-28.',
      'Sat 2026-11-28 is closed (Saturday), but this clock does not move for weekends or holidays.',
      'Valid through: Sat 2026-11-28.',
    ]);
    expect(steps({ rule: rule('expires'), start: '2026-11-23', days: 1, rollForwardPastHolidays: false }).slice(4)).toEqual(['Day 1 is Tue 2026-11-24.', 'Valid through: Tue 2026-11-24.']);
  });

  it('a date of zero days is the start itself, with no counting line', () => {
    expect(steps({ rule: rule('lapses'), start: '2026-11-26', days: 0, rollForwardPastHolidays: false })).toEqual([
      `${START}, 2026-11-26 → Thu 2026-11-26.`,
      'Rule (Test § 1): Falls on receipt of the request; the date does not move for weekends or holidays.',
      CALENDAR,
      'The date is Thu 2026-11-26.',
      'Thu 2026-11-26 is closed (Thanksgiving Day (judicial holiday, Code Civ. Proc. § 135)), but this clock does not move for weekends or holidays.',
      'Lapses on: Thu 2026-11-26.',
    ]);
    expect(steps({ rule: rule('target'), start: '2026-11-24', days: 0 }).slice(3)).toEqual(['The date is Tue 2026-11-24.', 'Target date: Tue 2026-11-24.']);
  });
});

describe('explainSteps: pauses', () => {
  it('says how many days of each pause were not counted', () => {
    const pauses = [
      { from: '2026-11-23', to: '2026-11-25', reason: 'needs_info' },
      { from: '2026-11-27', to: '2026-11-28', reason: 'waiting for the requester' },
    ];
    // 21-23 count, 24-25 paused, 26-27 count, 28 paused, 29 Nov to 3 Dec count: day 10 is Thu 3 Dec.
    expect(steps({ start: '2026-11-20', days: 10, pauses }).slice(3)).toEqual([
      FROM_NOV_20,
      'Paused 2026-11-23 → 2026-11-25 (needs_info): 2 days of the period not counted.',
      'Paused 2026-11-27 → 2026-11-28 (waiting for the requester): 1 day of the period not counted.',
      'Day 10 is Thu 2026-12-03.',
      'Respond by: Thu 2026-12-03.',
    ]);
  });

  it('an open pause: how much had run and how much remains, and no date', () => {
    expect(steps({ start: '2026-11-20', days: 10, pauses: [{ from: '2026-11-23', reason: 'needs_info' }] }).slice(3)).toEqual([
      FROM_NOV_20,
      'Paused 2026-11-23 → still open (needs_info): 0 days of the period not counted.',
      'Clock stopped since 2026-11-23 (needs_info): 3 of 10 days had run, 7 remain. No date until the pause ends.',
    ]);
  });
});

describe('explainSteps: extensions', () => {
  const cpra = rule('respond_by', { maxExtensionDays: 14, extensionCitation: 'Gov. Code § 7922.535(b)' });
  const extended = (days: number, grantedAt = '2026-11-25', r = cpra) => steps({ rule: r, start: '2026-11-20', days: 10, extension: { days, reason: 'records at another site', grantedAt } }).slice(4);

  it('an extension within the rule: the days added, the date it replaced, the day number', () => {
    expect(extended(14)).toEqual([
      'Extended by 14 days on 2026-11-25 (records at another site) (Gov. Code § 7922.535(b)).',
      'Without the extension the date would be Mon 2026-11-30.',
      'Day 24 (10 + 14 extension) is Mon 2026-12-14.',
      'Respond by: Mon 2026-12-14.',
    ]);
    expect(extended(14, '2026-11-25', rule('respond_by', { maxExtensionDays: 14 }))[0]).toBe('Extended by 14 days on 2026-11-25 (records at another site).');
  });

  it('an extension beyond the rule: capped, and says so', () => {
    expect(extended(30)[0]).toBe('Extension of 30 days granted on 2026-11-25 (records at another site); the rule allows at most 14 (Gov. Code § 7922.535(b)), so 14 days added.');
  });

  it('a clock that allows no extension adds none', () => {
    expect(extended(5, '2026-11-25', TEST_RULE)).toEqual([
      'Extension requested on 2026-11-25 (records at another site), but this clock allows none; no days added.',
      'Day 10 is Mon 2026-11-30.',
      'Respond by: Mon 2026-11-30.',
    ]);
  });

  it('warns when notice came after the original period ran out, and not on its last day', () => {
    expect(extended(14, '2026-12-01')).toContain('Warning: the extension was given on 2026-12-01, after the original period ended on 2026-11-30.');
    expect(extended(14, '2026-11-30').join('\n')).not.toMatch(/Warning/);
  });

  it('while paused, has no original date to compare with', () => {
    const paused = steps({ rule: cpra, start: '2026-11-20', days: 10, pauses: [{ from: '2026-11-23', reason: 'needs_info' }], extension: { days: 14, reason: 'volume', grantedAt: '2026-11-25' } });
    expect(paused.slice(5)).toEqual([
      'Extended by 14 days on 2026-11-25 (volume) (Gov. Code § 7922.535(b)).',
      'Clock stopped since 2026-11-23 (needs_info): 3 of 24 days had run, 21 remain. No date until the pause ends.',
    ]);
  });
});
