import { Actor } from '@custodian/auth';
import { CaseStateConflictError } from '@custodian/cases';
import { CaseEntity } from '@custodian/persistence';

/** The audit actor for a person. */
export const actorRef = (actor: Actor) => ({ id: actor.id, username: actor.username });

/** The case must be in `state` with no step running on it. */
export function expectState(row: CaseEntity, state: CaseEntity['status'], action: string): void {
  if (row.status !== state) throw new CaseStateConflictError(`Cannot ${action} a case in state '${row.status}'`, row.status, row.pendingStep);
  if (row.pendingStep) throw new CaseStateConflictError(`Cannot ${action}: the ${row.pendingStep} step is still running`, row.status, row.pendingStep);
}
