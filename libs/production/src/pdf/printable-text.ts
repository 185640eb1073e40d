const FORMAT_CHARACTERS = /[\p{Cf}]/gu; // zero-width and bidi controls, soft hyphen: invisible, so dropped
const SPACING = /[\p{Cc}\p{Z}]+/gu; // tabs, newlines, no-break and other spaces: one plain space

/**
 * A value as it is drawn: NFC (so "e" + combining acute becomes the precomposed "é" the fonts carry), invisible
 * format characters dropped, every run of whitespace or control characters one space, trimmed.
 */
export function printableText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Most record data is printable ASCII: already NFC, no format characters, only plain spaces to collapse.
  if (PRINTABLE_ASCII.test(text)) return (text.includes('  ') ? text.replace(SPACES, ' ') : text).trim();
  return text.normalize('NFC').replace(FORMAT_CHARACTERS, '').replace(SPACING, ' ').trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const SPACES = / {2,}/g;
