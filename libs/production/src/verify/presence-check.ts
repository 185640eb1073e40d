import { bidiLevels } from '../pdf/bidi';
import { scriptOf } from '../pdf/font-set';
import { printableText } from '../pdf/printable-text';
import { PatternMatcher } from './pattern-matcher';
import { compactText } from './text-normalisation';

/** Distinct Basic Latin values checked; values with any other character are always checked. */
const LATIN_VALUES_CHECKED = 20_000;
/** Characters of the previous page carried over, so a row split across a page break is still found. */
const CARRY_OVER = 400;
const BASIC_LATIN = /^[\u0000-\u007f]*$/;

/**
 * Proves that what should have been printed was: each expected value, normalised like the leak check (NFKD, marks
 * and shaping-reordered sequences dropped, no whitespace), must occur in the extracted text. A character that lost
 * its glyph, a right-to-left name left in drawing order or a dropped cell makes its value missing.
 *
 * Which values: every distinct value with a character outside Basic Latin (those are what fonts, shaping and bidi
 * put at risk), and the first 20,000 distinct Basic Latin ones, so that memory stays bounded in a 100,000-row
 * production (a pattern matcher holds a few integers per pattern character).
 * Shaped scripts are compared on what extraction can prove (see compactText): base letters in order.
 */
export class PresenceCheck {
  private readonly patterns: string[] = [];
  private readonly scripts: string[] = [];
  private readonly seen = new Set<string>();
  private latin = 0;
  private found: Uint8Array | null = null;
  private matcher: PatternMatcher | null = null;
  private tail = '';

  /** `latinValuesChecked` is LATIN_VALUES_CHECKED but for tests, which state the rule at a small limit. */
  constructor(expected: Iterable<string> = [], private readonly latinValuesChecked = LATIN_VALUES_CHECKED) {
    for (const value of expected) this.add(value);
  }

  /** One more expected value; all of them must be given before the first page is scanned. */
  add(value: string): void {
    if (this.matcher) throw new Error('expected values must all be given before the first page is scanned');
    for (const part of directionRuns(value)) {
      const compact = compactText(part);
      if (!compact || this.seen.has(compact)) continue;
      // Judged on the value as printed, not as compared: "Zoë" needs a glyph outside Basic Latin even though it
      // compares as "zoe", so it is always checked (a dropped "ë" reads "Zo").
      const isLatin = BASIC_LATIN.test(part);
      if (isLatin && this.latin >= this.latinValuesChecked) continue;
      if (isLatin) this.latin++;
      this.seen.add(compact);
      this.patterns.push(compact);
      this.scripts.push(mainScript(value));
    }
  }

  get checked(): number {
    return this.patterns.length;
  }

  scan(pageText: string): void {
    this.scanCompact(compactText(pageText));
  }

  /** scan() for a page's text already in compact form (compactText). */
  scanCompact(compact: string): void {
    if (!this.matcher) {
      this.seen.clear();
      this.found = new Uint8Array(this.patterns.length);
      this.matcher = new PatternMatcher(this.patterns);
    }
    const found = this.found as Uint8Array;
    this.matcher.scan(this.tail + compact, (pattern) => (found[pattern] = 1));
    this.tail = compact.slice(-CARRY_OVER);
  }

  missing(): { count: number; byScript: Record<string, number> } {
    const byScript: Record<string, number> = {};
    let count = 0;
    (this.found ?? new Uint8Array(this.patterns.length)).forEach((found, index) => {
      if (found) return;
      count++;
      byScript[this.scripts[index]] = (byScript[this.scripts[index]] ?? 0) + 1;
    });
    return { count, byScript };
  }
}

/**
 * Right-to-left text is drawn in display order and extractors reorder it back, but only within what they see as one
 * run: pdfjs-dist and poppler return the words of a right-to-left phrase mixed with numbers, other scripts or left-to-
 * right words in drawing order, each word itself in reading order. A value with right-to-left characters is therefore
 * checked word by word (and, within a word, run by run of one direction): each in reading order.
 */
function directionRuns(value: string): string[] {
  const text = printableText(value);
  const levels = bidiLevels(text);
  if (!levels) return [text];
  // A space or a change of embedding level starts a new run; a run's leading space is dropped by compactText.
  const runs: string[] = [];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === ' ' || levels[index] !== levels[index - 1]) runs.push('');
    runs[runs.length - 1] += text[index];
  }
  return runs;
}

/** The script of a value's first letter outside Latin, else Latin (or "other" for values without letters). */
function mainScript(value: string): string {
  let fallback = 'other';
  for (const character of value) {
    if (!/\p{L}/u.test(character)) continue;
    const script = scriptOf(character.codePointAt(0) as number);
    if (script !== 'Latin') return script;
    fallback = 'Latin';
  }
  return fallback;
}
