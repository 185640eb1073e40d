import { ApiClient, eventually } from '../support/api-client';
import { PATRON_IN_SCOPE, kohaExport } from '../support/koha-fixture';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(120_000);

/** The embedded default: the same migrations and the same walk on a SQLite file shared by two processes. */
describe('the embedded SQLite default', () => {
  let system: TestSystem;
  let clerk: ApiClient;

  beforeAll(async () => {
    system = await TestSystem.start('sqlite', { dialect: 'sqlite' });
    clerk = await system.as('clerk');
  });
  afterAll(() => system?.stop());

  const caseOf = (id: string) => clerk.get(`/api/cases/${id}`).then((r) => r.body);

  it('walks a case through approval to a production, and another through denial to a letter', async () => {
    const [attorney, director] = [await system.as('attorney'), await system.as('director')];
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const created = (await clerk.post('/api/cases', courtOrderCase({ scope: { cardNumbers: [PATRON_IN_SCOPE.cardnumber], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans'] } }))).body;
      const upload = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'export.json', content: kohaExport() });
      await eventually(() => clerk.get(`/api/cases/${created.id}/records/imports/${upload.body.id}`).then((r) => r.body.status), (s) => s === 'completed');
      await clerk.post(`/api/cases/${created.id}/submit`);
      await eventually(() => caseOf(created.id), (c) => c.status === 'legal_review');
      await attorney.post(`/api/cases/${created.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW);
      await eventually(() => caseOf(created.id), (c) => c.status === 'awaiting_approval');
      ids.push(created.id);
    }
    await director.post(`/api/cases/${ids[0]}/decision`, { decision: 'approve' });
    await director.post(`/api/cases/${ids[1]}/decision`, { decision: 'deny' });
    const fulfilled = await eventually(() => caseOf(ids[0]), (c) => c.status === 'fulfilled', 60_000);
    const denied = await eventually(() => caseOf(ids[1]), (c) => c.status === 'denied', 60_000);
    expect(fulfilled.production).toMatchObject({ status: 'ready', batesFirst: 'PDL-000001' });
    expect(denied.letters.map((l: { kind: string }) => l.kind)).toEqual(['denial']);
    expect((await clerk.download(`/api/productions/${fulfilled.production.id}/pdf`)).bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const verify = (await (await system.as('auditor')).get('/api/audit/verify')).body;
    expect(verify).toMatchObject({ ok: true });
    expect((await system.anonymous.get('/health')).body.database).toMatchObject({ ok: true, kind: 'better-sqlite3' });
  });

  it('serialises concurrent writes from many requests without losing any', async () => {
    const created = await Promise.all(Array.from({ length: 12 }, () => clerk.post('/api/cases', courtOrderCase())));
    expect(created.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(new Set(created.map((r) => r.body.caseNumber)).size).toBe(12);
    expect((await (await system.as('auditor')).get('/api/audit/verify')).body.ok).toBe(true);
  });
});
