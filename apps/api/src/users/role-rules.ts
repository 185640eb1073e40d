import type { Role } from '@custodian/domain';

/** The roles that act on cases; an account that administers users and settings holds none of them. */
export const CASE_ROLES: readonly Role[] = ['clerk', 'attorney', 'director'];

/**
 * Problems with a set of roles for one account. `admin` takes no case decisions (design.md), so an admin
 * account never also holds a case role: otherwise an admin could grant itself (or a fellow admin) the
 * director role and approve.
 */
export function roleProblems(roles: readonly Role[]): string[] {
  if (roles.includes('admin')) {
    const caseRoles = roles.filter((role) => CASE_ROLES.includes(role));
    if (caseRoles.length) return [`roles: an admin account cannot also hold the case role${caseRoles.length > 1 ? 's' : ''} ${caseRoles.join(', ')}; use a separate account`];
  }
  return [];
}

/** True when `before` → `after` leaves the account no longer an active admin. */
export function losesAdmin(before: { roles: readonly Role[]; active: boolean }, after: { roles: readonly Role[]; active: boolean }): boolean {
  return before.active && before.roles.includes('admin') && !(after.active && after.roles.includes('admin'));
}
