import { bidiLevels } from '../pdf/bidi';

/** What a glyph of one embedded font stands for, as its ToUnicode map says, and its advance in thousandths of an em. */
export interface GlyphMeaning {
  text: string;
  width: number;
}

/** A font's glyphs by their two-byte code (Identity-H: the code is the subset's glyph id). */
export type GlyphTable = Map<number, GlyphMeaning>;

/** One text object (BT…ET) of a page: what it reads as, where it starts and ends (PDF user space, points). */
export interface ContentText {
  /** In reading order: a right-to-left run (drawn in display order) is put back in logical order. */
  text: string;
  /** In drawing order, as the glyphs follow each other on the page. */
  drawn: string;
  x: number;
  y: number;
  endX: number;
  size: number;
}

/**
 * A PDF matrix [a b c d e f] (ISO 32000-1 §8.3.3). The reader keeps one of each (CTM, text and line matrix) and
 * updates it in place: a page draws thousands of glyph runs, and a new matrix for each was a good part of reading it.
 */
type Matrix = Float64Array;

function identity(out: Matrix = new Float64Array(6)): Matrix {
  out[0] = 1; out[1] = 0; out[2] = 0; out[3] = 1; out[4] = 0; out[5] = 0;
  return out;
}

/** out = m × n (out may be m or n): the products spelled out as in the standard, so results match to the last bit. */
function multiplyInto(out: Matrix, m0: number, m1: number, m2: number, m3: number, m4: number, m5: number, n: Matrix): void {
  const n0 = n[0], n1 = n[1], n2 = n[2], n3 = n[3], n4 = n[4], n5 = n[5];
  out[0] = m0 * n0 + m1 * n2;
  out[1] = m0 * n1 + m1 * n3;
  out[2] = m2 * n0 + m3 * n2;
  out[3] = m2 * n1 + m3 * n3;
  out[4] = m4 * n0 + m5 * n2 + n4;
  out[5] = m4 * n1 + m5 * n3 + n5;
}

/** out = translation(tx, ty) × n. */
function translateInto(out: Matrix, tx: number, ty: number, n: Matrix): void {
  multiplyInto(out, 1, 0, 0, 1, tx, ty, n);
}

type Operand = number | string | { hex: Uint8Array } | { literal: Uint8Array } | Operand[];

interface SavedState {
  ctm: Matrix;
  font: GlyphTable | null;
  size: number;
  leading: number;
}

/** The text object being read (BT…ET): its glyphs' characters in drawing order and where it starts and ends. */
interface OpenText {
  drawn: string[];
  x: number;
  y: number;
  endX: number;
  size: number;
}

/**
 * Reads the text a page's content stream shows, the way a PDF reader's text extraction does: every text-showing
 * operator (Tj, TJ, ', ") is decoded through the font's glyph table, positioned by the text and transformation
 * matrices (q/Q/cm, Tm/Td/TD/T*), one entry per text object. `fontOf` resolves a resource name (/F2) to the glyph
 * table of the font it names; a code with no meaning throws, so a glyph nobody could read back fails verification.
 * Drawing operators are skipped with their operands. Inline images and marked-content dictionaries are not expected
 * in what this library writes and make the page fail to read.
 */
export function contentStreamText(content: Buffer, fontOf: (resourceName: string) => GlyphTable): ContentText[] {
  const texts: ContentText[] = [];
  // q/Q save and restore the graphics state, of which the text state (font, size, leading) is part. Saved states
  // are kept for reuse: `depth` of them are in use.
  const stack: SavedState[] = [];
  let depth = 0;
  const ctm = identity();
  const textMatrix = identity();
  const lineMatrix = identity();
  let leading = 0;
  let font: GlyphTable | null = null;
  let size = 0;
  let current: OpenText | null = null;
  const operands: Operand[] = [];

  const show = (codes: Uint8Array) => {
    if (!font) throw new Error('text shown before a font was selected');
    if (codes.length % 2 !== 0) throw new Error('a two-byte font shows an odd number of bytes');
    if (!current) throw new Error('text shown outside a text object');
    if (current.drawn.length === 0) {
      // The text matrix times the CTM, of which only the origin is needed.
      current.x = textMatrix[4] * ctm[0] + textMatrix[5] * ctm[2] + ctm[4];
      current.y = textMatrix[4] * ctm[1] + textMatrix[5] * ctm[3] + ctm[5];
      current.size = size;
    }
    let advance = 0;
    for (let index = 0; index < codes.length; index += 2) {
      const code = (codes[index] << 8) | codes[index + 1];
      const meaning = font.get(code);
      if (!meaning) throw new Error(`glyph ${code} has no character mapping`);
      current.drawn.push(meaning.text);
      advance += (meaning.width / 1000) * size;
    }
    translateInto(textMatrix, advance, 0, textMatrix);
    current.endX = textMatrix[4] * ctm[0] + textMatrix[5] * ctm[2] + ctm[4];
  };
  const moveLine = (tx: number, ty: number) => {
    translateInto(lineMatrix, tx, ty, lineMatrix);
    textMatrix.set(lineMatrix);
  };

  const lexer = new ContentLexer(content);
  for (let operator = lexer.next(operands); operator !== null; operands.length = 0, operator = lexer.next(operands)) {
    const args = operands;
    switch (operator) {
      case 'q': {
        const saved = stack[depth] ?? (stack[depth] = { ctm: new Float64Array(6), font, size, leading });
        saved.ctm.set(ctm);
        saved.font = font;
        saved.size = size;
        saved.leading = leading;
        depth++;
        break;
      }
      case 'Q':
        if (depth > 0) {
          const saved = stack[--depth];
          ctm.set(saved.ctm);
          ({ font, size, leading } = saved);
        } else identity(ctm);
        break;
      case 'cm': {
        const m = numbers(args, 6);
        multiplyInto(ctm, m[0], m[1], m[2], m[3], m[4], m[5], ctm);
        break;
      }
      case 'BT':
        identity(textMatrix);
        identity(lineMatrix);
        current = { drawn: [], x: 0, y: 0, endX: 0, size: 0 };
        break;
      case 'ET':
        if (current && current.drawn.length) texts.push(finishText(current));
        current = null;
        break;
      case 'Tf':
        font = fontOf(String(args[0]));
        size = numbers(args.slice(1), 1)[0];
        break;
      case 'Tm':
        textMatrix.set(numbers(args, 6));
        lineMatrix.set(textMatrix);
        break;
      case 'Td': {
        const t = numbers(args, 2);
        moveLine(t[0], t[1]);
        break;
      }
      case 'TD': {
        const t = numbers(args, 2);
        leading = -t[1];
        moveLine(t[0], t[1]);
        break;
      }
      case 'TL': leading = numbers(args, 1)[0]; break;
      case 'T*': moveLine(0, -leading); break;
      case 'Tj': show(bytesOf(args[0])); break;
      case "'": moveLine(0, -leading); show(bytesOf(args[0])); break;
      case '"': moveLine(0, -leading); show(bytesOf(args[2])); break;
      case 'TJ':
        if (!Array.isArray(args[0])) throw new Error('TJ without an array');
        for (const part of args[0]) {
          if (typeof part === 'number') translateInto(textMatrix, (-part / 1000) * size, 0, textMatrix);
          else show(bytesOf(part));
        }
        break;
      case 'BI': case 'ID': case 'BDC': case 'DP':
        throw new Error(`unexpected operator ${operator} in a content stream`);
      default:
        break; // drawing, colour, line width, text state (Tc, Tw, Tz, Tr): no text of their own
    }
  }
  if (current) throw new Error('a text object is not closed');
  return texts;
}

function finishText(current: OpenText): ContentText {
  const drawn = current.drawn.join('');
  return { text: readingOrder(drawn), drawn, x: current.x, y: current.y, endX: current.endX, size: current.size };
}

/**
 * A right-to-left run is drawn in display order (glyph by glyph from the left), so extraction reverses it, as
 * readers do: one glyph's characters stay in their order (this library maps a right-to-left ligature to its
 * characters already reversed, see FontSet), and a text object without right-to-left characters is left as drawn.
 */
function readingOrder(drawn: string): string {
  if (!bidiLevels(drawn)) return drawn;
  const characters = [...drawn];
  return characters.reverse().join('');
}

function numbers(args: Operand[], count: number): number[] {
  let allNumbers = args.length === count;
  for (let index = 0; allNumbers && index < args.length; index++) allNumbers = typeof args[index] === 'number';
  if (!allNumbers) throw new Error(`expected ${count} numbers, got ${JSON.stringify(args).slice(0, 80)}`);
  return args as number[];
}

function bytesOf(operand: Operand): Uint8Array {
  if (typeof operand === 'object' && !Array.isArray(operand)) return 'hex' in operand ? operand.hex : operand.literal;
  throw new Error('a text operator without a string');
}

const WHITESPACE = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITESPACE[byte] = 1;
/** Whitespace or a delimiter: ends a number, a name or an operator. */
const ENDS_WORD = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) ENDS_WORD[byte] = 1;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const HEX_DIGIT = /^[0-9a-fA-F]*$/;

/**
 * Reads a content stream operator by operator, straight from its bytes: operands (numbers, names, strings, arrays)
 * are pushed onto the caller's list and the operator is returned (null at the end). A page has thousands of tokens;
 * numbers are read from the bytes without making a string of them when they are plain decimals.
 */
class ContentLexer {
  private index = 0;
  private readonly arrays: Operand[][] = [];

  constructor(private readonly bytes: Buffer) {}

  /** An operand goes into the innermost open array, else onto the operator's list. */
  private emit(operands: Operand[], operand: Operand): void {
    const arrays = this.arrays;
    (arrays.length ? arrays[arrays.length - 1] : operands).push(operand);
  }

  next(operands: Operand[]): string | null {
    const bytes = this.bytes;
    const length = bytes.length;
    const arrays = this.arrays;
    while (this.index < length) {
      const byte = bytes[this.index];
      if (WHITESPACE[byte]) {
        this.index++;
      } else if (byte === 0x25) {
        while (this.index < length && bytes[this.index] !== 0x0a && bytes[this.index] !== 0x0d) this.index++;
      } else if (byte === 0x5b) {
        arrays.push([]);
        this.index++;
      } else if (byte === 0x5d) {
        const array = arrays.pop();
        if (!array) throw new Error('unbalanced ] in a content stream');
        this.index++;
        this.emit(operands, array);
      } else if (byte === 0x3c && bytes[this.index + 1] !== 0x3c) {
        const end = bytes.indexOf(0x3e, this.index);
        if (end === -1) throw new Error('unterminated hex string');
        const digits = bytes.toString('latin1', this.index + 1, end).replace(/\s+/g, '');
        if (!HEX_DIGIT.test(digits)) throw new Error('bad hex string');
        this.index = end + 1;
        this.emit(operands, { hex: Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex') });
      } else if (byte === 0x28) {
        const [literal, end] = literalString(bytes, this.index);
        this.index = end;
        this.emit(operands, { literal });
      } else if (byte === 0x2f) {
        let end = this.index + 1;
        while (end < length && !ENDS_WORD[bytes[end]]) end++;
        this.emit(operands, bytes.toString('latin1', this.index + 1, end));
        this.index = end;
      } else if (byte === 0x3c || byte === 0x3e || byte === 0x7b || byte === 0x7d || byte === 0x29) {
        throw new Error(`unexpected ${String.fromCharCode(byte)} in a content stream`);
      } else {
        const start = this.index;
        let end = start;
        while (end < length && !ENDS_WORD[bytes[end]]) end++;
        this.index = end;
        const number = plainDecimal(bytes, start, end);
        if (number !== null) {
          this.emit(operands, number);
          continue;
        }
        const word = bytes.toString('latin1', start, end);
        if ((byte === 0x2b || byte === 0x2d || byte === 0x2e || (byte >= 0x30 && byte <= 0x39)) && NUMBER.test(word)) {
          this.emit(operands, Number(word));
          continue;
        }
        if (arrays.length) throw new Error(`operator ${word} inside an array`);
        return word;
      }
    }
    if (arrays.length) throw new Error('unterminated array in a content stream');
    return null;
  }
}

/**
 * The value of bytes[start, end) when they are an optional minus, then at most 15 digits and points of which one point
 * at most and one digit at least (what writers print; exact as Number() reads it: an integer of at most 15 digits over
 * a power of ten). Null for anything else, which the caller reads the general way. Exported for its spec only.
 */
export function plainDecimal(bytes: Buffer, start: number, end: number): number | null {
  let index = start;
  const negative = bytes[index] === 0x2d;
  if (negative) index++;
  if (index >= end || end - index > 15) return null;
  let mantissa = 0;
  let scale = 1;
  let point = false;
  let digits = 0;
  for (; index < end; index++) {
    const byte = bytes[index];
    if (byte >= 0x30 && byte <= 0x39) {
      mantissa = mantissa * 10 + (byte - 0x30);
      digits++;
      if (point) scale *= 10;
    } else if (byte === 0x2e && !point) point = true;
    else return null;
  }
  if (digits === 0) return null;
  const value = mantissa / scale;
  return negative ? -value : value;
}

/** What a backslash followed by this byte stands for in a literal string (-1: not one of the single-letter escapes). */
const ESCAPED = new Int16Array(256).fill(-1);
for (const [letter, byte] of [[0x6e, 0x0a], [0x72, 0x0d], [0x74, 0x09], [0x62, 0x08], [0x66, 0x0c], [0x28, 0x28], [0x29, 0x29], [0x5c, 0x5c]]) ESCAPED[letter] = byte;

let scratch = new Uint8Array(4096);

/**
 * A literal string's bytes and the index after its closing parenthesis (ISO 32000-1 §7.3.4.2): escapes decoded, a
 * backslash before an end of line (CR, LF or CR LF) dropped with it, and an end of line in the string read as one LF.
 */
function literalString(bytes: Buffer, start: number): [Uint8Array, number] {
  // Most strings have no escape, nested parenthesis or carriage return: their bytes as they stand.
  let index = start + 1;
  for (; index < bytes.length; index++) {
    const byte = bytes[index];
    if (byte === 0x29) return [bytes.subarray(start + 1, index), index + 1];
    if (byte === 0x5c || byte === 0x28 || byte === 0x0d) break;
  }
  // Decoded into a scratch buffer kept between strings (decoding never lengthens a string, so the rest of the stream
  // is room enough), then copied out at its length. The plain prefix is copied as it stands.
  if (scratch.length < bytes.length - start) scratch = new Uint8Array(bytes.length - start);
  const out = scratch;
  out.set(bytes.subarray(start + 1, index));
  let length = index - start - 1;
  let depth = 1;
  for (;;) {
    if (index >= bytes.length) throw new Error('unterminated string');
    const byte = bytes[index++];
    if (byte === 0x5c) {
      const next = bytes[index++];
      if (next === undefined) throw new Error('unterminated string');
      if (ESCAPED[next] !== -1) out[length++] = ESCAPED[next];
      else if (next >= 0x30 && next <= 0x37) {
        let octal = next - 0x30;
        for (let digits = 1; digits < 3 && bytes[index] >= 0x30 && bytes[index] <= 0x37; digits++) octal = octal * 8 + (bytes[index++] - 0x30);
        out[length++] = octal & 0xff;
      } else if (next === 0x0d) {
        if (bytes[index] === 0x0a) index++;
      } else if (next !== 0x0a) out[length++] = next;
    } else if (byte === 0x0d) {
      out[length++] = 0x0a;
      if (bytes[index] === 0x0a) index++;
    } else if (byte === 0x28) {
      depth++;
      out[length++] = byte;
    } else if (byte === 0x29) {
      depth--;
      if (depth === 0) return [out.slice(0, length), index];
      out[length++] = byte;
    } else out[length++] = byte;
  }
}
