import { RecordType } from './request-types';

/**
 * A patron the production names by an alias instead of the card number: a court order that refers to "Patron A",
 * or a consent that asks that its card number not be printed. The card number is then withheld from the production.
 */
export interface PatronAlias {
  cardNumber: string;
  alias: string;
}

/** What a case asks for, and after review what may be produced: named patrons, a date range, record types. */
export interface CaseScope {
  cardNumbers: string[];
  /** ISO date (YYYY-MM-DD), inclusive. */
  from: string;
  /** ISO date (YYYY-MM-DD), inclusive. */
  to: string;
  recordTypes: RecordType[];
  /** Produce patron contact details (address, e-mail, phone): only when the instrument names them. */
  includeContactDetails?: boolean;
  /** At most one per named patron; absent or empty when every patron is named by card number. */
  aliases?: PatronAlias[];
}

export const ALIAS_MAX_LENGTH = 40;
export const ALIAS_RULE = `1-${ALIAS_MAX_LENGTH} printable characters with a letter or digit, no control or bidi characters, unique in the scope, not containing a card number`;

// Any control, format (bidi marks, zero-width characters), surrogate, private-use or unassigned code point.
const NOT_PRINTABLE = /[\p{C}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The form in which an alias and a card number are compared: compatibility-folded, lower case, letters and digits
 * only, so "Patron 2300-0000" still contains card number "23000000" and "PATRON A" repeats "Patron A".
 */
export function aliasComparisonForm(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Why `alias` cannot stand for a patron on its own (shape only), or null when it can. */
export function aliasShapeProblem(alias: unknown): string | null {
  if (typeof alias !== 'string') return 'is not text';
  if ([...alias].length > ALIAS_MAX_LENGTH) return `is longer than ${ALIAS_MAX_LENGTH} characters`;
  if (NOT_PRINTABLE.test(alias)) return 'may not hold control, format or bidi characters';
  if (alias.trim() !== alias) return 'may not start or end with a space';
  if (!LETTER_OR_DIGIT.test(alias)) return 'must hold a letter or digit';
  return null;
}

export interface AliasProblem {
  /** Index in `scope.aliases`. */
  index: number;
  message: string;
}

/**
 * Every reason the scope's aliases cannot be printed: a bad shape, a patron the scope does not name, a second alias
 * for one patron, an alias that repeats another, or one that is or contains a card number of the scope (its own or
 * another's: printing it would defeat the alias). Messages never repeat the card number or the alias.
 */
export function aliasProblems(scope: Pick<CaseScope, 'cardNumbers' | 'aliases'>): AliasProblem[] {
  const problems: AliasProblem[] = [];
  const cards = scope.cardNumbers.map((card) => card.trim());
  const cardForms = cards.map(aliasComparisonForm).filter((form) => form.length > 0);
  const seenCards = new Set<string>();
  const seenAliases = new Set<string>();
  (scope.aliases ?? []).forEach(({ cardNumber, alias }, index) => {
    const shape = aliasShapeProblem(alias);
    if (shape) return problems.push({ index, message: `alias ${shape}` });
    if (typeof cardNumber !== 'string' || !cards.includes(cardNumber.trim())) return problems.push({ index, message: 'the aliased card number is not one of the scope’s card numbers' });
    if (seenCards.has(cardNumber.trim())) return problems.push({ index, message: 'a patron may have only one alias' });
    seenCards.add(cardNumber.trim());
    const form = aliasComparisonForm(alias);
    if (seenAliases.has(form)) return problems.push({ index, message: 'two patrons may not share an alias' });
    seenAliases.add(form);
    if (cardForms.some((card) => form.includes(card))) return problems.push({ index, message: 'an alias may not be or contain a card number of the scope' });
    return undefined;
  });
  return problems;
}

/** The alias the production prints for `cardNumber`, or null when it prints the card number. */
export function aliasOf(scope: Pick<CaseScope, 'aliases'>, cardNumber: string | null | undefined): string | null {
  const card = (cardNumber ?? '').trim();
  if (!card) return null;
  return scope.aliases?.find((entry) => entry.cardNumber.trim() === card)?.alias ?? null;
}

/**
 * True when `inner` asks for nothing beyond `outer`: a narrowed scope may only shrink the request. For aliases that
 * means printing less: every alias the request gives a kept patron stays, word for word (the instrument's own
 * "Patron A"), and aliases may be added for patrons the request names by card number; dropping one would print a
 * card number the request asked to keep out.
 */
export function isWithinScope(inner: CaseScope, outer: CaseScope): boolean {
  return (
    inner.cardNumbers.every((c) => outer.cardNumbers.includes(c)) &&
    inner.recordTypes.every((t) => outer.recordTypes.includes(t)) &&
    inner.from >= outer.from &&
    inner.to <= outer.to &&
    (!inner.includeContactDetails || outer.includeContactDetails === true) &&
    (outer.aliases ?? []).every(({ cardNumber, alias }) => !inner.cardNumbers.includes(cardNumber) || aliasOf(inner, cardNumber) === alias)
  );
}

/** The scope in a canonical order, for comparing two scopes (the approved one and the review's). */
export function canonicalScope(scope: CaseScope) {
  return {
    cardNumbers: [...scope.cardNumbers].sort(),
    from: scope.from,
    to: scope.to,
    recordTypes: [...scope.recordTypes].sort(),
    includeContactDetails: scope.includeContactDetails === true,
    aliases: [...(scope.aliases ?? [])].map(({ cardNumber, alias }) => ({ cardNumber, alias })).sort((a, b) => (a.cardNumber < b.cardNumber ? -1 : a.cardNumber > b.cardNumber ? 1 : 0)),
  };
}
