import { deflateSync } from 'node:zlib';

/**
 * The places where this library reaches into pdfkit 0.20 and fontkit 2 beyond their typed APIs, kept in one file
 * so an upgrade has one place to check. `assertInternals` fails loudly if pdfkit's shapes change.
 */

export interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

export interface FontkitGlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface FontkitGlyphRun {
  glyphs: FontkitGlyph[];
  positions: FontkitGlyphPosition[];
  advanceWidth: number;
}

/** The parts of a fontkit font used here (fontkit ships no type declarations). */
export interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: 'ltr' | 'rtl'): FontkitGlyphRun;
}

interface GlyphPosition extends FontkitGlyphPosition {
  advanceWidth: number;
}

interface GlyphLayout {
  glyphs: FontkitGlyph[] | null;
  positions: GlyphPosition[] | null;
  advanceWidth: number;
}

/** pdfkit's EmbeddedFont: the fontkit font it wraps and the layout function text() and widthOfString() call. */
export interface EmbeddedFontInternals {
  font: FontkitFont;
  /** Resource name on a page ("F3"). */
  id: string;
  /** 1000 / unitsPerEm: pdfkit measures in thousandths of an em. */
  scale: number;
  ascender: number;
  descender: number;
  layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphLayout;
  /** fontkit's subset of this document: a font glyph id in, the subset's glyph id (the code drawn) out. */
  subset: { includeGlyph(glyphId: number): number };
  /** Per subset glyph id: its characters (the ToUnicode map) and width, in thousandths of an em. */
  unicode: number[][];
  widths: number[];
  /** The font dictionary, created on first use on a page. */
  ref(): unknown;
}

/** The font pdfkit selected last (doc.font(name)); an EmbeddedFont for the TrueType/OpenType files used here. */
export function currentEmbeddedFont(doc: PDFKit.PDFDocument): EmbeddedFontInternals {
  const font = (doc as unknown as { _font?: Partial<EmbeddedFontInternals> })._font;
  assertInternals(font);
  return font;
}

function assertInternals(font: Partial<EmbeddedFontInternals> | undefined): asserts font is EmbeddedFontInternals {
  const ok =
    !!font &&
    typeof font.scale === 'number' &&
    typeof font.layout === 'function' &&
    typeof font.font?.glyphForCodePoint === 'function' &&
    typeof font.font?.hasGlyphForCodePoint === 'function' &&
    typeof font.id === 'string' &&
    typeof font.subset?.includeGlyph === 'function' &&
    Array.isArray(font.unicode) &&
    Array.isArray(font.widths) &&
    typeof font.ref === 'function';
  if (!ok) throw new Error('pdfkit internals changed: EmbeddedFont no longer exposes font/scale/layout');
}

/**
 * Adds a font glyph to the document's subset as pdfkit's own EmbeddedFont.encode() does, recording its characters
 * and width for the ToUnicode map and the widths array (the first meaning recorded for a subset glyph stays);
 * returns the subset glyph id, the two-byte code a content stream draws it with.
 */
export function includeGlyph(font: EmbeddedFontInternals, glyphId: number, codePoints: number[], advanceWidth: number): number {
  const code = font.subset.includeGlyph(glyphId);
  font.widths[code] ??= advanceWidth * font.scale;
  font.unicode[code] ??= codePoints;
  return code;
}

interface DocumentInternals {
  page: { fonts: Record<string, unknown>; content: ReferenceInternals };
  addContent(data: string | Uint8Array): unknown;
  flushPages(): unknown;
}

interface ReferenceInternals {
  compress: boolean;
  buffer: Uint8Array[];
  data: Record<string, unknown>;
  finalize(): void;
}

/**
 * Writes text and rules straight into a document's page content, for table cells and lines by the thousand:
 * pdfkit's text() costs more per call (options, a save/flip/restore around each run, a conversion per operator) than
 * drawing the run itself. What is written here is held as one string and handed to pdfkit before anything pdfkit
 * writes (every pdfkit drawing call goes through addContent) and before a page is finished, so the order of the
 * content is the order of the calls. Page content is compressed at `compressionLevel`: deflating the content took
 * more than drawing it at pdfkit's default level.
 */
export class PageContentWriter {
  private pending = '';
  /** Font and size the text state has: set by a Tf here, unknown after anything pdfkit wrote. */
  private font: EmbeddedFontInternals | null = null;
  private size = 0;
  private readonly document: DocumentInternals;
  private readonly addContent: DocumentInternals['addContent'];

  constructor(doc: PDFKit.PDFDocument, compressionLevel: number) {
    const document = doc as unknown as Partial<DocumentInternals>;
    const { addContent, flushPages } = document;
    if (typeof addContent !== 'function' || typeof flushPages !== 'function') throw new Error('pdfkit internals changed: the document has no addContent/flushPages');
    this.document = document as DocumentInternals;
    this.addContent = addContent;
    document.addContent = (data) => {
      this.flush();
      this.font = null;
      return addContent.call(doc, data);
    };
    document.flushPages = () => {
      this.flush();
      return flushPages.call(doc);
    };
    doc.on('pageAdded', () => {
      this.font = null;
      compressAtLevel(this.document.page.content, compressionLevel);
    });
  }

  /**
   * One text object: `codes` (two-byte glyph codes, as a latin1 string escaped for a literal string) from `x` on the
   * baseline `baseline`, in pdfkit's top-down page coordinates (the text matrix flips back what pdfkit's page matrix
   * flips, as pdfkit's own save/flip/restore around each run does).
   */
  text(font: EmbeddedFontInternals, size: number, x: number, baseline: number, codes: string): void {
    const fonts = this.document.page.fonts;
    fonts[font.id] ??= font.ref();
    let out = `BT\n1 0 0 -1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm\n`;
    if (font !== this.font || size !== this.size) {
      out += `/${font.id} ${pdfNumber(size)} Tf\n`;
      this.font = font;
      this.size = size;
    }
    this.pending += `${out}(${codes}) Tj\nET\n`;
  }

  /** A horizontal line from `x` to `x + width` at `y` (top-down coordinates), stroked with the current stroke style. */
  horizontalLine(x: number, y: number, width: number): void {
    this.pending += `${pdfNumber(x)} ${pdfNumber(y)} m\n${pdfNumber(x + width)} ${pdfNumber(y)} l\nS\n`;
  }

  private flush(): void {
    if (!this.pending) return;
    this.addContent.call(this.document, Buffer.from(this.pending, 'latin1'));
    this.pending = '';
  }
}

/** Two-byte glyph codes as the bytes of a PDF literal string: parentheses, backslash and line ends escaped. */
export function literalCodes(code: number): string {
  return literalByte(code >> 8) + literalByte(code & 0xff);
}

function literalByte(byte: number): string {
  if (byte === 0x28 || byte === 0x29 || byte === 0x5c) return `\\${String.fromCharCode(byte)}`;
  if (byte === 0x0a) return '\\n';
  if (byte === 0x0d) return '\\r';
  return String.fromCharCode(byte);
}

function compressAtLevel(reference: ReferenceInternals, level: number): void {
  const finalize = reference.finalize;
  if (typeof finalize !== 'function' || !Array.isArray(reference.buffer)) throw new Error('pdfkit internals changed: a page content reference has no finalize/buffer');
  reference.finalize = function (this: ReferenceInternals) {
    if (this.compress && this.buffer.length) {
      this.buffer = [deflateSync(Buffer.concat(this.buffer), { level })];
      this.compress = false;
      this.data.Filter = 'FlateDecode';
    }
    finalize.call(this);
  };
}

/** A number for a content stream: thousandths of a point are finer than any printer or reader resolves. */
function pdfNumber(value: number): string {
  if (!(value > -1e21 && value < 1e21)) throw new Error(`unsupported number: ${value}`);
  return String(Math.round(value * 1000) / 1000);
}

/** Registers a parsed fontkit font under `name`: pdfkit accepts a font object wherever it accepts bytes. */
export function registerParsedFont(doc: PDFKit.PDFDocument, name: string, font: FontkitFont): void {
  doc.registerFont(name, font as unknown as Buffer);
}

/**
 * Replaces pdfkit's layout of one embedded font with `layout(text)`, which returns glyphs and positions in font
 * units in the order they are drawn (left to right). pdfkit would otherwise split on spaces, shape every word with
 * default features and cache each word without bound (memory growing with the data).
 */
export function overrideLayout(font: EmbeddedFontInternals, layout: (text: string) => FontkitGlyphRun): void {
  font.layout = (text: string, _features?: unknown, onlyWidth?: boolean): GlyphLayout => {
    const run = layout(text);
    const advanceWidth = run.advanceWidth * font.scale;
    if (onlyWidth) return { glyphs: null, positions: null, advanceWidth };
    const positions = run.positions.map((position, index) => ({
      xAdvance: position.xAdvance * font.scale,
      yAdvance: position.yAdvance * font.scale,
      xOffset: position.xOffset * font.scale,
      yOffset: position.yOffset * font.scale,
      advanceWidth: run.glyphs[index].advanceWidth * font.scale,
    }));
    return { glyphs: run.glyphs, positions, advanceWidth };
  };
}

interface AnchorProcessor {
  applyAnchor(markRecord: { markAnchor: unknown } | null, baseAnchor: unknown, baseGlyphIndex: number): void;
  __custodianTolerant?: boolean;
}

/**
 * fontkit 2.0.4 throws on a mark-to-base lookup whose anchor is NULL (allowed by the OpenType spec: "this mark
 * does not attach to this base"), which Noto's Indic fonts use. The spec's meaning is applied instead: no attachment.
 */
export function tolerateNullAnchors(font: FontkitFont): void {
  const engine = (font as unknown as { _layoutEngine?: { engine?: { GPOSProcessor?: AnchorProcessor | null } } })._layoutEngine;
  const processor = engine?.engine?.GPOSProcessor;
  if (!processor) return;
  const prototype = Object.getPrototypeOf(processor) as AnchorProcessor;
  if (prototype.__custodianTolerant || typeof prototype.applyAnchor !== 'function') return;
  const original = prototype.applyAnchor;
  prototype.applyAnchor = function (this: AnchorProcessor, markRecord, baseAnchor, baseGlyphIndex) {
    if (!baseAnchor || !markRecord?.markAnchor) return;
    original.call(this, markRecord, baseAnchor, baseGlyphIndex);
  };
  prototype.__custodianTolerant = true;
}

/** What pdfkit's EmbeddedFont records per subset glyph id, written at the end as the ToUnicode map and widths. */
interface EmbeddedFontRecords {
  unicode: number[][];
  widths: number[];
  dictionary?: { id: number };
}

/**
 * The embedded fonts a document has drawn with so far: the font dictionary's object number and, per subset glyph
 * id, its code points (what the ToUnicode map will say) and width. pdfkit fills these as text is encoded, before the
 * content that uses a glyph is written; a font appears once its dictionary exists (its first use on a page).
 */
export function drawnFonts(doc: PDFKit.PDFDocument): { objectNumber: number; unicode: number[][]; widths: number[] }[] {
  const families = (doc as unknown as { _fontFamilies?: Record<string, Partial<EmbeddedFontRecords>> })._fontFamilies;
  if (!families) throw new Error('pdfkit internals changed: the document has no _fontFamilies');
  const fonts = new Map<number, { objectNumber: number; unicode: number[][]; widths: number[] }>();
  for (const font of Object.values(families)) {
    if (!font.dictionary || !Array.isArray(font.unicode) || !Array.isArray(font.widths)) continue;
    fonts.set(font.dictionary.id, { objectNumber: font.dictionary.id, unicode: font.unicode, widths: font.widths });
  }
  return [...fonts.values()];
}
