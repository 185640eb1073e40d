import type { RequestType } from '../request-types';
import type { ChecklistItem } from './rule-types';

const PATRON_RECORDS = 'Gov. Code § 7927.105';
const must = (key: string, label: string, citation: string): ChecklistItem => ({ key, label, citation, required: true, supportingAnswer: true });
const may = (key: string, label: string, citation: string): ChecklistItem => ({ key, label, citation, required: false, supportingAnswer: true });
/** A required yes/no question whose answer supporting release is `supportingAnswer`. */
const ask = (key: string, label: string, citation: string, supportingAnswer: boolean): ChecklistItem => ({ key, label, citation, required: true, supportingAnswer });

/** A duty done after the review, at `step`: shown where it happens, never asked of the reviewing attorney. */
const later = (item: ChecklistItem, step: 'decision' | 'delivery'): ChecklistItem => ({ ...item, checkedAt: step });

const courtOrderObtained = must('court_order_obtained', 'A superior court order for these records has been obtained', `${PATRON_RECORDS}(c)(3)`);
const particularity = (required: boolean) =>
  (required ? must : may)('records_named_with_particularity', 'The records are named with particularity', 'Penal Code § 1525; Cal. Const., art. I, § 13');

/** What the reviewer must confirm for each request type (domain.md §§ 3-4). */
export const CHECKLISTS: Record<RequestType, readonly ChecklistItem[]> = {
  patron_consent: [
    must('signed_by_patron', 'Signed by the patron the records concern', `${PATRON_RECORDS}(c)(2)`),
    must('identity_verified', "The patron's identity was verified against the card record", `${PATRON_RECORDS}(c)(2); Library policy LIBR-010`),
    must('consent_scope_matches_request', 'The consent covers the records, dates and recipient asked for', `${PATRON_RECORDS}(c)(2)`),
    must('consent_dated', 'The consent is dated', `${PATRON_RECORDS}(c)(2)`),
    may('consent_names_recipient', 'The consent names who may receive the records', `${PATRON_RECORDS}(c)(2)`),
    may('consent_not_revoked', 'No later revocation is on file', `${PATRON_RECORDS}(c)(2)`),
  ],
  court_order: [
    must('issuing_court_superior', 'Issued by a California superior court', `${PATRON_RECORDS}(c)(3)`),
    must('judge_signature', "Signed by the judge", `${PATRON_RECORDS}(c)(3)`),
    must('case_number', 'Case number stated', `${PATRON_RECORDS}(c)(3)`),
    particularity(true),
    must('date_range_stated', 'Date range of the records stated', `${PATRON_RECORDS}(c)(3)`),
    may('patron_identified', 'Patron identified by name or card number', `${PATRON_RECORDS}(c)(3)`),
    may('service_proper', 'Properly served on the library', 'Code Civ. Proc. § 1987'),
  ],
  search_warrant: [
    must('signed_by_magistrate', 'Signed by a magistrate', 'Penal Code §§ 1523, 1529'),
    must('issued_within_10_days', 'Issued no more than 10 days ago', 'Penal Code § 1534(a)'),
    must('names_library', 'Names the library as the place to be searched', 'Penal Code §§ 1525, 1529'),
    must('names_records_with_particularity', 'Names the records sought with particularity', 'Penal Code § 1525; Cal. Const., art. I, § 13'),
    must('officer_identity_verified', "The officer's identity was checked and the ID copied", 'Library policy LIBR-010; ALA law-enforcement guidelines'),
    may('executable_in_county', 'Directed to an officer who may execute it here', 'Penal Code §§ 1528, 1530'),
    may('nondisclosure_order_reviewed', 'Any nondisclosure order read and its end date recorded', 'Penal Code § 1546.2'),
  ],
  civil_subpoena: [
    must('proof_of_consumer_notice', 'Proof that the patron was served with notice', 'Code Civ. Proc. §§ 1985.3(b), 1985.4'),
    must('notice_timing_ccp_1985_3', 'Patron served ≥10 days before production and ≥5 days before the library', 'Code Civ. Proc. § 1985.3(b)(3)'),
    ask('objection_received', 'Has the patron objected or moved to quash?', 'Code Civ. Proc. § 1985.3(g)', false),
    courtOrderObtained,
    particularity(false),
  ],
  criminal_subpoena: [
    must('issued_by_court_or_grand_jury', 'Issued by a court or grand jury', 'Penal Code §§ 1326, 939.2'),
    particularity(true),
    must('good_cause_shown_in_court', 'Good cause has been shown in court', 'ALA law-enforcement guidelines'),
    courtOrderObtained,
    may('federal_process', 'Issued under federal authority (e.g. a federal grand jury)', 'U.S. Const., art. VI, cl. 2 (counsel question)'),
  ],
  national_security_letter: [
    must('signed_by_designated_fbi_official', 'Signed by a designated FBI official', '18 U.S.C. § 2709(b)'),
    must('certification_of_relevance', 'Certifies relevance to an authorized investigation', '18 U.S.C. § 2709(b)'),
    ask('library_is_ecs_provider', 'Does the library act as an electronic communication service provider for these records?', '18 U.S.C. §§ 2709(f), 2510(15)', true),
    must('counsel_consulted', 'Counsel consulted (disclosure to counsel is allowed despite the gag)', '18 U.S.C. § 2709(c)(2)'),
    may('nondisclosure_requirement_noted', 'Nondisclosure requirement noted and access restricted', '18 U.S.C. § 2709(c)'),
    may('judicial_review_considered', 'Judicial review of the letter or its gag considered', '18 U.S.C. § 3511'),
  ],
  fisa_order: [
    must('issued_by_fisc', 'Issued by the Foreign Intelligence Surveillance Court', '50 U.S.C. § 1861(c)'),
    ask('grandfathered_investigation', 'Does it concern an investigation begun before 15 March 2020?', '50 U.S.C. § 1861 (sunset, Pub. L. 116-69)', true),
    must('counsel_consulted', 'Counsel consulted', '50 U.S.C. § 1861(d)(1)(B)'),
    may('nondisclosure_noted', 'Nondisclosure requirement noted and access restricted', '50 U.S.C. § 1861(d)'),
  ],
  emergency: [
    must('counsel_notified', 'Counsel notified at once', PATRON_RECORDS),
    must('preservation_hold_placed', 'Preservation hold placed on the records', 'Library procedure; ALA key concepts'),
    must('requester_identity_verified', "The requester's identity was verified", 'Library policy LIBR-010; ALA law-enforcement guidelines'),
    courtOrderObtained,
    may('emergency_facts_documented', 'The claimed emergency is documented', 'Library policy LIBR-010'),
  ],
  public_records: [
    must('records_requested_identified', 'The records requested are identified', 'Gov. Code § 7922.530'),
    must('patron_use_records_withheld', 'Patron use records identified and withheld', 'Gov. Code §§ 7927.100, 7927.105'),
    must('fines_and_statistics_considered', 'Records of fines and statistical reports considered for release', 'Gov. Code §§ 7927.100(b), 7927.105(b)'),
    later(must('determination_within_10_days', 'Determination sent within 10 days (or a valid extension)', 'Gov. Code § 7922.535'), 'decision'),
    later(must('denial_names_responsible_persons', 'Any denial names each person responsible, with title', 'Gov. Code § 7922.540'), 'decision'),
  ],
  internal: [
    must('staff_member_identified', 'The staff member receiving the records is identified', `${PATRON_RECORDS}(c)(1)`),
    must('purpose_within_duties', 'The purpose is within their library administration duties', `${PATRON_RECORDS}(c)(1)`),
    later(must('disclosure_logged', 'The disclosure is logged like any other', 'Library policy LIBR-010'), 'delivery'),
    may('minimum_necessary', 'Only the records the task needs', 'Library policy LIBR-010'),
  ],
};
