import { compactText, normaliseText } from './text-normalisation';
import { PatternMatcher } from './pattern-matcher';

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

  isExempt(ref: string): boolean {
    return this.exempt.has(ref);
  }

  private find(text: string): Set<string> {
    const found = new Set<string>();
    const normalised = normaliseText(text);
    this.words.scan(normalised, (pattern, end) => {
      if (standsAlone(normalised, end - this.words.patterns[pattern].length, end)) found.add(this.wordRefs[pattern]);
    });
    // normaliseText leaves single spaces as the only whitespace.
    this.compact.scan(normalised.replaceAll(' ', ''), (pattern) => found.add(this.compactRefs[pattern]));
    return found;
  }
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

/**
 * The printed values (e.g. the scope's aliases) that hold a withheld value as the leak check would find it. Such a
 * value would print the withheld one and, being printed legitimately, exempt it from the check.
 */
export function valuesHoldingWithheld(withheld: Iterable<WithheldValue>, printed: readonly string[]): string[] {
  const detector = new LeakDetector(withheld);
  return printed.filter((value) => detector.allFoundIn(value).length > 0);
}
