/**
 * The two places where this library reaches into pdfkit 0.20 beyond its typed API, kept in one file so an
 * upgrade has one place to check. `assertInternals` fails loudly if the shapes change.
 */

export interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface FontkitFont {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
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

/**
 * Replaces OpenType shaping with a direct code point → glyph mapping for one embedded font. Shaping costs about
 * 0.3 ms per distinct word and pdfkit caches every word it shapes without bound, so a 100,000-row production
 * would be slow and its memory would grow with the data. The scripts rendered here (Latin, Greek, Cyrillic in
 * NFC form; CJK; kana) need no shaping; kerning is given up. Glyph lookups are cached per code point, which is
 * bounded by the fonts' character sets.
 */
export function useDirectGlyphLayout(font: EmbeddedFontInternals): void {
  const glyphs = new Map<number, { glyph: FontkitGlyph; advance: number }>();
  const lookup = (codePoint: number) => {
    let entry = glyphs.get(codePoint);
    if (!entry) {
      const glyph = font.font.glyphForCodePoint(codePoint);
      entry = { glyph, advance: glyph.advanceWidth * font.scale };
      glyphs.set(codePoint, entry);
    }
    return entry;
  };
  font.layout = (text: string, _features?: unknown, onlyWidth?: boolean): GlyphLayout => {
    const laidOut: FontkitGlyph[] | null = onlyWidth ? null : [];
    const positions: GlyphPosition[] | null = onlyWidth ? null : [];
    let advanceWidth = 0;
    for (const character of text) {
      const { glyph, advance } = lookup(character.codePointAt(0) as number);
      advanceWidth += advance;
      if (laidOut && positions) {
        laidOut.push(glyph);
        positions.push({ xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance });
      }
    }
    return { glyphs: laidOut, positions, advanceWidth };
  };
}
