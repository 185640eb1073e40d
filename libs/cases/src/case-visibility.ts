import type { Actor } from '@custodian/auth';
import { hasRole } from '@custodian/auth';
import { GagState, gagState, toLocalDate } from '@custodian/domain';
import type { CaseEntity } from '@custodian/persistence';

/** The library's calendar date today: nondisclosure orders lapse by the court's calendar, not UTC's. */
export function pacificToday(now = new Date()): string {
  return toLocalDate(now);
}

type GagRow = Pick<CaseEntity, 'nondisclosureUntil' | 'requestType'> & Partial<Pick<CaseEntity, 'nondisclosureBasis' | 'gagLift'>>;

/** The gag on a case today: statutory (NSL, FISA: until a recorded lift) or a court order's date. */
export function caseGag(row: GagRow, today = pacificToday()): GagState | null {
  return gagState({ requestType: row.requestType, nondisclosureUntil: row.nondisclosureUntil, nondisclosureBasis: row.nondisclosureBasis ?? null, gagLift: row.gagLift ?? null }, today);
}

export function isUnderNondisclosure(row: GagRow, today = pacificToday()): boolean {
  return caseGag(row, today)?.active === true;
}

/** What deciding visibility needs of a case row: the gag (type, date, basis, recorded lift) and the assignees. */
export type CaseVisibilityFields = Pick<CaseEntity, 'nondisclosureUntil' | 'requestType' | 'nondisclosureBasis' | 'gagLift' | 'intakeClerkId' | 'assignedAttorneyId' | 'reviewingAttorneyId' | 'assignedDirectorId' | 'decidingDirectorId'>;

export function assigneeIds(row: Pick<CaseVisibilityFields, 'intakeClerkId' | 'assignedAttorneyId' | 'reviewingAttorneyId' | 'assignedDirectorId' | 'decidingDirectorId'>): string[] {
  return [row.intakeClerkId, row.assignedAttorneyId, row.reviewingAttorneyId, row.assignedDirectorId, row.decidingDirectorId].filter(
    (id): id is string => id !== null,
  );
}

/**
 * Who may see a case: all staff, except that a gagged case (a statutory gag on an NSL or FISA order, whatever
 * date was typed, or a court's nondisclosure order still running) is visible only to the people assigned to it,
 * auditors and admins. Everyone else must not learn it exists.
 */
export function canSeeCase(actor: Actor, row: CaseVisibilityFields, today = pacificToday()): boolean {
  if (!isUnderNondisclosure(row, today)) return true;
  if (hasRole(actor, 'auditor', 'admin')) return true;
  return assigneeIds(row).includes(actor.id);
}
