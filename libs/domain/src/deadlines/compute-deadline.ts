import { countPeriod, PeriodOutcome, PeriodPlan } from './count-period';
import type { DeadlineExtension, DeadlineInput, DeadlineResult, ExtensionSummary, PauseSummary } from './deadline-types';
import { describeRule, explainSteps, RuleShape } from './explain';
import { LIBRARY_TIME_ZONE, describeDateInput, toLocalDate } from './local-date';
import { LocalPause, pauseCovering, toLocalPauses } from './pauses';

function assertWholeDays(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number of days ≥ 0, got ${value}`);
}

function grantedExtensionDays(extension: DeadlineExtension | null, maxDays: number): number {
  return extension ? Math.min(extension.days, maxDays) : 0;
}

function summarisePauses(pauses: LocalPause[], outcome: PeriodOutcome): PauseSummary[] {
  return pauses.map((pause) => ({
    from: pause.from,
    to: pause.to,
    reason: pause.reason,
    open: pause.to === null,
    daysNotCounted: outcome.skipped.filter((d) => d.kinds.includes('paused') && pauseCovering(pauses, d.date) === pause).length,
  }));
}

function summariseExtension(
  input: DeadlineInput,
  extension: DeadlineExtension,
  maxDays: number,
  withoutExtension: PeriodOutcome,
  timeZone: string,
): ExtensionSummary {
  const grantedOn = toLocalDate(extension.grantedAt, timeZone);
  const originalEnd = withoutExtension.dueDate;
  return {
    requestedDays: extension.days,
    grantedDays: grantedExtensionDays(extension, maxDays),
    maxDays,
    capped: extension.days > maxDays,
    reason: extension.reason,
    grantedOn,
    citation: input.rule.extensionCitation ?? null,
    dueDateWithoutExtension: originalEnd,
    grantedWithinOriginalPeriod: originalEnd === null ? null : grantedOn <= originalEnd,
  };
}

/**
 * Computes one deadline and shows its working: the local start date, the rule and citation, the days
 * added, every day skipped and why, pauses and extensions. Pure: the calendar and all dates are inputs.
 */
export function computeDeadline(input: DeadlineInput): DeadlineResult {
  const timeZone = input.timeZone ?? LIBRARY_TIME_ZONE;
  const extension = input.extension ?? null;
  const maxExtensionDays = input.rule.maxExtensionDays ?? 0;
  assertWholeDays(input.days, `${input.rule.clock}: days`);
  assertWholeDays(maxExtensionDays, `${input.rule.clock}: maxExtensionDays`);
  if (extension) {
    assertWholeDays(extension.days, `${input.rule.clock}: extension days`);
    if (!extension.reason?.trim()) throw new RangeError(`${input.rule.clock}: an extension needs a reason`);
  }

  const start = toLocalDate(input.start, timeZone);
  const pauses = toLocalPauses(input.pauses ?? [], timeZone);
  const shape: RuleShape = {
    days: input.days,
    counting: input.counting,
    excludeStartDay: input.excludeStartDay ?? true,
    rollForward: input.rollForwardPastHolidays ?? true,
    startsFrom: input.rule.startsFrom,
  };
  const plan = (days: number): PeriodPlan => ({ ...shape, days, start, pauses, calendar: input.calendar });

  const grantedDays = grantedExtensionDays(extension, maxExtensionDays);
  const totalDays = input.days + grantedDays;
  const outcome = countPeriod(plan(totalDays));
  const pauseSummaries = summarisePauses(pauses, outcome);
  const extensionSummary = extension ? summariseExtension(input, extension, maxExtensionDays, countPeriod(plan(input.days)), timeZone) : null;
  const startInput = describeDateInput(input.start);

  return {
    clock: input.rule.clock,
    label: input.rule.label,
    kind: input.rule.kind,
    citation: input.rule.citation,
    dueDate: outcome.dueDate,
    status: outcome.stoppedBy ? 'paused' : 'open',
    explanation: {
      calendar: { name: input.calendar.name, citation: input.calendar.citation },
      start,
      startInput,
      startsFrom: input.rule.startsFrom,
      timeZone,
      rule: describeRule(shape),
      citation: input.rule.citation,
      counting: input.counting,
      baseDays: input.days,
      daysAdded: totalDays,
      daysCounted: outcome.daysCounted,
      excludedStartDay: shape.excludeStartDay,
      lastCountedDay: outcome.lastCountedDay,
      rolledForward: outcome.skipped.some((d) => d.phase === 'roll_forward'),
      skipped: outcome.skipped,
      pauses: pauseSummaries,
      extension: extensionSummary,
      steps: explainSteps({
        rule: input.rule,
        shape,
        startInput,
        start,
        timeZone,
        totalDays,
        outcome,
        pauses: pauseSummaries,
        extension: extensionSummary,
        calendar: input.calendar,
      }),
    },
  };
}
