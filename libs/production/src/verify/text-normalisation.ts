// Marks and invisible format characters, both dropped: one pass (neither removal makes the other's characters).
const MARKS_AND_INVISIBLE = /[\p{M}\p{Cf}]/gu;
/*
 * Sequences that OpenType shaping moves within a syllable, so that text extraction (which maps each drawn glyph back
 * to characters, in drawing order) returns them elsewhere: the reph (RA + virama drawn after the syllable's base in
 * Devanagari, Bengali, Gurmukhi), Khmer subscript consonants (COENG + consonant) and Myanmar kinzi. Dropped before
 * comparing, like the vowel signs (marks) that shaping reorders: such text is compared on its base consonants, in
 * order. See docs/decisions/0050-fonts-for-every-script.md.
 */
const REORDERED_BY_SHAPING = /\u0930\u094d|[\u09b0\u09f0]\u09cd|\u0a30\u0a4d|\u17d2[\u1780-\u17b3]|\u1004\u103a\u1039/gu;
// Typographic quotes and dashes and their ASCII forms, folded in one pass.
const FOLDED = new Map<string, string>();
for (const character of '\u2018\u2019\u201a\u201b\u2032\u0060\u00b4') FOLDED.set(character, "'");
for (const character of '\u201c\u201d\u201e\u201f\u2033') FOLDED.set(character, '"');
for (const character of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212') FOLDED.set(character, '-');
const QUOTES_AND_DASHES = new RegExp(`[${[...FOLDED.keys()].join('')}]`, 'g');
// Every Unicode space separator (\p{Z}) is in \s: a class without the u flag, several times faster on a page.
const WHITESPACE = /\s+/g;
// Printable ASCII has no compatibility form, mark, format character or shaping sequence, and the space is its only
// whitespace: of the steps, only lower case, the backtick's fold and the collapse of spaces change it.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** NFKD, diacritics and shaping-reordered sequences stripped, lower case, quotes and dashes folded, whitespace collapsed: how text is compared. */
export function normaliseText(text: string): string {
  // Stryker disable next-line ConditionalExpression: a shortcut only, the full steps give printable ASCII the same form
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replaceAll('`', "'").replace(WHITESPACE, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(REORDERED_BY_SHAPING, '')
    .replace(MARKS_AND_INVISIBLE, '')
    .toLowerCase()
    .replace(QUOTES_AND_DASHES, (character) => FOLDED.get(character) as string)
    .replace(WHITESPACE, ' ')
    .trim();
}

/** normaliseText without any whitespace, so a value broken across lines or cells still matches. */
export function compactText(text: string): string {
  return normaliseText(text).replace(WHITESPACE, '');
}

/**
 * normaliseText(parts.join(' ')) from each part's normaliseText, without normalising the parts again. Every step is
 * local across a plain space: NFKD reorders only runs of combining marks (a space has none and decomposes to itself),
 * no shaping-reordered sequence holds a space, the final-sigma rule of lower-casing looks past case-ignorable
 * characters only (a space is not one), the rest maps character by character, and whitespace runs become one space
 * and are trimmed. So the parts' normalised forms, the empty ones left out, joined by one space, are the whole's.
 * The property test holds it to normaliseText over characters chosen for each of those rules.
 */
export function joinNormalised(normalisedParts: readonly string[]): string {
  return normalisedParts.filter((part) => part !== '').join(' ');
}
