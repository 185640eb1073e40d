import { FaceFile, fontStack, FontWeight, loadFont, sharedFont } from './font-files';
import { currentEmbeddedFont, EmbeddedFontInternals, FontkitFont, FontkitGlyph, FontkitGlyphRun, includeGlyph, literalCodes, overrideLayout, registerParsedFont, tolerateNullAnchors } from './pdfkit-internals';

export type Direction = 'ltr' | 'rtl';

/** Which face draws a character and its advance in thousandths of an em. */
export interface GlyphChoice {
  readonly face: string;
  readonly advance: number;
  /** The face needs OpenType shaping: widths of its runs are measured shaped (see FontSet.measure). */
  readonly shaped: boolean;
}

/**
 * A character no embedded font can draw. Thrown rather than printing a substitute: a production must never show
 * a wrong name. The message names the code point and its script only, never the value it came from.
 */
export class UndrawableCharacterError extends Error {
  constructor(readonly codePoint: number) {
    super(`character ${codePointLabel(codePoint)} cannot be drawn with any embedded font`);
    this.name = 'UndrawableCharacterError';
  }
}

export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} (${scriptOf(codePoint)})`;
}

const SCRIPTS = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Devanagari', 'Gurmukhi', 'Bengali', 'Tamil', 'Thai', 'Lao', 'Khmer', 'Myanmar', 'Ethiopic', 'Hangul', 'Hiragana', 'Katakana', 'Han', 'Tagalog'];
const SCRIPT_PATTERNS = SCRIPTS.map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, 'u') }));

/** The Unicode script of a code point, for failure reasons and per-script verification reports. */
export function scriptOf(codePoint: number): string {
  const character = String.fromCodePoint(codePoint);
  return SCRIPT_PATTERNS.find(({ pattern }) => pattern.test(character))?.name ?? (/\p{So}/u.test(character) ? 'symbol' : /\p{Co}/u.test(character) ? 'private use' : 'other');
}

/**
 * Scripts whose letters change shape or order in context (conjuncts, pre-base vowel signs, joining). They are drawn
 * only by their own shaped face: an earlier direct face may have their glyphs (Noto Sans carries Devanagari) but would
 * print प्रिया with its vowel sign after the consonant and its conjunct broken, a wrong name that text extraction,
 * reading the character codes, would not notice.
 */
const NEEDS_SHAPING = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Gurmukhi}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tagalog}]/u;

interface Face {
  name: string;
  readonly font: FontkitFont;
  shaping: FaceFile['shaping'];
  /** A direct face's pdfkit font in this document and its codes so far (code point → hex of the subset glyph id). */
  embedded?: EmbeddedFontInternals;
  codes?: Map<number, string>;
}

/** A glyph of a direct face: its id in the font and advance in font units (0 id: the font lacks the character). */
interface DirectGlyph {
  id: number;
  advanceWidth: number;
}

/** Per shared font (direct faces), the glyph of each code point looked up so far: fontkit's cmap lookup is slow. */
const directGlyphs = new WeakMap<FontkitFont, Map<number, DirectGlyph>>();

function directGlyph(font: FontkitFont, codePoint: number): DirectGlyph {
  let glyphs = directGlyphs.get(font);
  if (!glyphs) directGlyphs.set(font, (glyphs = new Map()));
  let glyph = glyphs.get(codePoint);
  if (!glyph) {
    const id = font.hasGlyphForCodePoint(codePoint) ? font.glyphForCodePoint(codePoint).id : 0;
    glyph = { id, advanceWidth: id ? font.glyphForCodePoint(codePoint).advanceWidth : 0 };
    glyphs.set(codePoint, glyph);
  }
  return glyph;
}

const SHAPED_CACHE_LIMIT = 4096;
/** Shaped runs per font, shared by the documents of a process; cleared when full so memory stays bounded. */
const shapedRuns = new WeakMap<FontkitFont, Map<string, FontkitGlyphRun>>();

function shape(font: FontkitFont, text: string, direction: Direction): FontkitGlyphRun {
  let cache = shapedRuns.get(font);
  if (!cache) shapedRuns.set(font, (cache = new Map()));
  const key = `${direction}\u0000${text}`;
  let run = cache.get(key);
  if (!run) {
    tolerateNullAnchors(font);
    // fontkit returns a right-to-left run's glyphs already in visual (drawing) order.
    run = font.layout(text, undefined, undefined, undefined, direction);
    // A plain object: a fontkit GlyphRun computes advanceWidth in a getter, which a spread would lose.
    const glyphs = run.glyphs.map((glyph) => (glyph.codePoints.length === 0 ? invisibleForExtraction(glyph) : direction === 'rtl' ? forRightToLeftExtraction(glyph) : glyph));
    run = { glyphs, positions: run.positions, advanceWidth: run.advanceWidth };
    if (cache.size >= SHAPED_CACHE_LIMIT) cache.clear();
    cache.set(key, run);
  }
  return run;
}

/**
 * A ligature (Arabic lam-alef, the Allah ligature) maps back to several characters. Extractors reverse a
 * right-to-left run character by character, which would reverse those too ("الله" read as "هلل"), so a ligature in
 * a right-to-left run maps to its characters in reverse, and reads correctly once the extractor reverses the run.
 */
function forRightToLeftExtraction(glyph: FontkitGlyph): FontkitGlyph {
  if (glyph.codePoints.length < 2) return glyph;
  // The same glyph object otherwise: fontkit's metrics are lazy getters on it.
  return Object.create(glyph, { codePoints: { value: [...glyph.codePoints].reverse() } }) as FontkitGlyph;
}

/**
 * Shaping can produce a glyph that stands for no character of its own (a Bengali conjunct's second part); pdfkit
 * would write an empty ToUnicode entry, which extractors read as a control character. It maps to ZERO WIDTH SPACE
 * instead, a format character that comparison ignores.
 */
function invisibleForExtraction(glyph: FontkitGlyph): FontkitGlyph {
  return Object.create(glyph, { codePoints: { value: [0x200b] } }) as FontkitGlyph;
}

/**
 * Code point → glyph without shaping, glyphs reversed for a right-to-left run. Each glyph says the code point it is
 * drawn for (not fontkit's cached glyph object, which keeps the first code point any document asked it for).
 */
function mapDirectly(font: FontkitFont, text: string, direction: Direction): FontkitGlyphRun {
  const glyphs: FontkitGlyph[] = [];
  const positions = [];
  let advanceWidth = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) as number;
    const glyph = directGlyph(font, codePoint);
    glyphs.push({ id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [codePoint] });
    positions.push({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    advanceWidth += glyph.advanceWidth;
  }
  if (direction === 'rtl') {
    glyphs.reverse();
    positions.reverse();
  }
  return { glyphs, positions, advanceWidth };
}

/**
 * The embedded fonts of one document and, per character, which of them draws it (the first face in the stack that
 * has it; a combining mark stays with its base's face when that face has it). Faces are registered under names like
 * "regular-arabic" and only those actually drawn with are embedded, each as a subset of the glyphs used.
 */
export class FontSet {
  private readonly faces: Record<FontWeight, Face[]>;
  private readonly byName = new Map<string, Face>();
  private readonly choices: Record<FontWeight, Map<number, GlyphChoice>> = { regular: new Map(), bold: new Map() };
  private readonly prepared = new WeakSet<EmbeddedFontInternals>();
  private direction: Direction = 'ltr';
  /** Ascent of the primary face in thousandths of an em, for placing baselines. */
  readonly ascent: number;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    const stack = fontStack();
    // A face is parsed (and registered with the document) when a character first asks for it: a production in
    // Latin script parses two faces, not the whole stack (fontkit's table parsing dominated small productions).
    const faces = (weight: FontWeight) =>
      stack.map((entry) => {
        let font: FontkitFont | null = null;
        const name = `${weight}-${entry.family}`;
        const face: Face = {
          name,
          shaping: entry.shaping,
          get font() {
            if (!font) {
              // Shaped faces are parsed per document (see loadFont); direct faces share one parse per thread.
              font = entry.shaping === 'shaped' ? loadFont(entry.files[weight]) : sharedFont(entry.files[weight]);
              registerParsedFont(doc, name, font);
            }
            return font;
          },
        };
        this.byName.set(face.name, face);
        return face;
      });
    this.faces = { regular: faces('regular'), bold: faces('bold') };
    const primary = this.faces.regular[0].font;
    this.ascent = (primary.ascent * 1000) / primary.unitsPerEm;
  }

  /** Always 0: an undrawable character throws UndrawableCharacterError instead of being replaced. */
  get missingGlyphs(): number {
    return 0;
  }

  /** The face for one code point; `previous` is the face of the character before it (for combining marks). */
  choose(codePoint: number, weight: FontWeight, previous?: GlyphChoice): GlyphChoice {
    // A combining mark stays with its base; a space or punctuation inside shaped text (Arabic, Hebrew, Indic) stays
    // in the same run, so "محمد رضا" is one run that extractors reorder whole, not two they leave in drawing order.
    if (previous && (isMark(codePoint) || (previous.shaped && isNeutral(codePoint)))) {
      const face = this.byName.get(previous.face) as Face;
      if (hasGlyph(face, codePoint)) return this.choiceOf(face, codePoint);
    }
    let choice = this.choices[weight].get(codePoint);
    if (!choice) {
      const face = this.ownShapedFace(codePoint, weight) ?? this.faces[weight].find((candidate) => hasGlyph(candidate, codePoint));
      if (!face) throw new UndrawableCharacterError(codePoint);
      choice = this.choiceOf(face, codePoint);
      this.choices[weight].set(codePoint, choice);
    }
    return choice;
  }

  /** The shaped face of the script of `codePoint` when that script needs shaping and the face has it (see NEEDS_SHAPING). */
  private ownShapedFace(codePoint: number, weight: FontWeight): Face | undefined {
    if (!NEEDS_SHAPING.test(String.fromCodePoint(codePoint))) return undefined;
    const face = this.byName.get(`${weight}-${scriptOf(codePoint).toLowerCase()}`);
    return face && face.shaping === 'shaped' && hasGlyph(face, codePoint) ? face : undefined;
  }

  /** Width in thousandths of an em of `text` drawn with a shaped face (ligatures and conjuncts change widths). */
  measure(face: string, text: string, direction: Direction): number {
    const entry = this.byName.get(face) as Face;
    const run = entry.shaping === 'shaped' ? shape(entry.font, text, direction) : mapDirectly(entry.font, text, direction);
    return (run.advanceWidth * 1000) / entry.font.unitsPerEm;
  }

  /** Whether `face` needs OpenType shaping (drawn through pdfkit's text()) or maps code points to glyphs (see encode). */
  isShaped(face: string): boolean {
    return (this.byName.get(face) as Face).shaping === 'shaped';
  }

  /**
   * `text` in a direct face as the two-byte codes a content stream draws it with (latin1, escaped for a literal
   * string; glyphs in drawing order: reversed for a right-to-left run), each glyph added to this document's subset
   * with the character it is drawn for.
   */
  encode(faceName: string, text: string, direction: Direction): { font: EmbeddedFontInternals; codes: string } {
    const face = this.byName.get(faceName) as Face;
    if (!face.embedded) {
      void face.font; // registered with the document before pdfkit opens it
      this.doc.font(face.name);
      face.embedded = currentEmbeddedFont(this.doc);
      face.codes = new Map();
    }
    const font = face.embedded;
    const known = face.codes as Map<number, string>;
    let codes = '';
    const reversed: string[] | null = direction === 'rtl' ? [] : null;
    for (let index = 0; index < text.length; ) {
      const codePoint = text.codePointAt(index) as number;
      index += codePoint > 0xffff ? 2 : 1;
      let code = known.get(codePoint);
      if (code === undefined) {
        const glyph = directGlyph(face.font, codePoint);
        code = literalCodes(includeGlyph(font, glyph.id, [codePoint], glyph.advanceWidth));
        known.set(codePoint, code);
      }
      if (reversed) reversed.push(code);
      else codes += code;
    }
    return { font, codes: reversed ? reversed.reverse().join('') : codes };
  }

  /** Selects a face and direction for the next pdfkit text() call. */
  use(face: string, size: number, direction: Direction = 'ltr'): void {
    void (this.byName.get(face) as Face).font; // parsed and registered before pdfkit selects it
    this.doc.font(face).fontSize(size);
    this.direction = direction;
    const embedded = currentEmbeddedFont(this.doc);
    if (!this.prepared.has(embedded)) {
      const entry = this.byName.get(face) as Face;
      overrideLayout(embedded, (text) => (entry.shaping === 'shaped' ? shape(entry.font, text, this.direction) : mapDirectly(entry.font, text, this.direction)));
      this.prepared.add(embedded);
    }
  }

  private choiceOf(face: Face, codePoint: number): GlyphChoice {
    const advanceWidth = face.shaping === 'shaped' ? face.font.glyphForCodePoint(codePoint).advanceWidth : directGlyph(face.font, codePoint).advanceWidth;
    return { face: face.name, advance: (advanceWidth * 1000) / face.font.unitsPerEm, shaped: face.shaping === 'shaped' };
  }
}

function hasGlyph(face: Face, codePoint: number): boolean {
  return face.shaping === 'shaped' ? face.font.hasGlyphForCodePoint(codePoint) : directGlyph(face.font, codePoint).id !== 0;
}

function isMark(codePoint: number): boolean {
  return /\p{M}/u.test(String.fromCodePoint(codePoint));
}

function isNeutral(codePoint: number): boolean {
  return /[\p{Zs}\p{Po}]/u.test(String.fromCodePoint(codePoint));
}
