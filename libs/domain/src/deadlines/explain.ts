import type { DayCounting, DeadlineKind, DeadlineRuleMeta, ExtensionSummary, PauseSummary, SkippedDay } from './deadline-types';
import type { HolidayCalendar } from './holiday-calendar';
import { IsoDate, addDays, formatDay } from './iso-date';
import type { PeriodOutcome } from './count-period';

export const COUNTING_CITATION = 'Code Civ. Proc. § 12';
export const ROLL_FORWARD_CITATION = 'Code Civ. Proc. § 12a';

const DATE_VERB: Record<DeadlineKind, string> = {
  respond_by: 'Respond by',
  comply_by: 'Comply by',
  expires: 'Valid through',
  lapses: 'Lapses on',
  target: 'Target date',
};

export interface RuleShape {
  days: number;
  counting: DayCounting;
  excludeStartDay: boolean;
  rollForward: boolean;
  startsFrom: string;
}

/** The rule in one sentence, e.g. "10 calendar days after receipt of the request (...)". */
export function describeRule(rule: RuleShape): string {
  const plural = rule.days === 1 ? '' : 's';
  const period =
    rule.days === 0
      ? `Falls on ${rule.startsFrom}`
      : `${rule.days} ${rule.counting} day${plural} after ${rule.startsFrom}` +
        (rule.excludeStartDay ? ' (the first day is not counted, the last day is)' : ' (the first day counts as day 1)') +
        (rule.counting !== 'calendar' ? '; weekends and holidays are not counted' : '');
  const roll = rule.rollForward
    ? '; a last day on a Saturday, Sunday or holiday moves to the next day that is not one'
    : '; the date does not move for weekends or holidays';
  return `${period}${roll}.`;
}

export interface StepsContext {
  rule: DeadlineRuleMeta;
  shape: RuleShape;
  startInput: string;
  start: IsoDate;
  timeZone: string;
  totalDays: number;
  outcome: PeriodOutcome;
  pauses: PauseSummary[];
  extension: ExtensionSummary | null;
  calendar: HolidayCalendar;
}

const listDays = (days: SkippedDay[]) => days.map((d) => `${formatDay(d.date)}: ${d.reason}`).join('; ');
const dayCount = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** The working, line by line, in the order a clerk would check it. */
export function explainSteps(ctx: StepsContext): string[] {
  const { rule, shape, start, outcome } = ctx;
  const steps: string[] = [];
  const local = ctx.startInput === start ? formatDay(start) : `local date ${formatDay(start)} in ${ctx.timeZone}`;
  steps.push(`Start: ${shape.startsFrom}, ${ctx.startInput} → ${local}.`);
  steps.push(`Rule (${rule.citation}): ${describeRule(shape)}`);
  steps.push(`Calendar: ${ctx.calendar.name} (${ctx.calendar.citation}).`);
  if (ctx.totalDays > 0) {
    steps.push(
      shape.excludeStartDay
        ? `${formatDay(start)} is not counted (${COUNTING_CITATION}); counting begins ${formatDay(addDays(start, 1))}.`
        : `${formatDay(start)} counts as day 1.`,
    );
  }
  for (const pause of ctx.pauses) {
    const until = pause.to ?? 'still open';
    steps.push(`Paused ${pause.from} → ${until} (${pause.reason}): ${dayCount(pause.daysNotCounted)} of the period not counted.`);
  }
  const courtSkips = outcome.skipped.filter((d) => d.phase === 'counting' && !d.kinds.includes('paused'));
  if (courtSkips.length) steps.push(`Not counted (closed on the ${ctx.calendar.name}): ${listDays(courtSkips)}.`);
  if (ctx.extension) steps.push(...explainExtension(ctx.extension));
  if (outcome.stoppedBy) {
    const remaining = ctx.totalDays - outcome.daysCounted;
    steps.push(
      `Clock stopped since ${outcome.stoppedBy.from} (${outcome.stoppedBy.reason}): ${outcome.daysCounted} of ${ctx.totalDays} days had run, ${remaining} remain. No date until the pause ends.`,
    );
    return steps;
  }
  const last = outcome.lastCountedDay as IsoDate;
  const due = outcome.dueDate as IsoDate;
  const granted = ctx.extension?.grantedDays ?? 0;
  const dayNumber = granted ? `${ctx.totalDays} (${shape.days} + ${granted} extension)` : `${ctx.totalDays}`;
  steps.push(ctx.totalDays === 0 ? `The date is ${formatDay(last)}.` : `Day ${dayNumber} is ${formatDay(last)}.`);
  const rolled = outcome.skipped.filter((d) => d.phase === 'roll_forward');
  if (rolled.length) {
    steps.push(`${formatDay(last)} is a holiday, so the date moves to the next day that is not one on the ${ctx.calendar.name.toLowerCase()} (${ROLL_FORWARD_CITATION}); passed over: ${listDays(rolled)}.`);
  } else if (ctx.calendar.isHoliday(due)) {
    // Only a clock that does not roll forward can end on a closed day.
    const reasons = ctx.calendar.reasonsClosed(due).map((r) => r.label).join('; ');
    steps.push(`${formatDay(due)} is closed (${reasons}), but this clock does not move for weekends or holidays.`);
  }
  steps.push(`${DATE_VERB[rule.kind]}: ${formatDay(due)}.`);
  return steps;
}

function explainExtension(ext: ExtensionSummary): string[] {
  const cite = ext.citation ? ` (${ext.citation})` : '';
  if (ext.maxDays === 0) return [`Extension requested on ${ext.grantedOn} (${ext.reason}), but this clock allows none; no days added.`];
  const lines = [
    ext.capped
      ? `Extension of ${ext.requestedDays} days granted on ${ext.grantedOn} (${ext.reason}); the rule allows at most ${ext.maxDays}${cite}, so ${ext.grantedDays} days added.`
      : `Extended by ${ext.grantedDays} days on ${ext.grantedOn} (${ext.reason})${cite}.`,
  ];
  if (ext.dueDateWithoutExtension) lines.push(`Without the extension the date would be ${formatDay(ext.dueDateWithoutExtension)}.`);
  if (ext.grantedWithinOriginalPeriod === false) {
    lines.push(`Warning: the extension was given on ${ext.grantedOn}, after the original period ended on ${ext.dueDateWithoutExtension}.`);
  }
  return lines;
}
