import { createWriteStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Queue } from 'bullmq';
import { generateKohaExport, syntheticCardNumber } from '@custodian/records';
import { ApiClient, eventually } from '../support/api-client';
import { kohaExport } from '../support/koha-fixture';
import { withDatabase } from '../support/services';
import { TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(300_000);

const POISON_MB = 110;

/** A Koha JSON export whose one patron has a 110 MB surname: the upload that used to take the product down. */
async function writePoisonExport(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('{"borrowers":[{"borrowernumber":1,"cardnumber":"23000000000001","surname":"');
  const block = 'A'.repeat(1024 * 1024);
  for (let i = 0; i < POISON_MB; i++) if (!out.write(block)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  out.end('","branchcode":"PDL","categorycode":"ADULT"}]}');
  await finished(out);
}

async function largeValidExport(): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await generateKohaExport({ patrons: 3, loansPerPatron: 20000, seed: 11, from: '2026-01-01', days: 200 }, out);
  return Buffer.concat(chunks);
}

describe('a poison upload', () => {
  let system: TestSystem;
  let clerk: ApiClient;
  let dir: string;
  let bigValidExport: Buffer;

  const storedFiles = (sha256: string) => system.environment.storageDir + `/${sha256.slice(0, 2)}/${sha256}`;
  const exists = (path: string) => import('node:fs').then((fs) => fs.existsSync(path));
  const importOf = (caseId: string, importId: string) => clerk.get(`/api/cases/${caseId}/records/imports/${importId}`).then((r) => r.body);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'custodian-poison-'));
    // Made before any connection is open: seconds of generation between requests would race keep-alive sockets.
    bigValidExport = await largeValidExport();
    // A 64 MB heap for the import thread; two process crashes under one job make it poison.
    system = await TestSystem.start('poison-upload', { env: { IMPORT_THREAD_HEAP_MB: '64', POISON_AFTER_CRASHES: '2' } });
    clerk = await system.as('clerk');
    await system.as('attorney');
    await system.as('director');
  });
  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('of one 110 MB value is refused without taking the worker down; its plaintext is deleted and other cases progress', async () => {
    const poisonPath = join(dir, 'export.json');
    await writePoisonExport(poisonPath);
    const workerPid = system.worker!.child.pid;
    const poisoned = (await clerk.post('/api/cases', courtOrderCase())).body;
    const upload = await clerk.upload(`/api/cases/${poisoned.id}/records`, {}, { name: 'export.json', content: await openAsBlob(poisonPath) });
    expect(upload.status).toBe(202);

    const failed = await eventually(() => importOf(poisoned.id, upload.body.id), (i) => i.status === 'failed' || i.status === 'completed', 180_000, 500);
    expect(failed.status).toBe('failed');
    const reason: string = failed.errors[0].message;
    console.log(`poison import of ${POISON_MB} MB ended: ${reason}`);
    // Either the parser refuses the value itself, or the heap-limited thread ran out and the import was quarantined.
    expect(reason).toMatch(/memory limit|too (large|long)|longer than|exceeds|at most/i);
    if (/memory limit/.test(reason)) {
      expect((await clerk.get(`/api/cases/${poisoned.id}`)).body.alert).toMatch(/records import uploaded [\d-]+ [\d:]+ UTC \(JSON\) was stopped/);
    }
    const sha256 = await withDatabase(system.environment.databaseUrl!, async (db) => (await db.query('SELECT sha256 FROM record_imports WHERE id = $1', [upload.body.id])).rows[0].sha256);
    expect(await exists(storedFiles(sha256))).toBe(false);

    // The same worker process is still running and every queue still has its worker.
    expect(system.worker!.child.exitCode).toBeNull();
    expect(system.worker!.child.pid).toBe(workerPid);
    const health = await system.anonymous.get('/health');
    expect({ status: health.status, body: health.body.status, missing: health.body.workers.missing }).toEqual({ status: 200, body: 'ok', missing: [] });

    // Another case imports and moves on.
    const healthy = (await clerk.post('/api/cases', courtOrderCase())).body;
    const good = await clerk.upload(`/api/cases/${healthy.id}/records`, {}, { name: 'export.json', content: kohaExport() });
    await eventually(() => importOf(healthy.id, good.body.id), (i) => i.status === 'completed', 60_000);
    expect((await clerk.post(`/api/cases/${healthy.id}/submit`)).status).toBe(202);
    await eventually(() => clerk.get(`/api/cases/${healthy.id}`).then((r) => r.body.status), (s) => s === 'legal_review');
  });

  it('whose job keeps killing its worker process is quarantined after the allowed crashes, never run again', async () => {
    const cards = [1, 2, 3].map(syntheticCardNumber);
    const created = (await clerk.post('/api/cases', courtOrderCase({ scope: { cardNumbers: cards, from: '2026-01-01', to: '2026-12-31', recordTypes: ['patron', 'loans'] } }))).body;
    const upload = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'big.json', content: bigValidExport });
    expect(upload.status).toBe(202);

    // Twice the process dies under the job, as an OOM or a segfault would take it down.
    const queue = new Queue('records-import', { connection: { url: system.environment.env.REDIS_URL }, prefix: system.environment.env.QUEUE_PREFIX });
    const jobId = `${created.id}-import-${upload.body.id}`;
    for (let crash = 1; crash <= 2; crash++) {
      // Started for the crash-th time, by the worker now running, and still at work.
      await eventually(async () => { const job = await queue.getJob(jobId); return { started: job?.attemptsStarted, state: await job?.getState() }; }, (j) => j.started === crash && j.state === 'active', 120_000, 20);
      await system.worker!.kill();
      console.log(`worker killed under the import job (crash ${crash})`);
      await system.startWorker();
    }

    await queue.close();
    const ended = await eventually(() => importOf(created.id, upload.body.id), (i) => i.status === 'failed' || i.status === 'completed', 120_000, 500);
    expect(ended.status).toBe('failed');
    expect(ended.errors[0].message).toBe('the import-records job stopped its worker process 2 times and was quarantined');
    expect(ended.rowsImported).toBe(0);
    const afterQuarantine = (await clerk.get(`/api/cases/${created.id}`)).body;
    expect(afterQuarantine.alert).toMatch(/records import uploaded [\d-]+ [\d:]+ UTC \(JSON\) was stopped: the import-records job stopped its worker process 2 times/);
    const sha256 = await withDatabase(system.environment.databaseUrl!, async (db) => {
      const patronRows = Number((await db.query('SELECT count(*) AS n FROM patron_records WHERE "caseId" = $1', [created.id])).rows[0].n);
      expect(patronRows).toBe(0);
      const actions = (await db.query(`SELECT action FROM audit_events WHERE "caseId" = $1 AND action = 'records.import_quarantined'`, [created.id])).rows;
      expect(actions).toHaveLength(1);
      return (await db.query('SELECT sha256 FROM record_imports WHERE id = $1', [upload.body.id])).rows[0].sha256;
    });
    expect(await exists(storedFiles(sha256))).toBe(false);
    expect(system.worker!.child.exitCode).toBeNull();
    expect((await system.anonymous.get('/health')).status).toBe(200);
  });
});
