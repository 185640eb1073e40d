/** The kinds of request a library receives for patron records (design.md). */
export const REQUEST_TYPES = [
  'patron_consent',
  'court_order',
  'search_warrant',
  'civil_subpoena',
  'criminal_subpoena',
  'national_security_letter',
  'fisa_order',
  'emergency',
  'public_records',
  'internal',
  'federal_search_warrant',
  'sca_2703_process',
  'federal_administrative_subpoena',
  'immigration_administrative_warrant',
  'federal_civil_subpoena',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const RECORD_TYPES = ['patron', 'loans', 'holds', 'fines', 'searches', 'sessions'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const CHANNELS = ['in_person', 'mail', 'email', 'fax', 'portal', 'phone', 'internal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How the requester's identity was checked at the desk (ALA procedure: ID copied, call-back, government e-mail). */
export const VERIFICATION_METHODS = ['id_copied', 'callback_published_number', 'government_email', 'court_record', 'patron_id_checked', 'not_verified'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  patron_consent: 'Patron written consent',
  court_order: 'Superior court order',
  search_warrant: 'Search warrant',
  civil_subpoena: 'Civil subpoena',
  criminal_subpoena: 'Criminal or grand-jury subpoena',
  national_security_letter: 'National Security Letter',
  fisa_order: 'FISA order',
  emergency: 'Emergency / exigent request',
  public_records: 'Public-records (CPRA) request',
  internal: 'Internal library administration',
  federal_search_warrant: 'Federal search warrant (Fed. R. Crim. P. 41)',
  sca_2703_process: 'Stored Communications Act order or subpoena (18 U.S.C. § 2703)',
  federal_administrative_subpoena: 'Federal administrative subpoena',
  immigration_administrative_warrant: 'Immigration administrative warrant (Form I-200 / I-205)',
  federal_civil_subpoena: 'Federal civil subpoena (Fed. R. Civ. P. 45)',
};

/** Gagged by statute whether or not a date was typed: only a recorded lifting event ends it. */
export const STATUTORY_GAGS: Partial<Record<RequestType, { citation: string; text: string }>> = {
  national_security_letter: { citation: '18 U.S.C. § 2709(c)', text: 'A National Security Letter forbids disclosing that it was sought or obtained; disclosure to counsel and to those needed to comply is allowed.' },
  fisa_order: { citation: '50 U.S.C. § 1861(d)', text: 'A FISA business-records order forbids disclosing that it was sought or obtained; disclosure to counsel and to those needed to comply is allowed.' },
};

export function hasStatutoryGag(type: RequestType): boolean {
  return STATUTORY_GAGS[type] !== undefined;
}

/** Federal process: counsel answers it (federal supremacy is a counsel question, domain.md § 3). */
export const FEDERAL_REQUEST_TYPES: readonly RequestType[] = [
  'national_security_letter', 'fisa_order', 'federal_search_warrant', 'sca_2703_process', 'federal_administrative_subpoena', 'immigration_administrative_warrant', 'federal_civil_subpoena',
];
