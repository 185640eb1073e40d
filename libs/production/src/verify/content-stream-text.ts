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

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

type Operand = number | string | { hex: Uint8Array } | { literal: Uint8Array } | Operand[];

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
  // q/Q save and restore the graphics state, of which the text state (font, size, leading) is part.
  const stack: { ctm: Matrix; font: GlyphTable | null; size: number; leading: number }[] = [];
  let ctm: Matrix = IDENTITY;
  let textMatrix: Matrix = IDENTITY;
  let lineMatrix: Matrix = IDENTITY;
  let leading = 0;
  let font: GlyphTable | null = null;
  let size = 0;
  let current: { drawn: string[]; x: number; y: number; endX: number; size: number } | null = null;
  const operands: Operand[] = [];

  const show = (codes: Uint8Array) => {
    if (!font) throw new Error('text shown before a font was selected');
    if (codes.length % 2 !== 0) throw new Error('a two-byte font shows an odd number of bytes');
    const at = multiply(textMatrix, ctm);
    if (!current) throw new Error('text shown outside a text object');
    if (current.drawn.length === 0) {
      current.x = at[4];
      current.y = at[5];
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
    textMatrix = multiply([1, 0, 0, 1, advance, 0], textMatrix);
    current.endX = multiply(textMatrix, ctm)[4];
  };
  const moveLine = (tx: number, ty: number) => {
    lineMatrix = multiply([1, 0, 0, 1, tx, ty], lineMatrix);
    textMatrix = lineMatrix;
  };

  const lexer = new ContentLexer(content);
  for (let operator = lexer.next(operands); operator !== null; operator = lexer.next(operands)) {
    const args = operands.splice(0);
    switch (operator) {
      case 'q': stack.push({ ctm, font, size, leading }); break;
      case 'Q': {
        const saved = stack.pop();
        if (saved) ({ ctm, font, size, leading } = saved);
        else ctm = IDENTITY;
        break;
      }
      case 'cm': ctm = multiply(numbers(args, 6) as Matrix, ctm); break;
      case 'BT':
        textMatrix = lineMatrix = IDENTITY;
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
      case 'Tm': textMatrix = lineMatrix = numbers(args, 6) as Matrix; break;
      case 'Td': moveLine(...(numbers(args, 2) as [number, number])); break;
      case 'TD': {
        const [tx, ty] = numbers(args, 2);
        leading = -ty;
        moveLine(tx, ty);
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
          if (typeof part === 'number') textMatrix = multiply([1, 0, 0, 1, (-part / 1000) * size, 0], textMatrix);
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

function finishText(current: { drawn: string[]; x: number; y: number; endX: number; size: number }): ContentText {
  const drawn = current.drawn.join('');
  return { text: readingOrder(current.drawn), drawn, x: current.x, y: current.y, endX: current.endX, size: current.size };
}

/**
 * A right-to-left run is drawn in display order (glyph by glyph from the left), so extraction reverses it, as
 * readers do: one glyph's characters stay in their order (this library maps a right-to-left ligature to its
 * characters already reversed, see FontSet), and a text object without right-to-left characters is left as drawn.
 */
function readingOrder(glyphs: string[]): string {
  const drawn = glyphs.join('');
  if (!bidiLevels(drawn)) return drawn;
  const characters = [...drawn];
  return characters.reverse().join('');
}

function numbers(args: Operand[], count: number): number[] {
  if (args.length !== count || args.some((arg) => typeof arg !== 'number')) throw new Error(`expected ${count} numbers, got ${JSON.stringify(args).slice(0, 80)}`);
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

  next(operands: Operand[]): string | null {
    const bytes = this.bytes;
    const length = bytes.length;
    const arrays = this.arrays;
    const emit = (operand: Operand) => {
      if (arrays.length) arrays[arrays.length - 1].push(operand);
      else operands.push(operand);
    };
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
        emit(array);
      } else if (byte === 0x3c && bytes[this.index + 1] !== 0x3c) {
        const end = bytes.indexOf(0x3e, this.index);
        if (end === -1) throw new Error('unterminated hex string');
        const digits = bytes.toString('latin1', this.index + 1, end).replace(/\s+/g, '');
        if (!HEX_DIGIT.test(digits)) throw new Error('bad hex string');
        this.index = end + 1;
        emit({ hex: Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex') });
      } else if (byte === 0x28) {
        const [literal, end] = literalString(bytes, this.index);
        this.index = end;
        emit({ literal });
      } else if (byte === 0x2f) {
        let end = this.index + 1;
        while (end < length && !ENDS_WORD[bytes[end]]) end++;
        emit(bytes.toString('latin1', this.index + 1, end));
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
          emit(number);
          continue;
        }
        const word = bytes.toString('latin1', start, end);
        if ((byte === 0x2b || byte === 0x2d || byte === 0x2e || (byte >= 0x30 && byte <= 0x39)) && NUMBER.test(word)) {
          emit(Number(word));
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
 * The value of bytes[start, end) when they are an optional minus, digits and at most one point with digits on both
 * sides or none after (what writers print; exact as Number() reads it: an integer of at most 15 digits over a power
 * of ten). Null for anything else, which the caller reads the general way.
 */
function plainDecimal(bytes: Buffer, start: number, end: number): number | null {
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
    } else if (byte === 0x2e && !point && digits > 0) point = true;
    else return null;
  }
  if (digits === 0) return null;
  const value = mantissa / scale;
  return negative ? -value : value;
}

function literalString(bytes: Buffer, start: number): [Uint8Array, number] {
  // Most strings have no escape and no nested parenthesis: their bytes as they stand.
  for (let index = start + 1; index < bytes.length; index++) {
    const byte = bytes[index];
    if (byte === 0x29) return [bytes.subarray(start + 1, index), index + 1];
    if (byte === 0x5c || byte === 0x28 || byte === 0x0d) break;
  }
  const out: number[] = [];
  let depth = 0;
  let index = start;
  for (;;) {
    if (index >= bytes.length) throw new Error('unterminated string');
    const byte = bytes[index++];
    if (byte === 0x5c) {
      const next = bytes[index++];
      const escapes: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
      if (next in escapes) out.push(escapes[next]);
      else if (next >= 0x30 && next <= 0x37) {
        let octal = next - 0x30;
        for (let digits = 1; digits < 3 && bytes[index] >= 0x30 && bytes[index] <= 0x37; digits++) octal = octal * 8 + (bytes[index++] - 0x30);
        out.push(octal & 0xff);
      } else if (next !== 0x0a && next !== 0x0d) out.push(next);
    } else if (byte === 0x28) {
      depth++;
      if (depth > 1) out.push(byte);
    } else if (byte === 0x29) {
      depth--;
      if (depth === 0) return [Uint8Array.from(out), index];
      out.push(byte);
    } else out.push(byte);
  }
}
