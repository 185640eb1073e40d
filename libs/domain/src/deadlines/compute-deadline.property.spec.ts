import fc from 'fast-check';
import { computeDeadline } from './compute-deadline';
import type { DeadlineInput, DeadlinePause } from './deadline-types';
import { HolidayCalendar } from './holiday-calendar';
import { IsoDate, addDays, daysBetween } from './iso-date';
import { pauseCovering, toLocalPauses } from './pauses';
import { TEST_RULE } from './spec-fixtures.test';

const FIRST = '2000-01-01';
const LAST = '2100-11-30';

const dateArb = fc.integer({ min: 0, max: daysBetween(FIRST, LAST) }).map((n) => addDays(FIRST, n));
const countingArb = fc.constantFrom('calendar' as const, 'court' as const);
const offsetsArb = (max: number) => fc.uniqueArray(fc.integer({ min: 0, max }), { maxLength: 4 });
const closedPausesArb = fc.array(fc.record({ offset: fc.integer({ min: -5, max: 40 }), length: fc.integer({ min: 0, max: 10 }) }), { maxLength: 3 });

/** A random case of the calculator: start, days, counting, city holidays near the start, closed pauses. */
const scenarioArb = fc.record({
  start: dateArb,
  days: fc.integer({ min: 0, max: 45 }),
  counting: countingArb,
  cityHolidayOffsets: offsetsArb(80),
  pauses: closedPausesArb,
});
type Scenario = { start: IsoDate; days: number; counting: 'calendar' | 'court'; cityHolidayOffsets: number[]; pauses: { offset: number; length: number }[] };

function inputFor(s: Scenario, overrides: Partial<DeadlineInput> = {}): DeadlineInput {
  const calendar = new HolidayCalendar({ cityHolidays: s.cityHolidayOffsets.map((o) => ({ date: addDays(s.start, o), name: `City day ${o}` })) });
  const pauses: DeadlinePause[] = s.pauses.map((p) => ({ from: addDays(s.start, p.offset), to: addDays(s.start, p.offset + p.length), reason: 'needs_info' }));
  return { rule: TEST_RULE, start: s.start, days: s.days, counting: s.counting, calendar, pauses, ...overrides };
}

const due = (input: DeadlineInput) => computeDeadline(input).dueDate as IsoDate;

describe('computeDeadline properties', () => {
  it('never lands on a weekend or holiday when rolling forward', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const input = inputFor(s);
        expect(input.calendar.isHoliday(due(input))).toBe(false);
      }),
    );
  });

  it('in calendar days, is never earlier than start + days', () => {
    fc.assert(fc.property(scenarioArb, (s) => daysBetween(s.start, due(inputFor({ ...s, counting: 'calendar' }))) >= s.days));
  });

  it('only ever moves later for pauses, by at least the paused days it did not count', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const paused = computeDeadline(inputFor(s));
        const unpaused = computeDeadline(inputFor({ ...s, pauses: [] }));
        const pausedDays = paused.explanation.skipped.filter((d) => d.kinds.includes('paused')).length;
        expect(paused.dueDate! >= unpaused.dueDate!).toBe(true);
        const shift = daysBetween(unpaused.explanation.lastCountedDay!, paused.explanation.lastCountedDay!);
        if (s.counting === 'calendar') expect(shift).toBe(pausedDays);
        else expect(shift).toBeGreaterThanOrEqual(0);
        expect(paused.explanation.pauses.reduce((n, p) => n + p.daysNotCounted, 0)).toBe(pausedDays);
      }),
    );
  });

  it('grants no more extension than the rule allows, and an extension never brings the date forward', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 60 }), (s, max, requested) => {
        const rule = { ...TEST_RULE, maxExtensionDays: max };
        const extended = computeDeadline(inputFor(s, { rule, extension: { days: requested, reason: 'volume', grantedAt: s.start } }));
        const plain = computeDeadline(inputFor(s, { rule }));
        expect(extended.explanation.extension!.grantedDays).toBe(Math.min(requested, max));
        expect(extended.explanation.daysAdded - s.days).toBeLessThanOrEqual(max);
        expect(extended.dueDate! >= plain.dueDate!).toBe(true);
      }),
    );
  });

  it('is monotonic in days', () => {
    fc.assert(fc.property(scenarioArb, (s) => due(inputFor(s)) <= due(inputFor({ ...s, days: s.days + 1 }))));
  });

  it('explains every day: skipped days are closed or paused, and counted + skipped days add up', () => {
    fc.assert(
      fc.property(scenarioArb, fc.boolean(), (s, excludeStartDay) => {
        fc.pre(excludeStartDay || s.days > 0);
        const input = inputFor(s, { excludeStartDay });
        const result = computeDeadline(input);
        const pauses = toLocalPauses(input.pauses ?? [], 'America/Los_Angeles');
        for (const day of result.explanation.skipped) {
          expect(input.calendar.isHoliday(day.date) || pauseCovering(pauses, day.date) !== undefined).toBe(true);
        }
        const span = daysBetween(s.start, result.dueDate!) + (excludeStartDay ? 0 : 1);
        expect(span).toBe(result.explanation.daysAdded + result.explanation.skipped.length);
        expect(result.explanation.daysCounted).toBe(s.days);
      }),
    );
  });

  it('counts only open, unpaused days when counting court days', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        fc.pre(s.days > 0);
        const input = inputFor({ ...s, counting: 'court' });
        const result = computeDeadline(input);
        const pauses = toLocalPauses(input.pauses ?? [], 'America/Los_Angeles');
        let counted = 0;
        for (let d = addDays(s.start, 1); d <= result.explanation.lastCountedDay!; d = addDays(d, 1)) {
          if (!input.calendar.isHoliday(d) && !pauseCovering(pauses, d)) counted += 1;
        }
        expect(counted).toBe(s.days);
      }),
    );
  });

  it('an open pause stops the clock exactly when it begins before the period would have ended', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: -5, max: 60 }), (s, offset) => {
        const from = addDays(s.start, offset);
        const unpaused = computeDeadline(inputFor({ ...s, pauses: [] }));
        const result = computeDeadline(inputFor({ ...s, pauses: [] }, { pauses: [{ from, reason: 'needs_info' }] }));
        const shouldStop = s.days > 0 && from < unpaused.explanation.lastCountedDay!;
        expect(result.status).toBe(shouldStop ? 'paused' : 'open');
        expect(result.dueDate === null).toBe(shouldStop);
        if (shouldStop) expect(result.explanation.daysCounted).toBeLessThan(s.days);
      }),
    );
  });
});
