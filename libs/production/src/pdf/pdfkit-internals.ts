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
  /** 1000 / unitsPerEm: pdfkit measures in thousandths of an em. */
  scale: number;
  ascender: number;
  descender: number;
  layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphLayout;
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
    typeof font.font?.hasGlyphForCodePoint === 'function';
  if (!ok) throw new Error('pdfkit internals changed: EmbeddedFont no longer exposes font/scale/layout');
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
