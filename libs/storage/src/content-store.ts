import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Transform, Writable, pipeline as pipelineCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileEnvelope, FileSealingKey, SealedFileError } from './file-envelope';

export interface StoredFile {
  /** SHA-256 of the plaintext: what a requester who receives the file can check (decision 0051). */
  sha256: string;
  /** Plaintext length. */
  bytes: number;
}

/** A file sealed into the store's scratch directory, not yet at its address. */
export interface SealedTemp extends StoredFile {
  path: string;
  /** The plaintext's first bytes, when asked for (to sniff an upload's type without a plaintext copy on disk). */
  head: Buffer;
}

export const DIRECTORY_MODE = 0o700;
export const FILE_MODE = 0o600;
const SCRATCH = 'tmp';
const PARTIAL = '.partial';
/** A scratch file older than this is swept even if a process with its pid runs (the pid may have been reused). */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Files addressed by the SHA-256 of their plaintext, each sealed at rest with AES-256-GCM under its own data key
 * (`FileEnvelope`). Files are 0600 in 0700 directories, written to the scratch directory first and renamed into
 * place (atomic on one file system), never overwritten with other content. Reading authenticates every segment;
 * `openVerified` checks the whole file (and its digest) before a byte is handed out.
 */
export class ContentStore {
  private readonly renderScratch: string;

  constructor(
    readonly root: string,
    private readonly envelope: FileEnvelope,
    /** Where `tempPath` files go; sealed scratch files always stay in the store's own `tmp/` (same file system, so the rename is atomic). */
    options: { renderScratch?: string } = {},
  ) {
    this.renderScratch = options.renderScratch ?? join(root, SCRATCH);
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /**
   * A fresh scratch file (empty, 0600) and a data key to seal it with, for a renderer that writes by path in a
   * worker thread (`sealingStream(key)` in front of the file): sealed from its first byte, never plaintext on disk.
   * `adoptSealed` moves it into the store; the caller removes it on failure, `sweepPartials` when its process died.
   */
  async renderTarget(): Promise<{ path: string; key: FileSealingKey }> {
    const path = await this.scratchName('render', this.renderScratch);
    await writeFile(path, '', { mode: FILE_MODE, flag: 'wx' });
    return { path, key: this.envelope.newFileKey() };
  }

  /** A fresh empty 0600 file in the store's own scratch directory, for sealed bytes that are then renamed into place. */
  async sealedTempPath(): Promise<string> {
    const path = await this.scratchName('sealed');
    await writeFile(path, '', { mode: FILE_MODE, flag: 'wx' });
    return path;
  }

  /** Streams `source` into the store, sealing and hashing as it goes; memory stays flat for any size. */
  async put(source: Readable, maxBytes = Number.POSITIVE_INFINITY): Promise<StoredFile> {
    return this.commit(await this.sealToTemp(source, { maxBytes }));
  }

  /**
   * Seals `source` into a scratch file and reports its plaintext digest and size. `commit` moves it to its address;
   * on any failure nothing is left behind. `headBytes` of the plaintext are kept in memory for the caller.
   */
  async sealToTemp(source: Readable, options: { maxBytes?: number; headBytes?: number } = {}): Promise<SealedTemp> {
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    const headBytes = options.headBytes ?? 0;
    const path = await this.scratchName('sealed');
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let kept = 0;
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > maxBytes) return done(new FileTooLargeError(maxBytes));
        hash.update(chunk);
        if (kept < headBytes) {
          head.push(chunk.subarray(0, headBytes - kept));
          kept += Math.min(chunk.length, headBytes - kept);
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, this.envelope.sealStream(), createWriteStream(path, { flags: 'wx', mode: FILE_MODE }));
      return { path, sha256: hash.digest('hex'), bytes, head: Buffer.concat(head) };
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  /** Moves a sealed scratch file to its content address (a rename: readers see all of it or nothing). */
  async commit(temp: SealedTemp): Promise<StoredFile> {
    await this.directory(join(this.root, temp.sha256.slice(0, 2)));
    await rename(temp.path, this.pathOf(temp.sha256));
    return { sha256: temp.sha256, bytes: temp.bytes };
  }

  /**
   * Takes a finished sealed scratch file (from `renderTarget`) into the store as it is, without sealing it again:
   * the whole file is authenticated and its plaintext digest and size checked against what the renderer computed
   * (a file changed or cut short after rendering is refused), then it is renamed to its address. From a render
   * directory on another file system it is first copied, still sealed, into the store's own scratch directory.
   */
  async adoptSealed(path: string, sha256: string, bytes: number): Promise<StoredFile> {
    const hash = createHash('sha256');
    let plaintextBytes = 0;
    const measure = new Writable({ write: (chunk: Buffer, _encoding, done) => ((plaintextBytes += chunk.length), hash.update(chunk), done()) });
    await pipeline(createReadStream(path), this.envelope.unsealStream(), measure);
    const actual = hash.digest('hex');
    if (actual !== sha256 || plaintextBytes !== bytes) {
      throw new Error(`the file to store is not the one rendered (SHA-256 ${actual}, ${plaintextBytes} bytes; expected ${sha256}, ${bytes} bytes)`);
    }
    await this.directory(join(this.root, sha256.slice(0, 2)));
    try {
      await rename(path, this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      const inStore = await this.sealedTempPath();
      try {
        await copyFile(path, inStore);
        await rename(inStore, this.pathOf(sha256));
      } finally {
        await rm(inStore, { force: true });
      }
      await rm(path, { force: true });
    }
    return { sha256, bytes };
  }

  /**
   * Hands `produce` a stream to write plaintext into (it must end it, as the PDF writers do) and seals it straight
   * into the store: no plaintext reaches the disk.
   */
  async write<T>(produce: (out: Writable) => Promise<T>): Promise<{ stored: StoredFile; result: T }> {
    const input = new PassThrough();
    // The sealing pipeline reports the stream's failure; this keeps a failure before it is attached from being unhandled.
    input.on('error', () => undefined);
    const sealing = this.sealToTemp(input);
    let result: T;
    try {
      result = await produce(input);
    } catch (error) {
      input.destroy(error as Error);
      await sealing.then((temp) => rm(temp.path, { force: true }), () => undefined);
      throw error;
    }
    return { stored: await this.commit(await sealing), result };
  }

  /**
   * The plaintext, streamed: each segment is authenticated before it is released, and a failing one ends the
   * stream with a SealedFileError. Use `openVerified` to serve a file to a person.
   */
  open(sha256: string): Readable {
    const unseal = this.envelope.unsealStream();
    return pipelineCallback(createReadStream(this.pathOf(sha256)), unseal, () => undefined);
  }

  /**
   * Authenticates the whole file and checks its plaintext digest against its address, then opens it: a file that
   * was altered, cut short or sealed with an unknown key is refused before a single byte is served.
   */
  async openVerified(sha256: string): Promise<Readable> {
    await this.verify(sha256);
    return this.open(sha256);
  }

  /** Throws a SealedFileError unless the file opens whole and its plaintext has the digest it is stored under. */
  async verify(sha256: string): Promise<void> {
    const hash = createHash('sha256');
    await pipeline(this.open(sha256), new Writable({ write: (chunk: Buffer, _encoding, done) => (hash.update(chunk), done()) }));
    const actual = hash.digest('hex');
    if (actual !== sha256) throw new SealedFileError('digest_mismatch', `the stored file's content does not match its address (SHA-256 ${actual}); it is not served`);
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(() => true, () => false);
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /** Creates the store's directories 0700 and tightens them if an older version made them wider. */
  async prepare(): Promise<void> {
    await this.directory(this.root);
    await this.directory(join(this.root, SCRATCH));
    await this.directory(this.renderScratch);
  }

  /**
   * Removes scratch files (partial renders, half-sealed uploads) that no running process is writing: those of a
   * process on this host that is gone (or an earlier process with this pid, as in a restarted container), and those
   * of another host untouched for an hour; any older than a day regardless. Another worker's or the API's files stay.
   */
  async sweepPartials(now = Date.now()): Promise<string[]> {
    const removed: string[] = [];
    for (const scratch of new Set([join(this.root, SCRATCH), this.renderScratch])) {
      for (const name of await readdir(scratch).catch(() => [] as string[])) {
        const path = join(scratch, name);
        const info = await stat(path).catch(() => null);
        if (!info || isWrittenByLiveProcess(name, now - info.mtimeMs)) continue;
        await rm(path, { force: true, recursive: true });
        removed.push(name);
      }
    }
    return removed;
  }

  private async scratchName(kind: string, scratch = join(this.root, SCRATCH)): Promise<string> {
    await this.directory(scratch);
    return join(scratch, `${OWNER}-${kind}-${randomUUID()}${PARTIAL}`);
  }

  private async directory(path: string): Promise<void> {
    await mkdir(path, { recursive: true, mode: DIRECTORY_MODE });
    await chmod(path, DIRECTORY_MODE);
  }
}

/** Who writes a scratch file: pid, this process's start (pids repeat across container restarts) and host. */
const BOOT = randomBytes(4).toString('hex');
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const OWNER = scratchOwner(process.pid, BOOT);
const OWNER_PATTERN = /^p(\d+)_([0-9a-f]{8})_([0-9a-f]{8})-/;
const QUIET_FOR_MS = 60 * 60 * 1000;

/** The prefix naming who writes a scratch file (exported for tests that plant a dead process's partial file). */
export function scratchOwner(pid: number, boot: string): string {
  return `p${pid}_${boot}_${HOST}`;
}

function isWrittenByLiveProcess(name: string, ageMs: number): boolean {
  if (ageMs > ABANDONED_AFTER_MS) return false;
  const owner = OWNER_PATTERN.exec(name);
  if (!owner) return false;
  const [, pid, boot, host] = owner;
  if (host !== HOST) return ageMs < QUIET_FOR_MS;
  if (Number(pid) === process.pid) return boot === BOOT;
  return processRuns(Number(pid));
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}
