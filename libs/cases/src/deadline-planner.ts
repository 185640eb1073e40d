import { randomUUID } from 'node:crypto';
import { EntityManager, In, Not } from 'typeorm';
import { CaseClockFacts, DeadlineResult, computeCaseDeadlines } from '@custodian/domain';
import { CaseEntity, DeadlineEntity, PreservationHoldEntity, ReviewEntity } from '@custodian/persistence';
import { JobRequest, jobRequest } from '@custodian/queues';
import { loadDeadlineSettings } from './settings-store';
import { isDelivered } from './documents/delivery-rules';

/** States at which a clock's duty is done: the clock is shown as met, and no reminder fires. */
const MET_AT: Record<string, CaseEntity['status'][]> = {
  legal_review_target: ['awaiting_approval', 'fulfilling', 'fulfilled', 'denied', 'closed', 'withdrawn'],
  emergency_review_target: ['awaiting_approval', 'fulfilling', 'fulfilled', 'denied', 'closed', 'withdrawn'],
  director_approval_target: ['fulfilling', 'fulfilled', 'denied', 'closed', 'withdrawn'],
};
const FINISHED: CaseEntity['status'][] = ['fulfilled', 'denied', 'closed', 'withdrawn'];
/** A response is met when it is delivered, not when its file is written (issue #9). */
const MET_ONLY_WHEN_DELIVERED: CaseEntity['status'][] = ['fulfilled', 'denied'];
/** Clocks that describe an order or hold, not a duty of the library; they stay open after the case ends. */
const STILL_RUNNING_AFTER_CLOSE = ['nondisclosure_lapse', 'preservation_hold'];

/** The facts of a case that its clocks run from, read from the case row and its review and holds. */
export async function clockFacts(manager: EntityManager, row: CaseEntity): Promise<CaseClockFacts> {
  const [review] = await manager.find(ReviewEntity, { where: { caseId: row.id, sufficiency: Not('needs_info') }, order: { createdAt: 'DESC' }, take: 1 });
  const [hold] = await manager.find(PreservationHoldEntity, { where: { caseId: row.id }, order: { placedAt: 'ASC' }, take: 1 });
  return {
    requestType: row.requestType,
    receivedAt: row.receivedAt.toISOString(),
    // A request through the city's portal runs from the city's receipt (Gov. Code § 7922.535(a)).
    cityReceivedAt: row.instrument.cityReceivedAt ?? null,
    instrument: { issuedAt: row.instrument.issuedAt ?? null, complianceDate: row.instrument.complianceDate ?? null },
    emergency: row.emergency,
    nondisclosureUntil: row.nondisclosureUntil,
    preservationHoldPlacedAt: hold?.placedAt.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedAt: review?.createdAt.toISOString() ?? null,
    pauses: row.clockPauses,
    extensions: row.clockExtensions,
  };
}

function statusOf(result: DeadlineResult, row: CaseEntity, delivered: boolean): DeadlineEntity['status'] {
  // The extension notice is done once the one extension was given (its letter follows in the same step).
  if (result.clock === 'cpra_extension_notice' && row.clockExtensions.cpra_determination) return 'met';
  const finishedAt = MET_AT[result.clock];
  if (finishedAt?.includes(row.status)) return 'met';
  if (!finishedAt && FINISHED.includes(row.status) && !STILL_RUNNING_AFTER_CLOSE.includes(result.clock) && (delivered || !MET_ONLY_WHEN_DELIVERED.includes(row.status))) return 'met';
  return result.status;
}

/**
 * Recomputes every clock of a case inside the caller's transaction and returns the reminder jobs for the
 * open ones. Reminder job ids include the due date, so a moved deadline gets fresh reminders and the
 * stale ones find a different date and skip.
 */
export async function replanDeadlines(manager: EntityManager, row: CaseEntity, now = new Date()): Promise<JobRequest[]> {
  const settings = await loadDeadlineSettings(manager);
  const results = computeCaseDeadlines(await clockFacts(manager, row), settings);
  const existing = await manager.find(DeadlineEntity, { where: { caseId: row.id } });
  const delivered = MET_ONLY_WHEN_DELIVERED.includes(row.status) && (await isDelivered(manager, row.id));
  const jobs: JobRequest[] = [];
  const rows = results.map((result) => {
    const current = existing.find((d) => d.clock === result.clock);
    const status = statusOf(result, row, delivered);
    if (status === 'open' && result.dueDate) jobs.push(...reminderJobs(row, result.clock, result.dueDate, settings.dueSoonWithinDays));
    return {
      id: current?.id ?? randomUUID(), caseId: row.id, clock: result.clock, label: result.label, dueDate: result.dueDate,
      status, explanation: { kind: result.kind, ...result.explanation }, computedAt: now,
    };
  });
  // One statement for every clock (a save per clock was a SELECT and a write each, on every step).
  if (rows.length) await manager.upsert(DeadlineEntity, rows as never, { conflictPaths: ['caseId', 'clock'], skipUpdateIfNoValuesChanged: false });
  const gone = existing.filter((d) => !results.some((r) => r.clock === d.clock)).map((d) => d.id);
  if (gone.length) await manager.delete(DeadlineEntity, { id: In(gone) });
  return jobs;
}

/** Who is chasing the case at each state: the person whose move it is, and so whom a due-soon reminder is for. */
export function caseHolderId(row: Pick<CaseEntity, 'status' | 'assignedAttorneyId' | 'assignedDirectorId' | 'intakeClerkId'>): string | null {
  if (row.status === 'legal_review' || row.status === 'needs_info') return row.assignedAttorneyId;
  if (row.status === 'awaiting_approval') return row.assignedDirectorId;
  return row.intakeClerkId;
}

/**
 * Due-soon a few days before (to the holder), overdue the morning after (to the director). The due-soon id names
 * the holder it was planned for: a case that changes hands after its reminder fired (entered at intake days after
 * receipt, then assigned) gets one for the new holder, who was never told. (Eight hex digits of the holder keep
 * the id within the outbox's 120 characters; two holders of one case sharing them is a one-in-four-billion chance.)
 */
function reminderJobs(row: CaseEntity, clock: string, dueDate: string, dueSoonDays: number): JobRequest[] {
  const caseId = row.id;
  const holderId = caseHolderId(row);
  const dueMorning = Date.parse(`${dueDate}T09:00:00-08:00`);
  const dueSoonAt = new Date(dueMorning - dueSoonDays * 86_400_000);
  const overdueAt = new Date(dueMorning + 86_400_000);
  return [
    jobRequest('deadline-reminder', { caseId, clock, dueDate, stage: 'due_soon', holderId }, `${caseId}-remind-${clock}-${dueDate}-due_soon-${holderId?.slice(0, 8) ?? 'nobody'}`, dueSoonAt),
    jobRequest('deadline-reminder', { caseId, clock, dueDate, stage: 'overdue' }, `${caseId}-remind-${clock}-${dueDate}-overdue`, overdueAt),
  ];
}
