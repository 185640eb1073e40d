import { syntheticCardNumber } from '@custodian/records';
import { ApiClient, eventually } from '../support/api-client';
import { largeKohaExport } from '../support/koha-fixture';
import { withDatabase } from '../support/services';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(240_000);

describe('a worker killed mid-step', () => {
  let system: TestSystem;
  let clerk: ApiClient;

  beforeAll(async () => {
    system = await TestSystem.start('worker-crash');
    clerk = await system.as('clerk');
    await system.as('attorney');
    await system.as('director');
  });
  afterAll(() => system?.stop());

  it('leaves the case to reach fulfilled exactly once, with exactly one production, after a new worker starts', async () => {
    const cards = [1, 2, 3].map(syntheticCardNumber);
    const created = (await clerk.post('/api/cases', courtOrderCase({ scope: { cardNumbers: cards, from: '2026-01-01', to: '2026-12-31', recordTypes: ['patron', 'loans'] } }))).body;
    const upload = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'export.json', content: await largeKohaExport(7) });
    await eventually(() => clerk.get(`/api/cases/${created.id}/records/imports/${upload.body.id}`).then((r) => r.body.status), (s) => s === 'completed', 120_000);
    await clerk.post(`/api/cases/${created.id}/submit`);
    await eventually(() => clerk.get(`/api/cases/${created.id}`).then((r) => r.body.status), (s) => s === 'legal_review');
    await (await system.as('attorney')).post(`/api/cases/${created.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW);
    await eventually(() => clerk.get(`/api/cases/${created.id}`).then((r) => r.body.status), (s) => s === 'awaiting_approval');
    await (await system.as('director')).post(`/api/cases/${created.id}/decision`, { decision: 'approve' });

    // Kill the worker while it is rendering: the production row exists and the case is still fulfilling.
    const midway = await eventually(() => clerk.get(`/api/cases/${created.id}`).then((r) => r.body), (c) => c.production?.status === 'rendering', 60_000, 50);
    await system.worker!.kill();
    const afterKill = (await clerk.get(`/api/cases/${created.id}`)).body;
    expect(afterKill).toMatchObject({ status: 'fulfilling', pendingStep: 'fulfilment' });
    expect(midway.production.status).toBe('rendering');

    await system.startWorker();
    const fulfilled = await eventually(() => clerk.get(`/api/cases/${created.id}`).then((r) => r.body), (c) => c.status === 'fulfilled', 150_000, 500);
    expect(fulfilled.production).toMatchObject({ status: 'ready', batesFirst: 'PDL-000001' });
    expect(fulfilled.production.manifest.items.loans.produced).toBe(12000);

    await withDatabase(system.environment.databaseUrl!, async (db) => {
      const productions = (await db.query('SELECT id, status FROM productions WHERE "caseId" = $1', [created.id])).rows;
      expect(productions).toHaveLength(1);
      const endings = (await db.query(`SELECT action FROM audit_events WHERE "caseId" = $1 AND action IN ('production.created', 'case.fulfilled')`, [created.id])).rows;
      expect(endings.map((e: { action: string }) => e.action).sort()).toEqual(['case.fulfilled', 'production.created']);
    });
    const pdf = await clerk.download(`/api/productions/${fulfilled.production.id}/pdf`);
    expect(pdf.status).toBe(200);
  });
});
