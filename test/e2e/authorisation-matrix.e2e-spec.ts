import { randomUUID } from 'node:crypto';
import { ApiClient, ApiResponse } from '../support/api-client';
import { FulfilledCase, fulfilledCase } from '../support/case-journey';
import { EVERYONE, POLICY, Role } from '../support/route-policy-table';
import { Operation, documentedOperations, fillPath } from '../support/route-table';
import { STAFF, STAFF_PASSWORD, SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(420_000);

/** What a probe's answer says about authorisation, whatever else the route then did. */
type Outcome = 'unauthenticated' | 'role-refused' | 'not-found' | 'validated-first' | 'reached';

function outcome(response: ApiResponse, op: Operation): Outcome {
  const message = JSON.stringify(response.body?.message ?? '');
  if (response.status === 401) return 'unauthenticated';
  if (response.status === 403 && /needs one of the roles/.test(message)) return 'role-refused';
  // A case the caller may not see answers exactly like a missing one (CaseAccess); so does its production.
  if (response.status === 404 && (/Case not found/.test(message) || (op.path.startsWith('/api/productions/') && /Production not found/.test(message)))) return 'not-found';
  if (response.status === 400 && response.body?.fields) return 'validated-first';
  return 'reached';
}

/**
 * Bodies that pass validation, so the object axis reaches the per-case check instead of stopping at a 400. Both
 * cases are past every step these act on (fulfilled, withdrawn), so none can move them; gag lifts and reassignment
 * are left out, since one that went through would change who may see the gagged case.
 */
const VALID_BODIES: Record<string, unknown> = {
  'PATCH /api/cases/{id}': { summary: 'Probe of the authorisation matrix' },
  'POST /api/cases/{id}/review': SUFFICIENT_COURT_ORDER_REVIEW,
  'POST /api/cases/{id}/decision': { decision: 'deny', reasons: ['NOT_PARTICULAR'], note: 'Probe of the authorisation matrix.' },
  'POST /api/cases/{id}/decision/preview': { decision: 'deny', reasons: ['NOT_PARTICULAR'], note: 'Probe of the authorisation matrix.' },
  'POST /api/cases/{id}/send-back': { reason: 'Probe of the authorisation matrix.' },
  'POST /api/cases/{id}/extension': { days: 14, ground: 'voluminous_records', detail: 'Probe of the authorisation matrix.' },
  'POST /api/cases/{id}/extension-designee': { userId: null },
  'POST /api/cases/{id}/resume': { note: 'Probe of the authorisation matrix.' },
  'POST /api/cases/{id}/patron-notice': { method: 'mail' },
  'POST /api/cases/{id}/notices': { method: 'mail', sentOn: '2026-11-30' },
  // A legal hold only keeps records longer: harmless to the probes that follow.
  'POST /api/cases/{id}/legal-holds': { reason: 'Probe of the authorisation matrix.' },
};

/** Routes whose `{id}` is a case (or a case's production): these get the object axis of the matrix. */
const isCaseBound = (op: Operation) => /^\/api\/(cases|productions)\/\{id\}/.test(op.path);

// Staff who hold no duty on either case: created after the cases were assigned, so the assignment step never chose them.
const OUTSIDERS = {
  clerk: { username: 'clerk.outside', displayName: 'Una Outside', title: 'Records Clerk', roles: ['clerk'] },
  attorney: { username: 'atty.outside', displayName: 'Otto Outside', title: 'Deputy City Attorney', roles: ['attorney'] },
  director: { username: 'dir.outside', displayName: 'Dora Outside', title: 'Deputy Director', roles: ['director'] },
} as const;

function usernameOf(principal: string): string {
  if (principal === 'admin') return 'admin';
  if (principal.startsWith('outside ')) return OUTSIDERS[principal.slice('outside '.length) as keyof typeof OUTSIDERS].username;
  return STAFF[principal as 'clerk' | 'attorney' | 'director' | 'auditor'].username;
}

// design.md "Users and roles" and "Invariants": each route answers each role, and each case, as the policy says.
describe('authorisation matrix: every documented route × every role × own, unassigned, gagged and missing cases', () => {
  let system: TestSystem;
  let operations: Operation[];
  let gagged: FulfilledCase;
  let unassignedCaseId: string;
  const principals = new Map<string, ApiClient>();
  const signIn = async (username: string) => system.anonymous.login(username, username === 'admin' ? system.environment.env.ADMIN_PASSWORD : STAFF_PASSWORD);

  beforeAll(async () => {
    system = await TestSystem.start('authorisation-matrix');
    // The assigned staff: a gagged case walked to fulfilment, so it has a document, an import and a production.
    gagged = await fulfilledCase(system, { caseOverrides: { nondisclosureUntil: '2099-12-31' } });
    // A visible case none of the probing staff is assigned to, withdrawn so that no probe can move it.
    const otherClerk = await system.as('otherClerk');
    unassignedCaseId = (await otherClerk.post('/api/cases', courtOrderCase())).body.id;
    expect((await otherClerk.post(`/api/cases/${unassignedCaseId}/withdraw`)).status).toBe(200);
    for (const [role, user] of Object.entries(OUTSIDERS)) {
      expect((await system.admin.post('/api/users', { ...user, roles: [...user.roles], password: STAFF_PASSWORD })).status).toBe(201);
      principals.set(`outside ${role}`, await signIn(user.username));
    }
    principals.set('anonymous', system.anonymous);
    for (const role of ['clerk', 'attorney', 'director', 'auditor'] as const) principals.set(role, await system.as(role));
    principals.set('admin', system.admin);
    ({ operations } = await documentedOperations(system.admin));
  });
  afterAll(() => system?.stop());

  /** One probe; logout ends the session it is sent with, so it gets a session of its own. */
  async function probe(who: string, op: Operation, ids: Record<string, string>, body: unknown = op.method === 'GET' || op.method === 'DELETE' ? undefined : {}): Promise<ApiResponse> {
    let client = principals.get(who)!;
    if (op.key === 'POST /api/auth/logout' && who !== 'anonymous') client = await signIn(usernameOf(who));
    return client.request(op.method, fillPath(op.path, ids), body);
  }

  const fakeIds = () => ({ caseId: randomUUID(), productionId: randomUUID(), documentId: randomUUID(), importId: randomUUID(), holdId: randomUUID(), deliveryId: randomUUID(), token: 'x'.repeat(43), file: `${'a'.repeat(43)}.ics`, number: '1', other: randomUUID() });

  it('has a policy entry for every documented route, and no entry for a route that is gone', () => {
    const documented = operations.map((op) => op.key).sort();
    expect(documented.filter((key) => !(key in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((key) => !documented.includes(key))).toEqual([]);
    expect(Object.keys(VALID_BODIES).filter((key) => !documented.includes(key))).toEqual([]);
  });

  it('answers every route for every role as its policy says: 401 without a token, 403 for a role not listed, otherwise reached', async () => {
    const counts: Record<string, number> = {};
    const failures: string[] = [];
    for (const op of operations) {
      const policy = POLICY[op.key];
      for (const who of ['anonymous', ...EVERYONE]) {
        const response = await probe(who, op, fakeIds());
        const got = outcome(response, op);
        counts[got] = (counts[got] ?? 0) + 1;
        const allowed = policy === 'public' || (who !== 'anonymous' && policy.includes(who as Role));
        const expected = policy === 'public' ? 'not refused' : who === 'anonymous' ? 'unauthenticated' : allowed ? 'not refused' : 'role-refused';
        const ok = response.status < 500 && (expected === 'not refused' ? got !== 'unauthenticated' && got !== 'role-refused' : got === expected);
        if (!ok) failures.push(`${op.key} as ${who}: ${response.status} ${JSON.stringify(response.body).slice(0, 160)} (expected ${expected})`);
      }
    }
    process.stdout.write(`authorisation matrix (roles): ${operations.length} routes × 6 principals = ${operations.length * 6} probes ${JSON.stringify(counts)}\n`);
    expect(failures).toEqual([]);
  });

  it('answers every case route for each allowed role on its own gagged case, an unassigned case, the gagged case unassigned, and a missing case as visibility says', async () => {
    const counts: Record<string, number> = {};
    const failures: string[] = [];
    let probes = 0;
    const gaggedIds = { ...fakeIds(), caseId: gagged.caseId, productionId: gagged.productionId, documentId: gagged.documentId, importId: gagged.importId };
    const unassignedIds = { ...fakeIds(), caseId: unassignedCaseId };
    for (const op of operations.filter(isCaseBound)) {
      const policy = POLICY[op.key] as Role[];
      // The assigned staff and auditors/admins see the gagged case; outsiders do not; everyone sees the unassigned one.
      const viewers = policy.map((role) => ({ who: role, seesGagged: true }));
      const outsiders = policy.filter((role): role is keyof typeof OUTSIDERS => role in OUTSIDERS).map((role) => ({ who: `outside ${role}`, seesGagged: false }));
      for (const { who, seesGagged } of [...viewers, ...outsiders]) {
        const body = VALID_BODIES[op.key];
        const missing = outcome(await probe(who, op, fakeIds(), body), op);
        const onUnassigned = outcome(await probe(who, op, unassignedIds, body), op);
        const onGaggedResponse = await probe(who, op, gaggedIds, body);
        const onGagged = outcome(onGaggedResponse, op);
        probes += 3;
        const label = `${op.key} as ${who}`;
        const key = `${missing}/${onUnassigned}/${onGagged}`;
        counts[key] = (counts[key] ?? 0) + 1;
        if (onGaggedResponse.status >= 500) failures.push(`${label}: ${onGaggedResponse.status}`);
        if (missing === 'validated-first') {
          // Validation runs before the per-case check: then every case must get the same refusal.
          if (onUnassigned !== 'validated-first' || onGagged !== 'validated-first') failures.push(`${label}: validation answered differently by case (${key})`);
          continue;
        }
        if (missing !== 'not-found') failures.push(`${label}: a missing case answered ${missing}`);
        // The unassigned case was withdrawn in intake: it has no production to ask for.
        if (onUnassigned === 'not-found' && !op.path.startsWith('/api/productions/')) failures.push(`${label}: a visible unassigned case was reported missing`);
        if (seesGagged && onGagged === 'not-found') failures.push(`${label}: its own gagged case was reported missing`);
        if (!seesGagged && onGagged !== 'not-found') failures.push(`${label}: the gagged case it is not assigned to answered ${onGagged}, not like a missing case`);
      }
    }
    process.stdout.write(`authorisation matrix (objects): ${operations.filter(isCaseBound).length} case routes, ${probes} probes, missing/unassigned/gagged outcomes ${JSON.stringify(counts)}\n`);
    expect(failures).toEqual([]);
  });
});
