/** Contradictions a review can contain; each needs an explicit override reason before the API accepts it. */
export const CONTRADICTION_CODES = {
  REQUIRED_ITEM_UNSATISFIED: { title: 'Marked sufficient with a required check not satisfied', citation: 'see the checklist item' },
  RELEASE_WHEN_NOT_SUFFICIENT: { title: 'Release recommended although the request was not found sufficient', citation: 'Gov. Code § 7927.105(c)' },
  RELEASE_WITHOUT_BASIS: { title: 'Release recommended with no basis for release', citation: 'Gov. Code § 7927.105(c)' },
  SUBPOENA_WITHOUT_COURT_ORDER: { title: 'Release recommended on a subpoena without a superior court order', citation: 'Gov. Code § 7927.105(c)(3); Code Civ. Proc. § 1985.3' },
  PUBLIC_RECORDS_RELEASE: { title: 'Release of patron records recommended on a public-records request', citation: 'Gov. Code §§ 7927.100, 7927.105' },
  NO_EMERGENCY_EXCEPTION: { title: 'Release recommended on an emergency request without a court order', citation: 'Gov. Code § 7927.105' },
  FEDERAL_PROCESS_NOT_CLEARED: { title: 'Release recommended on federal process the rules refer to counsel', citation: '18 U.S.C. § 2709(f); 50 U.S.C. § 1861' },
  WARRANT_EXPIRED: { title: 'Search warrant past its 10 days treated as good', citation: 'Penal Code § 1534(a)' },
  WARRANT_ISSUE_DATE_MISSING: { title: 'Search warrant treated as good without a recorded issue date', citation: 'Penal Code § 1534(a)' },
  CONSENT_OTHER_PATRON: { title: 'Consent relied on for patrons other than the one who consented', citation: 'Gov. Code § 7927.105(c)(2)' },
  CONSENTING_PATRON_UNKNOWN: { title: 'Consent relied on without recording which patron consented', citation: 'Gov. Code § 7927.105(c)(2)' },
  SCOPE_WIDENED: { title: 'Narrowed scope asks for more than the request', citation: 'Gov. Code § 7927.105(c); only records specifically named are produced' },
  NSL_SCOPE_EXCEEDED: { title: 'Release on a National Security Letter beyond subscriber and transactional records', citation: '18 U.S.C. § 2709(a), (b)' },
  IMMIGRATION_NOT_JUDICIAL: { title: 'Release recommended on an immigration administrative warrant', citation: 'Gov. Code § 7284.8; California Attorney General, model policy for libraries' },
  PARTIAL_WITHOUT_SCOPE: { title: 'Partial release recommended without naming the narrowed scope', citation: 'Gov. Code § 7927.105(c); only records specifically named are produced' },
  MISSING_REASONS: { title: 'Records withheld without a reason code', citation: 'Gov. Code § 7922.540; withholding log' },
} as const satisfies Record<string, { title: string; citation: string }>;

export type ContradictionCode = keyof typeof CONTRADICTION_CODES;

export interface Contradiction {
  code: ContradictionCode;
  message: string;
  citation: string;
  /** The checklist item concerned, when there is one. */
  checklistKey?: string;
}

export function contradiction(code: ContradictionCode, message: string, citation: string = CONTRADICTION_CODES[code].citation): Contradiction {
  return { code, message, citation };
}
