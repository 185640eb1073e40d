import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync, utimesSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ContentStore, FileTooLargeError } from './content-store';
import { FileEnvelope, FileSealingKey, SealedFileError, isSealed, sealingStream } from './file-envelope';
import { resealStore } from './store-maintenance';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const envelopeWith = (keys: Record<string, Buffer>, active: string) => new FileEnvelope({ keys: new Map(Object.entries(keys)), activeKeyId: active });
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const mode = (path: string) => statSync(path).mode & 0o777;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe('ContentStore', () => {
  let root: string;
  let store: ContentStore;
  beforeEach(() => {
    root = join(mkdtempSync(join(tmpdir(), 'custodian-store-')), 'storage');
    store = new ContentStore(root, envelopeWith({ k1 }, 'k1'));
  });
  afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  it('stores sealed 0600 files in 0700 directories under the SHA-256 of the plaintext, and reads the plaintext back', async () => {
    const pdf = Buffer.from('%PDF-1.7\n(Fred Waring) Tj\n%%EOF');
    const stored = await store.put(Readable.from([pdf]));
    expect(stored).toEqual({ sha256: sha(pdf), bytes: pdf.length });
    const onDisk = readFileSync(store.pathOf(stored.sha256));
    expect(isSealed(onDisk)).toBe(true);
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
    expect(onDisk.includes(Buffer.from('Waring'))).toBe(false);
    expect(mode(store.pathOf(stored.sha256))).toBe(0o600);
    expect(mode(root)).toBe(0o700);
    expect(mode(join(root, stored.sha256.slice(0, 2)))).toBe(0o700);
    expect((await readAll(store.open(stored.sha256))).equals(pdf)).toBe(true);
    expect((await readAll(await store.openVerified(stored.sha256))).equals(pdf)).toBe(true);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('never serves an altered file: openVerified refuses before handing out a byte', async () => {
    const big = randomBytes(300_000);
    const stored = await store.put(Readable.from([big]));
    const path = store.pathOf(stored.sha256);
    const sealed = readFileSync(path);
    sealed[sealed.length - 100] ^= 0x01; // in the last segment: a streaming reader would already have sent the rest
    writeFileSync(path, sealed);
    await expect(store.openVerified(stored.sha256)).rejects.toThrow(SealedFileError);
    await expect(store.openVerified(stored.sha256)).rejects.toThrow(/failed authentication/);
    await expect(readAll(store.open(stored.sha256))).rejects.toThrow(SealedFileError);
  });

  it('refuses a sealed file moved to another address', async () => {
    const a = await store.put(Readable.from([Buffer.from('instrument A')]));
    const b = await store.put(Readable.from([Buffer.from('instrument B')]));
    renameSync(store.pathOf(a.sha256), store.pathOf(b.sha256));
    await expect(store.openVerified(b.sha256)).rejects.toMatchObject({ problem: 'digest_mismatch' });
  });

  it('refuses a plaintext file from before, with what to do', async () => {
    const old = Buffer.from('%PDF-1.4 demo production');
    mkdirSync(join(root, sha(old).slice(0, 2)), { recursive: true });
    writeFileSync(store.pathOf(sha(old)), old);
    await expect(store.openVerified(sha(old))).rejects.toMatchObject({ problem: 'not_sealed', message: expect.stringMatching(/storage:reseal/) });
  });

  /** Writes `plaintext` into a render target as a render thread does: through `sealingStream` with the target's key. */
  async function renderSealed(target: { path: string; key: FileSealingKey }, plaintext: Buffer): Promise<void> {
    await pipeline(Readable.from([plaintext]), sealingStream(target.key), createWriteStream(target.path));
  }

  it('adopts a render sealed from its first byte as it is: renamed into place, readable, not sealed twice', async () => {
    const target = await store.renderTarget();
    expect(mode(target.path)).toBe(0o600);
    expect(mode(join(root, 'tmp'))).toBe(0o700);
    const pdf = Buffer.from('%PDF-1.7 rendered for Quintanilla');
    await renderSealed(target, pdf);
    const onDisk = readFileSync(target.path);
    expect(isSealed(onDisk)).toBe(true);
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
    expect(onDisk.includes(Buffer.from('Quintanilla'))).toBe(false);
    expect(mode(target.path)).toBe(0o600);
    await store.adoptSealed(target.path, sha(pdf), pdf.length);
    expect(existsSync(target.path)).toBe(false);
    // The very bytes the renderer sealed, not a second sealing (which would have a fresh data key and header).
    expect(readFileSync(store.pathOf(sha(pdf))).equals(onDisk)).toBe(true);
    expect((await readAll(await store.openVerified(sha(pdf)))).equals(pdf)).toBe(true);
  });

  it('refuses to adopt a render whose plaintext is not what the renderer reported, cut short or not sealed', async () => {
    const pdf = Buffer.from('%PDF-1.7 rendered');
    const changed = await store.renderTarget();
    await renderSealed(changed, Buffer.from('changed after rendering'));
    await expect(store.adoptSealed(changed.path, sha(pdf), pdf.length)).rejects.toThrow(/not the one rendered/);
    const short = await store.renderTarget();
    await renderSealed(short, pdf);
    writeFileSync(short.path, readFileSync(short.path).subarray(0, -5));
    await expect(store.adoptSealed(short.path, sha(pdf), pdf.length)).rejects.toThrow(SealedFileError);
    const plain = await store.renderTarget();
    writeFileSync(plain.path, pdf);
    await expect(store.adoptSealed(plain.path, sha(pdf), pdf.length)).rejects.toMatchObject({ problem: 'not_sealed' });
    expect(await store.exists(sha(pdf))).toBe(false);
    expect(readdirSync(join(root, 'tmp')).sort()).toEqual([changed, short, plain].map((t) => basename(t.path)).sort());
  });

  it('renders in a separate scratch directory when one is set (e.g. a memory file system), and sweeps it too', async () => {
    const scratch = join(root, '..', 'render-scratch');
    const separate = new ContentStore(root, envelopeWith({ k1 }, 'k1'), { renderScratch: scratch });
    await separate.prepare();
    expect(mode(scratch)).toBe(0o700);
    const target = await separate.renderTarget();
    expect(target.path.startsWith(scratch)).toBe(true);
    const pdf = Buffer.from('%PDF-1.7 rendered off the store');
    await renderSealed(target, pdf);
    await separate.adoptSealed(target.path, sha(pdf), pdf.length);
    expect(readdirSync(scratch)).toEqual([]);
    expect((await readAll(await separate.openVerified(sha(pdf)))).equals(pdf)).toBe(true);
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const leftOver = join(scratch, basename((await separate.renderTarget()).path).replace(/^p\d+_/, `p${deadPid}_`));
    writeFileSync(leftOver, 'sealed partial');
    expect(await separate.sweepPartials()).toContain(basename(leftOver));
  });

  const memoryFileSystem = existsSync('/dev/shm') ? it : it.skip;
  memoryFileSystem('adopts a render from another file system (/dev/shm) by copying it, still sealed, into the store', async () => {
    const scratch = mkdtempSync('/dev/shm/custodian-render-');
    try {
      const separate = new ContentStore(root, envelopeWith({ k1 }, 'k1'), { renderScratch: scratch });
      const target = await separate.renderTarget();
      const pdf = Buffer.from('%PDF-1.7 rendered in memory');
      await renderSealed(target, pdf);
      const sealed = readFileSync(target.path);
      await separate.adoptSealed(target.path, sha(pdf), pdf.length);
      expect(readdirSync(scratch)).toEqual([]);
      expect(readdirSync(join(root, 'tmp'))).toEqual([]);
      expect(readFileSync(separate.pathOf(sha(pdf))).equals(sealed)).toBe(true);
      expect(mode(separate.pathOf(sha(pdf)))).toBe(0o600);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('writes a stream straight into the store, and leaves nothing when the writer fails', async () => {
    const { stored, result } = await store.write(async (out) => {
      out.end('%PDF letter');
      return 'done';
    });
    expect(result).toBe('done');
    expect((await readAll(store.open(stored.sha256))).toString()).toBe('%PDF letter');
    await expect(store.write(async (out) => {
      out.write('%PDF half a letter');
      throw new Error('renderer failed');
    })).rejects.toThrow('renderer failed');
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    await expect(store.put(Readable.from([Buffer.alloc(20)]), 10)).rejects.toThrow(FileTooLargeError);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('sweeps partial files of processes that are gone and old ones, keeps those of running processes', async () => {
    const mine = (await store.renderTarget()).path;
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const dead = join(root, 'tmp', basename(mine).replace(/^p\d+_/, `p${deadPid}_`));
    const foreignLive = join(root, 'tmp', basename(mine).replace(/^p\d+_[0-9a-f]{8}_[0-9a-f]{8}/, 'p1_00000000_ffffffff'));
    const unnamed = join(root, 'tmp', 'something.partial');
    const ancient = join(root, 'tmp', basename(mine).replace(/-render-/, '-sealed-'));
    for (const path of [dead, foreignLive, unnamed, ancient]) writeFileSync(path, '%PDF partial', { mode: 0o600 });
    utimesSync(ancient, new Date(Date.now() - 3 * 86_400_000), new Date(Date.now() - 3 * 86_400_000));
    const removed = await store.sweepPartials();
    expect(removed.sort()).toEqual([basename(dead), basename(unnamed), basename(ancient)].sort());
    expect(readdirSync(join(root, 'tmp')).sort()).toEqual([basename(mine), basename(foreignLive)].sort());
  });

  it('reseal: seals plaintext files from before, re-wraps files of an old key, reports what it cannot vouch for', async () => {
    const legacy = Buffer.from('%PDF-1.4 demo letter for Fred Waring');
    mkdirSync(join(root, sha(legacy).slice(0, 2)), { recursive: true, mode: 0o755 });
    writeFileSync(store.pathOf(sha(legacy)), legacy, { mode: 0o644 });
    const forged = Buffer.from('%PDF not what its name says');
    const forgedAddress = sha(Buffer.from('something else'));
    mkdirSync(join(root, forgedAddress.slice(0, 2)), { recursive: true });
    writeFileSync(store.pathOf(forgedAddress), forged);
    const underOldKey = await store.put(Readable.from([Buffer.from('%PDF sealed under k1')]));

    const rotatedEnvelope = envelopeWith({ k1, k2 }, 'k2');
    const rotated = new ContentStore(root, rotatedEnvelope);
    // Before any reseal, the rotated store reads files sealed with the old key.
    expect((await readAll(await rotated.openVerified(underOldKey.sha256))).toString()).toBe('%PDF sealed under k1');

    const report = await resealStore(rotated, rotatedEnvelope);
    expect(report).toMatchObject({ files: 3, sealed: 1, rewrapped: 1, current: 0 });
    expect(report.problems).toEqual([expect.objectContaining({ sha256: forgedAddress, problem: 'plaintext_digest_mismatch' })]);
    expect(rotatedEnvelope.readHeader(readFileSync(store.pathOf(underOldKey.sha256)))!.keyId).toBe('k2');

    // The old key can now be dropped: everything opens with k2 alone.
    const onlyNew = new ContentStore(root, envelopeWith({ k2 }, 'k2'));
    expect((await readAll(await onlyNew.openVerified(sha(legacy)))).equals(legacy)).toBe(true);
    expect((await readAll(await onlyNew.openVerified(underOldKey.sha256))).toString()).toBe('%PDF sealed under k1');
    await expect(onlyNew.openVerified(forgedAddress)).rejects.toMatchObject({ problem: 'not_sealed' });

    for (const file of filesUnder(root)) {
      expect(mode(file)).toBe(0o600);
      if (file !== store.pathOf(forgedAddress)) expect(readFileSync(file).includes(Buffer.from('%PDF'))).toBe(false);
    }
    expect(mode(join(root, sha(legacy).slice(0, 2)))).toBe(0o700);
    expect(await resealStore(onlyNew, envelopeWith({ k2 }, 'k2'))).toMatchObject({ files: 3, sealed: 0, rewrapped: 0, current: 2 });
  });
});
