/*
 * Test support: one text object written out in the many ways PDF syntax (ISO 32000-1 §7.2–7.3, §9.4) allows for the
 * same meaning: its glyph codes in hex strings (either case, spaced, an odd last digit) or literal strings (escapes,
 * octal of one to three digits, raw balanced parentheses, line continuations, raw ends of line), shown with Tj, ', "
 * or TJ arrays with kerning; numbers signed, zero-padded or with a bare point; whitespace of every kind or none beside
 * delimiters; comments and drawing operators between. What it shows is stated by the codes and the numbers drawn, not
 * by reading the stream back, so a reader's answer can be checked against it.
 */
import fc from 'fast-check';

/** A written text object and what a reader must make of it: every glyph 500/1000 em wide at 10 points. */
export interface WrittenText {
  /** The content stream, one character per byte (latin1). */
  content: string;
  /** The glyph codes shown, in order. */
  codes: number[];
  /** Where the first glyph is drawn (a TJ array may kern before it). */
  x: number;
  y: number;
  /** Where the text matrix ends: x plus the advances and kerning since the line's start. */
  endX: number;
}

export const WRITTEN_FONT_SIZE = 10;
export const WRITTEN_GLYPH_WIDTH = 500;

type Draw = fc.GeneratorValue;
const chance = (draw: Draw, oneIn: number) => draw(fc.integer, { min: 1, max: oneIn }) === 1;
const pick = <T>(draw: Draw, options: readonly T[]): T => options[draw(fc.integer, { min: 0, max: options.length - 1 })];

/** Thousandths, as writers print them; the range keeps String() from choosing an exponent. */
const number = fc.integer({ min: -9_999_999, max: 9_999_999 }).map((thousandths) => thousandths / 1000);

/** The same value in one of the forms the number syntax allows: +5, 0005.500, .5, 5. */
function writeNumber(draw: Draw, value: number): string {
  const [whole, fraction = ''] = String(Math.abs(value)).split('.');
  const sign = value < 0 ? '-' : pick(draw, ['', '', '+']);
  const wholePart = whole === '0' && fraction && chance(draw, 3) ? '' : '0'.repeat(draw(fc.integer, { min: 0, max: 3 }) === 0 ? draw(fc.integer, { min: 1, max: 16 }) : 0) + whole;
  const fractionPart = fraction + '0'.repeat(chance(draw, 3) ? draw(fc.integer, { min: 1, max: 16 }) : 0);
  return sign + wholePart + (fractionPart ? '.' : pick(draw, ['', '', '.'])) + fractionPart;
}

const NAMED_ESCAPES: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x08: '\\b', 0x0c: '\\f', 0x28: '\\(', 0x29: '\\)', 0x5c: '\\\\' };
/** Characters that mean something after a backslash; before any other the backslash is dropped. */
const ESCAPE_MEANINGFUL = new Set([...'nrtbf()\\01234567\n\r'].map((character) => character.charCodeAt(0)));

/** Ways to write one byte in a literal string; `short` marks an octal escape that a following digit would extend. */
function byteForms(byte: number, rawParenthesis: boolean): { text: string; short?: boolean }[] {
  const octal = byte.toString(8);
  const forms: { text: string; short?: boolean }[] = [{ text: `\\${octal.padStart(3, '0')}` }];
  if (octal.length < 3) forms.push({ text: `\\${octal}`, short: true });
  if (NAMED_ESCAPES[byte]) forms.push({ text: NAMED_ESCAPES[byte] });
  if (!ESCAPE_MEANINGFUL.has(byte)) forms.push({ text: `\\${String.fromCharCode(byte)}` });
  if (byte === 0x28 || byte === 0x29) {
    if (rawParenthesis) return [{ text: String.fromCharCode(byte) }];
  } else if (byte === 0x0a) forms.push({ text: '\n' }, { text: '\r' }, { text: '\r\n' });
  else if (byte !== 0x5c && byte !== 0x0d) forms.push({ text: String.fromCharCode(byte) }, { text: String.fromCharCode(byte) });
  return forms;
}

function writeLiteral(draw: Draw, bytes: number[]): string {
  // A raw parenthesis is allowed when it is balanced: pair each ( with the next unpaired ), innermost first.
  const raw = new Set<number>();
  const open: number[] = [];
  bytes.forEach((byte, index) => {
    if (byte === 0x28) open.push(index);
    else if (byte === 0x29 && open.length) {
      const opening = open.pop() as number;
      if (chance(draw, 2)) raw.add(opening).add(index);
    }
  });
  const pieces: { text: string; short?: boolean }[] = [];
  bytes.forEach((byte, index) => {
    if (chance(draw, 5)) pieces.push({ text: pick(draw, ['\\\n', '\\\r', '\\\r\n']) });
    pieces.push(pick(draw, byteForms(byte, raw.has(index))));
  });
  return `(${pieces
    .map((piece, index) => {
      const next = pieces[index + 1]?.text ?? ')';
      // A digit after a short octal escape would be read as part of it; an LF after a CR as one end of line with it.
      if (piece.short && /^[0-7]/.test(next)) return `\\${piece.text.slice(1).padStart(3, '0')}`;
      if (piece.text.endsWith('\r') && next.startsWith('\n')) return `${piece.text}\n`;
      return piece.text;
    })
    .join('')})`;
}

const HEX_SPACES = [' ', '\n', '\r', '\r\n', '\t', '\f'];

function writeHex(draw: Draw, bytes: number[]): string {
  let digits = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  // A missing last digit is read as 0.
  if (digits.endsWith('0') && chance(draw, 3)) digits = digits.slice(0, -1);
  const written = [...digits].map((digit) => (chance(draw, 2) ? digit.toUpperCase() : digit) + (chance(draw, 4) ? pick(draw, HEX_SPACES) : ''));
  return `<${chance(draw, 6) ? pick(draw, HEX_SPACES) : ''}${written.join('')}>`;
}

const writeString = (draw: Draw, codes: number[]) => {
  const bytes = codes.flatMap((code) => [code >> 8, code & 0xff]);
  return chance(draw, 2) ? writeHex(draw, bytes) : writeLiteral(draw, bytes);
};

/** Operators that draw or set state but show no text and move no glyph. */
const DRAWING: string[][] = [['0.5', 'w'], ['1', '0', '0', 'RG'], ['10', '10', 'm'], ['20', '20', 'l'], ['S'], ['/GS1', 'gs'], ['0', 'Tc'], ['0', 'Tw'], ['0', 'Tr'], ['n']];
const WHITESPACE = [' ', '\n', '\r\n', '\r', '\t', '\f', '\0', ' \n '];
const COMMENTS = ['% a note\n', '%(unbalanced [ <in a comment\r', '%\r\n', '%/F9 10 Tf <0001> Tj\n'];

/** Between two tokens: whitespace or a comment, or nothing where a delimiter already ends one or starts the next. */
function separator(draw: Draw, before: string, after: string): string {
  if ((/[)>\]]$/.test(before) || /^[(<[\]/]/.test(after)) && chance(draw, 2)) return '';
  return (chance(draw, 6) ? pick(draw, COMMENTS) : '') + pick(draw, WHITESPACE);
}

/** A text object that shows codes drawn from `code`, with what it shows. */
export function writtenText(code: fc.Arbitrary<number>): fc.Arbitrary<WrittenText> {
  return fc.gen().map((draw) => {
    const x = draw(() => number);
    const y = draw(() => number);
    const tokens: string[] = [];
    for (let count = draw(fc.integer, { min: 0, max: 2 }); count > 0; count--) tokens.push(...pick(draw, DRAWING));
    tokens.push('BT', '/F1', writeNumber(draw, WRITTEN_FONT_SIZE), 'Tf', '1', '0', '0', '1', writeNumber(draw, x), writeNumber(draw, y), 'Tm');
    const codes: number[] = [];
    const advance = (WRITTEN_GLYPH_WIDTH / 1000) * WRITTEN_FONT_SIZE;
    let offset = 0;
    let firstX: number | null = null;
    const shown = () => {
      const group = draw(() => fc.array(code, { minLength: 1, maxLength: 3 }));
      firstX ??= x + offset;
      codes.push(...group);
      offset += advance * group.length;
      return writeString(draw, group);
    };
    for (let shows = draw(fc.integer, { min: 1, max: 5 }); shows > 0; shows--) {
      if (chance(draw, 4)) tokens.push(...pick(draw, DRAWING));
      const operator = pick(draw, ['Tj', 'TJ', "'", '"']);
      // ' and " start a new line first: without a leading set, at the start of the line they are on.
      if (operator === "'" || operator === '"') offset = 0;
      if (operator === 'Tj' || operator === "'") tokens.push(shown(), operator);
      else if (operator === '"') tokens.push(writeNumber(draw, 0), writeNumber(draw, 0), shown(), operator);
      else {
        tokens.push('[');
        for (let parts = draw(fc.integer, { min: 1, max: 3 }); parts > 0; parts--) {
          if (chance(draw, 2)) {
            const kerning = draw(() => fc.integer({ min: -999, max: 999 }));
            offset -= (kerning / 1000) * WRITTEN_FONT_SIZE;
            tokens.push(writeNumber(draw, kerning));
          }
          tokens.push(shown());
        }
        tokens.push(']', 'TJ');
      }
    }
    tokens.push('ET');
    const content = tokens.reduce((written, token, index) => (index === 0 ? token : written + separator(draw, tokens[index - 1], token) + token), '');
    return { content: (chance(draw, 3) ? pick(draw, WHITESPACE) : '') + content + (chance(draw, 3) ? pick(draw, WHITESPACE) : ''), codes, x: firstX ?? x, y, endX: x + offset };
  });
}
