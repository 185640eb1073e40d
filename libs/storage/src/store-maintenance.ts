import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ContentStore, FILE_MODE } from './content-store';
import { FileEnvelope, SealedFileError, SealedFileProblem, isSealed } from './file-envelope';

export interface ResealReport {
  /** Files found at a content address. */
  files: number;
  /** Plaintext files from before encryption at rest, sealed now (their digest matched their address). */
  sealed: number;
  /** Files whose data key was wrapped by an older key, re-wrapped with the active one. */
  rewrapped: number;
  /** Already sealed with the active key. */
  current: number;
  /** Files left as they were, with the reason (they fail closed when read). */
  problems: { sha256: string; problem: SealedFileProblem | 'plaintext_digest_mismatch'; message: string }[];
}

const MAX_HEADER_BYTES = 256;

/**
 * `npm run storage:reseal`: brings every stored file under the active key (decision 0051).
 * - A file sealed with an older key gets a new header (its data key wrapped by the active key); the body is copied
 *   unchanged, so this costs one sequential copy and no re-encryption.
 * - A plaintext file from before encryption at rest (dev and demo data) is sealed, but only when its SHA-256 still
 *   matches its address; one that does not is reported and left, and reading it fails closed.
 * Every rewrite goes to a scratch file and is renamed over the old one. Modes are tightened on the way.
 */
export async function resealStore(store: ContentStore, envelope: FileEnvelope): Promise<ResealReport> {
  const report: ResealReport = { files: 0, sealed: 0, rewrapped: 0, current: 0, problems: [] };
  await store.prepare();
  for (const sha256 of await storedAddresses(store.root)) {
    report.files++;
    const path = store.pathOf(sha256);
    await chmod(path, FILE_MODE);
    const head = await readHead(path);
    try {
      if (!isSealed(head)) {
        if ((await digestOf(createReadStream(path))) !== sha256) {
          report.problems.push({ sha256, problem: 'plaintext_digest_mismatch', message: 'an unsealed file whose content does not match its address; left as it is' });
          continue;
        }
        await store.commit(await store.sealToTemp(createReadStream(path)));
        report.sealed++;
        continue;
      }
      const header = envelope.readHeader(head);
      if (!header) throw new SealedFileError('truncated', 'the sealed file ends inside its header');
      if (header.keyId === envelope.activeKeyId) {
        report.current++;
        continue;
      }
      await rewrap(store, envelope, path, head.subarray(0, header.length));
      report.rewrapped++;
    } catch (error) {
      if (!(error instanceof SealedFileError)) throw error;
      report.problems.push({ sha256, problem: error.problem, message: error.message });
    }
  }
  return report;
}

async function rewrap(store: ContentStore, envelope: FileEnvelope, path: string, oldHeader: Buffer): Promise<void> {
  const header = envelope.rewrapHeader(oldHeader);
  const temp = await store.sealedTempPath();
  try {
    const body = createReadStream(path, { start: oldHeader.length });
    await pipeline(
      (async function* () {
        yield header;
        yield* body;
      })(),
      createWriteStream(temp, { flags: 'w', mode: FILE_MODE }),
    );
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function storedAddresses(root: string): Promise<string[]> {
  const addresses: string[] = [];
  for (const shard of await readdir(root).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of await readdir(join(root, shard))) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(shard)) addresses.push(name);
    }
  }
  return addresses.sort();
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(MAX_HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_HEADER_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function digestOf(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
