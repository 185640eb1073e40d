import { randomUUID } from 'node:crypto';
import { ApiClient, ApiResponse, eventually } from '../support/api-client';
import { kohaExport } from '../support/koha-fixture';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(240_000);

interface Operation { method: string; path: string }
interface HiddenIds { caseId: string; caseNumber: string; productionId: string; documentId: string; importId: string }

// Routes that act on the caller's own session, or that report process health rather than case content.
const NOT_CASE_ROUTES = [/^\/api\/auth\//, /^\/api\/me\//, /^\/health/, /^\/calendar\//];
// Reports that by counsel's setting may count a gagged case in aggregate (never by id or number).
const AGGREGATE_ROUTES = [/^\/api\/reports\/transparency/];
const VOLATILE_KEYS = new Set(['requestId', 'timestamp', 'at', 'now', 'generatedAt', 'checkedAt']);

/** The operations the API documents: generated from the route table, so a new route is probed without asking. */
async function documentedOperations(admin: ApiClient): Promise<Operation[]> {
  const spec = (await admin.get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const method of Object.keys(methods)) if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) operations.push({ method: method.toUpperCase(), path });
  }
  return operations;
}

/** Fills an OpenAPI path template with the hidden case's ids, or with ids that exist nowhere. */
function fill(path: string, ids: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    if (name === 'id') return path.startsWith('/api/productions/') ? ids.productionId : path.startsWith('/api/cases/') ? ids.caseId : ids.other;
    if (name === 'kind') return 'denial';
    return ids[name] ?? ids.other;
  });
}

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
    const clerk = await system.as('clerk');
    const attorney = await system.as('attorney');
    const director = await system.as('director');
    const outsider = await system.as('otherClerk');
    operations = await documentedOperations(system.admin);
    for (const op of operations.filter((o) => o.method === 'GET' && !o.path.includes('{') && !NOT_CASE_ROUTES.some((r) => r.test(o.path)) && !AGGREGATE_ROUTES.some((r) => r.test(o.path)))) {
      before.set(op.path, normalised(await outsider.get(op.path), {} as HiddenIds, {}));
    }

    const created = (await clerk.post('/api/cases', courtOrderCase({ nondisclosureUntil: '2099-12-31' }))).body;
    const document = await clerk.upload(`/api/cases/${created.id}/documents`, { kind: 'instrument' }, { name: 'order.pdf', content: '%PDF-1.4\n%%EOF\n', type: 'application/pdf' });
    const upload = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'export.json', content: kohaExport() });
    await eventually(() => clerk.get(`/api/cases/${created.id}/records/imports/${upload.body.id}`).then((r) => r.body.status), (s) => s === 'completed');
    expect((await clerk.post(`/api/cases/${created.id}/submit`)).status).toBe(202);
    await eventually(() => clerk.get(`/api/cases/${created.id}`).then((r) => r.body.status), (s) => s === 'legal_review');
    expect((await attorney.post(`/api/cases/${created.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    await eventually(() => clerk.get(`/api/cases/${created.id}`).then((r) => r.body.status), (s) => s === 'awaiting_approval');
    expect((await director.post(`/api/cases/${created.id}/decision`, { decision: 'approve', note: 'Approved.' })).status).toBe(202);
    const done = await eventually(() => clerk.get(`/api/cases/${created.id}`).then((r) => r.body), (c) => c.status === 'fulfilled', 120_000, 300);
    hidden = { caseId: created.id, caseNumber: created.caseNumber, productionId: done.production.id, documentId: document.body.id, importId: upload.body.id };
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
      const onHidden = await prober.request(op.method, fill(op.path, real), body);
      const onMissing = await prober.request(op.method, fill(op.path, fake), body);
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
