import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const LOG_DIR = join(ROOT, 'test-artifacts/logs');

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait; SIGKILL if it does not exit in time. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would. */
  kill(): Promise<void>;
}

function start(entry: string, env: Record<string, string>, ready: RegExp, logName: string, timeoutMs = 90_000): Promise<RunningProcess & { match: RegExpMatchArray }> {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(join(LOG_DIR, `${logName}.log`), { flags: 'a' });
  const child = spawn(process.execPath, [join(ROOT, entry)], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const handle: RunningProcess = {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      log.end();
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void handle.kill();
      reject(new Error(`${entry} did not become ready in ${timeoutMs} ms:\n${output.slice(-3000)}`));
    }, timeoutMs);
    const check = () => {
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve({ ...handle, match });
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before it was ready:\n${output.slice(-3000)}`));
    });
  });
}

export async function startApi(env: Record<string, string>, logName: string): Promise<RunningProcess & { baseUrl: string }> {
  const running = await start('dist/apps/api/src/main.js', env, /api listening on (http:\/\/[\d.]+:\d+)/, `${logName}-api`);
  return { ...running, baseUrl: running.match[1] };
}

export async function startWorker(env: Record<string, string>, logName: string): Promise<RunningProcess> {
  return start('dist/apps/worker/src/main.js', env, /worker ready/, `${logName}-worker`);
}
