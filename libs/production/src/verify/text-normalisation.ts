const MARKS = /\p{M}/gu;
const INVISIBLE = /\p{Cf}/gu;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const WHITESPACE = /[\s\p{Z}]+/gu;

/** NFKD, diacritics stripped, lower case, quotes and dashes folded, whitespace collapsed: how text is compared. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
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
