import { compactText, joinNormalised, normaliseText } from './text-normalisation';
import { JoinedScan, PatternMatcher } from './pattern-matcher';

/**
 * A withheld value, optionally with a reference to report instead of the value (e.g. "loan #3 note"). `neverExempt`:
 * found anywhere it is a leak, even inside a produced value or the production's own wording (an aliased patron's card
 * number: the scope says it is printed nowhere, so finding it proves a fault, never a coincidence).
 */
export type WithheldValue = string | { ref: string; value: string; neverExempt?: boolean };

// Scripts written without spaces between words: two characters already name someone (李娜), and there are no word boundaries.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// Scripts whose vowel signs are marks (dropped by normalisation): two base letters already make a name.
const ABUGIDA = /[\p{Script=Devanagari}\p{Script=Gurmukhi}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Tagalog}]/u;
const LETTER = /\p{L}/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const WHOLE_WORD_BELOW = 6;

/**
 * Which withheld values are tested, and how (documented rule):
 * - values are compared after normalisation (NFKD, no diacritics, lower case, quotes/dashes folded);
 * - too short or generic to test, and skipped: fewer than 3 characters (2 in CJK and kana), or no letter and
 *   fewer than 6 digits (small ids, amounts, counts collide with dates, page numbers and Bates numbers);
 * - with a letter and shorter than 6 characters: must appear as a whole word ("ann" is not found in "joanne");
 * - with a letter and 6 characters or more: found anywhere in the page text with all whitespace removed, so a
 *   value broken across lines or cells is still found;
 * - without a letter (ids, phone numbers, dates): must appear as a whole token, no letter or digit adjoining it.
 *   Extracted text cannot tell a number broken across lines from two neighbouring numeric cells, so a number
 *   split over two lines is not detected; matching it anyway would fail productions on adjacent ids;
 * - a value that also occurs inside a legitimately printed value (a produced field, the production's own
 *   wording) is exempt: finding it proves nothing. An exempt value that leaks where it does not belong is
 *   therefore not detected; that is the price of not failing every production on a shared branch code. A value
 *   marked `neverExempt` (an aliased patron's card number) is never exempt: it belongs nowhere in the file.
 */
export class LeakDetector {
  /** Short and letterless values, matched as whole words in the normalised text. */
  private readonly words: PatternMatcher;
  private readonly wordRefs: string[];
  /** Longer values with letters, matched anywhere in the text with whitespace removed. */
  private readonly compact: PatternMatcher;
  private readonly compactRefs: string[];
  private readonly exempt = new Set<string>();
  private readonly neverExempt = new Set<string>();
  readonly untested: number;
  /** Length of the longest pattern, normalised (UTF-16 units): what a value split over a page break can hold. */
  readonly longestPattern: number;

  constructor(withheld: Iterable<WithheldValue>) {
    const wordPatterns = new Map<string, string>();
    const compactPatterns = new Map<string, string>();
    const strictWords = new Set<string>();
    const strictCompact = new Set<string>();
    let untested = 0;
    let index = 0;
    for (const entry of withheld) {
      const { ref, value, neverExempt } = typeof entry === 'string' ? { ref: `withheld[${index}]`, value: entry, neverExempt: false } : entry;
      index++;
      const compact = compactText(value);
      if (!isTestable(compact)) {
        untested++;
        continue;
      }
      if (!LETTER.test(compact) || compact.length < WHOLE_WORD_BELOW) {
        const pattern = normaliseText(value);
        if (!wordPatterns.has(pattern)) wordPatterns.set(pattern, ref);
        if (neverExempt) strictWords.add(pattern);
      } else {
        if (!compactPatterns.has(compact)) compactPatterns.set(compact, ref);
        if (neverExempt) strictCompact.add(compact);
      }
    }
    // By pattern, not by entry: the same value may also arrive as an ordinary withheld value, under another ref.
    for (const pattern of strictWords) this.neverExempt.add(wordPatterns.get(pattern)!);
    for (const pattern of strictCompact) this.neverExempt.add(compactPatterns.get(pattern)!);
    this.untested = untested;
    this.words = new PatternMatcher([...wordPatterns.keys()]);
    this.wordRefs = [...wordPatterns.values()];
    this.compact = new PatternMatcher([...compactPatterns.keys()]);
    this.compactRefs = [...compactPatterns.values()];
    this.longestPattern = Math.max(0, ...[...wordPatterns.keys(), ...compactPatterns.keys()].map((pattern) => pattern.length));
  }

  /** Marks every withheld value found inside `printed` (a value legitimately in the file) as exempt. */
  exemptWithin(printed: string): void {
    for (const ref of this.find(printed)) if (!this.neverExempt.has(ref)) this.exempt.add(ref);
  }

  get exemptCount(): number {
    return this.exempt.size;
  }

  /** References of the non-exempt withheld values that occur in `text`. */
  leaksIn(text: string): string[] {
    return [...this.find(text)].filter((ref) => !this.exempt.has(ref));
  }

  /** References of every withheld value in `text`, exempt or not (for exemptions that arrive later: see isExempt). */
  allFoundIn(text: string): string[] {
    return [...this.find(text)];
  }

  /** Adds to `found` the references of the short and letterless values in `normalised` (normaliseText's form), as whole words. */
  addWordsIn(normalised: string, found: Set<string>): void {
    this.words.scan(normalised, (pattern, end) => {
      if (standsAlone(normalised, end - this.words.patterns[pattern].length, end)) found.add(this.wordRefs[pattern]);
    });
  }

  /** Adds to `found` the references of the longer values in `compact` (normaliseText's form without its spaces). */
  addCompactIn(compact: string, found: Set<string>): void {
    this.compact.scan(compact, (pattern) => found.add(this.compactRefs[pattern]));
  }

  /** Where both scans stand at the end of `tail` (a column's last lines, in normaliseText's form), for addAcross. */
  startAcross(tail: string): AcrossStart {
    return { tail, words: this.words.joinAfter(`${tail} `), compact: this.compact.joinAfter(tail.replaceAll(' ', '')) };
  }

  /**
   * Adds to `found` the references of the values that run from the end of a tail (startAcross) into the lines that
   * follow it, `parts` (each in normaliseText's form and not empty, read as joined by single spaces, the tail and
   * the first part too): only the matches that begin in the tail, so a match inside one side is that side's own.
   * Parts are read only while such a match could still end in them.
   */
  addAcross(start: AcrossStart, parts: Iterable<string>, found: Set<string>): void {
    const words: JoinedScan = { state: start.words, read: 0 };
    const compact: JoinedScan = { state: start.compact, read: 0 };
    for (const part of parts) {
      // Stryker disable next-line ConditionalExpression: a shortcut only, a scan that gave up reads nothing
      if (words.state === null && compact.state === null) return;
      // Each part with the space that joins it to the next (the tail's scan ended after its own).
      const text = `${part} `;
      this.words.continueAcross(words, text, (pattern, end, before) => {
        // The match began `before` units back in the tail and its space (never at the space: patterns are trimmed),
        // so the character before it is the tail's at tail.length - before.
        if (isWordEdge(start.tail, start.tail.length - before) && isWordEdge(text, end)) found.add(this.wordRefs[pattern]);
      });
      this.compact.continueAcross(compact, part.replaceAll(' ', ''), (pattern) => found.add(this.compactRefs[pattern]));
    }
  }

  isExempt(ref: string): boolean {
    return this.exempt.has(ref);
  }

  private find(text: string): Set<string> {
    const found = new Set<string>();
    const normalised = normaliseText(text);
    this.addWordsIn(normalised, found);
    // normaliseText leaves single spaces as the only whitespace.
    this.addCompactIn(normalised.replaceAll(' ', ''), found);
    return found;
  }
}

/** The end of a column's last lines as the leak check left it: its text and where each scan stands (null: no value can run on). */
export interface AcrossStart {
  tail: string;
  words: number | null;
  compact: number | null;
}

function isTestable(compact: string): boolean {
  if (UNSPACED.test(compact) || ABUGIDA.test(compact)) return compact.length >= 2;
  if (compact.length < 3) return false;
  return LETTER.test(compact) || compact.replace(/\D/g, '').length >= 6;
}

/** True when text[start, end) is not continued by a letter or digit of a spaced script on either side. */
function standsAlone(text: string, start: number, end: number): boolean {
  return isWordEdge(text, start - 1) && isWordEdge(text, end);
}

function isWordEdge(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return true;
  const character = text[index];
  return !WORD_CHARACTER.test(character) || UNSPACED.test(character);
}

/** A text item of a page's body (outside the footer band), as the extractors give it: x, y in points from the bottom left. */
export interface BodyItem {
  text: string;
  x: number;
  y: number;
}

interface ColumnEnd {
  /** The column's last text on the page, normalised (at least the longest pattern less one character, when there is that much), scanned. */
  start: AcrossStart;
  /** Every text the page has in that column, to tell the repeated table title and header row on the next page. */
  texts: Set<string>;
}

/** Items this close to the page's lowest baseline (points) are on its last line. */
const SAME_LINE = 1;

/**
 * The leak check across a page break. A value can be split between the last line of a column on one page (a
 * wrapped paragraph, or a table cell continued on the next page) and the first line of that column on the next,
 * with the footer (drawn first on every page), the repeated table title, the header row and the row's "(cont.)"
 * mark between them in reading order. So what is joined is the column, not the pages' texts: for each left edge
 * that reaches the page's last line, its last lines (as many as hold the longest pattern less one character);
 * on the next page, the first line at the same left edge, or (past lines the page before also had in that column:
 * the repeated header) the next ones, each read on for as long. Only matches running across the join are
 * reported, so a value is not reported twice and memory is a few lines per column.
 * Not found: a value whose first part ends in a run drawn apart from its line's start (another script's face, in
 * pdfjs-dist's items) and a value split over a page its column skips.
 */
export class PageBreakJoin {
  private ends = new Map<number, ColumnEnd>();

  constructor(private readonly detector: LeakDetector) {}

  /** The references of the values running from the previous page's body into this one's (`body`: in reading order). */
  across(body: readonly BodyItem[]): Set<string> {
    const found = new Set<string>();
    // Each item normalised once, and only if read: most columns end where no value can run on.
    const normalised: (string | undefined)[] = [];
    const normalisedAt = (index: number) => (normalised[index] ??= normaliseText(body[index].text));
    // Items without text (pdfjs-dist's empty and space items) need no exception: they normalise to nothing.
    const columns = columnsOf(body);
    for (const [column, end] of this.ends) {
      for (const index of columns.get(column) ?? []) {
        this.detector.addAcross(end.start, readOn(body.length, index, normalisedAt), found);
        if (!end.texts.has(body[index].text)) break;
      }
    }
    this.ends = this.columnEnds(body, columns, normalisedAt);
    return found;
  }

  private columnEnds(items: readonly BodyItem[], columns: Map<number, number[]>, normalisedAt: (index: number) => string): Map<number, ColumnEnd> {
    const ends = new Map<number, ColumnEnd>();
    const bottom = Math.min(...items.map((item) => item.y));
    for (const [column, indexes] of columns) {
      if (items[indexes[indexes.length - 1]].y >= bottom + SAME_LINE) continue;
      ends.set(column, { start: this.detector.startAcross(this.tailOf(indexes, normalisedAt)), texts: new Set(indexes.map((index) => items[index].text)) });
    }
    return ends;
  }

  /** The normalised text of the column's last items (`indexes`: the column's, in reading order), as long as the longest pattern less one character. */
  private tailOf(indexes: readonly number[], normalisedAt: (index: number) => string): string {
    const parts: string[] = [];
    let length = 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: a tail longer than the longest pattern less one character finds the same values, only slower
    for (let step = indexes.length - 1; step >= 0 && length < this.detector.longestPattern - 1; step--) {
      const part = normalisedAt(indexes[step]);
      parts.push(part);
      // Stryker disable next-line AssignmentOperator: a length that never reaches the bound reads the whole column: the same values, only slower
      length += part.replaceAll(' ', '').length;
    }
    return joinNormalised(parts.reverse());
  }
}

/** The normalised texts of items[first] on, the empty ones left out, as they are read. */
function* readOn(count: number, first: number, normalisedAt: (index: number) => string): Generator<string> {
  for (let index = first; index < count; index++) {
    const part = normalisedAt(index);
    if (part !== '') yield part;
  }
}

/** Each left edge (x rounded to the point) with the indexes of the items starting there, in reading order. */
function columnsOf(items: readonly BodyItem[]): Map<number, number[]> {
  const columns = new Map<number, number[]>();
  items.forEach((item, index) => {
    const column = Math.round(item.x);
    const indexes = columns.get(column);
    if (indexes) indexes.push(index);
    else columns.set(column, [index]);
  });
  return columns;
}

/**
 * The printed values (e.g. the scope's aliases) that hold a withheld value as the leak check would find it. Such a
 * value would print the withheld one and, being printed legitimately, exempt it from the check.
 */
export function valuesHoldingWithheld(withheld: Iterable<WithheldValue>, printed: readonly string[]): string[] {
  const detector = new LeakDetector(withheld);
  return printed.filter((value) => detector.allFoundIn(value).length > 0);
}
