import { calecpaProblem, NondisclosureBasis } from './gags';
import { isIsoDate } from './deadlines/iso-date';
import { toLocalDate } from './deadlines/local-date';
import type { Channel, RecordType, RequestType } from './request-types';

export interface IntakeFacts {
  requestType: RequestType;
  channel: Channel;
  receivedAt: Date;
  instrument: { issuedAt?: string | null; cityReceivedAt?: string | null; cityPortalNumber?: string | null };
  scope: { recordTypes: RecordType[] };
  nondisclosureBasis?: NondisclosureBasis | null;
  nondisclosureUntil?: string | null;
}

export interface IntakeProblem {
  field: string;
  message: string;
}

/**
 * Facts a clock runs from must have happened: a receipt, issuance or city receipt in the future is refused, so no
 * deadline is ever computed from a date that has not come. A CalECPA delayed-notice basis needs CalECPA process.
 */
export function intakeFactProblems(facts: IntakeFacts, now: Date = new Date()): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  const today = toLocalDate(now);
  if (Number.isNaN(facts.receivedAt.getTime())) problems.push({ field: 'receivedAt', message: 'is not a date-time' });
  else if (facts.receivedAt.getTime() > now.getTime()) problems.push({ field: 'receivedAt', message: 'is in the future: record when the library was actually served with or received the request' });
  const issuedAt = facts.instrument.issuedAt;
  if (issuedAt && isIsoDate(issuedAt) && issuedAt > today) problems.push({ field: 'instrument.issuedAt', message: `is in the future (${issuedAt}); the instrument cannot have been issued after today` });
  const city = facts.instrument.cityReceivedAt;
  if (city) {
    const cityMs = Date.parse(city);
    if (Number.isNaN(cityMs)) problems.push({ field: 'instrument.cityReceivedAt', message: 'must be an ISO 8601 date-time with its UTC offset' });
    else if (cityMs > now.getTime()) problems.push({ field: 'instrument.cityReceivedAt', message: 'is in the future' });
    else if (cityMs > facts.receivedAt.getTime()) problems.push({ field: 'instrument.cityReceivedAt', message: "is after the library's receipt; the city's portal receives a request first" });
  }
  if (facts.nondisclosureBasis === 'calecpa_delayed_notice') {
    const problem = calecpaProblem(facts.requestType, facts.scope);
    if (problem) problems.push({ field: 'nondisclosureBasis', message: problem });
    if (!facts.nondisclosureUntil) problems.push({ field: 'nondisclosureUntil', message: 'a CalECPA delayed-notice order states how long notice is delayed (Penal Code § 1546.2(b))' });
  }
  return problems;
}
