import type { GlyphDefinitions } from '../verify/pdf-byte-stream';
import { drawnFonts } from './pdfkit-internals';

/** What the renderer hands the verifier, in order: glyph meanings first, then the bytes that may use them. */
export interface VerificationChunk {
  definitions: GlyphDefinitions[];
  bytes: Uint8Array;
}

export type VerificationFeed = (chunk: VerificationChunk) => void;

/** Bytes held before they are sent (a page is 5–10 KB compressed): a verifier lags by a few pages at most. */
const FLUSH_BYTES = 32 * 1024;

/**
 * Copies a document's bytes to a verifier as they are written, each batch preceded by the meaning of every glyph
 * drawn so far that was not sent yet (pdfkit records a glyph's characters when it encodes text, before the page
 * that uses it is written, so a batch never holds a glyph the verifier cannot read). Flushed when the renderer relieves
 * its output and 32 KB are held, and at the end.
 */
export class VerificationTap {
  private readonly sent = new Map<number, number>();
  private chunks: Buffer[] = [];
  private held = 0;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly feed: VerificationFeed,
  ) {}

  chunk(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.held += chunk.length;
  }

  /** Hands over what is held once it is worth a message (or always, at the end): fewer, larger messages. */
  flush(final = false): void {
    if (!final && this.held < FLUSH_BYTES) return;
    const definitions: GlyphDefinitions[] = [];
    for (const font of drawnFonts(this.doc)) {
      const first = this.sent.get(font.objectNumber) ?? 0;
      if (font.unicode.length <= first) continue;
      const glyphs = [];
      for (let id = first; id < font.unicode.length; id++) glyphs.push({ text: String.fromCodePoint(...(font.unicode[id] ?? [])), width: font.widths[id] ?? 0 });
      definitions.push({ font: font.objectNumber, first, glyphs });
      this.sent.set(font.objectNumber, font.unicode.length);
    }
    if (!definitions.length && !this.chunks.length) return;
    const bytes = Buffer.concat(this.chunks);
    this.chunks = [];
    this.held = 0;
    this.feed({ definitions, bytes });
  }
}
