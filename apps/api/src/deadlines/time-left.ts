import { EntityManager, In } from 'typeorm';
import { loadDeadlineSettings, pacificToday } from '@custodian/cases';
import { calendarFor, TimeLeft, timeLeft } from '@custodian/domain';
import { DeadlineEntity } from '@custodian/persistence';

export type TimeLeftOf = (dueDate: string | null, explanation: unknown, status?: string) => TimeLeft | null;

/**
 * A function that says how long is left before a deadline ("due in 2 working days", "3 days overdue") with the
 * library's calendar as it is set today; null for a paused or met clock, which has nothing left to count.
 */
export async function timeLeftToday(manager: EntityManager): Promise<TimeLeftOf> {
  const calendar = calendarFor(await loadDeadlineSettings(manager));
  const today = pacificToday();
  return (dueDate, explanation, status = 'open') => {
    if (!dueDate || status !== 'open') return null;
    // 'working' (internal targets on the city calendar) counts closed days out like 'court' does.
    const counted = (explanation as { counting?: string } | null)?.counting;
    const counting = counted === 'court' || counted === 'working' ? 'court' : 'calendar';
    return timeLeft(dueDate, today, counting, calendar);
  };
}

export interface NextDeadline {
  clock: string;
  label: string;
  dueDate: string;
  timeLeft: TimeLeft | null;
}

/** The earliest open deadline of each case, named, for lists that show "what is due next and by when". */
export async function nextDeadlines(manager: EntityManager, caseIds: string[]): Promise<Map<string, NextDeadline>> {
  const result = new Map<string, NextDeadline>();
  if (caseIds.length === 0) return result;
  const [rows, left] = await Promise.all([
    manager.find(DeadlineEntity, { where: { caseId: In(caseIds), status: 'open' }, order: { dueDate: 'ASC' } }),
    timeLeftToday(manager),
  ]);
  for (const d of rows) {
    if (!d.dueDate || result.has(d.caseId)) continue;
    result.set(d.caseId, { clock: d.clock, label: d.label, dueDate: d.dueDate, timeLeft: left(d.dueDate, d.explanation, d.status) });
  }
  return result;
}
