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
};
