import { HolidayCalendar } from './holiday-calendar';
import { IsoDate, addDays, assertIsoDate, daysBetween } from './iso-date';

/**
 * How long is left before a deadline, as people count it: court-counted clocks in working (court) days, the
 * others in calendar days; a missed deadline in calendar days late. `days` is negative once overdue.
 */
export interface TimeLeft {
  days: number;
  unit: 'working_days' | 'days';
  /** "due today", "due tomorrow", "due in 2 working days", "3 days overdue". */
  phrase: string;
}

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export function timeLeft(dueDate: IsoDate, today: IsoDate, counting: 'calendar' | 'court', calendar: HolidayCalendar): TimeLeft {
  assertIsoDate(dueDate, 'due date');
  assertIsoDate(today, 'today');
  const calendarDays = daysBetween(today, dueDate);
  if (calendarDays < 0) return { days: calendarDays, unit: 'days', phrase: `${count(-calendarDays, 'day')} overdue` };
  if (calendarDays === 0) return { days: 0, unit: counting === 'court' ? 'working_days' : 'days', phrase: 'due today' };
  if (counting === 'calendar') return { days: calendarDays, unit: 'days', phrase: calendarDays === 1 ? 'due tomorrow' : `due in ${count(calendarDays, 'day')}` };
  // Working days after today up to and including the due date; a due date on a closed day counts as one more.
  let working = 0;
  for (let d = addDays(today, 1); d <= dueDate; d = addDays(d, 1)) if (calendar.isCourtDay(d)) working += 1;
  working = Math.max(working, 1);
  return { days: working, unit: 'working_days', phrase: calendarDays === 1 ? 'due tomorrow' : `due in ${count(working, 'working day')}` };
}
