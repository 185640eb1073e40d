import { connect } from 'node:net';
import { ApiClient, ApiResponse } from '../support/api-client';
import { withDatabase } from '../support/services';
import { TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(120_000);

/** Every refusal is a JSON error body with the status in it; never a 5xx, never HTML or a bare status line. */
function expectJsonError(response: ApiResponse, status: number) {
  expect({ status: response.status, statusCode: response.body?.statusCode }).toEqual({ status, statusCode: status });
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(typeof response.body.message === 'string' || Array.isArray(response.body.message)).toBe(true);
}

const nested = (levels: number) => `{"username":${'['.repeat(levels)}1${']'.repeat(levels)},"password":"x"}`;

describe('input hardening', () => {
  let system: TestSystem;
  let clerk: ApiClient;
  let caseId: string;

  const auditCount = () => withDatabase(system.environment.databaseUrl!, async (db) => Number((await db.query('SELECT count(*) AS n FROM audit_events')).rows[0].n));

  beforeAll(async () => {
    system = await TestSystem.start('input-hardening', { worker: false });
    clerk = await system.as('clerk');
    await system.as('director');
    caseId = (await clerk.post('/api/cases', courtOrderCase())).body.id;
  });
  afterAll(() => system?.stop());

  it('refuses 2,400 levels of nesting with a 400 before parsing, even on the unauthenticated login', async () => {
    expectJsonError(await system.anonymous.raw('POST', '/api/auth/login', { body: nested(2400), contentType: 'application/json' }), 400);
    const deep = await clerk.raw('POST', '/api/cases', { body: JSON.stringify({ ...courtOrderCase(), summary: undefined }).replace('}', `,"x":${'{"a":'.repeat(2400)}1${'}'.repeat(2400)}}`), contentType: 'application/json' });
    expectJsonError(deep, 400);
    expect(deep.body.message).toMatch(/nests too deeply/);
    // 32 levels are still parsed (and then judged by the DTO).
    expectJsonError(await system.anonymous.raw('POST', '/api/auth/login', { body: nested(30), contentType: 'application/json' }), 400);
  });

  it('answers an oversized body with a JSON 413 and malformed JSON with a JSON 400', async () => {
    expectJsonError(await system.anonymous.raw('POST', '/api/auth/login', { body: JSON.stringify({ username: 'a', password: 'x'.repeat(1_100_000) }), contentType: 'application/json' }), 413);
    const broken = await system.anonymous.raw('POST', '/api/auth/login', { body: '{"username": "a", ', contentType: 'application/json' });
    expectJsonError(broken, 400);
    expect(broken.body.message).toBe('Request body is not valid JSON');
  });

  it('refuses non-JSON bodies with 415, and a PATCH so refused changes and audits nothing', async () => {
    const before = await auditCount();
    for (const [contentType, body] of [['text/plain', 'summary=changed'], ['application/x-www-form-urlencoded', 'summary=changed'], ['multipart/form-data; boundary=x', '--x--']]) {
      expectJsonError(await clerk.raw('PATCH', `/api/cases/${caseId}`, { body, contentType }), 415);
    }
    expectJsonError(await system.anonymous.raw('POST', '/api/auth/login', { body: 'username=admin&password=x', contentType: 'application/x-www-form-urlencoded' }), 415);
    expectJsonError(await clerk.raw('PATCH', `/api/cases/${caseId}`, { body: '{"summary":"changed"}' }), 415);
    expect(await auditCount()).toBe(before);
    expect((await clerk.get(`/api/cases/${caseId}`)).body.summary).toBe(courtOrderCase().summary);
  });

  it('refuses a body that is not a JSON object, and arrays where the DTO wants objects', async () => {
    expectJsonError(await system.anonymous.raw('POST', '/api/auth/login', { body: '[{"username":"admin"}]', contentType: 'application/json' }), 400);
    for (const field of ['scope', 'requester', 'instrument']) {
      const response = await clerk.post('/api/cases', courtOrderCase({ [field]: [] }));
      expectJsonError(response, 400);
      expect(response.body.fields[field]).toContain(`${field} must be an object`);
      expectJsonError(await clerk.patch(`/api/cases/${caseId}`, { [field]: [] }), 400);
    }
  });

  it('refuses lone surrogates, NUL and bidi overrides by field, and prototype-like keys', async () => {
    const surrogate = await clerk.raw('POST', '/api/cases', { body: JSON.stringify(courtOrderCase()).replace('aruiz@example.gov', 'aruiz\\ud800@example.gov'), contentType: 'application/json' });
    expectJsonError(surrogate, 400);
    expect(Object.keys(surrogate.body.fields)).toEqual(['requester.email']);
    const rlo = await clerk.post('/api/cases', courtOrderCase({ requester: { ...courtOrderCase().requester, name: 'Det. \u202Ezeiur A' } }));
    expectJsonError(rlo, 400);
    expect(rlo.body.fields['requester.name'][0]).toMatch(/bidirectional/);
    expectJsonError(await clerk.post('/api/cases', courtOrderCase({ summary: 'a\u0000b' })), 400);
    const proto = await clerk.raw('PATCH', `/api/cases/${caseId}`, { body: '{"toString":"x","__proto__":{"summary":"y"}}', contentType: 'application/json' });
    expectJsonError(proto, 400);
    expect(Object.keys(proto.body.fields).sort()).toEqual(['__proto__', 'toString']);
    // Right-to-left text itself is fine.
    expect((await clerk.post('/api/cases', courtOrderCase({ requester: { ...courtOrderCase().requester, name: 'محمد الراشد' } }))).status).toBe(201);
  });

  it('refuses a body on an action that takes none, and a JSON array anywhere, before anything is done', async () => {
    const fresh = (await clerk.post('/api/cases', courtOrderCase())).body.id;
    const plansBefore = (await system.admin.get('/api/retention/plans')).body.items.length;
    const before = await auditCount();
    for (const body of ['{"reason":"because"}', '[]', '[{}]', '"text"']) {
      expectJsonError(await clerk.raw('POST', `/api/cases/${fresh}/submit`, { body, contentType: 'application/json' }), 400);
      expectJsonError(await clerk.raw('POST', `/api/cases/${fresh}/withdraw`, { body, contentType: 'application/json' }), 400);
      expectJsonError(await system.admin.raw('POST', '/api/retention/plans', { body, contentType: 'application/json' }), 400);
      expectJsonError(await clerk.raw('POST', '/api/me/calendar-feed', { body, contentType: 'application/json' }), 400);
    }
    expect(await auditCount()).toBe(before);
    expect((await clerk.get(`/api/cases/${fresh}/status`)).body.status).toBe('intake');
    expect((await system.admin.get('/api/retention/plans')).body.items.length).toBe(plansBefore);
    // An empty object is no body.
    expect((await clerk.raw('POST', `/api/cases/${fresh}/withdraw`, { body: '{}', contentType: 'application/json' })).status).toBe(200);
  });

  it('refuses settings with no body, an empty body, and targets beyond their bounds', async () => {
    const before = await auditCount();
    expectJsonError(await system.admin.raw('PUT', '/api/settings/deadlines'), 400);
    expectJsonError(await system.admin.put('/api/settings/deadlines', {}), 400);
    expectJsonError(await system.admin.put('/api/settings/rules', []), 400);
    const huge = await system.admin.put('/api/settings/deadlines', { legalReviewTargetCourtDays: 1_000_000 });
    expectJsonError(huge, 400);
    expect(huge.body.message).toContain('legalReviewTargetCourtDays: must be at most 60, got 1000000');
    expect(await auditCount()).toBe(before);
    expect((await system.admin.put('/api/settings/deadlines', { legalReviewTargetCourtDays: 5 })).status).toBe(200);
  });

  it('answers headers too large with a JSON 431 (not Node\'s bare status line)', async () => {
    const response = await system.anonymous.raw('GET', '/health', { headers: { 'x-padding': 'a'.repeat(20_000) } });
    expectJsonError(response, 431);
    // A request line that is not HTTP gets a JSON 400 too.
    const { port } = new URL(system.api.baseUrl);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4))).toMatchObject({ statusCode: 400 });
  });

  it('keeps the transparency report answering when a stored case has a malformed scope', async () => {
    await withDatabase(system.environment.databaseUrl!, (db) => db.query(`UPDATE cases SET scope = '[]' WHERE id = $1`, [caseId]));
    const director = await system.as('director');
    const report = await director.get('/api/reports/transparency?from=2026-01-01&to=2026-12-31');
    expect(report.status).toBe(200);
    expect(JSON.stringify(report.body)).toMatch(/court_order/);
  });
});
