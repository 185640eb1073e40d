import { spawn } from 'node:child_process';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { ApiClient, eventually } from '../support/api-client';
import { REDIS_URL, withDatabase } from '../support/services';
import { TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(180_000);

/** Runs the commit-then-crash process and resolves with how it ended. */
function commitThenCrash(caseId: string, env: Record<string, string>): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(__dirname, '../support/commit-then-crash.js'), caseId], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (_code, signal) => resolve({ signal, output }));
  });
}

// design.md: "Every transition is one database transaction plus one queued job; a crash between them loses nothing."
describe('a process killed after commit and before enqueue', () => {
  let system: TestSystem;
  let clerk: ApiClient;

  beforeAll(async () => {
    // No worker yet: nothing may consume or sweep until the crash has happened.
    system = await TestSystem.start('outbox-crash', { worker: false });
    clerk = await system.as('clerk');
    await system.as('attorney');
    await system.as('director');
  });
  afterAll(async () => {
    await system?.worker?.stop();
    await system?.stop();
  });

  it('leaves a committed outbox row that the sweeps of two workers relay exactly once', async () => {
    const created = (await clerk.post('/api/cases', courtOrderCase())).body;
    const crash = await commitThenCrash(created.id, system.environment.env);
    expect(crash.output).toContain('committed');
    expect(crash.signal).toBe('SIGKILL');

    const db = system.environment.databaseUrl!;
    const pending = await withDatabase(db, (c) => c.query(`SELECT "jobId", "dispatchedAt" FROM outbox WHERE "jobName" = 'complete-intake' AND "payload" LIKE '%' || $1 || '%'`, [created.id]));
    expect(pending.rows).toHaveLength(1);
    expect(pending.rows[0].dispatchedAt).toBeNull();
    const jobId: string = pending.rows[0].jobId;
    const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      expect(await redis.exists(`${system.environment.name}:intake:${jobId}`)).toBe(0);

      // Two workers start at once; each runs the outbox sweep.
      const second = await system.startWorker();
      const first = await system.startWorker();
      try {
        const reviewed = await eventually(() => clerk.get(`/api/cases/${created.id}`).then((r) => r.body), (c) => c.status === 'legal_review' && !c.pendingStep, 60_000, 250);
        expect(reviewed.status).toBe('legal_review');
        const relayed = await withDatabase(db, (c) => c.query(`SELECT "dispatchedAt" FROM outbox WHERE "jobId" = $1`, [jobId]));
        expect(relayed.rows).toHaveLength(1);
        expect(relayed.rows[0].dispatchedAt).not.toBeNull();
        const completions = await withDatabase(db, (c) => c.query(`SELECT count(*)::int AS n FROM audit_events WHERE "caseId" = $1 AND action = 'case.intake_completed'`, [created.id]));
        expect(completions.rows[0].n).toBe(1);
        expect(await redis.hget(`${system.environment.name}:intake:${jobId}`, 'finishedOn')).not.toBeNull();
      } finally {
        await second.stop();
        await first.stop();
      }
    } finally {
      redis.disconnect();
    }
  });
});
