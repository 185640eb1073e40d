import { BATES_DIGITS, batesPattern, formatBates } from '../production/bates';
import { BodyItem, LeakDetector, PageBreakJoin, WithheldValue } from './leak-detector';
import { PageText, pdfPageTexts } from './pdf-page-text';
import { PresenceCheck } from './presence-check';
import { joinNormalised, normaliseText } from './text-normalisation';

export interface VerificationOptions {
  /** Bates prefix to check; detected from the first page when absent; null skips the Bates check (letters). */
  batesPrefix?: string | null;
  /** Expected first Bates sequence; when absent, continuity is checked from whatever the first page carries. */
  batesStart?: number;
  /** Sees each page's extracted text as it is checked (progress, or further checks without a second pass). */
  onPage?: (page: PageText) => void;
  /**
   * Values that must be found in the extracted text (the produced values): one missing makes `ok` false and is
   * counted per script in `missingByScript`. See PresenceCheck for which values are checked.
   */
  expectPresent?: Iterable<string>;
}

/** Where a withheld value was found: a reference to it (never the value) and the 1-based page. */
export interface Leak {
  valueRef: string;
  page: number;
  /** Set when the value runs from `page` over the page break into this next page. */
  continuedOnPage?: number;
}

export interface VerificationResult {
  /** No leak, at least one page, and (unless skipped) Bates numbers continuous, one per page. */
  ok: boolean;
  leaks: Leak[];
  /** More leaks were found than are listed. */
  leaksTruncated: boolean;
  pages: number;
  batesContinuous: boolean;
  batesFirst: string | null;
  batesLast: string | null;
  /** Withheld values too short or generic to test (see LeakDetector). */
  untestedValues: number;
  /** Withheld values that also occur inside a legitimately printed value. */
  exemptValues: number;
  /** Expected values checked for presence, and those not found, per Unicode script (no values, only counts). */
  presentChecked: number;
  missingValues: number;
  missingByScript: Record<string, number>;
}

/** Footer text sits below this height (points from the bottom edge); the body ends 40 points up. */
const FOOTER_BAND = 36;
const MAX_LEAKS_LISTED = 1000;
/**
 * Leaks kept before exemptions are applied (each withheld value at most once per page); past it only a value's first
 * page is kept, so a value found is never lost, whatever exempt values filled the bound first.
 */
const MAX_LEAKS_KEPT = 100_000;
const ANY_BATES = new RegExp(`(?<![A-Za-z0-9])([A-Z][A-Z0-9]{0,11})-\\d{${BATES_DIGITS},}(?![0-9])`);

/**
 * The checks every page of a production goes through, whichever extractor read it: withheld values (leak check),
 * produced values (presence, per script) and one continuous Bates number per footer. Pages are fed in order;
 * `result()` gives the verdict. Leaks are collected with their page and filtered against the exemptions when the
 * result is taken, so exemptions may arrive while pages are being checked (the streaming verifier's produced values).
 */
export class ProductionChecks {
  private readonly detector: LeakDetector;
  private readonly pageBreaks: PageBreakJoin;
  private readonly presence: PresenceCheck;
  private readonly found: Leak[] = [];
  /** Withheld values with a kept leak, and those with a page dropped past MAX_LEAKS_KEPT. */
  private readonly kept = new Set<string>();
  private readonly dropped = new Set<string>();
  private prefix: string | null | undefined;
  private expectedSequence: number | null;
  private batesContinuous = true;
  private batesFirst: string | null = null;
  private batesLast: string | null = null;
  private pages = 0;

  /** `maxLeaksKept` is MAX_LEAKS_KEPT but for tests, which state the rule at the bound without 100,000 leaks. */
  constructor(withheldValues: Iterable<WithheldValue>, options: VerificationOptions = {}, private readonly maxLeaksKept = MAX_LEAKS_KEPT) {
    this.detector = new LeakDetector(withheldValues);
    this.pageBreaks = new PageBreakJoin(this.detector);
    this.presence = new PresenceCheck(options.expectPresent ?? []);
    this.prefix = options.batesPrefix;
    this.expectedSequence = options.batesStart ?? null;
  }

  /** A value legitimately printed (a produced field, the production's own wording): withheld values inside it are exempt. */
  exemptWithin(value: string): void {
    this.detector.exemptWithin(value);
  }

  /** A produced value that must be found in the extracted text (before the first page is checked). */
  expectPresent(value: string): void {
    this.presence.add(value);
  }

  /** Checks one page; `otherReadings` are further texts of the same page (e.g. drawing order) also searched for leaks. */
  page(page: PageText, otherReadings: string[] = []): void {
    this.pages++;
    const body: string[] = [];
    const bodyItems: BodyItem[] = [];
    const footerItems: string[] = [];
    // Whether every footer item comes before the body's: then the page's text is the footer's and the body's joined.
    // Stryker disable next-line BooleanLiteral: reading every page whole gives the same text (joinNormalised), only slower
    let footerFirst = true;
    for (const item of page.items) {
      const inFooter = item.y < FOOTER_BAND;
      // Stryker disable next-line ConditionalExpression,LogicalOperator: reading a page whole where its halves would do gives the same text (joinNormalised), only slower; the spec fails the opposite
      if (inFooter && body.length) footerFirst = false;
      (inFooter ? footerItems : body).push(item.text);
      if (!inFooter) bodyItems.push(item);
    }
    // The page's text is normalised once: the body's form serves presence and (with the footer's) the leak check,
    // which is what normalising the whole text would give (joinNormalised); a footer drawn after body text is read whole.
    const normalisedBody = normaliseText(body.join(' '));
    const footer = footerItems.join(' ');
    const normalisedFooter = normaliseText(footer);
    // Stryker disable next-line ConditionalExpression: normalising the whole text always gives the same (joinNormalised), only slower; the spec fails joining halves out of order
    const normalised = footerFirst ? joinNormalised([normalisedFooter, normalisedBody]) : normaliseText(page.items.map((item) => item.text).join(' '));
    // Presence reads the body only: the footer, drawn first on every page, would stand between the halves of a value
    // split over a page break (the carried-over tail of the page before and the rest of the value).
    this.presence.scanCompact(normalisedBody.replaceAll(' ', ''));
    const refs = new Set<string>();
    const compact = normalised.replaceAll(' ', '');
    this.detector.addWordsIn(normalised, refs);
    this.detector.addCompactIn(compact, refs);
    for (const reading of otherReadings) {
      const normalisedReading = normaliseText(reading);
      // The same normalised text finds the same values; a page without right-to-left text reads the same compact in
      // either order (the drawing order only adds spaces between text objects), and the compact scan is not repeated.
      // Stryker disable next-line ConditionalExpression: a shortcut only, scanning the same text again finds the same values
      if (normalisedReading === normalised) continue;
      this.detector.addWordsIn(normalisedReading, refs);
      const compactReading = normalisedReading.replaceAll(' ', '');
      // Stryker disable next-line ConditionalExpression: a shortcut only, scanning the same text again finds the same values
      if (compactReading !== compact) this.detector.addCompactIn(compactReading, refs);
    }
    for (const valueRef of refs) this.keep({ valueRef, page: page.pageNumber });
    for (const valueRef of this.pageBreaks.across(bodyItems)) this.keep({ valueRef, page: page.pageNumber - 1, continuedOnPage: page.pageNumber });
    if (this.prefix === null) return;
    this.prefix ??= ANY_BATES.exec(footer)?.[1];
    const sequences = this.prefix ? [...footer.matchAll(batesPattern(this.prefix))].map((match) => Number(match[1])) : [];
    if (sequences.length !== 1 || (this.expectedSequence !== null && sequences[0] !== this.expectedSequence)) {
      this.batesContinuous = false;
      return;
    }
    this.expectedSequence = sequences[0] + 1;
    this.batesFirst ??= formatBates(this.prefix as string, sequences[0]);
    this.batesLast = formatBates(this.prefix as string, sequences[0]);
  }

  private keep(leak: Leak): void {
    if (this.found.length < this.maxLeaksKept || !this.kept.has(leak.valueRef)) {
      this.found.push(leak);
      this.kept.add(leak.valueRef);
    } else this.dropped.add(leak.valueRef);
  }

  result(): VerificationResult {
    const leaks = this.found.filter((leak) => !this.detector.isExempt(leak.valueRef));
    // With a null prefix (letters) page() never checks Bates numbers, so this stays true.
    const batesContinuous = this.batesContinuous;
    const missing = this.presence.missing();
    return {
      ok: leaks.length === 0 && this.pages > 0 && batesContinuous && missing.count === 0,
      leaks: leaks.slice(0, MAX_LEAKS_LISTED),
      leaksTruncated: leaks.length > MAX_LEAKS_LISTED || [...this.dropped].some((ref) => !this.detector.isExempt(ref)),
      pages: this.pages,
      batesContinuous,
      batesFirst: this.batesFirst,
      batesLast: this.batesLast,
      untestedValues: this.detector.untested,
      exemptValues: this.detector.exemptCount,
      presentChecked: this.presence.checked,
      missingValues: missing.count,
      missingByScript: missing.byScript,
    };
  }
}

/**
 * Reads the finished PDF back the way a recipient's software would (pdfjs-dist text extraction, page by page) and
 * fails closed: any withheld value found, any page without exactly one Bates number in its footer, or a break in
 * the sequence makes `ok` false. `expectedValues` are the values legitimately printed (produced fields and the
 * production's own wording, ProductionResult.ownWording); see LeakDetector for the matching rule.
 */
export function verifyProduction(
  pdf: string | Uint8Array,
  withheldValues: Iterable<WithheldValue>,
  expectedValues: Iterable<string> = [],
  options: VerificationOptions = {},
): Promise<VerificationResult> {
  return verifyPages(pdfPageTexts(pdf), withheldValues, expectedValues, options);
}

/** verifyProduction on pages already read (by pdfjs-dist there): each handed to onPage, then checked, in order. */
export async function verifyPages(
  pages: AsyncIterable<PageText>,
  withheldValues: Iterable<WithheldValue>,
  expectedValues: Iterable<string> = [],
  options: VerificationOptions = {},
): Promise<VerificationResult> {
  const checks = new ProductionChecks(withheldValues, options);
  for (const value of expectedValues) checks.exemptWithin(value);
  for await (const page of pages) {
    options.onPage?.(page);
    checks.page(page);
  }
  return checks.result();
}
