/**
 * Separation of duties (design.md): on one case the intake clerk, the reviewing attorney and the approving
 * director are three different people, even when one account holds several roles. A duty is held by everyone who
 * did any of its acts on the case, not only by the person named on the case row.
 */
export type Duty = 'intake' | 'review' | 'decision';

export interface CaseParticipants {
  intakeClerkId: string | null;
  reviewingAttorneyId: string | null;
  decidingDirectorId: string | null;
}

const DUTY_FIELD: Record<Duty, keyof CaseParticipants> = {
  intake: 'intakeClerkId',
  review: 'reviewingAttorneyId',
  decision: 'decidingDirectorId',
};

/**
 * The audited acts that make their actor hold a duty on the case. Creating, editing, importing records into and
 * submitting the intake are all intake; attaching correspondence is not (it happens at any stage).
 */
export const DUTY_OF_ACTION: Readonly<Record<string, Duty>> = {
  'case.created': 'intake',
  'case.updated': 'intake',
  'case.submitted': 'intake',
  'records.upload': 'intake',
  'case.reviewed': 'review',
  'case.approved': 'decision',
  'case.denied': 'decision',
};

export function dutyOfAction(action: string): Duty | null {
  return Object.prototype.hasOwnProperty.call(DUTY_OF_ACTION, action) ? DUTY_OF_ACTION[action] : null;
}

/** The first duty in `held` other than `duty`, or null when the holder may take `duty`. */
export function conflictingHeldDuty(held: Iterable<Duty>, duty: Duty): Duty | null {
  for (const other of held) if (other !== duty) return other;
  return null;
}

/** The duties the case row itself names `userId` for (the creator, the last reviewer, the decider). */
export function dutiesOnRow(participants: CaseParticipants, userId: string): Duty[] {
  return (Object.keys(DUTY_FIELD) as Duty[]).filter((duty) => participants[DUTY_FIELD[duty]] === userId);
}

/** The duty `userId` already holds on this case other than `duty`, or null when they may take it. */
export function conflictingDuty(participants: CaseParticipants, duty: Duty, userId: string): Duty | null {
  return conflictingHeldDuty(dutiesOnRow(participants, userId), duty);
}
