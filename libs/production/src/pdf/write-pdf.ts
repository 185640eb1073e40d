import { Writable } from 'node:stream';
import { FontSet } from './font-set';
import { footerPainter } from './footer';
import { HashingSink } from './hashing-sink';
import { PageFrame } from './page-frame';
import { createPdfDocument } from './pdf-document';
import { VerificationFeed, VerificationTap } from './verification-tap';

export interface PdfSetup {
  /** Neutral document title (case number only, no names). */
  title: string;
  createdAt: Date;
  /** Printed in every footer, e.g. "Case CUST-2026-0007". */
  footerReference: string;
  /** The per-page footer mark: a Bates number or "Page n". */
  pageMark: (pageNumber: number) => string;
  /** Checks the input before anything is written; a failure rejects with nothing rendered. */
  validate?: () => void;
  /** Receives the bytes as they are written, with the glyph meanings a verifier needs to read them (see VerificationTap). */
  verificationFeed?: VerificationFeed;
}

export interface WrittenPdf<T> {
  value: T;
  pages: number;
  sha256: string;
  bytes: number;
  missingGlyphs: number;
  ownWording: string[];
}

/**
 * Runs `draw` on a fresh streaming document writing to `out`, then ends the document and `out`. `relieve` is for
 * long drawings: await it now and then so output drains and the event loop breathes. On any failure `out` is
 * destroyed (without the error: a stream with no error listener would crash the process) and the promise rejects.
 */
export async function writePdf<T>(out: Writable, setup: PdfSetup, draw: (frame: PageFrame, relieve: () => Promise<void>) => Promise<T> | T): Promise<WrittenPdf<T>> {
  try {
    setup.validate?.();
    const doc = createPdfDocument({ title: setup.title, createdAt: setup.createdAt });
    const tap = setup.verificationFeed ? new VerificationTap(doc, setup.verificationFeed) : null;
    const sink = new HashingSink(doc, out, tap ? (chunk) => tap.chunk(chunk) : undefined);
    const frame = new PageFrame(doc, new FontSet(doc), footerPainter(setup.footerReference, setup.pageMark));
    const value = await draw(frame, () => {
      tap?.flush();
      return sink.relieve();
    });
    doc.end();
    const { sha256, bytes } = await sink.finish();
    tap?.flush(true);
    return { value, pages: frame.pageCount, sha256, bytes, missingGlyphs: frame.fonts.missingGlyphs, ownWording: [...frame.ownWording] };
  } catch (error) {
    out.destroy();
    throw error;
  }
}
