import { CaseClockFacts, factValue } from './case-facts';
import { CLOCK_NAMES, CLOCKS, CLOCKS_BY_REQUEST_TYPE, ClockDefinition, ClockName, clockRuleMeta } from './clock-catalogue';
import { computeDeadline } from './compute-deadline';
import type { DeadlineInput, DeadlineResult } from './deadline-types';
import { DEFAULT_DEADLINE_SETTINGS, DeadlineSettings, calendarsFor } from './deadline-settings';
import { formatDay } from './iso-date';
import { toLocalDate } from './local-date';

/** A clock the case should have but cannot compute yet, and what would let it. */
export interface UnavailableClock {
  clock: ClockName;
  label: string;
  reason: 'missing_fact' | 'not_started';
  fact: string;
  message: string;
}

export interface ClockPlan {
  inputs: DeadlineInput[];
  unavailable: UnavailableClock[];
}

function applies(definition: ClockDefinition, facts: CaseClockFacts, settings: DeadlineSettings): boolean {
  const relevant = CLOCKS_BY_REQUEST_TYPE[facts.requestType].includes(definition.clock) || definition.alsoWhen?.(facts) === true;
  return relevant && (definition.enabled?.(settings) ?? true);
}

/** The computeDeadline input for one clock of a case, or why it cannot be computed. */
export function deadlineInputFor(
  clock: ClockName,
  facts: CaseClockFacts,
  settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS,
): DeadlineInput | UnavailableClock {
  const definition = CLOCKS[clock];
  const startFact = definition.startFacts.find((fact) => factValue(facts, fact) !== null);
  if (!startFact) {
    const fact = definition.startFacts.join(' or ');
    const message =
      definition.whenStartMissing === 'not_started'
        ? `${definition.label} starts at ${definition.startsFrom}, which has not happened yet.`
        : `${definition.label} cannot be computed: record ${fact} (${definition.startsFrom}).`;
    return { clock, label: definition.label, reason: definition.whenStartMissing, fact, message };
  }
  return {
    rule: clockRuleMeta(definition, settings),
    start: factValue(facts, startFact)!,
    days: definition.days(settings),
    counting: definition.counting,
    excludeStartDay: definition.excludeStartDay,
    rollForwardPastHolidays: definition.rollForwardPastHolidays,
    pauses: settings.pausableClocks.includes(clock) ? (facts.pauses ?? []) : [],
    extension: facts.extensions?.[clock] ?? null,
    calendar: calendarsFor(settings)[definition.calendar],
    timeZone: settings.timeZone,
  };
}

export function isUnavailableClock(value: DeadlineInput | UnavailableClock): value is UnavailableClock {
  return !('rule' in value);
}

/** Every clock the case runs under these settings, split into computable inputs and unavailable ones. */
export function planClocks(facts: CaseClockFacts, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): ClockPlan {
  const plan: ClockPlan = { inputs: [], unavailable: [] };
  for (const clock of CLOCK_NAMES) {
    if (!applies(CLOCKS[clock], facts, settings)) continue;
    const input = deadlineInputFor(clock, facts, settings);
    if (isUnavailableClock(input)) plan.unavailable.push(input);
    else plan.inputs.push(input);
  }
  return plan;
}

/** The deadline inputs for a case (clocks that cannot start yet are left out; see planClocks). */
export function clocksForCase(facts: CaseClockFacts, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): DeadlineInput[] {
  return planClocks(facts, settings).inputs;
}

/** A clock whose due date may be no later than another fact (Rule 45: the earlier of 14 days or the compliance date). */
function applyCap(result: DeadlineResult, facts: CaseClockFacts, settings: DeadlineSettings): DeadlineResult {
  const definition = CLOCKS[result.clock as ClockName];
  const capValue = definition.capFact ? factValue(facts, definition.capFact) : null;
  if (!capValue || !result.dueDate) return result;
  const cap = toLocalDate(capValue, settings.timeZone);
  if (cap >= result.dueDate) return result;
  const steps = [...result.explanation.steps, `The ${definition.capFact} (${formatDay(cap)}) comes first, and the rule takes the earlier date: ${formatDay(cap)}.`];
  return { ...result, dueDate: cap, explanation: { ...result.explanation, steps } };
}

/** clocksForCase, computed. */
export function computeCaseDeadlines(facts: CaseClockFacts, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): DeadlineResult[] {
  return clocksForCase(facts, settings).map((input) => applyCap(computeDeadline(input), facts, settings));
}
