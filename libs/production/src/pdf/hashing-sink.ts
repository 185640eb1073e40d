import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * Forwards a pdfkit document's bytes to `out`, hashing and counting them on the way. pdfkit pushes regardless of
 * back-pressure, so the renderer calls `relieve()` between rows: it waits for `out` to drain when its buffer is
 * full and yields to the event loop so buffered chunks flow. Memory then stays bounded by `out`'s buffer.
 */
export class HashingSink {
  private readonly hash = createHash('sha256');
  private written = 0;
  private blocked = false;
  private failure: unknown = null;
  private readonly ended: Promise<void>;

  constructor(
    source: Readable,
    private readonly out: Writable,
    /** Sees every chunk as it is written (the verification tap). */
    onChunk?: (chunk: Buffer) => void,
  ) {
    out.on('error', (error) => (this.failure ??= error));
    this.ended = new Promise((resolve, reject) => {
      source.on('end', resolve);
      source.on('error', reject);
    });
    source.on('data', (chunk: Buffer) => {
      this.hash.update(chunk);
      this.written += chunk.length;
      onChunk?.(chunk);
      if (!out.write(chunk)) this.blocked = true;
    });
  }

  get bytes(): number {
    return this.written;
  }

  async relieve(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.blocked) {
      this.blocked = false;
      await once(this.out, 'drain');
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Call after doc.end(): resolves once every byte is written and `out` has finished. */
  async finish(): Promise<{ sha256: string; bytes: number }> {
    await this.ended;
    this.out.end();
    await finished(this.out);
    if (this.failure) throw this.failure;
    return { sha256: this.hash.digest('hex'), bytes: this.written };
  }
}
