import type { GlyphDefinitions } from '../verify/pdf-byte-stream';
import { drawnFonts } from './pdfkit-internals';

/** What the renderer hands the verifier, in order: glyph meanings first, then the bytes that may use them. */
export interface VerificationChunk {
  definitions: GlyphDefinitions[];
  bytes: Uint8Array;
}

export type VerificationFeed = (chunk: VerificationChunk) => void;

/**
 * Copies a document's bytes to a verifier as they are written, each batch preceded by the meaning of every glyph
 * drawn so far that was not sent yet (pdfkit records a glyph's characters when it encodes text, before the page
 * that uses it is written, so a batch never holds a glyph the verifier cannot read). Flushed whenever the renderer
 * relieves its output, so at most a page or so is held here.
 */
export class VerificationTap {
  private readonly sent = new Map<number, number>();
  private chunks: Buffer[] = [];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly feed: VerificationFeed,
  ) {}

  chunk(chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  flush(): void {
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
    this.feed({ definitions, bytes });
  }
}
