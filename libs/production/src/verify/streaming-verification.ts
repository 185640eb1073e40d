import { createHash } from 'node:crypto';
import type { VerificationChunk } from '../pdf/verification-tap';
import type { WithheldValue } from './leak-detector';
import { PdfByteStream, StreamedPage } from './pdf-byte-stream';
import { ProductionChecks, VerificationOptions, VerificationResult } from './verify-production';

export interface StreamingVerificationResult extends VerificationResult {
  /** SHA-256 (hex) of the bytes verified: must equal the stored file's. */
  sha256: string;
  bytes: number;
  /** Why the file could not be read as written (then `ok` is false), or null. */
  unreadable: string | null;
}

export type StreamingOptions = Omit<VerificationOptions, 'expectPresent' | 'onPage'>;

/**
 * Pages read ahead of the checks (about 130 pages are drawn while a 10k-row job's checks are read): a chunk is read
 * only while fewer wait, so at most this and one chunk's pages are held; later chunks wait unread, as all of them
 * waited before read-ahead, so memory stays bounded whatever the checks' delay.
 */
export const READ_AHEAD_PAGES = 160;

/**
 * Verification beside rendering: the renderer's bytes arrive chunk by chunk (VerificationTap) and each page is read
 * (PdfByteStream) and checked (ProductionChecks: the same leak, presence-per-script and Bates checks as
 * verifyProduction) as soon as it is complete, so a verified production takes about as long as its rendering.
 * Anything the reader cannot read fails closed.
 *
 * Given the withheld values at construction, pages are checked as they are read, and presence values must all be
 * given before the first chunk. `readingAhead()` instead reads pages while the caller is still gathering the checks
 * (the job's own reading of the records), holds them in order, and checks them once `startChecking` is called.
 * Produced values may follow while pages arrive (exemptions are applied to the result).
 */
export class StreamingVerification {
  private checks: ProductionChecks | null = null;
  private checking = false;
  private readonly queuedPages: StreamedPage[] = [];
  private readonly heldChunks: VerificationChunk[] = [];
  private readonly reader: PdfByteStream;
  private readonly hash = createHash('sha256');
  private length = 0;
  private failure: string | null = null;

  constructor(withheldValues: Iterable<WithheldValue> | null, options: StreamingOptions = {}, private readonly readAheadPages = READ_AHEAD_PAGES) {
    this.reader = new PdfByteStream((page) => (this.checking ? this.checkPage(page) : this.queuedPages.push(page)));
    if (withheldValues) {
      this.setChecks(withheldValues, options);
      this.checking = true;
    }
  }

  /** Reads pages before the checks are known; give them with `setChecks`, `exemptWithin`/`expectPresent`, then `startChecking`. */
  static readingAhead(readAheadPages = READ_AHEAD_PAGES): StreamingVerification {
    return new StreamingVerification(null, {}, readAheadPages);
  }

  /** Pages read and waiting for the checks (never more than the read-ahead bound). */
  get pagesWaiting(): number {
    return this.queuedPages.length;
  }

  setChecks(withheldValues: Iterable<WithheldValue>, options: StreamingOptions = {}): void {
    if (this.checks) throw new Error('the checks of this verification are already set');
    this.checks = new ProductionChecks(withheldValues, options);
  }

  exemptWithin(value: string): void {
    this.requireChecks().exemptWithin(value);
  }

  /** Before the first page is checked: before the first chunk, or (reading ahead) before `startChecking`. */
  expectPresent(value: string): void {
    this.requireChecks().expectPresent(value);
  }

  /** Every check is given: the pages read so far are checked in order, then the chunks that waited unread. */
  startChecking(): void {
    const checks = this.requireChecks();
    if (this.checking) return;
    this.checking = true;
    for (const page of this.queuedPages.splice(0)) this.checkPage(page, checks);
    for (const chunk of this.heldChunks.splice(0)) this.read(chunk);
  }

  chunk(chunk: VerificationChunk): void {
    this.hash.update(chunk.bytes);
    this.length += chunk.bytes.length;
    if (this.failure) return;
    if (!this.checking && (this.heldChunks.length > 0 || this.queuedPages.length >= this.readAheadPages)) this.heldChunks.push(chunk);
    else this.read(chunk);
  }

  /** After the last chunk: `ownWording` is the production's own text (ProductionResult.ownWording), exempt like produced values. */
  finish(ownWording: Iterable<string> = []): StreamingVerificationResult {
    if (!this.checking) throw new Error('the checks of this verification were never started');
    const checks = this.requireChecks();
    for (const value of ownWording) checks.exemptWithin(value);
    if (!this.failure) {
      try {
        this.reader.end();
      } catch (error) {
        this.failure = reasonOf(error);
      }
    }
    const result = checks.result();
    return { ...result, ok: result.ok && !this.failure, sha256: this.hash.digest('hex'), bytes: this.length, unreadable: this.failure };
  }

  private read(chunk: VerificationChunk): void {
    if (this.failure) return;
    try {
      this.reader.define(chunk.definitions);
      this.reader.push(chunk.bytes);
    } catch (error) {
      this.failure = reasonOf(error);
    }
  }

  private checkPage(page: StreamedPage, checks = this.requireChecks()): void {
    checks.page(page, [page.drawn]);
  }

  private requireChecks(): ProductionChecks {
    if (!this.checks) throw new Error('the withheld values of this verification are not set yet');
    return this.checks;
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
