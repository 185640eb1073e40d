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
const ALA = 'ALA, Policy on Confidentiality of Library Records and law-enforcement guidelines';
const particularity = (required: boolean, citation = 'Penal Code § 1525; Cal. Const., art. I, § 13') =>
  (required ? must : may)('records_named_with_particularity', 'The records are named with particularity', citation);
const CIVIL_PARTICULARITY = 'Code Civ. Proc. §§ 1985(b), 2020.410(a)';
const FEDERAL_COUNSEL = must('counsel_consulted', 'Counsel consulted before anything is said or produced', 'U.S. Const., art. VI, cl. 2 (counsel question)');

/** What the reviewer must confirm for each request type (domain.md §§ 3-4). */
export const CHECKLISTS: Record<RequestType, readonly ChecklistItem[]> = {
  patron_consent: [
    must('signed_by_patron', 'Signed by the patron the records concern', `${PATRON_RECORDS}(c)(2)`),
    must('identity_verified', "The patron's identity was verified against the card record", `${PATRON_RECORDS}(c)(2); ${ALA}`),
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
    must('officer_identity_verified', "The officer's identity was checked and the ID copied", ALA),
    may('executable_in_county', 'Directed to an officer who may execute it here', 'Penal Code §§ 1528, 1530'),
    may('nondisclosure_order_reviewed', 'Any nondisclosure order read and its end date recorded (Penal Code § 1546.2 when it seeks electronic information)', "The warrant's own terms; Penal Code § 1546.2(b) for CalECPA process"),
  ],
  civil_subpoena: [
    must('proof_of_consumer_notice', 'Proof of service of the notice on the patron', 'Code Civ. Proc. § 1985.3(b), (c); § 1985.4'),
    must('notice_timing_ccp_1985_3', 'Patron served ≥10 days before production and ≥5 days before the library (more when mailed)', 'Code Civ. Proc. § 1985.3(b)(2), (3); § 1013(a)'),
    may('production_date_15_days', 'Production date at least 15 days after service on the library', 'Code Civ. Proc. § 2020.410(c)'),
    ask('objection_received', 'Has the patron objected or moved to quash?', 'Code Civ. Proc. § 1985.3(g)', false),
    courtOrderObtained,
    particularity(false, CIVIL_PARTICULARITY),
  ],
  criminal_subpoena: [
    must('issued_by_court_or_grand_jury', 'Issued by a court, a grand jury or a district attorney', 'Penal Code §§ 1326(a), 939.2'),
    particularity(true),
    may('sealed_delivery_to_court', 'Any records to be delivered sealed to the court with the custodian\'s affidavit', 'Penal Code § 1326(b), (c); Evid. Code §§ 1560(b), 1561, 1562'),
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
    must('requester_identity_verified', "The requester's identity was verified", ALA),
    courtOrderObtained,
    may('emergency_facts_documented', 'The claimed emergency is documented', ALA),
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
    later(must('disclosure_logged', 'The disclosure is logged like any other', ALA), 'delivery'),
    may('minimum_necessary', 'Only the records the task needs', ALA),
  ],
  federal_search_warrant: [
    must('signed_by_federal_judge', 'Signed by a federal magistrate or district judge', 'Fed. R. Crim. P. 41(b), (e)(1)'),
    must('within_execution_period', 'Executed within the period the warrant names (at most 14 days)', 'Fed. R. Crim. P. 41(e)(2)(A)(i)'),
    must('names_records_with_particularity', 'Names the place and the records with particularity', 'U.S. Const., 4th Amend.; Fed. R. Crim. P. 41(e)(2)'),
    must('officer_identity_verified', "The agent's identity was checked and the ID copied", ALA),
    FEDERAL_COUNSEL,
  ],
  sca_2703_process: [
    must('issued_under_2703', 'A court order under § 2703(d), a warrant, or a subpoena under § 2703(c)(2)', '18 U.S.C. § 2703(c), (d)'),
    ask('library_is_ecs_provider', 'Does the library provide the public an electronic communication service (e.g. public internet) for these records?', '18 U.S.C. §§ 2510(15), 2703, 2711(1)', true),
    particularity(true, '18 U.S.C. § 2703(c)(2), (d)'),
    FEDERAL_COUNSEL,
    may('preclusion_of_notice_order', 'Any order precluding notice (18 U.S.C. § 2705(b)) read and its end date recorded', '18 U.S.C. § 2705(b)'),
  ],
  federal_administrative_subpoena: [
    must('statute_authorizes_subpoena', 'The statute cited authorizes this agency to subpoena these records', 'The issuing statute (counsel question)'),
    particularity(true, 'The issuing statute; U.S. Const., 4th Amend.'),
    FEDERAL_COUNSEL,
    courtOrderObtained,
  ],
  immigration_administrative_warrant: [
    must('counsel_notified', 'Counsel notified at once', 'Gov. Code § 7284.8; California Attorney General, model policy for libraries'),
    ask('signed_by_judge', 'Is it signed by a judge (not an immigration officer)?', 'California Attorney General, model policy (Forms I-200 / I-205 are not judicial warrants)', true),
    must('no_records_released_pending_counsel', 'Nothing released or confirmed while counsel reviews', 'Gov. Code §§ 7284.6, 7284.8; ' + PATRON_RECORDS),
  ],
  federal_civil_subpoena: [
    must('objections_within_14_days', 'Written objections served by the earlier of the compliance date or 14 days after service', 'Fed. R. Civ. P. 45(d)(2)(B)'),
    particularity(true, 'Fed. R. Civ. P. 45(a)(1)(A)(iii)'),
    ask('objection_received', 'Has the patron or a party objected or moved to quash?', 'Fed. R. Civ. P. 45(d)(2)(B), (d)(3)', false),
    courtOrderObtained,
    FEDERAL_COUNSEL,
  ],
};
