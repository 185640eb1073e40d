import type { DayCounting, SkippedDay, SkipKind } from './deadline-types';
import type { HolidayCalendar } from './holiday-calendar';
import { IsoDate, addDays, daysBetween } from './iso-date';
import { LocalPause, pauseCovering } from './pauses';

export interface PeriodPlan {
  start: IsoDate;
  days: number;
  counting: DayCounting;
  excludeStartDay: boolean;
  rollForward: boolean;
  pauses: readonly LocalPause[];
  calendar: HolidayCalendar;
}

export interface PeriodOutcome {
  /** The open pause that stopped the count, if one did. */
  stoppedBy: LocalPause | null;
  daysCounted: number;
  lastCountedDay: IsoDate | null;
  dueDate: IsoDate | null;
  skipped: SkippedDay[];
}

// No real period runs longer than this; hitting it means a calendar that closes every day.
const MAX_SPAN_DAYS = 366 * 100;

function skippedDay(date: IsoDate, phase: SkippedDay['phase'], pause: LocalPause | undefined, calendar: HolidayCalendar): SkippedDay {
  const closed = calendar.reasonsClosed(date);
  const kinds: SkipKind[] = [...(pause ? (['paused'] as const) : []), ...closed.map((r) => r.kind)];
  const labels = [...(pause ? [`paused: ${pause.reason}`] : []), ...closed.map((r) => r.label)];
  return { date, reason: labels.join('; '), kinds: [...new Set(kinds)], phase };
}

/**
 * Counts `days` days after the start (or from it, when the start day is included), skipping paused days
 * always and closed days when counting court days; then moves a last day that is a holiday to the next day
 * that is not. An open pause reached while counting stops the count: there is no due date yet.
 */
export function countPeriod(plan: PeriodPlan): PeriodOutcome {
  const { start, days, counting, pauses, calendar } = plan;
  const skipped: SkippedDay[] = [];
  let cursor = plan.excludeStartDay ? start : addDays(start, -1);
  let counted = 0;
  while (counted < days) {
    const day = addDays(cursor, 1);
    guardSpan(start, day);
    const pause = pauseCovering(pauses, day);
    if (pause?.to === null) return { stoppedBy: pause, daysCounted: counted, lastCountedDay: null, dueDate: null, skipped };
    cursor = day;
    if (pause || (counting !== 'calendar' && calendar.isHoliday(day))) {
      skipped.push(skippedDay(day, 'counting', pause, calendar));
      continue;
    }
    counted += 1;
  }
  const lastCountedDay = days === 0 ? start : cursor;
  let dueDate = lastCountedDay;
  while (plan.rollForward && calendar.isHoliday(dueDate)) {
    skipped.push(skippedDay(dueDate, 'roll_forward', undefined, calendar));
    dueDate = addDays(dueDate, 1);
    guardSpan(start, dueDate);
  }
  return { stoppedBy: null, daysCounted: counted, lastCountedDay, dueDate, skipped };
}

function guardSpan(start: IsoDate, day: IsoDate): void {
  if (daysBetween(start, day) > MAX_SPAN_DAYS) throw new RangeError(`period from ${start} runs past ${day}: check the calendar`);
}
