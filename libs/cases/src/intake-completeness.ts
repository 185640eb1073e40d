import type { CaseEntity } from '@custodian/persistence';

/** Fields intake must have before legal review can start, by request type. */
export function missingIntakeFields(row: CaseEntity): string[] {
  const missing: string[] = [];
  const instrument = row.instrument ?? {};
  if (['court_order', 'search_warrant', 'civil_subpoena', 'criminal_subpoena', 'federal_search_warrant', 'federal_civil_subpoena'].includes(row.requestType)) {
    if (!instrument.issuedBy) missing.push('instrument.issuedBy');
    if (!instrument.issuedAt) missing.push('instrument.issuedAt');
  }
  if (['court_order', 'civil_subpoena', 'criminal_subpoena'].includes(row.requestType) && !instrument.docketNumber) missing.push('instrument.docketNumber');
  if (row.requestType === 'patron_consent' && !instrument.consentingCardNumber) missing.push('instrument.consentingCardNumber');
  if (['search_warrant', 'court_order', 'criminal_subpoena', 'national_security_letter', 'emergency', 'federal_search_warrant', 'sca_2703_process', 'federal_administrative_subpoena', 'immigration_administrative_warrant'].includes(row.requestType) && !row.requester.agency) missing.push('requester.agency');
  // A request through the city's portal runs from the city's receipt (Gov. Code § 7922.535(a)): record both.
  if (row.requestType === 'public_records' && row.channel === 'portal') {
    if (!instrument.cityPortalNumber) missing.push('instrument.cityPortalNumber');
    if (!instrument.cityReceivedAt) missing.push('instrument.cityReceivedAt');
  }
  return missing;
}
