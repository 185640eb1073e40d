/** Staff roles (design.md "Users and roles"). A user may hold several, never two duties on one case. */
export const ROLES = ['clerk', 'attorney', 'director', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may see case lists and case pages at all. */
export const STAFF_ROLES: readonly Role[] = ['clerk', 'attorney', 'director', 'auditor', 'admin'];

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}
