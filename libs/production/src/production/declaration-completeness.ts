import { canonicalScope, type CaseScope } from '@custodian/domain';
import { longDate } from '../text/long-date';
import { RECORD_TYPE_TITLES } from './record-presentation';
import { listInWords } from './scope-description';

/**
 * How the approved scope is narrower than the requested one, one phrase per way (patrons, record types, dates,
 * contact details); empty when it is not narrower. Patrons left out are counted, never named: their card numbers
 * are withheld.
 */
export function scopeNarrowings(approved: CaseScope, requested: CaseScope | undefined): string[] {
  if (!requested) return [];
  const a = canonicalScope(approved);
  const r = canonicalScope(requested);
  const parts: string[] = [];
  if (a.cardNumbers.length < r.cardNumbers.length) parts.push(`records of ${a.cardNumbers.length} of the ${r.cardNumbers.length} patrons named`);
  if (a.recordTypes.length < r.recordTypes.length) parts.push(`${listInWords(approved.recordTypes.map((type) => RECORD_TYPE_TITLES[type].toLowerCase()))} only`);
  if (a.from > r.from || a.to < r.to) parts.push(`dated ${longDate(approved.from)} to ${longDate(approved.to)} only`);
  if (r.includeContactDetails && !a.includeContactDetails) parts.push('without contact details');
  return parts;
}

/**
 * What the declaration must add when it cannot certify all the records described (Evid. Code § 1561(b): "only part
 * thereof ... shall so state"): null when the approved scope is the requested one. When nothing was found, the
 * search covered only the approved part, so the declaration must not be read as saying the rest does not exist.
 */
export function partialProductionStatement(approved: CaseScope, requested: CaseScope | undefined, producedAny = true): string | null {
  const parts = scopeNarrowings(approved, requested);
  if (parts.length === 0) return null;
  return producedAny
    ? `Only part of the records described is produced: ${parts.join('; ')}. The remaining records described are not produced with this declaration.`
    : `Only part of the records described is covered by this declaration: ${parts.join('; ')}. The remaining records described are not produced with this declaration, which does not state whether the Library has them.`;
}
