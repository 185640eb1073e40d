import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FontkitFont } from './pdfkit-internals';

// fontkit (pdfkit's own font engine, pinned to pdfkit's version) ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { create(bytes: Buffer): unknown };

export type FontWeight = 'regular' | 'bold';

/**
 * How a face's glyphs are chosen: `direct` maps each code point to its glyph (fast, no unbounded caches; right for
 * Latin, Greek, Cyrillic, Hebrew without points, CJK, kana, Hangul, Ethiopic, Armenian), `shaped` runs fontkit's
 * OpenType shaping (GSUB/GPOS: Arabic joining, Indic conjuncts and vowel-sign reordering, Khmer and Myanmar).
 */
export type Shaping = 'direct' | 'shaped';

export interface FaceFile {
  /** Short stable name, used in face names and in failure reasons. */
  family: string;
  shaping: Shaping;
  files: Record<FontWeight, string>;
}

const fontsource = (family: string, subset: string, weight: 400 | 700) => require.resolve(`@fontsource/noto-sans-${family}/files/noto-sans-${family}-${subset}-${weight}-normal.woff`);
// The @embedpdf packages export only their (CommonJS) entry, dist/index.cjs; the font files sit beside dist/.
const embedpdf = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`@embedpdf/${pkg}`)), '..', 'fonts', file);
const script = (family: string, shaping: Shaping, boldWeight: 400 | 700 = 700): FaceFile => ({
  family,
  shaping,
  files: { regular: fontsource(family, family, 400), bold: fontsource(family, family, boldWeight) },
});

/**
 * The font stack, first face that has the character wins (see docs/decisions/0050-fonts-for-every-script.md).
 * Noto everywhere, so all scripts share one design. Full Noto Sans (TTF) covers Latin with every precomposed
 * diacritic and the combining marks, polytonic Greek and all Cyrillic; Noto Naskh Arabic covers Arabic and Persian;
 * the Brahmic and South-East Asian scripts come from Fontsource's per-script WOFF files (fontkit reads WOFF; WOFF2
 * would need a JavaScript Brotli decode per file and fontkit's WOFF2 subsetting is unreliable); Han, kana and
 * Hangul from the Noto Sans CJK builds: Simplified (GB2312), Traditional (Big5), Japanese (JIS) and Korean
 * (all 11,172 Hangul syllables), so a Han character missing from one regional build is usually in another.
 * pdfkit embeds only the glyphs used (a subset per face), so a document carries kilobytes, not the 40 MB read here.
 */
export function fontStack(): FaceFile[] {
  return [
    { family: 'latin', shaping: 'direct', files: { regular: embedpdf('fonts-latin', 'NotoSans-Regular.ttf'), bold: embedpdf('fonts-latin', 'NotoSans-Bold.ttf') } },
    { family: 'hebrew', shaping: 'shaped', files: { regular: embedpdf('fonts-hebrew', 'NotoSansHebrew-Regular.ttf'), bold: embedpdf('fonts-hebrew', 'NotoSansHebrew-Bold.ttf') } },
    { family: 'arabic', shaping: 'shaped', files: { regular: embedpdf('fonts-arabic', 'NotoNaskhArabic-Regular.ttf'), bold: embedpdf('fonts-arabic', 'NotoNaskhArabic-Bold.ttf') } },
    script('armenian', 'direct'),
    script('devanagari', 'shaped'),
    script('gurmukhi', 'shaped'),
    script('bengali', 'shaped'),
    script('tamil', 'shaped'),
    script('thai', 'shaped'),
    script('lao', 'shaped'),
    script('khmer', 'shaped'),
    script('myanmar', 'shaped'),
    script('ethiopic', 'direct'),
    script('tagalog', 'shaped', 400), // Noto Sans Tagalog has one weight
    { family: 'han-sc', shaping: 'direct', files: { regular: embedpdf('fonts-sc', 'NotoSansHans-Regular.otf'), bold: embedpdf('fonts-sc', 'NotoSansHans-Bold.otf') } },
    { family: 'han-tc', shaping: 'direct', files: { regular: embedpdf('fonts-tc', 'NotoSansHant-Regular.otf'), bold: embedpdf('fonts-tc', 'NotoSansHant-Bold.otf') } },
    { family: 'japanese', shaping: 'direct', files: { regular: embedpdf('fonts-jp', 'NotoSansJP-Regular.otf'), bold: embedpdf('fonts-jp', 'NotoSansJP-Bold.otf') } },
    { family: 'korean', shaping: 'direct', files: { regular: embedpdf('fonts-kr', 'NotoSansKR-Regular.otf'), bold: embedpdf('fonts-kr', 'NotoSansKR-Bold.otf') } },
  ];
}

const loaded = new Map<string, Buffer>();
const shared = new Map<string, FontkitFont>();

/**
 * Each font file is read once per process (or worker thread: a RenderPool thread reads them once for all its
 * productions). A face that needs OpenType shaping is parsed per document: fontkit's shaping hands out its cached
 * glyph objects, whose code points carry from one document's subset into the next (decision 0050). Parsing is lazy
 * in fontkit (tables are read when first used), so a face no document uses costs only its file read.
 */
export function loadFont(file: string): FontkitFont {
  return fontkit.create(fontBytes(file)) as FontkitFont;
}

/**
 * One parsed font per file per thread, shared by the documents it renders, for faces drawn without shaping: each
 * document encodes their glyphs itself (FontSet.encode: glyph id from the cmap, its meaning from the code point drawn),
 * never from fontkit's cached glyph objects, so nothing of one document reaches another; what is shared is the font's
 * decoded tables (cmap, metrics, the CFF of a CJK face), which cost more to decode than most productions to draw.
 */
export function sharedFont(file: string): FontkitFont {
  let font = shared.get(file);
  if (!font) {
    font = loadFont(file);
    shared.set(file, font);
  }
  return font;
}

function fontBytes(file: string): Buffer {
  let bytes = loaded.get(file);
  if (!bytes) {
    bytes = readFileSync(file);
    loaded.set(file, bytes);
  }
  return bytes;
}

/** Reads every face's file now (a warm renderer does this before its first job); each document parses what it uses. */
export function preloadFonts(): void {
  for (const face of fontStack()) for (const file of Object.values(face.files)) fontBytes(file);
}
