import { ApiClient, eventually, timed } from '../support/api-client';
import { PrivatePostgres } from '../support/private-services';
import { withDatabase } from '../support/services';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(300_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL restarted mid-run (a private cluster)', () => {
  let pg: PrivatePostgres;
  let system: TestSystem;
  let clerk: ApiClient;
  let attorney: ApiClient;

  const db = <T>(work: (client: import('pg').Client) => Promise<T>) => withDatabase(system.environment.databaseUrl!, work);
  const stateOf = (id: string) => clerk.get(`/api/cases/${id}`).then((r) => r.body as { status: string; pendingStep: string | null });

  beforeAll(async () => {
    const unavailable = PrivatePostgres.unavailableReason();
    if (unavailable) throw new Error(`this test needs a private PostgreSQL cluster: ${unavailable}`);
    pg = await PrivatePostgres.start();
    system = await TestSystem.start('postgres-restart', { postgresAdminUrl: pg.adminUrl });
    clerk = await system.as('clerk');
    attorney = await system.as('attorney');
    await system.as('director');
  });
  afterAll(async () => {
    await system?.stop();
    await pg?.stop();
  });

  it('answers 503 JSON with Retry-After while the database is down, keeps every 2xx, and recovers without a restart', async () => {
    const apiPid = system.api.child.pid;
    const workerPid = system.worker!.child.pid;
    const seed = (await clerk.post('/api/cases', courtOrderCase())).body.id as string;

    // Traffic throughout: creates, submits, reads and lists from four clients; every answer is kept.
    const answers: { kind: string; status: number; ms: number; body: any; retryAfter: string | null; at: number }[] = [];
    const created: string[] = [];
    const submitted: string[] = [];
    let running = true;
    const client = async (n: number) => {
      for (let i = 0; running; i++) {
        const kind = ['create', 'read', 'list', 'submit'][(n + i) % 4];
        const target = created[created.length - 1 - n] ?? seed;
        const response = await timed(() => {
          if (kind === 'create') return clerk.post('/api/cases', courtOrderCase({ summary: `outage traffic ${n}-${i}` }));
          if (kind === 'read') return clerk.get(`/api/cases/${target}`);
          if (kind === 'list') return clerk.get('/api/cases');
          return clerk.post(`/api/cases/${target}/submit`);
        });
        answers.push({ kind, status: response.status, ms: response.ms, body: response.body, retryAfter: response.headers.get('retry-after'), at: Date.now() });
        if (kind === 'create' && response.status === 201) created.push(response.body.id);
        if (kind === 'submit' && response.status === 202) submitted.push(target);
        await sleep(50);
      }
    };
    const traffic = Promise.all([0, 1, 2, 3].map(client));

    await sleep(3000);
    const downAt = Date.now();
    await pg.down();
    await eventually(() => system.anonymous.get('/health'), (h) => h.body.database?.ok === false, 15_000, 100);

    // While it is down: reads and writes answer 503 JSON with Retry-After at once, never a 500 or a hang.
    const probes = {
      read: await timed(() => clerk.get(`/api/cases/${seed}`)),
      list: await timed(() => clerk.get('/api/cases')),
      create: await timed(() => clerk.post('/api/cases', courtOrderCase())),
      submit: await timed(() => clerk.post(`/api/cases/${seed}/submit`)),
      login: await timed(() => system.anonymous.post('/api/auth/login', { username: 'clerk.kim', password: 'correct-horse-battery' })),
    };
    const health = await timed(() => system.anonymous.get('/health'));
    console.log(`with PostgreSQL down: ${Object.entries(probes).map(([kind, r]) => `${kind} ${r.status} in ${r.ms} ms`).join(', ')}; /health ${health.status} in ${health.ms} ms`);
    for (const response of Object.values(probes)) {
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/database is unavailable/) });
      expect(response.headers.get('retry-after')).toBe('5');
    }
    expect({ status: health.status, state: health.body.status, database: health.body.database.ok, redis: health.body.redis.ok }).toEqual({ status: 503, state: 'degraded', database: false, redis: true });

    await sleep(3000);
    const upAt = Date.now();
    await pg.up();
    // The same API and worker processes reconnect: no restart.
    await eventually(() => system.anonymous.get('/health'), (h) => h.status === 200, 60_000, 250);
    const recoveredMs = Date.now() - upAt;
    await sleep(3000);
    running = false;
    await traffic;

    const byStatus: Record<string, number> = {};
    for (const answer of answers) byStatus[`${answer.kind} ${answer.status}`] = (byStatus[`${answer.kind} ${answer.status}`] ?? 0) + 1;
    const during = answers.filter((a) => a.at > downAt && a.at < upAt);
    const afterwards = answers.filter((a) => a.at > upAt + recoveredMs);
    const slowest503 = Math.max(0, ...answers.filter((a) => a.status === 503).map((a) => a.ms));
    console.log(`traffic: ${answers.length} requests ${JSON.stringify(byStatus)}; ${during.length} answered while down (slowest 503 in ${slowest503} ms); healthy again ${recoveredMs} ms after PostgreSQL was back, then ${afterwards.filter((a) => a.status < 300).length} of ${afterwards.length} requests succeeded`);
    // Every answer is a success, or a 503 that says why; a 409 on a submit is a case another client submitted first.
    const unexpected = answers.filter((a) => !(a.status < 300 || a.status === 503 || (a.kind === 'submit' && a.status === 409)));
    expect(unexpected.map((a) => `${a.kind} ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`)).toEqual([]);
    for (const refused of answers.filter((a) => a.status === 503)) {
      expect(refused.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      expect(refused.retryAfter).toBe('5');
    }
    expect(during.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    expect(afterwards.filter((a) => a.status === 503)).toEqual([]);
    expect(afterwards.filter((a) => a.status < 300).length).toBeGreaterThan(0);
    expect(system.api.child.pid).toBe(apiPid);
    expect(system.worker!.child.pid).toBe(workerPid);
    expect(system.api.child.exitCode).toBeNull();
    expect(system.worker!.child.exitCode).toBeNull();

    // Every acknowledged create is there, and every acknowledged submit reaches legal review exactly once.
    const stored = await db(async (client) => (await client.query('SELECT id, status FROM cases WHERE id = ANY($1)', [created])).rows as { id: string; status: string }[]);
    expect(stored.map((row) => row.id).sort()).toEqual([...created].sort());
    const acknowledged = [...new Set(submitted)];
    for (const id of acknowledged) await eventually(() => stateOf(id), (c) => c.status === 'legal_review' && !c.pendingStep, 90_000, 250);
    await db(async (client) => {
      const rows = (await client.query(`SELECT "caseId", count(*)::int AS n FROM audit_events WHERE action = 'case.intake_completed' AND "caseId" = ANY($1) GROUP BY 1`, [acknowledged])).rows as { caseId: string; n: number }[];
      expect(rows.filter((row) => row.n !== 1)).toEqual([]);
      expect(rows).toHaveLength(acknowledged.length);
    });
    console.log(`after the restart: ${created.length} acknowledged creates all present, ${acknowledged.length} acknowledged submits all reached legal review once`);

    // A case started after the restart goes through intake and review on the same worker.
    const fresh = (await clerk.post('/api/cases', courtOrderCase())).body.id as string;
    expect((await clerk.post(`/api/cases/${fresh}/submit`)).status).toBe(202);
    await eventually(() => stateOf(fresh), (c) => c.status === 'legal_review', 60_000);
    expect((await attorney.post(`/api/cases/${fresh}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    await eventually(() => stateOf(fresh), (c) => c.status === 'awaiting_approval', 60_000);
    const verification = await (await system.as('auditor')).get('/api/audit/verify');
    expect(verification.body).toMatchObject({ ok: true });
  });
});
