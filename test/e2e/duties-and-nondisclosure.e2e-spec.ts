import { ApiClient, eventually } from '../support/api-client';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(120_000);

describe('separation of duties and nondisclosure orders', () => {
  let system: TestSystem;
  let clerk: ApiClient;
  let allRounder: ApiClient;

  beforeAll(async () => {
    system = await TestSystem.start('duties');
    clerk = await system.as('clerk');
    allRounder = await system.as('allRounder');
    await system.as('attorney');
    await system.as('director');
  });
  afterAll(() => system?.stop());

  async function submittedCase(by: ApiClient, overrides: Record<string, unknown> = {}) {
    const created = await by.post('/api/cases', courtOrderCase(overrides));
    expect(created.status).toBe(201);
    expect((await by.post(`/api/cases/${created.body.id}/submit`)).status).toBe(202);
    return eventually(() => by.get(`/api/cases/${created.body.id}`).then((r) => r.body), (c) => c.status === 'legal_review');
  }

  it('never lets the intake clerk review or decide the same case, though the account holds every role', async () => {
    const row = await submittedCase(allRounder);
    expect(row.assignments.assignedAttorney.id).not.toBe(system.userId('allRounder'));
    const review = await allRounder.post(`/api/cases/${row.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW);
    expect(review.status).toBe(403);
    expect(review.body.message).toMatch(/Separation of duties/);

    const attorney = await system.as('attorney');
    await system.assign(row.id, 'attorney', 'attorney');
    expect((await attorney.post(`/api/cases/${row.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    await eventually(() => attorney.get(`/api/cases/${row.id}`).then((r) => r.body), (c) => c.status === 'awaiting_approval');
    const decision = await allRounder.post(`/api/cases/${row.id}/decision`, { decision: 'approve' });
    expect(decision.status).toBe(403);
    const stillWaiting = (await attorney.get(`/api/cases/${row.id}`)).body;
    expect(stillWaiting).toMatchObject({ status: 'awaiting_approval', decision: null });
  });

  it('stops the reviewing attorney from also approving', async () => {
    const row = await submittedCase(clerk);
    await system.assign(row.id, 'attorney', 'allRounder');
    await system.assign(row.id, 'director', 'director');
    expect((await allRounder.post(`/api/cases/${row.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    await eventually(() => clerk.get(`/api/cases/${row.id}`).then((r) => r.body), (c) => c.status === 'awaiting_approval');
    expect((await allRounder.post(`/api/cases/${row.id}/decision`, { decision: 'deny' })).status).toBe(403);
  });

  it('keeps an attorney who reviewed in an earlier round from deciding after another attorney reviews again', async () => {
    const row = await submittedCase(clerk);
    const cure = { ...SUFFICIENT_COURT_ORDER_REVIEW, sufficiency: 'needs_info', recommendation: 'deny', reasons: ['NOT_SIGNED'], cureRequest: 'Send the signed order.', overrideReason: 'Returned for a cure before any decision.' };
    await system.assign(row.id, 'attorney', 'allRounder');
    expect((await allRounder.post(`/api/cases/${row.id}/review`, cure)).status).toBe(202);
    await eventually(() => clerk.get(`/api/cases/${row.id}`).then((r) => r.body), (c) => c.status === 'needs_info');
    expect((await clerk.post(`/api/cases/${row.id}/resume`, { note: 'Signed order received' })).status).toBe(200);
    await system.assign(row.id, 'attorney', 'attorney');
    const attorney = await system.as('attorney');
    expect((await attorney.post(`/api/cases/${row.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    await eventually(() => clerk.get(`/api/cases/${row.id}`).then((r) => r.body), (c) => c.status === 'awaiting_approval');
    expect((await allRounder.post(`/api/cases/${row.id}/decision`, { decision: 'approve' })).status).toBe(403);
  });

  it('requires an override reason for a review that contradicts the rules, and records it', async () => {
    const row = await submittedCase(clerk);
    await system.assign(row.id, 'attorney', 'attorney');
    const attorney = await system.as('attorney');
    const unchecked = { ...SUFFICIENT_COURT_ORDER_REVIEW, checklist: { ...SUFFICIENT_COURT_ORDER_REVIEW.checklist, judge_signature: false } };
    const refused = await attorney.post(`/api/cases/${row.id}/review`, unchecked);
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ code: expect.any(String), citation: expect.any(String) })]));
    const unknownKey = await attorney.post(`/api/cases/${row.id}/review`, { ...SUFFICIENT_COURT_ORDER_REVIEW, checklist: { made_up_item: true } });
    expect(unknownKey.status).toBe(400);
    const overridden = await attorney.post(`/api/cases/${row.id}/review`, { ...unchecked, overrideReason: 'Signature page arrived by fax; original to follow from the court.' });
    expect(overridden.status).toBe(202);
    const review = overridden.body.reviews.at(-1);
    expect(review.overrideReason).toMatch(/Signature page/);
    expect(review.contradictions.length).toBeGreaterThan(0);
  });

  it('hides a gagged case from staff not assigned to it: 404 by URL, absent from lists, counts and deadlines', async () => {
    const gagged = await submittedCase(clerk, { nondisclosureUntil: '2099-12-31' });
    const other = await system.as('otherClerk');
    const byUrl = await other.get(`/api/cases/${gagged.id}`);
    expect(byUrl.status).toBe(404);
    expect((await other.get(`/api/cases/${gagged.id}/events`)).status).toBe(404);
    expect((await other.post(`/api/cases/${gagged.id}/documents`)).status).not.toBe(201);
    const list = (await other.get('/api/cases?pageSize=200')).body;
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(gagged.id);
    const mine = (await clerk.get('/api/cases?pageSize=200')).body;
    expect(mine.total).toBe(list.total + 1);
    expect((await other.get('/api/deadlines?within=P52W')).body.items.map((d: { caseId: string }) => d.caseId)).not.toContain(gagged.id);

    const auditor = await system.as('auditor');
    expect((await auditor.get(`/api/cases/${gagged.id}`)).status).toBe(200);
    await system.as('attorney');
    const assigned = (['attorney', 'allRounder'] as const).find((key) => system.userId(key) === gagged.assignments.assignedAttorney.id)!;
    expect((await (await system.as(assigned)).get(`/api/cases/${gagged.id}`)).status).toBe(200);
    expect((await clerk.get(`/api/cases/${gagged.id}`)).body.underNondisclosure).toBe(true);
  });

  it('lists what is due, overdue first, with the working of each date', async () => {
    const row = await submittedCase(clerk, { requestType: 'public_records', requester: { name: 'A. Reporter', verification: 'not_verified' }, instrument: {}, receivedAt: '2026-11-20T09:00:00-08:00' });
    const cpra = row.deadlines.find((d: { clock: string }) => d.clock === 'cpra_determination');
    expect(cpra).toMatchObject({ dueDate: '2026-11-30', explanation: { citation: expect.stringContaining('7922.535') } });
    const due = (await clerk.get('/api/deadlines?within=P8W')).body;
    const dates = due.items.map((d: { dueDate: string }) => d.dueDate);
    expect(dates).toEqual([...dates].sort());
    expect((await clerk.get('/api/deadlines?within=soon')).status).toBe(400);
  });
});
