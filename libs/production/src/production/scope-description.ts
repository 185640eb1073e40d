import { aliasOf, type CaseScope } from '@custodian/domain';
import { longDate } from '../text/long-date';
import { RECORD_TYPE_TITLES } from './record-presentation';

/** The scope in words, as the cover letter and manifest state it; `requested`, when given, is the scope asked for. */
export function describeScope(scope: CaseScope, requested?: CaseScope) {
  const aliased = scope.cardNumbers.map((card) => aliasOf(scope, card)).filter((alias): alias is string => alias !== null);
  return {
    /** Card numbers, and for a patron the scope names by an alias the alias alone: the card number is withheld. */
    patrons: scope.cardNumbers.map((card) => quotedAlias(aliasOf(scope, card)) ?? card).join(', '),
    patronsLabel: aliased.length ? 'Patrons (card numbers or aliases)' : 'Patrons (card numbers)',
    /** "the patrons with card numbers 1, 2" or "the patrons with card number 1 and the patron referred to as “Patron A”". */
    patronsPhrase: patronsPhrase(scope),
    dates: `${longDate(scope.from)} to ${longDate(scope.to)}, inclusive`,
    recordTypes: listInWords(scope.recordTypes.map((recordType) => RECORD_TYPE_TITLES[recordType].toLowerCase())),
    contactDetails: scope.includeContactDetails === true
      ? 'Contact details (address, e-mail, telephone) are included because the authority asks for them.'
      : requested?.includeContactDetails === true
        ? 'Contact details (address, e-mail, telephone) are withheld: the approved scope leaves them out.'
        : 'Contact details (address, e-mail, telephone) are withheld because the authority does not ask for them.',
  };
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function quotedAlias(alias: string | null): string | null {
  return alias === null ? null : `“${alias}”`;
}

function patronsPhrase(scope: CaseScope): string {
  const cards = scope.cardNumbers.filter((card) => aliasOf(scope, card) === null);
  const aliases = scope.cardNumbers.map((card) => quotedAlias(aliasOf(scope, card))).filter((alias): alias is string => alias !== null);
  if (aliases.length === 0) return `the patrons with card numbers ${cards.join(', ')}`;
  const referred = `${aliases.length > 1 ? 'the patrons' : 'the patron'} referred to as ${listInWords(aliases)}`;
  if (cards.length === 0) return referred;
  return `the ${cards.length > 1 ? 'patrons with card numbers' : 'patron with card number'} ${cards.join(', ')} and ${referred}`;
}
