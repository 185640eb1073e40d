import { ApiClient, eventually } from '../support/api-client';
import { TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(120_000);

describe('safeguards around a request: holds, patron notice, extensions, documents', () => {
  let system: TestSystem;
  let clerk: ApiClient;
  let attorney: ApiClient;

  beforeAll(async () => {
    system = await TestSystem.start('safeguards');
    clerk = await system.as('clerk');
    attorney = await system.as('attorney');
    await system.as('director');
  });
  afterAll(() => system?.stop());

  const caseOf = (id: string) => clerk.get(`/api/cases/${id}`).then((r) => r.body);

  async function submitted(overrides: Record<string, unknown>) {
    const created = (await clerk.post('/api/cases', courtOrderCase(overrides))).body;
    expect((await clerk.post(`/api/cases/${created.id}/submit`)).status).toBe(202);
    return eventually(() => caseOf(created.id), (c) => c.status === 'legal_review');
  }

  it('places a 90-day preservation hold on an emergency request, renewable once, releasable', async () => {
    const row = await submitted({ requestType: 'emergency', emergency: true, instrument: { description: 'Officer reports an exigent threat' } });
    expect(row.preservationHolds).toHaveLength(1);
    const [hold] = row.preservationHolds;
    expect(hold).toMatchObject({ status: 'active', renewals: 0 });
    expect(row.deadlines.map((d: { clock: string }) => d.clock)).toContain('preservation_hold');
    const renewed = await attorney.post(`/api/cases/${row.id}/holds/${hold.id}/renew`);
    expect(renewed.status).toBe(200);
    expect(renewed.body.preservationHolds[0].renewals).toBe(1);
    expect(renewed.body.preservationHolds[0].expiresOn > hold.expiresOn).toBe(true);
    expect((await attorney.post(`/api/cases/${row.id}/holds/${hold.id}/renew`)).status).toBe(422);
    expect((await clerk.post(`/api/cases/${row.id}/holds/${hold.id}/release`)).status).toBe(403);
    const released = await attorney.post(`/api/cases/${row.id}/holds/${hold.id}/release`);
    expect(released.body.preservationHolds[0].status).toBe('released');
  });

  it('refuses patron notice while a nondisclosure order runs, and records it once the order allows', async () => {
    const gagged = await submitted({ nondisclosureUntil: '2099-01-01' });
    const refused = await clerk.post(`/api/cases/${gagged.id}/patron-notice`, { method: 'mail' });
    expect(refused.status).toBe(409);
    // An ordinary court order's gag is its own terms; Penal Code § 1546.2 is cited only for CalECPA process.
    expect(refused.body.message).toMatch(/until 2099-01-01/);
    expect(refused.body.message).not.toMatch(/1546\.2/);
    const open = await submitted({});
    const sent = await clerk.post(`/api/cases/${open.id}/patron-notice`, { method: 'mail' });
    expect(sent.status).toBe(200);
    expect(sent.body.patronNotifiedAt).toEqual(expect.any(String));
  });

  it('extends a public-records determination once, at most 14 days, with a letter', async () => {
    const row = await submitted({ requestType: 'public_records', receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(), requester: { name: 'A. Reporter', verification: 'not_verified' }, instrument: {} });
    const before = row.deadlines.find((d: { clock: string }) => d.clock === 'cpra_determination');
    const director = await system.as('director');
    const ground = { ground: 'field_facilities', detail: 'Need to search archived records offsite' };
    expect((await director.post(`/api/cases/${row.id}/extension`, { days: 15, ...ground })).status).toBe(400);
    // The attorney is neither the head of the agency nor the recorded designee (Gov. Code § 7922.535(b)).
    expect((await attorney.post(`/api/cases/${row.id}/extension`, { days: 14, ...ground })).status).toBe(422);
    expect((await director.post(`/api/cases/${row.id}/extension-designee`, { userId: system.userId('attorney') })).status).toBe(200);
    const extended = await attorney.post(`/api/cases/${row.id}/extension`, { days: 14, ...ground });
    expect(extended.status).toBe(200);
    const after = extended.body.deadlines.find((d: { clock: string }) => d.clock === 'cpra_determination');
    expect(after.dueDate > before.dueDate).toBe(true);
    expect(after.explanation.extension).toMatchObject({ grantedDays: 14 });
    expect((await attorney.post(`/api/cases/${row.id}/extension`, { days: 3, ground: 'voluminous_records', detail: 'And a little more time please' })).status).toBe(409);
    await eventually(() => caseOf(row.id), (c) => c.letters.some((l: { kind: string }) => l.kind === 'extension'));
    const letter = await clerk.download(`/api/cases/${row.id}/letters/extension/pdf`);
    expect(letter.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('chases deadlines: an overdue clock notifies the director and tops the deadline list', async () => {
    const row = await submitted({ requestType: 'public_records', requester: { name: 'A. Reporter', verification: 'not_verified' }, instrument: {}, receivedAt: '2026-10-01T09:00:00-07:00' });
    expect(row.deadlines.find((d: { clock: string }) => d.clock === 'cpra_determination').dueDate < '2026-11-28').toBe(true);
    const director = await system.as('director');
    const overdue = await eventually(() => director.get('/api/notifications').then((r) => r.body.items), (items) => items.some((n: { kind: string; caseId: string }) => n.kind === 'overdue' && n.caseId === row.id));
    const notice = overdue.find((n: { kind: string; caseId: string }) => n.kind === 'overdue' && n.caseId === row.id);
    expect(notice.message).toContain(row.caseNumber);
    expect((await director.post(`/api/notifications/${notice.id}/read`)).status).toBe(204);
    expect((await clerk.post(`/api/notifications/${notice.id}/read`)).status).toBe(404);
    const due = (await director.get('/api/deadlines?within=P1D')).body.items.find((d: { caseId: string }) => d.caseId === row.id);
    expect(due).toMatchObject({ urgency: 'overdue' });
  });

  it('stores attached documents by checksum and serves them back, audited', async () => {
    const created = (await clerk.post('/api/cases', courtOrderCase())).body;
    const attached = await clerk.upload(`/api/cases/${created.id}/documents`, { kind: 'instrument' }, { name: 'order scan.pdf', content: '%PDF-1.4 scan', type: 'application/pdf' });
    expect(attached.status).toBe(201);
    expect((await clerk.upload(`/api/cases/${created.id}/documents`, { kind: 'selfie' }, { name: 'x.pdf', content: 'x' })).status).toBe(400);
    const back = await attorney.download(`/api/cases/${created.id}/documents/${attached.body.id}`);
    expect(back.bytes.toString()).toBe('%PDF-1.4 scan');
    expect(back.headers.get('x-content-sha256')).toBe(attached.body.sha256);
    const events = (await clerk.get(`/api/cases/${created.id}/events`)).body.items.map((e: { action: string }) => e.action);
    expect(events).toEqual(expect.arrayContaining(['document.attached', 'document.read']));
  });
});
