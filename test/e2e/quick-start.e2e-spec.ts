import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, eventually } from '../support/api-client';
import { freePort } from '../support/private-services';

jest.setTimeout(240_000);

const ROOT = join(__dirname, '../..');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `npm start` as a user runs it (its own data dir and a private redis-server), supervised processes and all. */
describe('the quick start (scripts/start.js)', () => {
  let dir: string;
  let start: ChildProcess;
  let output = '';
  let api: ApiClient;

  const pidOf = (name: string) => {
    const matches = [...output.matchAll(new RegExp(`\\[custodian\\] ${name} started \\(pid (\\d+)\\)`, 'g'))];
    return Number(matches[matches.length - 1]?.[1]);
  };
  const startsOf = (name: string) => [...output.matchAll(new RegExp(`\\[custodian\\] ${name} started`, 'g'))].length;
  const health = () => api.get('/health').catch(() => ({ status: 0, body: {} as Record<string, any>, headers: new Headers() }));

  /** Runs start.js on the test's data dir and waits until it is healthy; `output` then holds this run's lines. */
  async function launch(port: number): Promise<void> {
    const env: Record<string, string> = { ...(process.env as Record<string, string>), CUSTODIAN_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', STALLED_INTERVAL_MS: '2000', JOB_LOCK_MS: '4000' };
    delete env.REDIS_URL;
    delete env.DATABASE_URL;
    output = '';
    start = spawn(process.execPath, [join(ROOT, 'scripts/start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    start.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(async () => output, (text) => /Custodian is running at/.test(text) || start.exitCode !== null, 120_000, 200);
    if (start.exitCode !== null) throw new Error(`start.js exited:\n${output.slice(-3000)}`);
    api = new ApiClient(`http://127.0.0.1:${port}`);
    await eventually(health, (h) => h.status === 200, 60_000, 250);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'custodian-quickstart-'));
    await launch(await freePort());
  });
  afterAll(async () => {
    if (start && start.exitCode === null) {
      start.kill('SIGTERM');
      await new Promise((resolve) => start.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(ROOT, 'test-artifacts/logs'), { recursive: true });
    writeFileSync(join(ROOT, 'test-artifacts/logs/quick-start.log'), output);
  });

  it('restarts a killed worker without touching the API, and health reports the missing worker meanwhile', async () => {
    const apiPid = pidOf('api');
    const workerPid = pidOf('worker');
    process.kill(workerPid, 'SIGKILL');
    // With no worker on its queues the product is degraded, and says so, while the API keeps answering.
    const degraded = await eventually(health, (h) => h.status === 503 && h.body.workers?.missing?.length === 8, 30_000, 100);
    expect(degraded.body.status).toBe('degraded');
    await eventually(async () => startsOf('worker'), (n) => n === 2, 30_000, 100);
    await eventually(health, (h) => h.status === 200, 60_000, 250);
    expect(pidOf('worker')).not.toBe(workerPid);
    expect(pidOf('api')).toBe(apiPid);
    expect(alive(apiPid)).toBe(true);
  });

  it('restarts a killed API and a killed private Redis, each on its own', async () => {
    const workerPid = pidOf('worker');
    process.kill(pidOf('api'), 'SIGKILL');
    await eventually(async () => startsOf('api'), (n) => n === 2, 30_000, 100);
    await eventually(health, (h) => h.status === 200, 60_000, 250);
    process.kill(pidOf('redis-server'), 'SIGKILL');
    await eventually(async () => startsOf('redis-server'), (n) => n === 2, 30_000, 100);
    await eventually(health, (h) => h.status === 200, 60_000, 250);
    expect(pidOf('worker')).toBe(workerPid);
    expect(alive(workerPid)).toBe(true);
    expect(output).toMatch(/api exited \(SIGKILL\); restarting it in 1 s — the other processes keep running/);
  });

  /** The first admin's password, generated once into the data dir by the first start. */
  const adminPassword = () => /^ADMIN_PASSWORD=(.*)$/m.exec(readFileSync(join(dir, 'quickstart.env'), 'utf8'))![1];
  const KEPT_USER = { username: 'clerk.kept', displayName: 'Kept Across Restarts', title: 'Records Clerk', roles: ['clerk'], password: 'correct-horse-battery' };

  it('stops every process gracefully on SIGTERM', async () => {
    // Written before the stop, looked for after the next start.
    const admin = await api.login('admin', adminPassword());
    expect((await admin.post('/api/users', KEPT_USER)).status).toBe(201);
    const pids = ['api', 'worker', 'redis-server'].map(pidOf);
    start.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => start.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
    expect(output).toMatch(/\[custodian\] stopped/);
    expect(output).not.toMatch(/did not stop in/);
  });

  it('starts again on the same data dir: same secrets and admin, what was written before, all processes healthy', async () => {
    await launch(await freePort());
    expect(output).not.toMatch(/fresh secrets|compiling|building/);
    const admin = await api.login('admin', adminPassword());
    const users = (await admin.get('/api/users')).body as { items: { username: string }[] };
    expect(users.items.map((user) => user.username)).toContain(KEPT_USER.username);
    expect(await api.login(KEPT_USER.username, KEPT_USER.password)).toBeInstanceOf(ApiClient);
    expect((await health()).body).toMatchObject({ status: 'ok', database: { ok: true }, redis: { ok: true }, workers: { missing: [] } });
  });
});
