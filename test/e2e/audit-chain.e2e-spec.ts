import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiClient } from '../support/api-client';
import { withDatabase } from '../support/services';
import { TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(120_000);

describe('tamper-evident audit log', () => {
  let system: TestSystem;
  let clerk: ApiClient;
  let auditor: ApiClient;

  beforeAll(async () => {
    system = await TestSystem.start('audit', { worker: false });
    clerk = await system.as('clerk');
    auditor = await system.as('auditor');
  });
  afterAll(() => system?.stop());

  it('records reads, writes, logins and refusals, without patron data', async () => {
    const created = await clerk.post('/api/cases', courtOrderCase());
    const reads = async () => ((await clerk.get(`/api/cases/${created.body.id}/events`)).body.items as { action: string }[]).filter((e) => e.action === 'case.read').length;
    // The write's answer is covered by its own case.created event; only the page read is a case.read.
    expect(await reads()).toBe(0);
    await clerk.get(`/api/cases/${created.body.id}`);
    expect(await reads()).toBe(1);
    await system.anonymous.post('/api/auth/login', { username: 'clerk.kim', password: 'wrong-password-here' });
    await clerk.get('/api/users');
    const timeline = (await clerk.get(`/api/cases/${created.body.id}/events`)).body.items;
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['case.created', 'case.read']));
    const verify = (await auditor.get('/api/audit/verify')).body;
    expect(verify).toMatchObject({ ok: true, firstBroken: null });
    expect(verify.events).toBeGreaterThan(5);
    await withDatabase(system.environment.databaseUrl!, async (db) => {
      const actions = (await db.query('SELECT action, details FROM audit_events')).rows;
      expect(actions.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'access.denied']));
      expect(JSON.stringify(actions)).not.toContain('23000000012345');
      expect(JSON.stringify(actions)).not.toContain('Ruiz');
    });
  });

  it('refuses to update or delete audit rows in the database itself', async () => {
    await withDatabase(system.environment.databaseUrl!, async (db) => {
      await expect(db.query("UPDATE audit_events SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/append-only/);
    });
  });

  it('names the first changed event when a row is altered behind the application', async () => {
    const before = (await auditor.get('/api/audit/verify')).body;
    const target = 3;
    await withDatabase(system.environment.databaseUrl!, async (db) => {
      // A superuser can switch triggers off; the hash chain still catches the change.
      await db.query("SET session_replication_role = 'replica'");
      await db.query("UPDATE audit_events SET \"actorName\" = 'someone-else' WHERE seq = $1", [target]);
    });
    const after = (await auditor.get('/api/audit/verify')).body;
    expect(before.ok).toBe(true);
    expect(after).toMatchObject({ ok: false, firstBroken: { seq: target, reason: 'hash_mismatch' } });

    const cli = await promisify(execFile)(process.execPath, [join(__dirname, '../../dist/scripts/audit-verify.js')], { env: { ...process.env, ...system.environment.env } }).catch((error) => error);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`audit chain broken at event ${target}`);
  });
});
