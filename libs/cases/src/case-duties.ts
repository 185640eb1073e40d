import { EntityManager } from 'typeorm';
import type { AuditEntry } from '@custodian/audit';
import { Actor, hasRole } from '@custodian/auth';
import { Duty, conflictingHeldDuty, dutiesOnRow, dutyOfAction } from '@custodian/domain';
import { CaseDutyEntity, CaseEntity } from '@custodian/persistence';
import { DutyConflictError } from './case-errors';

/** Records the duties that these audited acts give their actors on the case, in the acts' own transaction. */
export async function recordDuties(manager: EntityManager, caseId: string, entries: AuditEntry[]): Promise<void> {
  const rows = entries
    .map((entry) => ({ userId: entry.actor?.id ?? null, duty: dutyOfAction(entry.action) }))
    .filter((row): row is { userId: string; duty: Duty } => row.userId !== null && row.duty !== null)
    .map((row) => ({ caseId, ...row, firstAt: new Date() }));
  if (rows.length) await manager.createQueryBuilder().insert().into(CaseDutyEntity).values(rows).orIgnore().execute();
}

/** Every duty `userId` holds on the case: from any act recorded, and from the case row itself. */
export async function heldDuties(manager: EntityManager, row: CaseEntity, userId: string): Promise<Set<Duty>> {
  const recorded = await manager.find(CaseDutyEntity, { where: { caseId: row.id, userId }, select: { duty: true } });
  return new Set<Duty>([...recorded.map((r) => r.duty), ...dutiesOnRow(row, userId)]);
}

/** User ids holding any duty on the case, to keep them out of another duty's automatic assignment. */
export async function dutyHolders(manager: EntityManager, caseId: string): Promise<string[]> {
  const rows = await manager.find(CaseDutyEntity, { where: { caseId }, select: { userId: true } });
  return [...new Set(rows.map((r) => r.userId))];
}

const ASSIGNED: Partial<Record<Duty, { column: 'assignedAttorneyId' | 'assignedDirectorId'; who: string }>> = {
  review: { column: 'assignedAttorneyId', who: 'attorney' },
  decision: { column: 'assignedDirectorId', who: 'director' },
};

/**
 * May `actor` take `duty` on this case? Admins take no case decisions; review and decision belong to the assigned
 * attorney and director only (reassignment is its own audited action); and no one takes a second duty on a case.
 */
export async function assertMayTakeDuty(manager: EntityManager, row: CaseEntity, duty: Duty, actor: Actor): Promise<void> {
  if (duty !== 'intake' && hasRole(actor, 'admin')) throw new DutyConflictError('Admins take no case decisions; the assigned attorney and director do');
  const conflict = conflictingHeldDuty(await heldDuties(manager, row, actor.id), duty);
  if (conflict) throw new DutyConflictError(`Separation of duties: you already hold the ${conflict} duty on this case`);
  const slot = ASSIGNED[duty];
  if (slot) {
    const assigned = row[slot.column];
    if (!assigned) throw new DutyConflictError(`No ${slot.who} is assigned to this case; a director or admin must assign one first`);
    if (assigned !== actor.id) throw new DutyConflictError(`This case is assigned to another ${slot.who}; ask a director or admin to reassign it to you`);
  }
}
