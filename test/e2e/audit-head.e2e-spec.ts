import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { auditKeysFrom, hashEvent } from '@custodian/audit';
import { ApiClient, eventually } from '../support/api-client';
import { withDatabase } from '../support/services';
import { TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(180_000);

const cli = (env: Record<string, string>) =>
  promisify(execFile)(process.execPath, [join(__dirname, '../../dist/scripts/audit-verify.js')], { env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

/** The keyed chain checked against the signed head the worker exports: a rewrite or a truncated tail is caught. */
describe('audit chain against its exported signed head', () => {
  let system: TestSystem;
  let clerk: ApiClient;
  let auditor: ApiClient;

  beforeAll(async () => {
    system = await TestSystem.start('audit-head', { env: { AUDIT_HMAC_KEY: Buffer.alloc(32, 5).toString('base64'), AUDIT_HEAD_EXPORT_MS: '1000' } });
    clerk = await system.as('clerk');
    auditor = await system.as('auditor');
  });
  afterAll(() => system?.stop());

  it('exports the head on a schedule and verifies through it, by API and CLI', async () => {
    const created = (await clerk.post('/api/cases', courtOrderCase())).body;
    await Promise.all(Array.from({ length: 20 }, () => clerk.get(`/api/cases/${created.id}`)));
    const head = await eventually(() => auditor.get('/api/audit/head').then((r) => r.body), (b) => b.lastExported?.seq === b.head.seq, 30_000);
    expect(head.lastExported).toMatchObject({ hash: head.head.hash, signatureValid: true });
    expect(existsSync(join(system.environment.env.AUDIT_HEAD_DIR, 'latest.json'))).toBe(true);
    const verify = (await auditor.get('/api/audit/verify')).body;
    expect(verify).toMatchObject({ ok: true, firstBroken: null, unkeyedEvents: 0, exportedHead: { seq: head.head.seq, found: true, signatureValid: true } });
    const run = await cli(system.environment.env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, exportedHead: { found: true } });
  });

  it('catches a rewrite whose links were recomputed with the key, at the exported head', async () => {
    await system.worker!.stop();
    const exported = (await auditor.get('/api/audit/head')).body.lastExported;
    const keys = auditKeysFrom(system.environment.env as never);
    await withDatabase(system.environment.databaseUrl!, async (db) => {
      await db.query("SET session_replication_role = 'replica'");
      const rows = (await db.query('SELECT * FROM audit_events WHERE seq >= 3 ORDER BY seq')).rows;
      let prevHash = (await db.query('SELECT hash FROM audit_events WHERE seq = 2')).rows[0].hash;
      for (const row of rows) {
        const event = { ...row, details: row.details === null ? null : JSON.parse(row.details), actorName: row.seq === 3 ? 'someone-else' : row.actorName, prevHash };
        const hash = hashEvent(event, keys.chain);
        await db.query('UPDATE audit_events SET "actorName" = $1, "prevHash" = $2, hash = $3 WHERE seq = $4', [event.actorName, prevHash, hash, row.seq]);
        prevHash = hash;
      }
    });
    const verify = (await auditor.get('/api/audit/verify')).body;
    expect(verify).toMatchObject({ ok: false, firstBroken: { seq: exported.seq, reason: 'exported_head_mismatch' } });
    const run = await cli(system.environment.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`audit chain broken at event ${exported.seq}`);
  });

  it('catches a truncated tail that removed the exported head', async () => {
    const exported = (await auditor.get('/api/audit/head')).body.lastExported;
    await withDatabase(system.environment.databaseUrl!, async (db) => {
      await db.query("SET session_replication_role = 'replica'");
      await db.query('DELETE FROM audit_events WHERE seq >= $1', [exported.seq - 1]);
    });
    const verify = (await auditor.get('/api/audit/verify')).body;
    expect(verify).toMatchObject({ ok: false, firstBroken: { seq: exported.seq, reason: 'truncated' }, exportedHead: { found: false } });
    const run = await cli(system.environment.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('events were removed');
  });
});
