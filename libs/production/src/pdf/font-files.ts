import { readFileSync } from 'node:fs';
import path from 'node:path';

export type FontWeight = 'regular' | 'bold';

/**
 * The font stack per weight, first match wins per character. Noto Sans CJK SC (@embedpdf/fonts-sc) covers CJK,
 * kana, basic Latin, Latin-1 and Russian Cyrillic, but it is a GB2312 subset: it lacks much of Latin Extended-A
 * (Ł, Ş, ő, č, ș), accented Greek and non-Russian Cyrillic. Liberation Sans, shipped inside pdfjs-dist, covers
 * those, so it comes first and Noto fills in CJK, kana and Vietnamese. Neither covers Hangul, polytonic Greek,
 * Arabic, Hebrew or Indic scripts; such characters are counted and replaced (see FontSet).
 */
export function fontFiles(): Record<FontWeight, string[]> {
  const liberation = (file: string) => require.resolve(`pdfjs-dist/standard_fonts/${file}`);
  const notoDirectory = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  return {
    regular: [liberation('LiberationSans-Regular.ttf'), path.join(notoDirectory, 'NotoSansHans-Regular.otf')],
    bold: [liberation('LiberationSans-Bold.ttf'), path.join(notoDirectory, 'NotoSansHans-Bold.otf')],
  };
}

const loaded = new Map<string, Buffer>();

/** Font bytes are read once per process: the CJK files are 8 MB each. */
export function fontBytes(file: string): Buffer {
  let bytes = loaded.get(file);
  if (!bytes) {
    bytes = readFileSync(file);
    loaded.set(file, bytes);
  }
  return bytes;
}
