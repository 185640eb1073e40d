/* Test support: rendering to memory or a temp file, and reading PDFs back with pdftotext and pdfjs-dist. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { syntheticProductionHeader } from '../production/synthetic-production';
import { ProductionHeader } from '../production/production-input';
import type { LetterBase } from '../letters/letter-input';
import { pdfPageTexts } from '../verify/pdf-page-text';

export function sampleHeader(overrides: Partial<ProductionHeader> = {}): ProductionHeader {
  return syntheticProductionHeader({ caseNumber: 'CUST-2026-0007', libraryName: 'Palm Desert Library', ...overrides });
}

/** What every test letter carries; specs override only what they are about. */
export function sampleLetterBase(overrides: Partial<LetterBase> = {}): LetterBase {
  return {
    caseNumber: 'CUST-2026-0007',
    reference: 'CUST-2026-0007/L-1',
    date: '2026-03-04',
    requester: { name: 'Det. A. Ruiz' },
    requestSummary: 'Request of March 2, 2026',
    signedBy: { displayName: 'Maria López', title: 'Library Director' },
    ...overrides,
  };
}

/** A Writable that keeps what it is given. */
export function memorySink(): { stream: Writable; bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

export function temporaryDirectory(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'custodian-production-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** poppler's text of each page, in content-stream order (-raw). */
export function pdftotextPages(file: string): string[] {
  const text = execFileSync('/usr/bin/pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages = text.split('\f');
  return pages[pages.length - 1].trim() === '' ? pages.slice(0, -1) : pages;
}

/** pdfjs-dist's text of each page, items joined by spaces. */
export async function pdfjsPages(pdf: string | Uint8Array): Promise<string[]> {
  const pages: string[] = [];
  for await (const page of pdfPageTexts(pdf)) pages.push(page.items.map((item) => item.text).join(' '));
  return pages;
}
