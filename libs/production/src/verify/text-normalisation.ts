const MARKS = /\p{M}/gu;
/*
 * Sequences that OpenType shaping moves within a syllable, so that text extraction (which maps each drawn glyph back
 * to characters, in drawing order) returns them elsewhere: the reph (RA + virama drawn after the syllable's base in
 * Devanagari, Bengali, Gurmukhi), Khmer subscript consonants (COENG + consonant) and Myanmar kinzi. Dropped before
 * comparing, like the vowel signs (marks) that shaping reorders: such text is compared on its base consonants, in
 * order. See docs/decisions/0050-fonts-for-every-script.md.
 */
const REORDERED_BY_SHAPING = /\u0930\u094d|[\u09b0\u09f0]\u09cd|\u0a30\u0a4d|\u17d2[\u1780-\u17b3]|\u1004\u103a\u1039/gu;
const INVISIBLE = /\p{Cf}/gu;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const WHITESPACE = /[\s\p{Z}]+/gu;

/** NFKD, diacritics and shaping-reordered sequences stripped, lower case, quotes and dashes folded, whitespace collapsed: how text is compared. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(REORDERED_BY_SHAPING, '')
    .replace(MARKS, '')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(WHITESPACE, ' ')
    .trim();
}

/** normaliseText without any whitespace, so a value broken across lines or cells still matches. */
export function compactText(text: string): string {
  return normaliseText(text).replace(WHITESPACE, '');
}
