import { ApiClient, eventually } from '../support/api-client';
import { TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(120_000);

describe('intake and legal review on PostgreSQL with a real worker', () => {
  let system: TestSystem;
  let clerk: ApiClient;

  beforeAll(async () => {
    system = await TestSystem.start('intake-and-review');
    clerk = await system.as('clerk');
    await system.as('attorney');
    await system.as('director');
  });
  afterAll(() => system?.stop());

  const caseOf = (id: string) => clerk.get(`/api/cases/${id}`).then((r) => r.body);

  it('submits a case, which the intake step moves to legal review with clocks and an attorney', async () => {
    const created = await clerk.post('/api/cases', courtOrderCase());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'intake', caseNumber: expect.stringMatching(/^2026-\d{4}$/) });

    const submitted = await clerk.post(`/api/cases/${created.body.id}/submit`);
    expect(submitted.status).toBe(202);
    const reviewed = await eventually(() => caseOf(created.body.id), (c) => c.status === 'legal_review');
    expect(reviewed.pendingStep).toBeNull();
    expect(reviewed.assignments.assignedAttorney).toMatchObject({ displayName: 'Ravi Patel' });
    expect(reviewed.deadlines.length).toBeGreaterThan(0);
    for (const deadline of reviewed.deadlines) {
      expect(deadline.explanation).toMatchObject({ citation: expect.any(String), steps: expect.any(Array) });
    }
  });

  it('rejects bad input with a 400 naming each field, and writes nothing', async () => {
    const before = (await clerk.get('/api/cases')).body.total;
    const bad = await clerk.post('/api/cases', { ...courtOrderCase(), requestType: 'bribe', scope: { cardNumbers: [], from: '2026-13-01', to: 'x', recordTypes: ['dreams'] }, sneaky: true });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['requestType', 'scope.cardNumbers', 'scope.from', 'scope.to', 'scope.recordTypes', 'sneaky']));
    expect(JSON.stringify(bad.body)).not.toMatch(/at .*\.js/);
    const draft = (await clerk.post('/api/cases', courtOrderCase())).body;
    const emptied = await clerk.patch(`/api/cases/${draft.id}`, { requester: null, summary: null, nondisclosureUntil: null });
    expect(emptied.status).toBe(400);
    expect(Object.keys(emptied.body.fields).sort()).toEqual(['requester', 'summary']);
    const malformed = await clerk.request('POST', '/api/cases', undefined, '{"requestType": ');
    expect(malformed.status).toBe(400);
    expect((await clerk.get('/api/cases')).body.total).toBe(before + 1);
    const settings = await system.admin.request('PUT', '/api/settings/deadlines', { evidenceCode1560Enabled: 'false', constructor: 1 });
    expect(settings.status).toBe(400);
    expect((await system.admin.request('PUT', '/api/settings/deadlines', { evidenceCode1560Enabled: 'false' })).body.fields).toHaveProperty('evidenceCode1560Enabled');
  });

  it('refuses card numbers that cannot name a patron ("abc", "abc, 123") with a plain field error, and takes the formats libraries issue', async () => {
    const before = (await clerk.get('/api/cases')).body.total;
    const scope = courtOrderCase().scope;
    const rule = 'each card number must be 1-32 letters, digits, dashes or inner spaces, with at least one digit';
    for (const cardNumbers of [['abc'], ['abc, 123'], ['23000000012345', 'abc']]) {
      const refused = await clerk.post('/api/cases', courtOrderCase({ scope: { ...scope, cardNumbers } }));
      expect({ cardNumbers, status: refused.status, fields: refused.body.fields }).toEqual({ cardNumbers, status: 400, fields: { 'scope.cardNumbers': [rule] } });
      // The refused value is a patron's identifier: the answer does not repeat it.
      expect(JSON.stringify(refused.body)).not.toContain('abc');
    }
    const consent = await clerk.post('/api/cases', courtOrderCase({ requestType: 'patron_consent', instrument: { consentingCardNumber: 'abc' } }));
    expect(consent.status).toBe(400);
    expect(consent.body.fields).toEqual({ 'instrument.consentingCardNumber': ['consentingCardNumber must be a library card number: 1-32 letters, digits, dashes or inner spaces, with at least one digit'] });
    expect((await clerk.get('/api/cases')).body.total).toBe(before);
    const real = await clerk.post('/api/cases', courtOrderCase({ scope: { ...scope, cardNumbers: ['23000000012345', 'LIB-12-3456', '2300 0001 2345', '42'] } }));
    expect(real.status).toBe(201);
    expect(real.body.scope.cardNumbers).toEqual(['23000000012345', 'LIB-12-3456', '2300 0001 2345', '42']);
  });

  it('answers 404 for unknown ids, 403 for the wrong role, 401 without a token, 409 for an illegal transition', async () => {
    expect((await clerk.get('/api/cases/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await clerk.get('/api/cases/not-a-uuid')).status).toBe(400);
    expect((await system.anonymous.get('/api/cases')).status).toBe(401);
    const created = await clerk.post('/api/cases', courtOrderCase());
    const director = await system.as('director');
    const early = await director.post(`/api/cases/${created.body.id}/decision`, { decision: 'approve' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ currentState: 'intake' });
    expect((await clerk.post(`/api/cases/${created.body.id}/decision`, { decision: 'approve' })).status).toBe(403);
  });

  it('numbers concurrent cases uniquely and keeps the audit chain whole under concurrent writers', async () => {
    const created = await Promise.all(Array.from({ length: 10 }, () => clerk.post('/api/cases', courtOrderCase())));
    expect(created.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(created.map((r) => r.body.caseNumber)).size).toBe(10);
    expect((await (await system.as('auditor')).get('/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('serves the OpenAPI document and health', async () => {
    const docs = await system.anonymous.get('/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/cases', '/api/cases/{id}/review', '/api/audit/verify']));
    const health = await system.anonymous.get('/health');
    expect(health.body).toMatchObject({ status: 'ok', database: { ok: true }, redis: { ok: true } });
  });
});
