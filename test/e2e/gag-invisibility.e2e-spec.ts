import { randomUUID } from 'node:crypto';
import { ApiResponse } from '../support/api-client';
import { fulfilledCase } from '../support/case-journey';
import { Operation, documentedOperations, fillPath } from '../support/route-table';
import { TestSystem } from '../support/system';

jest.setTimeout(240_000);

interface HiddenIds { caseId: string; caseNumber: string; productionId: string; documentId: string; importId: string }

// Routes that act on the caller's own session, or that report process health rather than case content.
const NOT_CASE_ROUTES = [/^\/api\/auth\//, /^\/api\/me\//, /^\/health/, /^\/calendar\//];
// Reports that by counsel's setting may count a gagged case in aggregate (never by id or number).
const AGGREGATE_ROUTES = [/^\/api\/reports\/transparency/];
const VOLATILE_KEYS = new Set(['requestId', 'timestamp', 'at', 'now', 'generatedAt', 'checkedAt']);

function normalised(response: ApiResponse, realIds: HiddenIds, fakeIds: Record<string, string>): string {
  let text = JSON.stringify(response.body, (key, value) => (VOLATILE_KEYS.has(key) ? undefined : value));
  for (const [name, value] of Object.entries(realIds)) if (fakeIds[name]) text = text.split(value).join(fakeIds[name]);
  return `${response.status} ${text}`;
}

// design.md: "A case under a nondisclosure order is visible only to the people assigned to it, auditors and admins."
describe('a case under a nondisclosure order, probed on every documented route by staff not assigned to it', () => {
  let system: TestSystem;
  let hidden: HiddenIds;
  let operations: Operation[];
  const before = new Map<string, string>();

  beforeAll(async () => {
    system = await TestSystem.start('gag-invisibility');
    for (const key of ['clerk', 'attorney', 'director'] as const) await system.as(key);
    const outsider = await system.as('otherClerk');
    ({ operations } = await documentedOperations(system.admin));
    for (const op of operations.filter((o) => o.method === 'GET' && !o.path.includes('{') && !NOT_CASE_ROUTES.some((r) => r.test(o.path)) && !AGGREGATE_ROUTES.some((r) => r.test(o.path)))) {
      before.set(op.path, normalised(await outsider.get(op.path), {} as HiddenIds, {}));
    }
    hidden = await fulfilledCase(system, { caseOverrides: { nondisclosureUntil: '2099-12-31' } });
  });
  afterAll(() => system?.stop());

  it('leaves the lists, counts and settings an unassigned clerk sees exactly as they were before the case existed', async () => {
    const outsider = await system.as('otherClerk');
    expect(before.size).toBeGreaterThan(3);
    for (const [path, snapshot] of before) expect(`${path} ${normalised(await outsider.get(path), hidden, {})}`).toBe(`${path} ${snapshot}`);
  });

  it('answers every documented route for the hidden case exactly as for a case that does not exist, and never names it', async () => {
    // Created only now, so the assignment step could not have chosen this account: it holds every case role.
    const prober = await system.as('allRounder');
    const fake = { caseId: randomUUID(), caseNumber: 'none', productionId: randomUUID(), documentId: randomUUID(), importId: randomUUID(), holdId: randomUUID(), other: randomUUID() };
    const real = { ...hidden, holdId: fake.holdId, other: fake.other };
    let probes = 0;
    for (const op of operations.filter((o) => !NOT_CASE_ROUTES.some((r) => r.test(o.path)))) {
      const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
      const onHidden = await prober.request(op.method, fillPath(op.path, real), body);
      const onMissing = await prober.request(op.method, fillPath(op.path, fake), body);
      probes += 2;
      const label = `${op.method} ${op.path}`;
      expect(`${label} ${onHidden.status < 500}`).toBe(`${label} true`);
      expect(`${label} ${normalised(onHidden, hidden, fake)}`).toBe(`${label} ${normalised(onMissing, {} as HiddenIds, {})}`);
      const text = JSON.stringify(onHidden.body);
      for (const value of [hidden.caseId, hidden.caseNumber, hidden.productionId, hidden.documentId]) expect(`${label} ${text.includes(value)}`).toBe(`${label} false`);
    }
    const search = await prober.get(`/api/cases?q=${encodeURIComponent(hidden.caseNumber)}`);
    expect(search.body.total).toBe(0);
    process.stdout.write(`gag-invisibility: ${operations.length} documented operations, ${probes} probes\n`);
  });

  it('still shows the case to the clerk assigned to it (the probes above can fail)', async () => {
    const clerk = await system.as('clerk');
    const search = await clerk.get(`/api/cases?q=${encodeURIComponent(hidden.caseNumber)}`);
    expect(search.body.total).toBe(1);
    expect((await clerk.get(`/api/cases/${hidden.caseId}`)).status).toBe(200);
  });
});
