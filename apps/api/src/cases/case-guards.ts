import { Actor } from '@custodian/auth';
import { CaseStateConflictError, DutyConflictError } from '@custodian/cases';
import { Duty, conflictingDuty } from '@custodian/domain';
import { CaseEntity } from '@custodian/persistence';

/** The audit actor for a person. */
export const actorRef = (actor: Actor) => ({ id: actor.id, username: actor.username });

/** The case must be in `state` with no step running on it. */
export function expectState(row: CaseEntity, state: CaseEntity['status'], action: string): void {
  if (row.status !== state) throw new CaseStateConflictError(`Cannot ${action} a case in state '${row.status}'`, row.status, row.pendingStep);
  if (row.pendingStep) throw new CaseStateConflictError(`Cannot ${action}: the ${row.pendingStep} step is still running`, row.status, row.pendingStep);
}

/** Separation of duties (libs/domain/src/duties.ts): one person, one duty per case. */
export function assertDuty(row: CaseEntity, duty: Duty, actor: Actor): void {
  const conflict = conflictingDuty({ intakeClerkId: row.intakeClerkId, reviewingAttorneyId: row.reviewingAttorneyId, decidingDirectorId: row.decidingDirectorId }, duty, actor.id);
  if (conflict) throw new DutyConflictError(`Separation of duties: you already hold the ${conflict} duty on this case`);
}
