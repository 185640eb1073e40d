import { eventually } from '../support/api-client';
import { startApi } from '../support/processes';
import { ApiClient } from '../support/api-client';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(180_000);

describe('duties from every act, enforced assignment, headers', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await TestSystem.start('authorisation');
    for (const key of ['clerk', 'attorney', 'director', 'allRounder'] as const) await system.as(key);
  });
  afterAll(() => system?.stop());

  it('counts editing and submitting someone else’s intake as the intake duty', async () => {
    const clerk = await system.as('clerk');
    const allRounder = await system.as('allRounder');
    const created = (await clerk.post('/api/cases', courtOrderCase())).body;
    expect((await allRounder.patch(`/api/cases/${created.id}`, { summary: 'Edited by another clerk' })).status).toBe(200);
    expect((await allRounder.post(`/api/cases/${created.id}/submit`)).status).toBe(202);
    const row = await eventually(() => clerk.get(`/api/cases/${created.id}`).then((r) => r.body), (c) => c.status === 'legal_review');
    expect(row.assignments.assignedAttorney.id).toBe(system.userId('attorney'));
    expect(row.assignments.assignedDirector.id).toBe(system.userId('director'));
    const reassign = await system.admin.post(`/api/cases/${row.id}/assignment`, { slot: 'director', userId: system.userId('allRounder'), reason: 'Try to give it to the editor' });
    expect(reassign.status).toBe(422);
    expect(JSON.stringify(reassign.body)).toMatch(/already holds the intake duty/);
  });

  it('lets only the assigned attorney review and the assigned director decide; reassignment is audited', async () => {
    const clerk = await system.as('clerk');
    const attorney = await system.as('attorney');
    const allRounder = await system.as('allRounder');
    const director = await system.as('director');
    const created = (await clerk.post('/api/cases', courtOrderCase())).body;
    await clerk.post(`/api/cases/${created.id}/submit`);
    const row = await eventually(() => clerk.get(`/api/cases/${created.id}`).then((r) => r.body), (c) => c.status === 'legal_review');
    const assigned = row.assignments.assignedAttorney.id === system.userId('attorney') ? attorney : allRounder;
    const other = assigned === attorney ? allRounder : attorney;
    const refused = await other.post(`/api/cases/${row.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/assigned to another attorney/);
    expect((await attorney.post(`/api/cases/${row.id}/assignment`, { slot: 'attorney', userId: system.userId('attorney'), reason: 'mine now' })).status).toBe(403);
    const otherKey = other === attorney ? 'attorney' : 'allRounder';
    expect((await director.post(`/api/cases/${row.id}/assignment`, { slot: 'director', userId: system.userId('director'), reason: 'self-assign' })).status).toBe(422);
    const moved = await director.post(`/api/cases/${row.id}/assignment`, { slot: 'attorney', userId: system.userId(otherKey), reason: 'Workload' });
    expect(moved.status).toBe(200);
    expect(moved.body.assignments.assignedAttorney.id).toBe(system.userId(otherKey));
    expect((await assigned.post(`/api/cases/${row.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(403);
    expect((await other.post(`/api/cases/${row.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    const events = (await system.admin.get(`/api/cases/${row.id}/events`)).body;
    const items = (events.items ?? events) as { action: string; details: Record<string, unknown> }[];
    expect(items.find((e) => e.action === 'case.reassigned')).toMatchObject({ details: { slot: 'attorney', to: system.userId(otherKey) } });
  });

  it('sends security headers, no-store on the API, no CORS, and stored documents as sniffed attachments', async () => {
    const clerk = await system.as('clerk');
    const page = await fetch(`${system.api.baseUrl}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const api = await clerk.get('/api/cases');
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.headers.get('x-frame-options')).toBe('DENY');
    const preflight = await fetch(`${system.api.baseUrl}/api/cases`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

    const created = (await clerk.post('/api/cases', courtOrderCase())).body;
    const html = await clerk.upload(`/api/cases/${created.id}/documents`, { kind: 'correspondence' }, { name: 'letter.html', content: '<html><script>alert(1)</script></html>', type: 'text/html' });
    expect(html.status).toBe(201);
    const served = await clerk.download(`/api/cases/${created.id}/documents/${html.body.id}`);
    expect(served.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(served.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const pdf = await clerk.upload(`/api/cases/${created.id}/documents`, { kind: 'instrument' }, { name: 'order.html', content: '%PDF-1.4\n%%EOF\n', type: 'text/html' });
    expect((await clerk.download(`/api/cases/${created.id}/documents/${pdf.body.id}`)).headers.get('content-type')).toMatch(/^application\/pdf/);
  });

  it('holds idle keep-alive connections longer than clients and proxies do (65 s), so a reused connection is never closed under a request', async () => {
    const { request } = await import('node:http');
    const keepAlive = await new Promise<string>((resolve, reject) => {
      const call = request(`${system.api.baseUrl}/`, { agent: false, headers: { connection: 'keep-alive' } }, (response) => {
        response.resume();
        resolve(String(response.headers['keep-alive']));
      });
      call.on('error', reject);
      call.end();
    });
    expect(keepAlive).toBe('timeout=65');
  });

  it('puts /docs and /docs-json behind sign-in in production mode', async () => {
    expect((await fetch(`${system.api.baseUrl}/docs-json`)).status).toBe(200);
    const production = await startApi({ ...system.environment.env, NODE_ENV: 'production' }, 'authorisation-production');
    try {
      const anonymous = new ApiClient(production.baseUrl);
      expect((await fetch(`${production.baseUrl}/docs-json`)).status).toBe(401);
      expect((await fetch(`${production.baseUrl}/docs`)).status).toBe(401);
      const admin = await anonymous.login('admin', system.environment.env.ADMIN_PASSWORD);
      expect((await admin.get('/docs-json')).status).toBe(200);
    } finally {
      await production.stop();
    }
  });
});
