/**
 * Separation of duties (design.md): on one case the intake clerk, the reviewing attorney and the approving
 * director are three different people, even when one account holds several roles.
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

/** The duty `userId` already holds on this case other than `duty`, or null when they may take it. */
export function conflictingDuty(participants: CaseParticipants, duty: Duty, userId: string): Duty | null {
  for (const other of Object.keys(DUTY_FIELD) as Duty[]) {
    if (other !== duty && participants[DUTY_FIELD[other]] === userId) return other;
  }
  return null;
}
