import type { Actor } from '@custodian/auth';
import { hasRole } from '@custodian/auth';
import { toLocalDate } from '@custodian/domain';
import type { CaseEntity } from '@custodian/persistence';

/** The library's calendar date today: nondisclosure orders lapse by the court's calendar, not UTC's. */
export function pacificToday(now = new Date()): string {
  return toLocalDate(now);
}

export function isUnderNondisclosure(row: Pick<CaseEntity, 'nondisclosureUntil'>, today = pacificToday()): boolean {
  return row.nondisclosureUntil !== null && row.nondisclosureUntil >= today;
}

/** What deciding visibility needs of a case row. */
export type CaseVisibilityFields = Pick<CaseEntity, 'nondisclosureUntil' | 'intakeClerkId' | 'assignedAttorneyId' | 'reviewingAttorneyId' | 'assignedDirectorId' | 'decidingDirectorId'>;

export function assigneeIds(row: Omit<CaseVisibilityFields, 'nondisclosureUntil'>): string[] {
  return [row.intakeClerkId, row.assignedAttorneyId, row.reviewingAttorneyId, row.assignedDirectorId, row.decidingDirectorId].filter(
    (id): id is string => id !== null,
  );
}

/**
 * Who may see a case: all staff, except that a case under a nondisclosure order is visible only to the
 * people assigned to it, auditors and admins. Everyone else must not learn it exists.
 */
export function canSeeCase(actor: Actor, row: CaseVisibilityFields, today = pacificToday()): boolean {
  if (!isUnderNondisclosure(row, today)) return true;
  if (hasRole(actor, 'auditor', 'admin')) return true;
  return assigneeIds(row).includes(actor.id);
}
