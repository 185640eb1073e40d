import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredFile {
  sha256: string;
  bytes: number;
}

/**
 * Files addressed by the SHA-256 of their bytes: uploads and productions are written once, never
 * overwritten, and a checksum always names exactly one content.
 */
export class ContentStore {
  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** A fresh temporary path inside the store, on the same file system so the final rename is atomic. */
  async tempPath(): Promise<string> {
    const dir = join(this.root, 'tmp');
    await mkdir(dir, { recursive: true });
    return join(dir, randomUUID());
  }

  /** Streams `source` into the store, hashing as it goes; memory stays flat for any size. */
  async put(source: Readable, maxBytes = Number.POSITIVE_INFINITY): Promise<StoredFile> {
    const temp = await this.tempPath();
    const hash = createHash('sha256');
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > maxBytes) return done(new FileTooLargeError(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(temp));
      return await this.adopt(temp, hash.digest('hex'), bytes);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** Moves a finished temporary file (whose digest the caller computed) to its content address. */
  async adopt(tempPath: string, sha256: string, bytes: number): Promise<StoredFile> {
    const target = this.pathOf(sha256);
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    await rename(tempPath, target);
    return { sha256, bytes };
  }

  open(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(() => true, () => false);
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}
