import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** Bytes gathered before they are written: pdfkit pushes every object in several small chunks. */
const WRITE_BYTES = 64 * 1024;

/**
 * Forwards a pdfkit document's bytes to `out`, hashing and counting them on the way, written in batches of 64 KB (a
 * write per pdfkit chunk cost more than the chunk). pdfkit pushes regardless of back-pressure, so the renderer calls
 * `relieve()` between rows: it writes what is gathered, waits for `out` to drain when its buffer is full and yields
 * to the event loop so buffered chunks flow. Memory then stays bounded by `out`'s buffer.
 */
export class HashingSink {
  private readonly hash = createHash('sha256');
  private written = 0;
  private blocked = false;
  private failure: unknown = null;
  private readonly ended: Promise<void>;
  private gathered: Buffer[] = [];
  private gatheredBytes = 0;

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
      this.gathered.push(chunk);
      this.gatheredBytes += chunk.length;
      // Fonts are embedded in one burst at the end: written as they come once a batch is full.
      if (this.gatheredBytes >= 16 * WRITE_BYTES) this.write();
    });
  }

  private write(): void {
    if (!this.gatheredBytes) return;
    const batch = this.gathered.length === 1 ? this.gathered[0] : Buffer.concat(this.gathered, this.gatheredBytes);
    this.gathered = [];
    this.gatheredBytes = 0;
    if (!this.out.write(batch)) this.blocked = true;
  }

  get bytes(): number {
    return this.written;
  }

  async relieve(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.gatheredBytes >= WRITE_BYTES) this.write();
    if (this.blocked) {
      this.blocked = false;
      await once(this.out, 'drain');
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Call after doc.end(): resolves once every byte is written and `out` has finished. */
  async finish(): Promise<{ sha256: string; bytes: number }> {
    await this.ended;
    this.write();
    this.out.end();
    await finished(this.out);
    if (this.failure) throw this.failure;
    return { sha256: this.hash.digest('hex'), bytes: this.written };
  }
}
