import { canonicalScope, type CaseScope } from '@custodian/domain';
import { longDate } from '../text/long-date';
import { RECORD_TYPE_TITLES } from './record-presentation';
import { listInWords } from './scope-description';

/**
 * What the declaration must add when it cannot certify all the records described (Evid. Code § 1561(b): "only part
 * thereof ... shall so state"): null when the approved scope is the requested one. Patrons left out are counted,
 * never named: their card numbers are withheld.
 */
export function partialProductionStatement(approved: CaseScope, requested: CaseScope | undefined): string | null {
  if (!requested) return null;
  const a = canonicalScope(approved);
  const r = canonicalScope(requested);
  const parts: string[] = [];
  if (a.cardNumbers.length < r.cardNumbers.length) parts.push(`records of ${a.cardNumbers.length} of the ${r.cardNumbers.length} patrons named`);
  if (a.recordTypes.length < r.recordTypes.length) parts.push(`${listInWords(approved.recordTypes.map((type) => RECORD_TYPE_TITLES[type].toLowerCase()))} only`);
  if (a.from > r.from || a.to < r.to) parts.push(`dated ${longDate(approved.from)} to ${longDate(approved.to)} only`);
  if (r.includeContactDetails && !a.includeContactDetails) parts.push('without contact details');
  if (parts.length === 0) return null;
  return `Only part of the records described is produced: ${parts.join('; ')}. The remaining records described are not produced with this declaration.`;
}
