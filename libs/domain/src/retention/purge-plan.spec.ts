import fc from 'fast-check';
import { addDays } from '../deadlines/iso-date';
import { planPurge, PURGEABLE_CLASSES, PurgeableClass, RetentionCase } from './purge-plan';
import { defaultRetention, RetentionSettings } from './retention-schedule';

const TODAY = '2026-06-01';
// Patron data a month, documents and the like two years, the case five: each class on its own clock.
const settings: RetentionSettings = { ...defaultRetention(30), citySchedule: 'Schedule item LIB-12' };
const everything = { patron_records: 4, documents: 2, productions: 1, letters: 3, case_metadata: 1 };
const closedCase = (closedOn: string | null, overrides: Partial<RetentionCase> = {}): RetentionCase => ({ caseId: 'c1', caseNumber: 'CUST-1', closedOn, items: everything, holds: [], ...overrides });
const planned = (cases: RetentionCase[], today = TODAY) => Object.fromEntries(planPurge(cases, settings, today).classes.map((c) => [c.recordClass, c]));

describe('planPurge', () => {
  it('is due on the day the retention period has run, not a day before', () => {
    const due = planned([closedCase(addDays(TODAY, -30))]);
    expect(due.patron_records).toMatchObject({ items: 4, cases: [{ caseId: 'c1', caseNumber: 'CUST-1', items: 4 }] });
    expect(planned([closedCase(addDays(TODAY, -29))]).patron_records).toMatchObject({ items: 0, cases: [] });
  });

  it('states each class’s rule: its days, cut-off date, citation and the city’s schedule', () => {
    expect(planned([]).patron_records.rule).toEqual({ days: 30, closedOnOrBefore: '2026-05-02', citation: expect.stringContaining('Gov. Code § 7927.105'), citySchedule: 'Schedule item LIB-12' });
    expect(planned([]).documents.rule).toMatchObject({ days: 730, closedOnOrBefore: '2024-06-01', citation: expect.stringContaining('Gov. Code § 34090') });
    expect(planned([]).case_metadata.rule).toMatchObject({ days: 1825, closedOnOrBefore: '2021-06-02' });
  });

  it('deletes in order, the case itself last, and counts the case as one item', () => {
    const plan = planPurge([closedCase('2019-01-01')], settings, TODAY);
    expect(plan.classes.map((c) => [c.recordClass, c.items])).toEqual([['patron_records', 4], ['documents', 2], ['productions', 1], ['letters', 3], ['case_metadata', 1]]);
    expect(plan.classes.map((c) => c.label)).toEqual([expect.stringMatching(/patron data/), expect.stringMatching(/documents/), expect.stringMatching(/Productions/), expect.stringMatching(/Letters/), expect.stringMatching(/Case metadata/)]);
  });

  it('adds up items over cases and leaves out a class a case holds none of', () => {
    const old = '2019-01-01';
    const plan = planned([closedCase(old), closedCase(old, { caseId: 'c2', caseNumber: 'CUST-2', items: { ...everything, patron_records: 0, letters: 5 } })]);
    expect(plan.patron_records).toMatchObject({ items: 4, cases: [{ caseId: 'c1' }] });
    expect(plan.letters).toMatchObject({ items: 8, cases: [{ caseId: 'c1', items: 3 }, { caseId: 'c2', items: 5 }] });
    expect(plan.case_metadata.items).toBe(2);
  });

  it('purges the case itself as one item, whatever count of case metadata the case reports', () => {
    for (const case_metadata of [0, 3]) {
      const plan = planned([closedCase('2019-01-01', { items: { ...everything, case_metadata } })]);
      expect(plan.case_metadata).toMatchObject({ items: 1, cases: [{ caseId: 'c1', items: 1 }] });
    }
  });

  it('purges nothing of an open case', () => {
    expect(planPurge([closedCase(null)], settings, TODAY).classes.every((c) => c.cases.length === 0)).toBe(true);
  });

  it('lists a held case apart with the classes it would lose and its holds, and plans none of it', () => {
    const holds = [{ kind: 'legal' as const, id: 'lit-1' }, { kind: 'preservation' as const, id: 'p-2' }];
    const plan = planPurge([closedCase('2025-01-01', { holds })], settings, TODAY);
    expect(plan.blocked).toEqual([{ caseId: 'c1', caseNumber: 'CUST-1', classes: ['patron_records'], holds }]);
    expect(plan.classes.every((c) => c.items === 0)).toBe(true);
  });

  it('does not list a held case that nothing is due of yet', () => {
    expect(planPurge([closedCase(TODAY, { holds: [{ kind: 'legal', id: 'h' }] })], settings, TODAY).blocked).toEqual([]);
  });

  it('never purges audit events and says why', () => {
    expect(planPurge([closedCase('2000-01-01')], settings, TODAY).auditEvents).toEqual({
      days: 1095,
      citation: expect.stringContaining('CJIS'),
      purged: 0,
      note: expect.stringContaining('append-only'),
    });
  });

  it('plans only closed, unheld cases whose class has run out, with every item they hold', () => {
    const items = fc.record({ patron_records: fc.nat(5), documents: fc.nat(5), productions: fc.nat(5), letters: fc.nat(5), case_metadata: fc.constant(1) });
    const aCase = fc.record({
      closedAgo: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
      items,
      held: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(aCase, { maxLength: 8 }), (specs) => {
        const cases = specs.map((spec, i): RetentionCase => ({
          caseId: `c${i}`, caseNumber: `CUST-${i}`, closedOn: spec.closedAgo === null ? null : addDays(TODAY, -spec.closedAgo), items: spec.items, holds: spec.held ? [{ kind: 'legal', id: `h${i}` }] : [],
        }));
        const plan = planPurge(cases, settings, TODAY);
        const daysOf = { patron_records: 30, documents: 730, productions: 730, letters: 730, case_metadata: 1825 };
        const isDue = (spec: (typeof specs)[number], recordClass: PurgeableClass) => spec.closedAgo !== null && spec.closedAgo >= daysOf[recordClass] && spec.items[recordClass] > 0;
        for (const recordClass of PURGEABLE_CLASSES) {
          const expected = specs.flatMap((spec, i) => (!spec.held && isDue(spec, recordClass) ? [{ caseId: `c${i}`, caseNumber: `CUST-${i}`, items: spec.items[recordClass] }] : []));
          const planFor = plan.classes.find((c) => c.recordClass === recordClass)!;
          expect(planFor.cases).toEqual(expected);
          expect(planFor.items).toBe(expected.reduce((sum, c) => sum + c.items, 0));
        }
        const blocked = specs.flatMap((spec, i) => (spec.held && PURGEABLE_CLASSES.some((recordClass) => isDue(spec, recordClass)) ? [`c${i}`] : []));
        expect(plan.blocked.map((b) => b.caseId)).toEqual(blocked);
      }),
    );
  });
});
