import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, eventually, timed } from '../support/api-client';
import { kohaExport } from '../support/koha-fixture';
import { withDatabase } from '../support/services';
import { PrivateRedis } from '../support/private-services';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(240_000);

describe('Redis restarted mid-run (a private redis-server)', () => {
  let redis: PrivateRedis;
  let system: TestSystem;
  let clerk: ApiClient;
  let attorney: ApiClient;
  let director: ApiClient;

  const db = <T>(work: (client: import('pg').Client) => Promise<T>) => withDatabase(system.environment.databaseUrl!, work);
  const stateOf = (id: string) => clerk.get(`/api/cases/${id}`).then((r) => r.body as { status: string; pendingStep: string | null });

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    system = await TestSystem.start('redis-outage', { env: { REDIS_URL: redis.url } });
    clerk = await system.as('clerk');
    attorney = await system.as('attorney');
    director = await system.as('director');
  });

  /** Whether the content store holds these bytes (it is addressed by their SHA-256). */
  const stored = (content: string) => {
    const sha = createHash('sha256').update(content).digest('hex');
    return existsSync(join(system.environment.storageDir, sha.slice(0, 2), sha));
  };
  afterAll(async () => {
    await system?.stop();
    await redis?.stop();
  });

  it('answers 503 promptly while Redis is down, half-makes nothing, and loses nothing it acknowledged', async () => {
    const cases: string[] = [];
    for (let i = 0; i < 14; i++) cases.push((await clerk.post('/api/cases', courtOrderCase())).body.id);
    const before = cases.slice(0, 2);
    for (const id of before) expect((await clerk.post(`/api/cases/${id}/submit`)).status).toBe(202);
    for (const id of before) await eventually(() => stateOf(id), (c) => c.status === 'legal_review');
    // Cases in flight when Redis dies: decided just before the kill, so their production and letter jobs are queued
    // or running in the worker while the connection goes.
    const inFlight: string[] = [];
    for (let i = 0; i < 4; i++) inFlight.push((await clerk.post('/api/cases', courtOrderCase())).body.id);
    for (const id of inFlight) expect((await clerk.post(`/api/cases/${id}/submit`)).status).toBe(202);
    for (const id of inFlight) await eventually(() => stateOf(id), (c) => c.status === 'legal_review' && !c.pendingStep, 60_000);
    for (const id of inFlight) expect((await attorney.post(`/api/cases/${id}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    for (const id of inFlight) await eventually(() => stateOf(id), (c) => c.status === 'awaiting_approval', 60_000);
    const inFlightApproved = inFlight.slice(0, 2);
    for (const id of inFlight) {
      const decision = inFlightApproved.includes(id) ? { decision: 'approve' } : { decision: 'deny', reasons: ['NOT_PARTICULAR'], note: 'Not particular.' };
      expect((await director.post(`/api/cases/${id}/decision`, decision)).status).toBe(202);
    }

    // Submits keep arriving while Redis is killed under them.
    const racing = cases.slice(2, 12);
    const answers = new Map<string, number>();
    const burst = (async () => {
      for (const id of racing) {
        answers.set(id, (await timed(() => clerk.post(`/api/cases/${id}/submit`))).status);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 90));
    await redis.kill();
    const apiLogAtKill = system.api.output().length;
    const workerLogAtKill = system.worker!.output().length;
    await burst;
    await eventually(() => system.anonymous.get('/health'), (h) => h.body.redis?.ok === false, 10_000, 100);

    // While it is down: queue-backed routes answer 503 at once, with nothing committed.
    const refusedSubmit = await timed(() => clerk.post(`/api/cases/${cases[12]}/submit`));
    const refusedReview = await timed(() => attorney.post(`/api/cases/${before[0]}/review`, SUFFICIENT_COURT_ORDER_REVIEW));
    console.log(`with Redis down: submit answered ${refusedSubmit.status} in ${refusedSubmit.ms} ms, review ${refusedReview.status} in ${refusedReview.ms} ms`);
    expect(refusedSubmit.status).toBe(503);
    expect(refusedSubmit.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(refusedSubmit.headers.get('retry-after')).toBe('5');
    expect(refusedReview.status).toBe(503);
    expect(await stateOf(cases[12])).toMatchObject({ status: 'intake', pendingStep: null });
    expect(await stateOf(before[0])).toMatchObject({ status: 'legal_review', pendingStep: null });
    // Reads and changes that queue nothing still work; an intake edit replans its clocks and queues their reminders,
    // so it is refused like the other queue-backed changes, with nothing saved.
    expect((await clerk.get(`/api/cases/${cases[13]}`)).status).toBe(200);
    expect((await clerk.post('/api/notifications/read-all')).status).toBeLessThan(300);
    const edit = await clerk.patch(`/api/cases/${cases[13]}`, { summary: 'edited during the outage' });
    expect(edit.status).toBe(503);
    expect((await clerk.get(`/api/cases/${cases[13]}`)).body.summary).not.toBe('edited during the outage');
    // An export upload is queue-backed: refused before its plaintext is stored.
    const refusedUpload = await timed(() => clerk.upload(`/api/cases/${cases[13]}/records`, {}, { name: 'koha-export.json', content: kohaExport(), type: 'application/json' }));
    expect(refusedUpload.status).toBe(503);
    expect(stored(kohaExport())).toBe(false);
    expect((await db((client) => client.query('SELECT count(*)::int AS n FROM record_imports WHERE "caseId" = $1', [cases[13]]))).rows[0].n).toBe(0);
    const health = await timed(() => system.anonymous.get('/health'));
    expect({ status: health.status, state: health.body.status, redis: health.body.redis.ok }).toEqual({ status: 503, state: 'degraded', redis: false });

    await new Promise((resolve) => setTimeout(resolve, 4000));
    const outageLines = (system.api.output().slice(apiLogAtKill) + system.worker!.output().slice(workerLogAtKill)).split('\n').filter((line) => /redis|unavailable|ECONNREFUSED|error/i.test(line));

    await redis.up();
    await eventually(() => system.anonymous.get('/health'), (h) => h.status === 200 && h.body.workers.missing.length === 0, 60_000, 250);

    // Every refused submit can simply be retried (no 409: nothing was half-made).
    const refused = [...racing.filter((id) => answers.get(id) === 503), cases[12]];
    for (const id of refused) expect((await clerk.post(`/api/cases/${id}/submit`)).status).toBe(202);
    const acknowledged = racing.filter((id) => answers.get(id) === 202);
    console.log(`racing submits: ${acknowledged.length} acknowledged before or as Redis died, ${refused.length - 1} refused with 503 and retried; ${outageLines.length} log lines about it in ~5 s of outage`);
    expect([...answers.values()].every((status) => status === 202 || status === 503)).toBe(true);
    expect(refused.length).toBeGreaterThan(1);

    // Nothing acknowledged is lost: every submitted case reaches legal review, each exactly once.
    for (const id of [...before, ...racing, cases[12]]) await eventually(() => stateOf(id), (c) => c.status === 'legal_review', 60_000, 250);
    await db(async (client) => {
      const rows = (await client.query(`SELECT "caseId", action, count(*)::int AS n FROM audit_events WHERE action IN ('case.submitted', 'case.intake_completed') GROUP BY "caseId", action`)).rows as { caseId: string; action: string; n: number }[];
      for (const id of [...before, ...racing, cases[12]]) {
        expect(rows.filter((r) => r.caseId === id).map((r) => `${r.action}:${r.n}`).sort()).toEqual(['case.intake_completed:1', 'case.submitted:1']);
      }
    });
    expect(await stateOf(cases[13])).toMatchObject({ status: 'intake' });
    // The cases in flight when Redis died reach their end, each with exactly one production or one letter.
    for (const id of inFlight) await eventually(() => stateOf(id), (c) => c.status === (inFlightApproved.includes(id) ? 'fulfilled' : 'denied'), 90_000, 250);
    await db(async (client) => {
      const productions = (await client.query('SELECT "caseId" FROM productions WHERE "caseId" = ANY($1)', [inFlight])).rows.map((r: { caseId: string }) => r.caseId);
      const letters = (await client.query('SELECT "caseId", kind FROM letters WHERE "caseId" = ANY($1)', [inFlight])).rows.map((r: { caseId: string; kind: string }) => `${r.caseId}:${r.kind}`);
      expect(productions.sort()).toEqual([...inFlightApproved].sort());
      expect(letters.sort()).toEqual(inFlight.slice(2).map((id) => `${id}:denial`).sort());
      const twice = (await client.query(`SELECT "caseId", action FROM audit_events WHERE "caseId" = ANY($1) AND action IN ('production.created', 'case.fulfilled', 'letter.written', 'case.denied_final') GROUP BY 1, 2 HAVING count(*) > 1`, [inFlight])).rows;
      expect(twice).toEqual([]);
    });
    console.log(`cases in flight when Redis died: ${inFlightApproved.length} approved reached fulfilled with one production each, ${inFlight.length - inFlightApproved.length} denied with one letter each`);
    // An export refused after it was stored (the case was withdrawn meanwhile: 409) is not kept either.
    expect((await clerk.post(`/api/cases/${cases[13]}/withdraw`)).status).toBe(200);
    expect((await clerk.upload(`/api/cases/${cases[13]}/records`, {}, { name: 'koha-export.json', content: kohaExport(), type: 'application/json' })).status).toBe(409);
    expect(stored(kohaExport())).toBe(false);
    // The refused review goes through now.
    expect((await attorney.post(`/api/cases/${before[0]}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    await eventually(() => stateOf(before[0]), (c) => c.status === 'awaiting_approval', 60_000);
    // An outage is a few log lines, not one per reconnect attempt and request.
    expect(outageLines.length).toBeLessThan(100); // 355 before the rate limit; 26-40 seen with it
    const audit = await system.admin.get('/api/audit/verify');
    if (audit.status === 200) expect(audit.body).toMatchObject({ ok: true });
  });
});
