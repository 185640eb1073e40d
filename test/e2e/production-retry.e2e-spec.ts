import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '../support/api-client';
import { reviewedCase } from '../support/case-journey';
import { withDatabase } from '../support/services';
import { STAFF, TestSystem } from '../support/system';

jest.setTimeout(300_000);

/**
 * A production stopped by a fault of the system (here a render folder the worker cannot write: a full or broken
 * disk) is rendered again by the case's director once the fault is dealt with. Rendering again releases nothing by
 * itself: the worker checks and verifies as the first time, and only a verified file is released.
 */
describe('rendering a stopped production again', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await TestSystem.start('production-retry');
  });
  afterAll(() => system?.stop());

  it('lets only the director render a stopped production again, once, and releases the verified file', async () => {
    const { caseId } = await reviewedCase(system);
    const [clerk, attorney, director] = [await system.as('clerk'), await system.as('attorney'), await system.as('director')];
    const caseOf = () => clerk.get(`/api/cases/${caseId}`).then((r) => r.body);
    const scratch = join(system.environment.storageDir, 'tmp');

    // Nothing to render again before a production has been stopped.
    expect((await director.post(`/api/cases/${caseId}/production/retry`)).status).toBe(409);

    // The render folder becomes a file: every attempt fails, the step gives up, and the production is stopped.
    rmSync(scratch, { recursive: true, force: true });
    writeFileSync(scratch, 'not a directory');
    expect((await director.post(`/api/cases/${caseId}/decision`, { decision: 'approve', note: 'Approved.' })).status).toBe(202);
    const stopped = await eventually(caseOf, (c) => c.production?.status === 'failed' && !c.pendingStep, 180_000, 500);
    expect(stopped.status).toBe('fulfilling');
    expect(stopped.production.failure).toMatch(/^The fulfilment step failed after \d+ attempts/);
    expect(stopped.alert).toBe(stopped.production.failure);
    expect(stopped.production.sha256).toBeNull();

    // Only the director may ask; a clerk, an attorney, a bad id and an unknown case are refused, and nothing moves.
    expect((await clerk.post(`/api/cases/${caseId}/production/retry`)).status).toBe(403);
    expect((await attorney.post(`/api/cases/${caseId}/production/retry`)).status).toBe(403);
    expect((await director.post('/api/cases/not-a-uuid/production/retry')).status).toBe(400);
    expect((await director.post('/api/cases/00000000-0000-4000-8000-000000000000/production/retry')).status).toBe(404);
    expect((await caseOf()).production.status).toBe('failed');

    // The fault is dealt with; the director renders again. A second request while it renders is refused.
    rmSync(scratch, { force: true });
    mkdirSync(scratch, { mode: 0o700 });
    const retried = await director.post(`/api/cases/${caseId}/production/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ alert: null, pendingStep: 'fulfilment' });
    expect((await director.post(`/api/cases/${caseId}/production/retry`)).status).toBe(409);

    const fulfilled = await eventually(caseOf, (c) => c.status === 'fulfilled' || c.production?.status === 'failed', 180_000, 500);
    expect(fulfilled.status).toBe('fulfilled');
    expect(fulfilled.production).toMatchObject({ id: stopped.production.id, status: 'ready', failure: null, batesFirst: 'PDL-000001', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await director.post(`/api/cases/${caseId}/production/retry`)).status).toBe(409);

    const audit = await withDatabase(system.environment.databaseUrl!, async (db) =>
      (await db.query(`SELECT action, "actorName", details FROM audit_events WHERE "caseId" = $1 AND action IN ('case.step_failed', 'production.retried', 'production.created') ORDER BY seq`, [caseId])).rows,
    );
    expect(audit.map((event: { action: string }) => event.action)).toEqual(['case.step_failed', 'production.retried', 'production.created']);
    expect(audit[1].actorName).toBe(STAFF.director.username);
    expect(JSON.parse(audit[1].details)).toMatchObject({ stoppedBecause: stopped.production.failure });
  });
});
