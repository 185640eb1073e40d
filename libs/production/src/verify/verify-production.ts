import { BATES_DIGITS, batesPattern, formatBates } from '../production/bates';
import { LeakDetector, WithheldValue } from './leak-detector';
import { PageText, pdfPageTexts } from './pdf-page-text';
import { PresenceCheck } from './presence-check';

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
const ANY_BATES = new RegExp(`(?<![A-Za-z0-9])([A-Z][A-Z0-9]{0,11})-\\d{${BATES_DIGITS},}(?![0-9])`);

/**
 * Reads the finished PDF back the way a recipient's software would (pdfjs-dist text extraction, page by page) and
 * fails closed: any withheld value found, any page without exactly one Bates number in its footer, or a break in
 * the sequence makes `ok` false. `expectedValues` are the values legitimately printed (produced fields and the
 * production's own wording, ProductionResult.ownWording); see LeakDetector for the matching rule.
 */
export async function verifyProduction(
  pdf: string | Uint8Array,
  withheldValues: Iterable<WithheldValue>,
  expectedValues: Iterable<string> = [],
  options: VerificationOptions = {},
): Promise<VerificationResult> {
  const detector = new LeakDetector(withheldValues);
  const presence = new PresenceCheck(options.expectPresent ?? []);
  for (const value of expectedValues) detector.exemptWithin(value);
  const leaks: Leak[] = [];
  let leaksTruncated = false;
  let prefix = options.batesPrefix;
  let expectedSequence = options.batesStart ?? null;
  let batesContinuous = true;
  let batesFirst: string | null = null;
  let batesLast: string | null = null;
  let pages = 0;

  for await (const page of pdfPageTexts(pdf)) {
    pages++;
    options.onPage?.(page);
    presence.scan(page.items.map((item) => item.text).join(' '));
    for (const valueRef of detector.leaksIn(page.items.map((item) => item.text).join(' '))) {
      if (leaks.length < MAX_LEAKS_LISTED) leaks.push({ valueRef, page: page.pageNumber });
      else leaksTruncated = true;
    }
    if (prefix === null) continue;
    const footer = page.items.filter((item) => item.y < FOOTER_BAND).map((item) => item.text).join(' ');
    prefix ??= ANY_BATES.exec(footer)?.[1];
    const sequences = prefix ? [...footer.matchAll(batesPattern(prefix))].map((match) => Number(match[1])) : [];
    if (sequences.length !== 1 || (expectedSequence !== null && sequences[0] !== expectedSequence)) {
      batesContinuous = false;
      continue;
    }
    expectedSequence = sequences[0] + 1;
    batesFirst ??= formatBates(prefix as string, sequences[0]);
    batesLast = formatBates(prefix as string, sequences[0]);
  }
  if (prefix === null) batesContinuous = true;
  const missing = presence.missing();
  return {
    ok: leaks.length === 0 && pages > 0 && batesContinuous && missing.count === 0,
    leaks,
    leaksTruncated,
    pages,
    batesContinuous,
    batesFirst,
    batesLast,
    untestedValues: detector.untested,
    exemptValues: detector.exemptCount,
    presentChecked: presence.checked,
    missingValues: missing.count,
    missingByScript: missing.byScript,
  };
}
