import type { CaseScope } from '@custodian/domain';
import { longDate } from '../text/long-date';
import { RECORD_TYPE_TITLES } from './record-presentation';

/** The scope in words, as the cover letter and manifest state it. */
export function describeScope(scope: CaseScope, includeContactDetails: boolean) {
  return {
    patrons: scope.cardNumbers.join(', '),
    dates: `${longDate(scope.from)} to ${longDate(scope.to)}, inclusive`,
    recordTypes: listInWords(scope.recordTypes.map((recordType) => RECORD_TYPE_TITLES[recordType].toLowerCase())),
    contactDetails: includeContactDetails
      ? 'Contact details (address, e-mail, telephone) are included because the authority asks for them.'
      : 'Contact details (address, e-mail, telephone) are withheld because the authority does not ask for them.',
  };
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
