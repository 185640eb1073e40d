import { createHash } from 'node:crypto';
import type { VerificationChunk } from '../pdf/verification-tap';
import type { WithheldValue } from './leak-detector';
import { PdfByteStream } from './pdf-byte-stream';
import { ProductionChecks, VerificationOptions, VerificationResult } from './verify-production';

export interface StreamingVerificationResult extends VerificationResult {
  /** SHA-256 (hex) of the bytes verified: must equal the stored file's. */
  sha256: string;
  bytes: number;
  /** Why the file could not be read as written (then `ok` is false), or null. */
  unreadable: string | null;
}

/**
 * Verification beside rendering: the renderer's bytes arrive chunk by chunk (VerificationTap) and each page is read
 * (PdfByteStream) and checked (ProductionChecks: the same leak, presence-per-script and Bates checks as
 * verifyProduction) as soon as it is complete, so a verified production takes about as long as its rendering.
 * Anything the reader cannot read fails closed. Withheld values are given first; produced values may follow while
 * pages arrive (exemptions are applied to the result), but presence values must all be given before the first chunk.
 */
export class StreamingVerification {
  private readonly checks: ProductionChecks;
  private readonly reader: PdfByteStream;
  private readonly hash = createHash('sha256');
  private length = 0;
  private failure: string | null = null;

  constructor(withheldValues: Iterable<WithheldValue>, options: Omit<VerificationOptions, 'expectPresent' | 'onPage'> = {}) {
    this.checks = new ProductionChecks(withheldValues, options);
    this.reader = new PdfByteStream((page) => this.checks.page(page, [page.drawn]));
  }

  exemptWithin(value: string): void {
    this.checks.exemptWithin(value);
  }

  expectPresent(value: string): void {
    this.checks.expectPresent(value);
  }

  chunk(chunk: VerificationChunk): void {
    this.hash.update(chunk.bytes);
    this.length += chunk.bytes.length;
    if (this.failure) return;
    try {
      this.reader.define(chunk.definitions);
      this.reader.push(chunk.bytes);
    } catch (error) {
      this.failure = reasonOf(error);
    }
  }

  /** After the last chunk: `ownWording` is the production's own text (ProductionResult.ownWording), exempt like produced values. */
  finish(ownWording: Iterable<string> = []): StreamingVerificationResult {
    for (const value of ownWording) this.checks.exemptWithin(value);
    if (!this.failure) {
      try {
        this.reader.end();
      } catch (error) {
        this.failure = reasonOf(error);
      }
    }
    const result = this.checks.result();
    return { ...result, ok: result.ok && !this.failure, sha256: this.hash.digest('hex'), bytes: this.length, unreadable: this.failure };
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
