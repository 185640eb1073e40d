import type { RequestType } from '../request-types';

/**
 * Whether the library may tell a patron that their records were sought, per kind of request, before any order:
 * - `allowed` — nothing in the law of the request forbids it (a court's nondisclosure order still may);
 * - `after_gag_lifted` — a statutory gag binds without a date: only a recorded lifting frees it;
 * - `not_applicable` — no outside request (library administration).
 */
export type PatronNoticeBasis = 'allowed' | 'after_gag_lifted' | 'not_applicable';

export interface PatronNoticeRule {
  basis: PatronNoticeBasis;
  text: string;
  citation: string;
}

const ALA = 'ALA, Suggested Procedures for Implementing Policies on the Confidentiality of Library Records';

export const PATRON_NOTICE_RULES: Readonly<Record<RequestType, PatronNoticeRule>> = {
  patron_consent: { basis: 'allowed', text: 'The patron asked; the notice confirms what was released under the consent.', citation: 'Gov. Code § 7927.105(c)(2)' },
  court_order: { basis: 'allowed', text: 'Notice is allowed unless the court ordered nondisclosure (for CalECPA process, a delayed-notice order under Penal Code § 1546.2(b)).', citation: `The order's own terms; Penal Code § 1546.2(b) for CalECPA process; ${ALA}` },
  search_warrant: { basis: 'allowed', text: 'Notice is allowed unless the warrant carries a nondisclosure order (for CalECPA process, Penal Code § 1546.2(b)).', citation: `The warrant's own terms; Penal Code § 1546.2(a), (b) for CalECPA process; ${ALA}` },
  civil_subpoena: { basis: 'allowed', text: 'The subpoenaing party must serve the patron; the library may tell the patron too, so they can object.', citation: 'Code Civ. Proc. §§ 1985.3(b), (g), 1985.4' },
  criminal_subpoena: { basis: 'allowed', text: 'Allowed unless a court orders otherwise (counsel: grand-jury secrecy).', citation: `Penal Code § 1326; ${ALA}` },
  national_security_letter: { basis: 'after_gag_lifted', text: 'The statutory nondisclosure requirement forbids telling anyone but counsel until it is lifted.', citation: '18 U.S.C. §§ 2709(c), 3511(b)' },
  fisa_order: { basis: 'after_gag_lifted', text: 'The statutory nondisclosure requirement forbids telling anyone but counsel until it is lifted.', citation: '50 U.S.C. §§ 1861(d), 1861(f)' },
  emergency: { basis: 'allowed', text: 'No exception in § 7927.105: nothing forbids telling the patron of the request.', citation: 'Gov. Code § 7927.105' },
  public_records: { basis: 'allowed', text: 'The records are exempt and were not released; the patron may be told of the request.', citation: 'Gov. Code §§ 7927.100, 7927.105' },
  federal_search_warrant: { basis: 'allowed', text: 'Allowed unless the court delayed notice; counsel decides.', citation: `Fed. R. Crim. P. 41(f)(3); ${ALA}` },
  sca_2703_process: { basis: 'allowed', text: 'Allowed unless a preclusion-of-notice order binds the library.', citation: `18 U.S.C. § 2705(b); ${ALA}` },
  federal_administrative_subpoena: { basis: 'allowed', text: 'Allowed unless the issuing statute or a court forbids it; counsel decides.', citation: `The issuing statute; ${ALA}` },
  immigration_administrative_warrant: { basis: 'allowed', text: 'An administrative warrant carries no gag; nothing was released.', citation: 'Gov. Code § 7284.8; California Attorney General, model policy for libraries' },
  federal_civil_subpoena: { basis: 'allowed', text: 'The serving party gives notice to the parties; the library may tell the patron so they can object.', citation: 'Fed. R. Civ. P. 45(a)(4), (d)(3)' },
  internal: { basis: 'not_applicable', text: 'Use within library administration is not a request from outside; no notice is sent.', citation: 'Gov. Code § 7927.105(c)(1)' },
};

export type PatronNoticeRefusal = 'NOT_APPLICABLE' | 'NONDISCLOSURE_ORDER' | 'STATUTORY_GAG' | 'NO_PATRONS' | 'STILL_IN_INTAKE';

export interface PatronNoticeDecision {
  allowed: boolean;
  refusal: PatronNoticeRefusal | null;
  message: string;
  citation: string;
}

export interface PatronNoticeFacts {
  requestType: RequestType;
  status: string;
  /** A court's nondisclosure order is in force (Penal Code § 1546.2(b)). */
  nondisclosureInForce: boolean;
  nondisclosureUntil: string | null;
  /** The law behind the nondisclosure order (Penal Code § 1546.2(b) only for CalECPA process); the order's terms by default. */
  nondisclosureCitation?: string;
  /** A statutory gag (NSL, FISA) still binds: not lifted by a recorded event. */
  statutoryGagInForce: boolean;
  patrons: number;
}

/** The one answer to "may this case's patrons be notified now?", with the reason and its citation. */
export function decidePatronNotice(facts: PatronNoticeFacts): PatronNoticeDecision {
  const rule = PATRON_NOTICE_RULES[facts.requestType];
  const no = (refusal: PatronNoticeRefusal, message: string, citation: string): PatronNoticeDecision => ({ allowed: false, refusal, message, citation });
  if (rule.basis === 'not_applicable') return no('NOT_APPLICABLE', rule.text, rule.citation);
  if (facts.statutoryGagInForce) return no('STATUTORY_GAG', `A statutory nondisclosure requirement forbids notice to the patron until it is lifted (${rule.citation})`, rule.citation);
  if (facts.nondisclosureInForce) {
    const citation = facts.nondisclosureCitation ?? "the court's nondisclosure order (its own terms)";
    return no('NONDISCLOSURE_ORDER', `A nondisclosure order forbids notice to the patron${facts.nondisclosureUntil ? ` until ${facts.nondisclosureUntil}` : ''} (${citation})`, citation);
  }
  if (facts.status === 'intake') return no('STILL_IN_INTAKE', 'Notice follows intake: submit the case first', rule.citation);
  if (facts.patrons === 0) return no('NO_PATRONS', 'The request names no patron to notify', rule.citation);
  return { allowed: true, refusal: null, message: rule.text, citation: rule.citation };
}
