/** Bates numbers: a prefix and a zero-padded sequence, one per page, continuous across a production (domain.md §6). */
export const BATES_DIGITS = 6;
const PREFIX = /^[A-Z][A-Z0-9]{0,11}$/;

export function assertBatesPrefix(prefix: string): void {
  if (!PREFIX.test(prefix)) throw new Error(`Bates prefix must be 1-12 capital letters or digits starting with a letter, got "${prefix}"`);
}

export function formatBates(prefix: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new Error(`Bates sequence must be a positive integer, got ${sequence}`);
  return `${prefix}-${String(sequence).padStart(BATES_DIGITS, '0')}`;
}

/** Matches Bates numbers of one prefix in extracted text; group 1 is the sequence. */
export function batesPattern(prefix: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])${prefix}-(\\d{${BATES_DIGITS},})(?![0-9])`, 'g');
}
