import type { CaseState, Channel, DocumentKind, RecordType, Recommendation, RequestType, Role, Sufficiency, Urgency, Verification } from '../api/schema';

/** Words the workspace shows for the API's codes. */
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
export const REQUEST_TYPES = Object.keys(REQUEST_TYPE_LABELS) as RequestType[];

export const STATE_LABELS: Record<CaseState, string> = {
  intake: 'Intake',
  legal_review: 'Legal review',
  needs_info: 'Needs information',
  awaiting_approval: 'Awaiting approval',
  fulfilling: 'Fulfilling',
  fulfilled: 'Fulfilled',
  denied: 'Denied',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};
export const CASE_STATES = Object.keys(STATE_LABELS) as CaseState[];

export const CHANNEL_LABELS: Record<Channel, string> = {
  in_person: 'In person',
  mail: 'Mail',
  email: 'E-mail',
  fax: 'Fax',
  portal: 'Records portal',
  phone: 'Phone',
  internal: 'Internal',
};

export const VERIFICATION_LABELS: Record<Verification, string> = {
  id_copied: 'Photo ID checked and copied',
  callback_published_number: 'Called back on a published number',
  government_email: 'Government e-mail address',
  court_record: 'Checked against the court record',
  patron_id_checked: 'Patron ID checked against the card record',
  not_verified: 'Not verified',
};

export const RECORD_TYPE_LABELS: Record<RecordType, string> = {
  patron: 'Patron registration',
  loans: 'Loans',
  holds: 'Holds',
  fines: 'Fines and fees',
  searches: 'Catalogue searches',
  sessions: 'Computer sessions',
};
export const RECORD_TYPES = Object.keys(RECORD_TYPE_LABELS) as RecordType[];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  instrument: 'The instrument (order, warrant, subpoena)',
  consent: 'Patron consent',
  requester_id: "Requester's ID",
  correspondence: 'Correspondence',
  court_filing: 'Court filing',
  other: 'Other',
};

export const SUFFICIENCY_LABELS: Record<Sufficiency, string> = {
  sufficient: 'Sufficient',
  insufficient: 'Insufficient',
  needs_info: 'Needs information from the requester',
};

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  fulfil: 'Fulfil',
  partial: 'Fulfil in part',
  deny: 'Deny',
};

export const URGENCY_LABELS: Record<Urgency, string> = {
  overdue: 'Overdue',
  due_today: 'Due today',
  due_soon: 'Due soon',
  later: 'Later',
  paused: 'Paused',
};

export const ROLE_LABELS: Record<Role, string> = {
  clerk: 'Records clerk',
  attorney: 'Attorney',
  director: 'Director',
  auditor: 'Auditor',
  admin: 'Administrator',
};
export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export function label<K extends string>(table: Record<K, string>, code: string | null | undefined): string {
  if (!code) return '—';
  return (table as Record<string, string>)[code] ?? code;
}

/** A code-to-label table as select or radio options, in the table's order. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** States in which a case is still being worked. */
export const OPEN_STATES: CaseState[] = ['intake', 'legal_review', 'needs_info', 'awaiting_approval', 'fulfilling'];
