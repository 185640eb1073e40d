/**
 * How national-security process may be published, after the structures of 50 U.S.C. § 1874(a). Counsel picks one;
 * the text must be checked against the current statute before each publication.
 * - `separate_1000_semiannual` — § 1874(a)(1): per half-year, NSLs and FISA orders (contents / non-contents) as
 *   separate categories, each with the customer selectors (patrons) targeted, in bands of 1000 starting 0–999.
 * - `separate_500_semiannual` — § 1874(a)(2): the same categories in bands of 500 starting 0–499.
 * - `combined_250_semiannual` — § 1874(a)(3): all national-security process combined, per half-year, bands of 250.
 * - `combined_100_annual` — § 1874(a)(4): all national-security process combined, per year, bands of 100.
 */
export const NATIONAL_SECURITY_OPTIONS = ['separate_1000_semiannual', 'separate_500_semiannual', 'combined_250_semiannual', 'combined_100_annual'] as const;
export type NationalSecurityOption = (typeof NATIONAL_SECURITY_OPTIONS)[number];

/**
 * Cases under a court's nondisclosure order (not national-security process, which is always banded):
 * - `aggregate` — left out of every per-type and per-outcome row and every other figure, and counted once per whole,
 *   finished half-year, exactly at or above `gagThreshold` and as "fewer than N" below it;
 * - `by_type` — counted like any other case (counsel judged the orders allow it);
 * - `exclude` — not counted at all (the methodology says so).
 */
export const GAG_ORDER_COUNTING = ['aggregate', 'by_type', 'exclude'] as const;
export type GagOrderCounting = (typeof GAG_ORDER_COUNTING)[number];

export interface TransparencySettings {
  nationalSecurityOption: NationalSecurityOption;
  /** § 1874(b): FISA figures for a half-year are published only this many days after it ends (the review recalled 180). */
  fisaPublicationDelayDays: number;
  /** § 1874(b) for the annual structure: a year's figures are published only this many days after it ends. */
  annualPublicationDelayDays: number;
  gagOrderCounting: GagOrderCounting;
  gagThreshold: number;
  /** The published methodology, edited by the admin; printed on the PDF and returned with every report. */
  methodology: string;
}

export const DEFAULT_METHODOLOGY =
  'This report counts every request for patron records the Library received in the period, by the kind of legal process ' +
  'and by what the Library did. A request is counted on the date it was received (Pacific time). Outcomes: produced in ' +
  'full; produced in part (the request was narrowed by counsel or some records were withheld); nothing produced (the ' +
  'request was valid but no responsive records existed); objected to or denied; withdrawn by the requester; still open. ' +
  'Field-level redactions (internal identifiers, staff notes) and records outside the request do not make a production partial. Response time runs from receipt to the Library\u2019s decision, in calendar days. Patron records are confidential under ' +
  'Gov. Code \u00a7 7927.105 (formerly \u00a7 6267); the Library releases them only with the patron\u2019s written consent, on an ' +
  'order of the superior court, or within library administration. National-security process is reported only in the ' +
  'bands 50 U.S.C. \u00a7 1874 allows, for whole reporting periods and after the delay it requires; it is left out of every ' +
  'other figure. Requests under a court\u2019s nondisclosure order are counted as counsel directs.';

export const DEFAULT_TRANSPARENCY_SETTINGS: Readonly<TransparencySettings> = Object.freeze<TransparencySettings>({
  nationalSecurityOption: 'separate_500_semiannual',
  fisaPublicationDelayDays: 180,
  annualPublicationDelayDays: 365,
  gagOrderCounting: 'aggregate',
  gagThreshold: 10,
  methodology: DEFAULT_METHODOLOGY,
});

/** Problems with transparency settings, each naming the field; empty when usable. */
export function validateTransparencySettings(settings: TransparencySettings): string[] {
  const problems: string[] = [];
  if (!NATIONAL_SECURITY_OPTIONS.includes(settings.nationalSecurityOption)) problems.push(`nationalSecurityOption: must be one of ${NATIONAL_SECURITY_OPTIONS.join(', ')}`);
  if (!GAG_ORDER_COUNTING.includes(settings.gagOrderCounting)) problems.push(`gagOrderCounting: must be one of ${GAG_ORDER_COUNTING.join(', ')}`);
  // The statute's delays are floors: counsel may wait longer, never less.
  if (!Number.isInteger(settings.fisaPublicationDelayDays) || settings.fisaPublicationDelayDays < 180 || settings.fisaPublicationDelayDays > 3650) {
    problems.push('fisaPublicationDelayDays: must be a whole number of days from 180 (50 U.S.C. § 1874(b)) to 3650');
  }
  if (!Number.isInteger(settings.annualPublicationDelayDays) || settings.annualPublicationDelayDays < 365 || settings.annualPublicationDelayDays > 3650) {
    problems.push('annualPublicationDelayDays: must be a whole number of days from 365 (50 U.S.C. § 1874(b)) to 3650');
  }
  if (!Number.isInteger(settings.gagThreshold) || settings.gagThreshold < 1 || settings.gagThreshold > 1000) problems.push('gagThreshold: must be a whole number from 1 to 1000');
  if (typeof settings.methodology !== 'string' || settings.methodology.trim().length < 20 || settings.methodology.length > 1500) {
    problems.push('methodology: must be text of 20 to 1500 characters');
  }
  return problems;
}
