import type { CaseState } from '@custodian/domain';

/** The case does not exist, or the actor may not know that it does (gag orders answer 404, not 403). */
export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super('Case not found');
    this.name = 'CaseNotFoundError';
  }
}

/** The case is not in a state where this action is allowed; carries the current state for the 409 body. */
export class CaseStateConflictError extends Error {
  constructor(
    message: string,
    readonly currentState: CaseState,
    readonly pendingStep: string | null = null,
  ) {
    super(message);
    this.name = 'CaseStateConflictError';
  }
}

/** The actor holds the role but not the right on this case (separation of duties). */
export class DutyConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DutyConflictError';
  }
}

/** The request is well-formed but breaks a rule of the domain (e.g. a review with unexplained contradictions). */
export class RuleViolationError extends Error {
  constructor(
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'RuleViolationError';
  }
}
