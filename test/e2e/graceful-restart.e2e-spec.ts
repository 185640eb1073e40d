import { ApiClient, eventually } from '../support/api-client';
import { startApi } from '../support/processes';
import { withDatabase } from '../support/services';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(240_000);

/**
 * SIGTERM, as a deploy or `docker stop` sends it. Nest runs its shutdown hooks and then re-raises the signal, so a
 * graceful stop ends by SIGTERM; the helper's fallback after 15 s would end it by SIGKILL instead.
 */
async function terminate(process: { child: import('node:child_process').ChildProcess; stop(): Promise<void> }): Promise<{ code: number | null; signal: string | null; ms: number }> {
  const started = Date.now();
  await process.stop();
  return { code: process.child.exitCode, signal: process.child.signalCode, ms: Date.now() - started };
}

describe('the API and the worker stop gracefully on SIGTERM and restart cleanly', () => {
  let system: TestSystem;
  let clerk: ApiClient;

  const caseOf = (id: string) => clerk.get(`/api/cases/${id}`).then((r) => r.body);

  beforeAll(async () => {
    system = await TestSystem.start('graceful-restart');
    clerk = await system.as('clerk');
    await system.as('attorney');
    await system.as('director');
  });
  afterAll(() => system?.stop());

  it('lets the worker finish the job it is running before it exits, and a new worker carry on', async () => {
    const created = (await clerk.post('/api/cases', courtOrderCase())).body;
    await clerk.post(`/api/cases/${created.id}/submit`);
    await eventually(() => caseOf(created.id), (c) => c.status === 'legal_review' && !c.pendingStep, 60_000);
    await (await system.as('attorney')).post(`/api/cases/${created.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW);
    await eventually(() => caseOf(created.id), (c) => c.status === 'awaiting_approval', 60_000);
    expect((await (await system.as('director')).post(`/api/cases/${created.id}/decision`, { decision: 'approve' })).status).toBe(202);
    await eventually(() => caseOf(created.id), (c) => c.production?.status === 'rendering', 60_000, 25);

    // Stopped while rendering: BullMQ's close waits for the running job, so the production is finished, not stalled.
    const stopped = await terminate(system.worker!);
    console.log(`worker SIGTERM while rendering: exit code ${stopped.code}, signal ${stopped.signal}, stopped in ${stopped.ms} ms`);
    expect(stopped).toMatchObject({ code: null, signal: 'SIGTERM' });
    expect(system.worker!.output()).toMatch(/worker stopped: 8 queues closed/);
    expect(system.worker!.output()).not.toMatch(/"level":(50|60)/);
    expect(await caseOf(created.id)).toMatchObject({ status: 'fulfilled', pendingStep: null, production: { status: 'ready' } });

    // A new worker starts on the same queues and takes the next case through.
    await system.startWorker();
    const next = (await clerk.post('/api/cases', courtOrderCase())).body;
    expect((await clerk.post(`/api/cases/${next.id}/submit`)).status).toBe(202);
    await eventually(() => caseOf(next.id), (c) => c.status === 'legal_review', 60_000);
    await withDatabase(system.environment.databaseUrl!, async (db) => {
      const events = (await db.query(`SELECT action, count(*)::int AS n FROM audit_events WHERE "caseId" = $1 AND action IN ('production.created', 'case.fulfilled') GROUP BY 1`, [created.id])).rows;
      expect(events.map((e: { action: string; n: number }) => `${e.action}:${e.n}`).sort()).toEqual(['case.fulfilled:1', 'production.created:1']);
    });
  });

  it('lets the API exit by itself, and a new API process serves the same data and sessions', async () => {
    const created = (await clerk.post('/api/cases', courtOrderCase({ summary: 'written before the API stopped' }))).body;
    const stopped = await terminate(system.api);
    console.log(`API SIGTERM: exit code ${stopped.code}, signal ${stopped.signal}, stopped in ${stopped.ms} ms`);
    expect(stopped).toMatchObject({ code: null, signal: 'SIGTERM' });
    expect(system.api.output()).not.toMatch(/"level":(50|60)/);

    system.api = await startApi(system.environment.env, 'graceful-restart-2');
    system.anonymous = new ApiClient(system.api.baseUrl);
    // The clerk's token from before the restart still works: sessions live in the database and Redis, not the process.
    clerk = clerk.at(system.api.baseUrl);
    expect(await caseOf(created.id)).toMatchObject({ summary: 'written before the API stopped', status: 'intake' });
    expect((await clerk.post(`/api/cases/${created.id}/submit`)).status).toBe(202);
    await eventually(() => caseOf(created.id), (c) => c.status === 'legal_review', 60_000);
    expect((await system.anonymous.get('/health')).status).toBe(200);
  });
});
