import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Fault tests take Redis or PostgreSQL down. They never touch the shared services: each starts its own
 * server on a free port with its data in a temp dir, stops and restarts it, and removes it at the end.
 */

/** The kernel's range of ephemeral ports: every listen(0) and outgoing connection on this machine takes one from it. */
function ephemeralPortRange(): { low: number; high: number } {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low > 0 && high >= low) return { low, high };
  } catch {
    // not Linux: the IANA range most systems use
  }
  return { low: 49152, high: 65535 };
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free port below the ephemeral range. A private server is stopped and restarted on the same port, and while it
 * is down a port from the ephemeral range can be taken by any process: an API of a parallel test listening on
 * port 0, or the source port of any outgoing connection (then the restarted server cannot bind, or the test talks
 * to another program).
 */
export async function freePort(): Promise<number> {
  const { low } = ephemeralPortRange();
  const floor = Math.max(1024, low - 16384);
  for (let attempt = 0; attempt < 100 && low - floor > 1; attempt++) {
    const port = floor + Math.floor(Math.random() * (low - floor));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port below the ephemeral range (${low})`);
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The process id the Redis server on the port reports, or null if nothing there answers as Redis does. */
function redisPid(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const done = (pid: number | null) => {
      socket.destroy();
      resolve(pid);
    };
    socket.setTimeout(2000, () => done(null));
    socket.once('connect', () => socket.write('INFO server\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      const pid = /\r\nprocess_id:(\d+)\r\n/.exec(reply);
      if (pid) done(Number(pid[1]));
      else if (!reply.startsWith('$')) done(null);
    });
    socket.once('error', () => done(null));
    socket.once('end', () => done(null));
  });
}

const execFileAsync = promisify(execFile);

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A private redis-server with AOF fsynced on every write, so a kill loses nothing it acknowledged (as in production). */
export class PrivateRedis {
  private child?: ChildProcess;

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(), mkdtempSync(join(tmpdir(), 'custodian-redis-')));
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
    this.child = child;
    // Up when the server on the port is this child: something else answering there is not our Redis.
    await waitFor(async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`redis-server exited before it served port ${this.port} (another process holds the port?)`);
      return (await redisPid(this.port)) === child.pid;
    }, `redis-server on ${this.port}`);
  }

  /** SIGKILL: as a crash or an OOM kill would stop it. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGKILL');
    await exited(child);
    this.child = undefined;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child) {
      child.kill('SIGTERM');
      await exited(child);
      this.child = undefined;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The PostgreSQL server binaries of the newest installed major version, if any. */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

/**
 * A private PostgreSQL cluster (initdb + pg_ctl) in a temp dir on a free port. PostgreSQL refuses to run as
 * root, so when the tests run as root the cluster belongs to the `postgres` OS user and is driven through runuser.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly bin: string,
    private readonly asUser: string | null,
  ) {}

  /** Why a private cluster cannot be made here, or null if it can. */
  static unavailableReason(): string | null {
    if (!postgresBin()) return 'no PostgreSQL server binaries under /usr/lib/postgresql/*/bin';
    if (process.getuid?.() === 0) {
      try {
        execFileSync('id', ['postgres'], { stdio: 'ignore' });
      } catch {
        return 'running as root and there is no postgres OS user to own a cluster';
      }
    }
    return null;
  }

  static async start(): Promise<PrivatePostgres> {
    const bin = postgresBin()!;
    const dir = mkdtempSync(join(tmpdir(), 'custodian-pg-'));
    const asUser = process.getuid?.() === 0 ? 'postgres' : null;
    if (asUser) {
      chmodSync(dir, 0o777);
      execFileSync('chown', [asUser, dir]);
    }
    const pg = new PrivatePostgres(await freePort(), dir, bin, asUser);
    try {
      await pg.run('initdb', ['-D', pg.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
      await pg.up();
    } catch (error) {
      await pg.stop();
      throw error;
    }
    return pg;
  }

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Runs a PostgreSQL tool (as the cluster's owner); asynchronous, so the test's own requests keep flowing meanwhile. */
  private async run(tool: string, args: string[]): Promise<void> {
    const command = join(this.bin, tool);
    if (this.asUser) await execFileAsync('runuser', ['-u', this.asUser, '--', command, ...args]);
    else await execFileAsync(command, args);
  }

  async up(): Promise<void> {
    // fsync off: the cluster lives for one test; an immediate stop is a postmaster crash, not a power cut, so the
    // WAL replay at the next start still brings back every commit.
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.dir} -c fsync=off -c max_connections=60`;
    await this.run('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', join(this.dir, 'server.log'), '-w', '-t', '60', 'start']);
    await waitFor(() => portAnswers(this.port), `PostgreSQL on ${this.port}`);
  }

  /** Immediate shutdown: connections are cut as in a crash; committed data survives. */
  async down(): Promise<void> {
    await this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', '-t', '60', 'stop']);
  }

  async stop(): Promise<void> {
    await this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']).catch(() => undefined); // already stopped
    rmSync(this.dir, { recursive: true, force: true });
  }
}
