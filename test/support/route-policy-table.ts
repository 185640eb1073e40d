export type Role = 'clerk' | 'attorney' | 'director' | 'auditor' | 'admin';
export const EVERYONE: Role[] = ['clerk', 'attorney', 'director', 'auditor', 'admin'];
const BUT_CLERK: Role[] = ['attorney', 'director', 'auditor', 'admin'];

/**
 * Who may call each route: the policy as the design states it (design.md "Users and roles"), written out here so the
 * test is an oracle independent of the decorators it checks. A documented route missing from this table fails the
 * test, so a new route cannot slip in without someone deciding who may call it.
 */
export const POLICY: Record<string, Role[] | 'public'> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/totp': 'public',
  'GET /health': 'public',
  'GET /calendar/{file}': 'public',
  'GET /api/public/deliveries/{token}': 'public',
  'POST /api/public/deliveries/{token}/acknowledgement': 'public',
  'POST /api/auth/logout': EVERYONE,
  'POST /api/auth/password': EVERYONE,
  'GET /api/auth/me': EVERYONE,
  'POST /api/auth/totp/enrol': ['director', 'admin'],
  'POST /api/auth/totp/confirm': ['director', 'admin'],
  'GET /api/me/preferences': EVERYONE,
  'PUT /api/me/preferences': EVERYONE,
  'POST /api/me/calendar-feed': EVERYONE,
  'DELETE /api/me/calendar-feed': EVERYONE,
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/{id}': ['admin'],
  // Intake is the clerk's.
  'POST /api/cases': ['clerk'],
  'PATCH /api/cases/{id}': ['clerk'],
  'POST /api/cases/{id}/submit': ['clerk'],
  'POST /api/cases/{id}/documents': ['clerk'],
  'POST /api/cases/{id}/records': ['clerk'],
  // Reading a case is open to all staff (per-case visibility decides which cases).
  'GET /api/cases': EVERYONE,
  'GET /api/cases/{id}': EVERYONE,
  'GET /api/cases/{id}/status': EVERYONE,
  'GET /api/cases/{id}/documents/{documentId}': EVERYONE,
  'GET /api/cases/{id}/records/imports/{importId}': EVERYONE,
  'GET /api/cases/{id}/productions': EVERYONE,
  'GET /api/productions/{id}/pdf': EVERYONE,
  'GET /api/cases/{id}/letters/{kind}/pdf': EVERYONE,
  'GET /api/cases/{id}/events': EVERYONE,
  'GET /api/cases/{id}/release-summary': EVERYONE,
  'GET /api/cases/{id}/legal-holds': EVERYONE,
  'GET /api/cases/{id}/notices': EVERYONE,
  'GET /api/cases/{id}/deliveries': EVERYONE,
  // Legal review is the attorney's; the decision the director's; admins take no case decisions.
  'POST /api/cases/{id}/review': ['attorney'],
  'POST /api/cases/{id}/decision': ['director'],
  'POST /api/cases/{id}/send-back': ['director'],
  'POST /api/cases/{id}/production/retry': ['director'],
  'POST /api/cases/{id}/extension-designee': ['director'],
  'POST /api/cases/{id}/gag-lift': ['attorney', 'director'],
  'POST /api/cases/{id}/extension': ['attorney', 'director'],
  'POST /api/cases/{id}/holds/{holdId}/renew': ['attorney', 'director'],
  'POST /api/cases/{id}/holds/{holdId}/release': ['attorney', 'director'],
  'POST /api/cases/{id}/legal-holds': ['attorney', 'director'],
  'POST /api/cases/{id}/legal-holds/{holdId}/release': ['attorney', 'director'],
  'POST /api/cases/{id}/resume': ['clerk', 'attorney'],
  'POST /api/cases/{id}/patron-notice': ['clerk', 'director'],
  'POST /api/cases/{id}/notices': ['clerk', 'director'],
  'GET /api/cases/{id}/notices/letters/{number}/pdf': ['clerk', 'director'],
  'GET /api/cases/{id}/notices/mail-merge/csv': ['clerk', 'director'],
  'POST /api/cases/{id}/withdraw': ['clerk', 'director'],
  'POST /api/cases/{id}/close': ['clerk', 'director'],
  // Reassignment is the director's, or the admin's as an administrative act (not a decision on the case).
  'POST /api/cases/{id}/assignment': ['director', 'admin'],
  // Previews decide nothing; the admin may look at what a letter would say.
  'POST /api/cases/{id}/decision/preview': ['director', 'admin'],
  'GET /api/cases/{id}/decision/preview/release': ['director', 'admin'],
  // Recording how a production left the building.
  'POST /api/cases/{id}/deliveries': ['clerk', 'director', 'admin'],
  'POST /api/cases/{id}/deliveries/{deliveryId}/revoke': ['clerk', 'director', 'admin'],
  'GET /api/audit/verify': ['auditor'],
  'GET /api/audit/head': ['auditor', 'admin'],
  'GET /api/deadlines': EVERYONE,
  'GET /api/notifications': EVERYONE,
  'POST /api/notifications/{id}/read': EVERYONE,
  'POST /api/notifications/read-all': EVERYONE,
  'GET /api/reports/caseload': EVERYONE,
  'GET /api/reports/transparency': ['auditor', 'director', 'admin'],
  'GET /api/rules': EVERYONE,
  'GET /api/reason-codes': EVERYONE,
  'GET /api/clocks': EVERYONE,
  'GET /api/calendars': EVERYONE,
  'GET /api/legal-rules': EVERYONE,
  'GET /api/policy-readings': EVERYONE,
  // Settings: read by those they bind (not the clerk, except Koha's, which shapes imports); changed by the admin.
  'GET /api/settings': BUT_CLERK,
  'GET /api/settings/retention': BUT_CLERK,
  'GET /api/settings/transparency': BUT_CLERK,
  'GET /api/settings/koha': EVERYONE,
  'PUT /api/settings/deadlines': ['admin'],
  'PUT /api/settings/rules': ['admin'],
  'PUT /api/settings/retention': ['admin'],
  'PUT /api/settings/transparency': ['admin'],
  'PUT /api/settings/koha': ['admin'],
  'GET /api/retention/schedule': BUT_CLERK,
  'POST /api/retention/plans': ['admin'],
  'GET /api/retention/plans': ['admin', 'auditor'],
  'GET /api/retention/plans/{id}': ['admin', 'auditor'],
  'POST /api/retention/plans/{id}/approve': ['admin'],
  'GET /api/retention/plans/{id}/certificate/pdf': ['admin', 'auditor'],
};

/** The caller a generated test should use to get past a route's role check, from the fuzzer's three accounts. */
export function callerKindFor(key: string): 'caseStaff' | 'admin' | 'auditor' {
  const policy = POLICY[key];
  if (policy === undefined || policy === 'public') return 'caseStaff';
  if (policy.some((role) => role === 'clerk' || role === 'attorney' || role === 'director')) return 'caseStaff';
  return policy.includes('admin') ? 'admin' : 'auditor';
}
