import { FontSet, REPLACEMENT_CHARACTER } from './font-set';
import { FontWeight } from './font-files';
import { printableText } from './printable-text';

export interface TextStyle {
  weight: FontWeight;
  /** Points. */
  size: number;
}

/** Consecutive characters drawn with one face. */
export interface TextRun {
  face: string;
  text: string;
  /** Points. */
  width: number;
}

export interface TextLine {
  runs: TextRun[];
  width: number;
}

// Scripts written without spaces: a line may break between any two of their characters.
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Lays a value out in lines no wider than `maxWidth` points (Infinity: one line), breaking at spaces, after
 * hyphens, slashes and underscores, between CJK characters, and inside a word only when the word alone is too wide.
 * Characters of a line stay in reading order, so a value broken across lines still extracts contiguously.
 */
export function layoutText(fonts: FontSet, value: string | number | null | undefined, style: TextStyle, maxWidth: number): TextLine[] {
  const characters: string[] = [];
  const faces: string[] = [];
  const offsets: number[] = [0]; // offsets[i]: width of characters[0..i)
  for (const character of printableText(value)) {
    const choice = fonts.choose(character.codePointAt(0) as number, style.weight);
    characters.push(choice.replaced ? REPLACEMENT_CHARACTER : character);
    faces.push(choice.face);
    offsets.push(offsets[offsets.length - 1] + (choice.advance * style.size) / 1000);
  }
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
    lines.push(lineOf(characters, faces, offsets, start, visibleEnd));
    start = end;
  }
  return lines;
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

function lineOf(characters: string[], faces: string[], offsets: number[], start: number, end: number): TextLine {
  const runs: TextRun[] = [];
  let runStart = start;
  for (let position = start + 1; position <= end; position++) {
    if (position === end || faces[position] !== faces[runStart]) {
      runs.push({ face: faces[runStart], text: characters.slice(runStart, position).join(''), width: offsets[position] - offsets[runStart] });
      runStart = position;
    }
  }
  return { runs, width: offsets[end] - offsets[start] };
}
