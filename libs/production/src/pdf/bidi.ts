import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

// Strong right-to-left characters (Hebrew, Arabic, Syriac, Thaana, NKo, presentation forms, RTL marks): text
// without any has every level 0 and skips the algorithm, which is most record data.
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * The embedding level of every UTF-16 code unit of `text` by the Unicode Bidirectional Algorithm (bidi-js,
 * UAX #9 conformant) in a left-to-right paragraph: the document is laid out left to right and every value sits in a
 * left-aligned cell or line, so a right-to-left value is a right-to-left run inside it. Null when the text has no
 * right-to-left character (all levels 0).
 */
export function bidiLevels(text: string): Uint8Array | null {
  if (!RIGHT_TO_LEFT.test(text)) return null;
  return bidi.getEmbeddingLevels(text, 'ltr').levels;
}
