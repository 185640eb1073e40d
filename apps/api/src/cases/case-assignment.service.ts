import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor } from '@custodian/auth';
import { CaseStateConflictError, CaseWorkflow, RuleViolationError, heldDuties } from '@custodian/cases';
import { CaseState, conflictingHeldDuty } from '@custodian/domain';
import { NotificationEntity, UserEntity } from '@custodian/persistence';
import { CaseAccess } from './case-access.service';

export type AssignmentSlot = 'attorney' | 'director';

const SLOTS = {
  attorney: { column: 'assignedAttorneyId', role: 'attorney', duty: 'review', states: ['intake', 'legal_review', 'needs_info'] },
  director: { column: 'assignedDirectorId', role: 'director', duty: 'decision', states: ['intake', 'legal_review', 'needs_info', 'awaiting_approval'] },
} as const satisfies Record<AssignmentSlot, { column: string; role: string; duty: string; states: readonly CaseState[] }>;

/**
 * Reassigning a case's attorney or director: an explicit, audited act by a director or an admin, never onto
 * oneself (nobody picks the cases they decide), onto someone holding another duty on the case, or after that
 * slot's work is done. The new assignee is told by a notification and, on a gagged case, may now see it.
 */
@Injectable()
export class CaseAssignment {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly access: CaseAccess,
  ) {}

  reassign(caseId: string, slot: AssignmentSlot, userId: string, reason: string, actor: Actor): Promise<void> {
    const rule = SLOTS[slot];
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      if (!(rule.states as readonly CaseState[]).includes(row.status)) {
        throw new CaseStateConflictError(`The ${slot} of a case in state '${row.status}' can no longer be changed`, row.status, row.pendingStep);
      }
      if (row.pendingStep) throw new CaseStateConflictError(`The ${row.pendingStep} step is running on this case; reassign when it has finished`, row.status, row.pendingStep);
      const invalid = (message: string) => new RuleViolationError(message, [{ field: 'userId', message }]);
      if (userId === actor.id) throw invalid('You cannot assign a case to yourself; another director or an admin must');
      const user = await manager.findOne(UserEntity, { where: { id: userId } });
      if (!user || !user.active) throw invalid('No active user with this id');
      if (!user.roles.includes(rule.role) || user.roles.includes('admin')) throw invalid(`This user does not hold the ${rule.role} role`);
      if (row[rule.column] === userId) throw invalid(`This user is already the case's ${slot}`);
      const conflict = conflictingHeldDuty(await heldDuties(manager, row, userId), rule.duty);
      if (conflict) throw invalid(`Separation of duties: this user already holds the ${conflict} duty on this case`);
      const from = row[rule.column];
      row[rule.column] = userId;
      row.updatedAt = new Date();
      await manager.save(row);
      await manager.save(NotificationEntity, { id: randomUUID(), userId, caseId, kind: 'assigned', message: `Case ${row.caseNumber} was assigned to you`, createdAt: new Date(), readAt: null });
      return {
        result: undefined,
        audit: [{ actor: { id: actor.id, username: actor.username }, action: 'case.reassigned', objectType: 'case', objectId: caseId, details: { slot, from, to: userId, reasonLength: reason.length } }],
      };
    });
  }
}
