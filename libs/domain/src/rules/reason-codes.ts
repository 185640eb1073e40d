import { REDACTION_REASONS } from '../redaction/reason-codes';

/**
 * One catalogue of reason codes with their legal source: the reasons a review gives for its recommendation
 * (case level) here, and the reasons redaction withholds a record or a field (record and field level), which
 * the redaction policy owns in ../redaction/reason-codes and which are merged in below unchanged. Add case
 * codes here and withholding codes there; everything that cites a reason can read REASON_CODES.
 */
export type ReasonLevel = 'case' | 'record' | 'field';

export interface ReasonCodeEntry {
  label: string;
  citation: string;
  levels: readonly ReasonLevel[];
}

const CASE: readonly ReasonLevel[] = ['case'];

export const CASE_REASON_CODES = {
  // Bases for release
  RELEASE_LIBRARY_ADMINISTRATION: { label: 'Disclosure within the scope of library administration duties', citation: 'Gov. Code § 7927.105(c)(1)', levels: CASE },
  RELEASE_PATRON_CONSENT: { label: 'Written authorization of the patron the records concern', citation: 'Gov. Code § 7927.105(c)(2)', levels: CASE },
  RELEASE_COURT_ORDER: { label: 'Order of the appropriate superior court', citation: 'Gov. Code § 7927.105(c)(3)', levels: CASE },
  // Grounds for refusal or withholding
  NO_LEGAL_BASIS: { label: 'No basis for release under the patron-records statute', citation: 'Gov. Code § 7927.105(c) (formerly § 6267)', levels: CASE },
  CPRA_EXEMPT_PATRON_RECORDS: { label: 'Patron use records are exempt from public disclosure', citation: 'Gov. Code §§ 7927.100, 7927.105', levels: CASE },
  FINES_NOT_EXEMPT: { label: 'Records of fines are not exempt and are released', citation: 'Gov. Code §§ 7927.100(b), 7927.105(b)(2)', levels: CASE },
  STATISTICS_NOT_EXEMPT: { label: 'Statistical reports of patron use are not protected', citation: 'Gov. Code § 7927.105(b)(1)', levels: CASE },
  WARRANT_EXPIRED: { label: 'Search warrant not executed within 10 days of issuance', citation: 'Penal Code § 1534(a)', levels: CASE },
  WARRANT_NOT_COURT_ORDER: { label: 'Counsel does not treat a search warrant as a superior court order', citation: 'Gov. Code § 7927.105(c)(3)', levels: CASE },
  COURT_ORDER_REQUIRED: { label: 'A subpoena alone does not permit release; a superior court order is required', citation: 'Gov. Code § 7927.105(c)(3)', levels: CASE },
  NO_CONSUMER_NOTICE: { label: 'No proof of service of the notice on the patron', citation: 'Code Civ. Proc. § 1985.3(b), (c); § 1985.4', levels: CASE },
  CONSUMER_NOTICE_LATE: { label: 'Notice to the patron served too late (10 days before production, 5 before the library; more when mailed)', citation: 'Code Civ. Proc. § 1985.3(b)(2), (3); § 1013(a)', levels: CASE },
  PRODUCTION_DATE_TOO_EARLY: { label: 'The production date is less than 15 days after service on the library', citation: 'Code Civ. Proc. § 2020.410(c)', levels: CASE },
  SUBPOENA_OBJECTION: { label: 'Written objection by the witness; production only on a court order (motion to quash or compel)', citation: 'Code Civ. Proc. §§ 1985.3(k), 1987.1', levels: CASE },
  OBJECTION_PENDING: { label: 'The patron objected or moved to quash; no production without a court order', citation: 'Code Civ. Proc. § 1985.3(g)', levels: CASE },
  CONSENT_SCOPE_EXCEEDED: { label: "Goes beyond the patron's written consent", citation: 'Gov. Code § 7927.105(c)(2)', levels: CASE },
  CONSENT_NOT_FROM_PATRON: { label: 'Consent not given by the patron the records concern', citation: 'Gov. Code § 7927.105(c)(2)', levels: CASE },
  IDENTITY_NOT_VERIFIED: { label: 'Identity of the requester or consenting patron not verified', citation: 'ALA, law-enforcement guidelines (procedures for law enforcement visits)', levels: CASE },
  NOT_SIGNED: { label: 'Not signed by the issuing judge, magistrate or patron', citation: 'Gov. Code § 7927.105(c)(2), (3); Penal Code § 1529', levels: CASE },
  NOT_PARTICULAR: { label: 'Records not described with particularity (warrants and orders)', citation: 'Penal Code § 1525; Cal. Const., art. I, § 13; U.S. Const., 4th Amend.', levels: CASE },
  NOT_PARTICULAR_CIVIL: { label: 'Civil subpoena does not describe the records with particularity', citation: 'Code Civ. Proc. §§ 1985(b), 2020.410(a)', levels: CASE },
  WRONG_COURT: { label: 'Not an order of the appropriate superior court', citation: 'Gov. Code § 7927.105(c)(3)', levels: CASE },
  FEDERAL_PROCESS_COUNSEL: { label: 'Federal process referred to counsel', citation: 'U.S. Const., art. VI, cl. 2; 18 U.S.C. §§ 2703, 2709, 3511; 50 U.S.C. § 1861', levels: CASE },
  NSL_SCOPE_LIMIT: { label: 'A National Security Letter reaches subscriber information and transactional records only, never loans, holds or searches', citation: '18 U.S.C. § 2709(a), (b)', levels: CASE },
  SCA_NOT_ECS_PROVIDER: { label: 'The library does not provide an electronic communication service for these records', citation: '18 U.S.C. §§ 2510(15), 2703, 2711(1)', levels: CASE },
  IMMIGRATION_WARRANT_NOT_JUDICIAL: { label: 'An immigration administrative warrant is not a judicial warrant; referred to counsel, nothing released', citation: 'Gov. Code § 7284.8; California Attorney General, model policy for libraries', levels: CASE },
  RULE45_OBJECTION: { label: 'Written objection to a federal subpoena, served within 14 days or by the compliance date', citation: 'Fed. R. Civ. P. 45(d)(2)(B)', levels: CASE },
  FEDERAL_WARRANT_EXPIRED: { label: 'Federal warrant not executed within the period it names (at most 14 days)', citation: 'Fed. R. Crim. P. 41(e)(2)(A)(i)', levels: CASE },
  NSL_NOT_COVERED_PROVIDER: { label: 'A library is not a wire or electronic communication service provider for a National Security Letter', citation: '18 U.S.C. § 2709(f)', levels: CASE },
  FISA_215_LAPSED: { label: 'Section 215 business-records authority lapsed on 15 March 2020', citation: '50 U.S.C. § 1861 (sunset, Pub. L. 116-69)', levels: CASE },
  NO_EMERGENCY_EXCEPTION: { label: 'No emergency exception; records preserved pending a court order', citation: 'Gov. Code § 7927.105', levels: CASE },
  OUTSIDE_SCOPE: { label: 'Part of the request falls outside what the authority allows', citation: 'Gov. Code § 7927.105(c)', levels: CASE },
} as const satisfies Record<string, ReasonCodeEntry>;

type WithholdingReasonCode = keyof typeof REDACTION_REASONS;

const WITHHOLDING_REASON_CODES = Object.fromEntries(
  Object.entries(REDACTION_REASONS).map(([code, reason]): [string, ReasonCodeEntry] => [code, { label: reason.label, citation: reason.basis, levels: [reason.level] }]),
) as Record<WithholdingReasonCode, ReasonCodeEntry>;

export type ReasonCode = keyof typeof CASE_REASON_CODES | WithholdingReasonCode;

export const REASON_CODES: Readonly<Record<ReasonCode, ReasonCodeEntry>> = { ...WITHHOLDING_REASON_CODES, ...CASE_REASON_CODES };

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REASON_CODES, value);
}

export function reasonCodesFor(level: ReasonLevel): ReasonCode[] {
  return (Object.keys(REASON_CODES) as ReasonCode[]).filter((code) => REASON_CODES[code].levels.includes(level));
}
