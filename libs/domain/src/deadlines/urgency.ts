import { IsoDate, assertIsoDate, daysBetween } from './iso-date';
import { DateInput, LIBRARY_TIME_ZONE, toLocalDate } from './local-date';

export const URGENCIES = ['overdue', 'due_today', 'due_soon', 'later', 'paused'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Days from `today` (its local date) to `dueDate`: 0 on the day, negative once past. */
export function daysUntil(dueDate: IsoDate, today: DateInput, timeZone: string = LIBRARY_TIME_ZONE): number {
  assertIsoDate(dueDate, 'due date');
  return daysBetween(toLocalDate(today, timeZone), dueDate);
}

/** Where a deadline stands today; a paused clock (no due date) is 'paused'. */
export function classifyDeadline(
  dueDate: IsoDate | null,
  today: DateInput,
  dueSoonWithinDays: number,
  timeZone: string = LIBRARY_TIME_ZONE,
): Urgency {
  if (dueDate === null) return 'paused';
  const days = daysUntil(dueDate, today, timeZone);
  if (days < 0) return 'overdue';
  if (days === 0) return 'due_today';
  return days <= dueSoonWithinDays ? 'due_soon' : 'later';
}
