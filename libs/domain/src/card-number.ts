/**
 * What a library card number in a request may be. Koha keeps it in `borrowers.cardnumber`, varchar(32)
 * (docs/reference: koha-schema.md), and libraries print it as a barcode: 14-digit Codabar ("23000000012345"),
 * a letter prefix and digits ("P0012345", "LIB-12-3456", "B1234567X"), grouped with spaces ("2300 0001 2345"), or
 * the sequential numbers Koha's autoMemberNum gives ("1", "42"). All of them are numbered; a value with no digit
 * at all ("abc") is a word or a name typed into the wrong field, and a comma or another sign ("abc, 123") is two
 * values or a typing slip. Neither can name a patron, so the request is refused at the field instead of
 * producing nothing later.
 */
export const CARD_NUMBER_MAX_LENGTH = 32;

/** Letters, digits, dashes and inner spaces; first and last a letter or digit. */
export const CARD_NUMBER_SHAPE = new RegExp(`^[A-Za-z0-9](?:[A-Za-z0-9 -]{0,${CARD_NUMBER_MAX_LENGTH - 2}}[A-Za-z0-9])?$`);

export const CARD_NUMBER_RULE = `1-${CARD_NUMBER_MAX_LENGTH} letters, digits, dashes or inner spaces, with at least one digit`;

/** Why `value` cannot be a card number, or null when it can. */
export function cardNumberProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'is not text';
  if (value.length > CARD_NUMBER_MAX_LENGTH) return `is longer than ${CARD_NUMBER_MAX_LENGTH} characters`;
  if (!CARD_NUMBER_SHAPE.test(value)) return 'may hold only letters, digits, dashes and inner spaces';
  if (!/\d/.test(value)) return 'has no digit: library card numbers are numbered';
  return null;
}

export function isCardNumber(value: unknown): value is string {
  return cardNumberProblem(value) === null;
}
