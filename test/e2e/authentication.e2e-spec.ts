import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ApiClient, eventually } from '../support/api-client';
import { startApi } from '../support/processes';
import { withDatabase } from '../support/services';
import { STAFF, STAFF_PASSWORD, TestSystem } from '../support/system';
import { generate } from '../support/totp';

jest.setTimeout(180_000);

async function auditCount(system: TestSystem, action: string): Promise<number> {
  return withDatabase(system.environment.databaseUrl!, async (db) => Number((await db.query('SELECT count(*) AS n FROM audit_events WHERE action = $1', [action])).rows[0].n));
}

function tally(statuses: number[]): Record<number, number> {
  return statuses.reduce<Record<number, number>>((all, status) => ({ ...all, [status]: (all[status] ?? 0) + 1 }), {});
}

describe('authentication: lock-out, password policy, revocation', () => {
  let system: TestSystem;

  beforeAll(async () => {
    // The per-address limit is lowered so its lock-out can be shown too; it runs last in this file.
    // The refused-token audit window is shortened so its summaries are written while the test waits.
    system = await TestSystem.start('authentication', { worker: false, env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '60', TOKEN_REJECTION_AUDIT_WINDOW_SECONDS: '2' } });
  });
  afterAll(() => system?.stop());

  it('locks an account after repeated wrong passwords: 200 guesses, then the right password is refused too', async () => {
    await system.as('clerk');
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await system.anonymous.post('/api/auth/login', { username: STAFF.clerk.username, password: `wrong-guess-${i}` })).status);
    const right = await system.anonymous.post('/api/auth/login', { username: STAFF.clerk.username, password: STAFF_PASSWORD });
    process.stdout.write(`brute force: 200 wrong passwords answered ${JSON.stringify(tally(statuses))}; then the right one: ${right.status}\n`);
    expect(tally(statuses)).toEqual({ 401: 5, 429: 195 });
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/Too many failed sign-ins for this account; try again in \d+ seconds/) });
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(right.body.retryAfterSeconds).toBe(Number(right.headers.get('retry-after')));
    expect(await auditCount(system, 'auth.login_failed')).toBe(5);
    expect(await auditCount(system, 'auth.login_locked')).toBe(1);
    // The lock is the account's, not everyone's.
    await system.as('attorney');
  });

  it('treats a username that does not exist exactly like a wrong password, and locks it the same way', async () => {
    const unknown = await system.anonymous.post('/api/auth/login', { username: 'nobody.here', password: 'whatever-password' });
    const wrong = await system.anonymous.post('/api/auth/login', { username: STAFF.attorney.username, password: 'whatever-password' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const later: number[] = [];
    for (let i = 0; i < 6; i++) later.push((await system.anonymous.post('/api/auth/login', { username: 'nobody.here', password: `guess-${i}` })).status);
    expect(later).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('refuses weak passwords on creation, reset and change, naming the field', async () => {
    const base = { username: 'weak.one', displayName: 'Wes Weak', title: 'Clerk', roles: ['clerk'] };
    for (const password of [' '.repeat(12), 'aaaaaaaaaaaaaaaa', 'abcabcabcabc', 'password1234', 'iloveyou1234']) {
      const refused = await system.admin.post('/api/users', { ...base, password });
      expect(`${JSON.stringify(password)} ${refused.status}`).toBe(`${JSON.stringify(password)} 400`);
      expect(refused.body.fields.password[0]).toMatch(/password (must|is)/);
    }
    expect((await system.admin.get('/api/users')).body.items.map((u: { username: string }) => u.username)).not.toContain('weak.one');
    const created = await system.admin.post('/api/users', { ...base, password: 'plum-orbit-canvas-42' });
    expect(created.status).toBe(201);
    const reset = await system.admin.patch(`/api/users/${created.body.id}`, { password: ' '.repeat(12) });
    expect(reset.status).toBe(400);
    expect(reset.body.fields.password).toBeDefined();
    const weak = await system.anonymous.login('weak.one', 'plum-orbit-canvas-42');
    const change = await weak.post('/api/auth/password', { currentPassword: 'plum-orbit-canvas-42', newPassword: '111111111111' });
    expect(change.status).toBe(400);
    expect(change.body.fields.newPassword[0]).toMatch(/newPassword/);
    expect((await weak.post('/api/auth/password', { currentPassword: 'not-it', newPassword: 'quartz-meadow-lantern-7' })).status).toBe(400);
    expect((await weak.get('/api/auth/me')).status).toBe(200);
  });

  it('ends a token at logout, and only that token', async () => {
    const first = await system.anonymous.login(STAFF.attorney.username, STAFF_PASSWORD);
    const second = await system.anonymous.login(STAFF.attorney.username, STAFF_PASSWORD);
    expect((await first.get('/api/auth/me')).status).toBe(200);
    expect((await first.post('/api/auth/logout')).status).toBe(204);
    const after = await first.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.message).toMatch(/expired or was ended/);
    expect((await second.get('/api/auth/me')).status).toBe(200);
    expect(await auditCount(system, 'auth.logout')).toBe(1);
  });

  it('ends every token of a user whose password changes or is reset by an admin, in every API process', async () => {
    const otherApi = await startApi(system.environment.env, 'authentication-second');
    try {
      const elsewhere = new ApiClient(otherApi.baseUrl);
      await system.as('director');
      const here = await system.anonymous.login(STAFF.director.username, STAFF_PASSWORD);
      const there = await elsewhere.login(STAFF.director.username, STAFF_PASSWORD);
      expect((await there.get('/api/auth/me')).status).toBe(200);

      const changed = await here.post('/api/auth/password', { currentPassword: STAFF_PASSWORD, newPassword: 'violet-harbour-engine-31' });
      expect(changed.status).toBe(200);
      expect((await here.get('/api/auth/me')).status).toBe(401);
      expect((await there.get('/api/auth/me')).status).toBe(401);
      const renewed = system.anonymous.as(changed.body.accessToken);
      expect((await renewed.get('/api/auth/me')).status).toBe(200);

      const reset = await system.admin.patch(`/api/users/${system.userId('director')}`, { password: 'granite-willow-signal-58' });
      expect(reset.status).toBe(200);
      expect((await renewed.get('/api/auth/me')).status).toBe(401);
      const fresh = await elsewhere.login(STAFF.director.username, 'granite-willow-signal-58');
      expect((await fresh.get('/api/auth/me')).status).toBe(200);
      expect((await system.anonymous.post('/api/auth/login', { username: STAFF.director.username, password: 'violet-harbour-engine-31' })).status).toBe(401);

      // A logout on one process is refused on the other at once.
      const token = (await elsewhere.post('/api/auth/login', { username: STAFF.director.username, password: 'granite-willow-signal-58' })).body.accessToken;
      expect((await elsewhere.as(token).get('/api/auth/me')).status).toBe(200);
      expect((await system.anonymous.as(token).post('/api/auth/logout')).status).toBe(204);
      expect((await elsewhere.as(token).get('/api/auth/me')).status).toBe(401);
    } finally {
      await otherApi.stop();
    }
  });

  it('refuses a deactivated user at once, and reactivation does not revive old tokens', async () => {
    const auditor = await system.as('auditor');
    expect((await auditor.get('/api/auth/me')).status).toBe(200);
    expect((await system.admin.patch(`/api/users/${system.userId('auditor')}`, { active: false })).status).toBe(200);
    const refused = await auditor.get('/api/auth/me');
    expect(refused.status).toBe(401);
    expect((await system.anonymous.post('/api/auth/login', { username: STAFF.auditor.username, password: STAFF_PASSWORD })).status).toBe(401);
    expect((await system.admin.patch(`/api/users/${system.userId('auditor')}`, { active: true })).status).toBe(200);
    expect((await auditor.get('/api/auth/me')).status).toBe(401);
    expect((await (await system.anonymous.login(STAFF.auditor.username, STAFF_PASSWORD)).get('/api/auth/me')).status).toBe(200);
  });

  it('refuses role changes of its own and admin+case-role accounts; keeps the last admin', async () => {
    const adminId = (await system.admin.get('/api/auth/me')).body.id;
    const selfGrant = await system.admin.patch(`/api/users/${adminId}`, { roles: ['admin', 'auditor'] });
    expect(selfGrant.status).toBe(403);
    expect(selfGrant.body.message).toMatch(/cannot grant yourself roles/);
    const mixed = await system.admin.post('/api/users', { username: 'it.director', displayName: 'Ida Tech', title: 'IT', roles: ['admin', 'director'], password: 'copper-lagoon-thistle-9' });
    expect(mixed.status).toBe(400);
    expect(mixed.body.fields.roles[0]).toMatch(/admin account cannot also hold the case role director/);

    const last = await system.admin.patch(`/api/users/${adminId}`, { active: false });
    expect(last.status).toBe(409);
    expect(last.body.message).toMatch(/last active admin/);
    const second = await system.admin.post('/api/users', { username: 'it.second', displayName: 'Ivo Second', title: 'IT', roles: ['admin'], password: 'copper-lagoon-thistle-9' });
    expect(second.status).toBe(201);
    const secondAdmin = await system.anonymous.login('it.second', 'copper-lagoon-thistle-9');
    expect((await secondAdmin.patch(`/api/users/${adminId}`, { roles: ['auditor'] })).status).toBe(200);
    const lastNow = await secondAdmin.patch(`/api/users/${second.body.id}`, { active: false });
    expect(lastNow.status).toBe(409);
    // The old admin, now an auditor, cannot manage users any more; the remaining admin restores it.
    expect((await system.admin.get('/api/users')).status).toBe(403);
    expect((await secondAdmin.patch(`/api/users/${adminId}`, { roles: ['admin'] })).status).toBe(200);
  });

  it('requires a TOTP code at sign-in once a director enrolled and confirmed one', async () => {
    const created = await system.admin.post('/api/users', { username: 'dir.totp', displayName: 'Tess Otp', title: 'Deputy Director', roles: ['director'], password: 'saffron-kettle-meadow-77' });
    expect(created.status).toBe(201);
    const director = await system.anonymous.login('dir.totp', 'saffron-kettle-meadow-77');
    const enrolment = await director.post('/api/auth/totp/enrol');
    expect(enrolment.status).toBe(200);
    expect(enrolment.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect((await director.post('/api/auth/totp/confirm', { code: '000000' })).status).toBe(400);
    expect((await director.post('/api/auth/totp/confirm', { code: await generate({ secret: enrolment.body.secret }) })).status).toBe(204);
    const stored = await withDatabase(system.environment.databaseUrl!, async (db) => (await db.query('SELECT "totpSecret" FROM users WHERE username = $1', ['dir.totp'])).rows[0].totpSecret as string);
    expect(stored).not.toContain(enrolment.body.secret);

    const first = await system.anonymous.post('/api/auth/login', { username: 'dir.totp', password: 'saffron-kettle-meadow-77' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ secondFactorRequired: true, mfaToken: expect.any(String) });
    expect(first.body.accessToken).toBeUndefined();
    const pending = system.anonymous.as(first.body.mfaToken);
    expect((await pending.get('/api/auth/me')).status).toBe(401);
    expect((await pending.post('/api/auth/totp', { code: '123456' })).status).toBe(400);
    // The confirming code's time step is spent (one use per code); the next step's code is within the tolerance.
    const code = await generate({ secret: enrolment.body.secret, step: 1 });
    const second = await pending.post('/api/auth/totp', { code });
    expect(second.status).toBe(200);
    expect((await system.anonymous.as(second.body.accessToken).get('/api/auth/me')).body.username).toBe('dir.totp');
    // The pending token is spent, and the code cannot be replayed.
    expect((await pending.post('/api/auth/totp', { code })).status).toBe(401);
    const again = await system.anonymous.post('/api/auth/login', { username: 'dir.totp', password: 'saffron-kettle-meadow-77' });
    expect((await system.anonymous.as(again.body.mfaToken).post('/api/auth/totp', { code })).status).toBe(400);
    expect(await auditCount(system, 'auth.totp_enabled')).toBe(1);
    expect(await auditCount(system, 'auth.totp_failed')).toBeGreaterThanOrEqual(2);
  });

  it('audits a flood of forged and revoked tokens as a few counted events per source and window, not one each', async () => {
    const flood = 400;
    const revoked = await system.anonymous.login('admin', system.environment.env.ADMIN_PASSWORD);
    expect((await revoked.post('/api/auth/logout')).status).toBeLessThan(300);
    const forged = ['not-a-jwt', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.', `${'a'.repeat(36)}.${'b'.repeat(60)}.${'c'.repeat(43)}`];
    const lastSeq = () => withDatabase(system.environment.databaseUrl!, async (db) => Number((await db.query('SELECT coalesce(max(seq), 0) AS n FROM audit_events')).rows[0].n));
    const before = await lastSeq();
    // Start on a fresh window: an earlier test's refusals from this address share the window's key (their first
    // event, and so their summary, belong to that earlier moment), which made the sum depend on the timing.
    await new Promise((resolve) => setTimeout(resolve, 2000 - (Date.now() % 2000) + 50));
    const startedAt = Date.now();
    const firstWindow = new Date(Math.floor(startedAt / 2000) * 2000).toISOString();
    const statuses: number[] = [];
    for (let batch = 0; batch < flood / 20; batch++) {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 4 === 0 ? revoked : system.anonymous.as(forged[i % forged.length])).get('/api/auth/me')));
      statuses.push(...answers.map((a) => a.status));
    }
    const windows = Math.floor(Date.now() / 2000) - Math.floor(startedAt / 2000) + 1;
    // Every request refused first: an accepted revoked token would otherwise show only as a short count below.
    expect(tally(statuses)).toEqual({ 401: flood });
    // The last window's summary is written once that window has closed.
    const events = await eventually(
      () => withDatabase(system.environment.databaseUrl!, async (db) => (await db.query(`SELECT details FROM audit_events WHERE seq > $1 AND action = 'auth.token_rejected'`, [before])).rows.map((r: { details: unknown }) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as { count: number; reason: string; summary?: boolean; windowStart: string }).filter((e) => e.windowStart >= firstWindow)),
      (rows) => rows.reduce((n, r) => n + r.count, 0) === flood,
      15_000,
    );
    const reasons = new Set(events.map((e) => e.reason));
    process.stdout.write(`refused-token flood: ${flood} requests (${JSON.stringify(tally(statuses))}) over ${windows} two-second windows audited as ${events.length} events (${events.filter((e) => e.summary).length} summaries), counts summing to ${events.reduce((n, r) => n + r.count, 0)}\n`);
    expect(tally(statuses)).toEqual({ 401: flood });
    // At most a first event and a summary per reason and window, from one source.
    expect(events.length).toBeLessThanOrEqual(2 * reasons.size * windows);
    expect(events.length).toBeLessThan(flood / 10);
    expect(await lastSeq()).toBeLessThan(before + flood / 10);
  });

  it('locks an address that guesses across many accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) statuses.push((await system.anonymous.post('/api/auth/login', { username: `spray.${i}`, password: 'Summer2026!' })).status);
    process.stdout.write(`password spraying: 70 accounts from one address answered ${JSON.stringify(tally(statuses))}\n`);
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
    const lastBody = (await system.anonymous.post('/api/auth/login', { username: 'spray.x', password: 'Summer2026!' })).body;
    expect(lastBody.message).toMatch(/from this address/);
  });
});

describe('start-up refuses weak or default secrets', () => {
  it.each([
    ['JWT_SECRET', 'change-me-change-me-change-me-change-me', /JWT_SECRET looks like a placeholder/],
    ['JWT_SECRET', 'Ab1'.repeat(16), /JWT_SECRET is not random/],
    ['RECORDS_KEYS', `k1:${Buffer.alloc(32).toString('base64')}`, /RECORDS_KEYS key k1 is not random/],
    ['ADMIN_PASSWORD', 'password1234', /ADMIN_PASSWORD/],
  ])('refuses %s = %s', (name, value, message) => {
    const env = { ...process.env, JWT_SECRET: 'f3a9c1d7e5b2a8c4d6e0f1a3b5c7d9e2f4a6b8c0', RECORDS_KEYS: `k1:${Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256)).toString('base64')}`, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'admin-password-for-tests', PORT: '0', [name]: value };
    const result = spawnSync(process.execPath, [join(__dirname, '../../dist/apps/api/src/main.js')], { env, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/cannot start/);
    expect(result.stderr).toMatch(message);
  });
});
