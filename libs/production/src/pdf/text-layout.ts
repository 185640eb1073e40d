import { Direction, FontSet, GlyphChoice } from './font-set';
import { FontWeight } from './font-files';
import { printableText } from './printable-text';
import { bidiLevels } from './bidi';

export interface TextStyle {
  weight: FontWeight;
  /** Points. */
  size: number;
}

/** Consecutive characters drawn with one face in one direction; `text` is in logical (reading) order. */
export interface TextRun {
  face: string;
  text: string;
  direction: Direction;
  /** Points. */
  width: number;
}

export interface TextLine {
  /** In visual order: drawn left to right. */
  runs: TextRun[];
  width: number;
}

// Scripts written without spaces: a line may break between any two of their characters.
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Lays a value out in lines no wider than `maxWidth` points (Infinity: one line), breaking at spaces, after
 * hyphens, slashes and underscores, between CJK characters, and inside a word only when the word alone is too wide.
 * Lines are broken in logical order, then each line is reordered for display by the Unicode bidirectional algorithm
 * (bidi-js): right-to-left runs (Hebrew, Arabic, Persian) are drawn right to left, so a reader sees them correctly
 * and a text extractor, which reorders right-to-left text back, returns them in logical order.
 * Throws UndrawableCharacterError for a character no face has.
 */
export function layoutText(fonts: FontSet, value: string | number | null | undefined, style: TextStyle, maxWidth: number): TextLine[] {
  const text = printableText(value);
  const single = singleRunLine(fonts, text, style, maxWidth);
  if (single) return [single];
  const characters: string[] = [];
  const choices: GlyphChoice[] = [];
  const offsets: number[] = [0]; // offsets[i]: width of characters[0..i)
  const codeUnitStarts: number[] = [];
  let codeUnit = 0;
  let previous: GlyphChoice | undefined;
  for (const character of text) {
    const choice = fonts.choose(character.codePointAt(0) as number, style.weight, previous);
    characters.push(character);
    choices.push(choice);
    codeUnitStarts.push(codeUnit);
    codeUnit += character.length;
    offsets.push(offsets[offsets.length - 1] + (choice.advance * style.size) / 1000);
    previous = choice;
  }
  const levels = bidiLevels(text);
  const levelOf = (index: number) => (levels ? levels[codeUnitStarts[index]] : 0);
  const lines: TextLine[] = [];
  const count = characters.length;
  let start = 0;
  while (start < count) {
    while (start < count && characters[start] === ' ') start++;
    if (start === count) break;
    let end = start + 1;
    while (end < count && offsets[end + 1] - offsets[start] <= maxWidth) end++;
    if (end < count) end = lastBreakBefore(characters, start, end);
    let visibleEnd = end;
    while (visibleEnd > start && characters[visibleEnd - 1] === ' ') visibleEnd--;
    lines.push(lineOf(fonts, style, characters, choices, offsets, levelOf, start, visibleEnd));
    start = end;
  }
  return lines;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * The line most cells are: printable ASCII that fits the width and is drawn by one direct face, so one
 * left-to-right run (what the general algorithm below gives for it, without its per-character arrays). Null otherwise.
 */
function singleRunLine(fonts: FontSet, text: string, style: TextStyle, maxWidth: number): TextLine | null {
  if (!PRINTABLE_ASCII.test(text)) return null;
  let face: string | null = null;
  let width = 0;
  for (let index = 0; index < text.length; index++) {
    const choice = fonts.choose(text.charCodeAt(index), style.weight);
    if (choice.shaped || (face !== null && choice.face !== face)) return null;
    face = choice.face;
    width += (choice.advance * style.size) / 1000;
  }
  if (face === null || (width > maxWidth && text.length > 1)) return null;
  return { runs: [{ face, text, direction: 'ltr', width }], width };
}

function lastBreakBefore(characters: string[], start: number, end: number): number {
  for (let position = end; position > start; position--) {
    const before = characters[position - 1];
    const after = characters[position];
    if (after === ' ' || before === ' ' || before === '-' || before === '/' || before === '_' || UNSPACED_SCRIPT.test(before) || UNSPACED_SCRIPT.test(after)) {
      return position;
    }
  }
  return end;
}

interface LogicalRun extends TextRun {
  level: number;
}

function lineOf(
  fonts: FontSet,
  style: TextStyle,
  characters: string[],
  choices: GlyphChoice[],
  offsets: number[],
  levelOf: (index: number) => number,
  start: number,
  end: number,
): TextLine {
  const runs: LogicalRun[] = [];
  let runStart = start;
  for (let position = start + 1; position <= end; position++) {
    if (position === end || choices[position].face !== choices[runStart].face || levelOf(position) !== levelOf(runStart)) {
      const level = levelOf(runStart);
      const direction: Direction = level % 2 === 1 ? 'rtl' : 'ltr';
      const text = characters.slice(runStart, position).join('');
      const shaped = choices[runStart].shaped;
      const width = shaped ? (fonts.measure(choices[runStart].face, text, direction) * style.size) / 1000 : offsets[position] - offsets[runStart];
      runs.push({ face: choices[runStart].face, text, direction, width, level });
      runStart = position;
    }
  }
  const visual = reorderRuns(runs).map(({ level: _level, ...run }) => run);
  return { runs: visual, width: visual.reduce((sum, run) => sum + run.width, 0) };
}

/** Rule L2 of the bidi algorithm on whole runs: from the highest level down to the lowest odd one, reverse every sequence at that level or above. */
function reorderRuns(runs: LogicalRun[]): LogicalRun[] {
  if (runs.every((run) => run.level === 0)) return runs;
  const ordered = [...runs];
  const highest = Math.max(...ordered.map((run) => run.level));
  const lowestOdd = Math.min(...ordered.map((run) => run.level).filter((level) => level % 2 === 1).concat(highest));
  for (let level = highest; level >= Math.max(1, lowestOdd); level--) {
    let index = 0;
    while (index < ordered.length) {
      if (ordered[index].level < level) {
        index++;
        continue;
      }
      let stop = index;
      while (stop < ordered.length && ordered[stop].level >= level) stop++;
      ordered.splice(index, stop - index, ...ordered.slice(index, stop).reverse());
      index = stop;
    }
  }
  return ordered;
}
