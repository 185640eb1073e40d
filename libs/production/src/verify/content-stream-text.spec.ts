import fc from 'fast-check';
import { WRITTEN_FONT_SIZE, WRITTEN_GLYPH_WIDTH, writtenText } from '../testing/written-content-stream';
import { contentStreamText, GlyphTable, plainDecimal } from './content-stream-text';

/*
 * Content streams written out here by hand, in the operators pdfkit writes (and a few it may), read with small glyph
 * tables. Expected positions follow from the PDF rules (ISO 32000-1 §8.3 and §9.4): a glyph is placed by the text
 * matrix times the current transformation matrix, and advances the text matrix by width / 1000 × font size.
 */
const glyphs = (entries: Record<number, [string, number]>): GlyphTable => new Map(Object.entries(entries).map(([code, [text, width]]) => [Number(code), { text, width }]));
const LATIN = glyphs({ 1: ['H', 600], 2: ['i', 300], 0x10: ['x', 500], 0xab: ['y', 500] });
const HEBREW = glyphs({ 3: ['ן', 500], 4: ['ה', 500], 5: ['כ', 500], 6: ['אל', 800] });
const fonts: Record<string, GlyphTable> = { F1: LATIN, F2: HEBREW };
const fontOf = (name: string) => {
  const table = fonts[name];
  if (!table) throw new Error(`test font ${name} unknown`);
  return table;
};
const read = (content: string) => contentStreamText(Buffer.from(content, 'latin1'), fontOf);
const textsOf = (content: string) => read(content).map((text) => text.text);

describe('contentStreamText', () => {
  it('reads a text object as pdfkit writes it: position from the matrices, end from the glyph widths', () => {
    // pdfkit flips the page twice (cm before and after q), so text lands where its Tm says.
    const content = '1 0 0 -1 0 200 cm\nq\n1 0 0 -1 0 200 cm\nBT\n1 0 0 1 10 179.31 Tm\n/F1 10 Tf\n[<00010002> 0] TJ\nET\nQ\n';
    expect(read(content)).toEqual([{ text: 'Hi', drawn: 'Hi', x: 10, y: 179.31, endX: 19, size: 10 }]);
  });

  it('places text by the text matrix times every concatenated transformation, and advances by widths and kerning', () => {
    // CTM = [1 2 3 1 5 7] × [2 1 1 3 10 20] = [4 7 7 6 27 46]; Tm × CTM puts the origin at (85, 110); the glyph
    // (500/1000 × 10 = 5) moves Tm to x = 2·5 + 4 in text space, a TJ adjustment of -200 by another 2, the next glyph 5.
    const content = '2 1 1 3 10 20 cm 1 2 3 1 5 7 cm BT /F1 10 Tf 2 1 1 2 4 6 Tm [<0010> -200 <0010>] TJ ET';
    expect(read(content)).toEqual([{ text: 'xx', drawn: 'xx', x: 85, y: 110, endX: 265, size: 10 }]);
    expect(read('2 1 1 3 10 20 cm 1 2 3 1 5 7 cm BT /F1 10 Tf 2 1 1 2 4 6 Tm <0010> Tj ET')[0].endX).toBe(160);
  });

  it('restores the transformation saved by q at Q, and the identity for a Q without q', () => {
    const content = '1 0 0 1 100 0 cm q 1 0 0 1 7 0 cm Q BT /F1 10 Tf 1 0 0 1 5 5 Tm <0001> Tj ET';
    expect(read(content)).toMatchObject([{ x: 105, y: 5, endX: 111 }]);
    expect(read('q 2 0 0 2 10 20 cm BT /F1 10 Tf 1 0 0 1 5 5 Tm <0001> Tj ET Q BT /F1 10 Tf 1 0 0 1 5 5 Tm <0001> Tj ET')).toMatchObject([
      { x: 20, y: 30, endX: 32 },
      { x: 5, y: 5, endX: 11 },
    ]);
    expect(read('1 0 0 1 100 0 cm Q BT /F1 10 Tf <0001> Tj ET')).toMatchObject([{ x: 0, y: 0 }]);
  });

  it('restores the font and size saved by q at Q: text after it is read in the font set before the q', () => {
    // The renderer sets a font once for many text objects; pdfkit's own text() sets another inside its q … Q.
    const content = 'BT /F1 10 Tf ET q BT /F2 20 Tf <0003> Tj ET Q BT 1 0 0 1 5 5 Tm <0001> Tj ET';
    expect(read(content)).toEqual([
      { text: 'ן', drawn: 'ן', x: 0, y: 0, endX: 10, size: 20 },
      { text: 'H', drawn: 'H', x: 5, y: 5, endX: 11, size: 10 },
    ]);
  });

  it('moves lines with Td, TD (which sets the leading), TL, T*, \' and "', () => {
    expect(read('BT /F1 10 Tf 50 700 Td 10 -12 Td <0001> Tj ET')).toMatchObject([{ x: 60, y: 688 }]);
    expect(read('BT /F1 10 Tf 50 700 Td 0 -14 TD T* <0001> Tj ET')).toMatchObject([{ x: 50, y: 672 }]);
    expect(read('BT /F1 10 Tf 16 TL 50 700 Td T* <0001> Tj ET')).toMatchObject([{ x: 50, y: 684 }]);
    expect(read("BT /F1 10 Tf 16 TL 50 700 Td <0001> ' ET")).toMatchObject([{ text: 'H', x: 50, y: 684 }]);
    expect(read('BT /F1 10 Tf 16 TL 50 700 Td 0 0 <0002> " ET')).toMatchObject([{ text: 'i', x: 50, y: 684 }]);
    // A new line starts at the line's origin, not where the last glyph ended: 50 + 3 for the "i".
    expect(read('BT /F1 10 Tf 50 700 Td <0001> Tj 0 -12 Td <0002> Tj ET')).toMatchObject([{ text: 'Hi', x: 50, y: 700, endX: 53 }]);
  });

  it('starts every text object at the identity, keeps the font across objects, and takes position and size from its first glyph', () => {
    expect(read('BT /F1 10 Tf 50 700 Td <0001> Tj ET BT <0002> Tj ET')).toEqual([
      { text: 'H', drawn: 'H', x: 50, y: 700, endX: 56, size: 10 },
      { text: 'i', drawn: 'i', x: 0, y: 0, endX: 3, size: 10 },
    ]);
    expect(read('BT /F1 10 Tf <0001> Tj /F1 20 Tf <0001> Tj ET')).toEqual([{ text: 'HH', drawn: 'HH', x: 0, y: 0, endX: 18, size: 10 }]);
  });

  it('leaves out text objects that show nothing, and an ET with no text object open', () => {
    expect(read('BT ET BT /F1 10 Tf <> Tj ET')).toEqual([]);
    expect(read('ET BT /F1 10 Tf <0001> Tj ET ET')).toMatchObject([{ text: 'H' }]);
  });

  it('puts a right-to-left run back in reading order and keeps its drawing order beside it', () => {
    expect(read('BT /F2 10 Tf <000300040005> Tj ET')).toMatchObject([{ text: 'כהן', drawn: 'ןהכ' }]);
    // A ligature is mapped to its characters already reversed (FontSet), so reversing the run reads it right.
    expect(read('BT /F2 10 Tf <0006> Tj ET')).toMatchObject([{ text: 'לא', drawn: 'אל' }]);
  });

  it('reads hex strings with spaces and an odd last digit, literal strings with every escape, octal and nesting', () => {
    expect(textsOf('BT /F1 10 Tf <00 01 0002> Tj <001> Tj <00AB00ab> Tj ET')).toEqual(['Hixyy']);
    const table = glyphs({ 0x0a0d: ['a', 0], 0x0908: ['b', 0], 0x0c28: ['c', 0], 0x295c: ['d', 0], 0x4108: ['e', 0], 0x3207: ['f', 0], 0xff01: ['g', 0], 0x4142: ['h', 0], 0x7171: ['j', 0], 0x2841: ['k', 0], 0x4229: ['l', 0] });
    const literal = (strings: string) => contentStreamText(Buffer.from(`BT /F1 10 Tf ${strings} ET`, 'latin1'), () => table).map((text) => text.text);
    expect(literal('(\\n\\r\\t\\b\\f\\(\\)\\\\) Tj')).toEqual(['abcd']);
    // \101 is "A"; \010 stops after three digits, so the "2" is a character; \7 is one digit; \777 keeps its low byte.
    expect(literal('(\\101\\0102\\7) Tj (\\777\\1) Tj')).toEqual(['efg']);
    // A backslash before a line break continues the string; an unknown escape is the character itself.
    expect(literal('(A\\\nB) Tj (\\q\\q) Tj ((AB)) Tj (A\\\rB) Tj')).toEqual(['hjklh']);
  });

  it('reads tokens without spaces around delimiters, skips comments, and takes signed and fractional numbers', () => {
    expect(read('BT/F1 10 Tf<0001>Tj ET')).toMatchObject([{ text: 'H' }]);
    expect(read('% a comment\nBT /F1 10 Tf % the font\r1 0 0 1 +5 .25 Tm <0001> Tj ET')).toMatchObject([{ x: 5, y: 0.25 }]);
    expect(read('BT /F1 10 Tf 1 0 0 1 -.5 5. Tm <0001> Tj ET')).toMatchObject([{ x: -0.5, y: 5 }]);
    // Decimals as writers print them, and one too long to read digit by digit (read as Number() reads it).
    expect(read('BT /F1 10 Tf 1 0 0 1 612.345 -0.125 Tm <0001> Tj ET')).toMatchObject([{ x: 612.345, y: -0.125 }]);
    expect(read('BT /F1 10 Tf 1 0 0 1 0.1000000000000000055 007 Tm <0001> Tj ET')).toMatchObject([{ x: 0.1, y: 7 }]);
    // "1.2.3" is no number: read as an operator (skipped with its operands), so Tm gets the 5 alone.
    expect(errorOf(() => read('BT /F1 10 Tf 1 0 0 1 1.2.3 5 Tm ET'))).toBe('expected 6 numbers, got [5]');
  });

  it('skips drawing operators with their operands', () => {
    expect(read('0.4 w 5 5 m 10 10 l S 1 0 0 rg 0 0 10 10 re f /GS1 gs BT 2 Tc /F1 10 Tf 1 0 0 1 50 60 Tm <0001> Tj ET')).toMatchObject([{ x: 50, y: 60 }]);
  });

  it('fails on anything it cannot read for sure', () => {
    const failures: [string, string][] = [
      ['BT <0001> Tj ET', 'text shown before a font was selected'],
      ['BT /F1 10 Tf <00> Tj ET', 'a two-byte font shows an odd number of bytes'],
      ['/F1 10 Tf <0001> Tj', 'text shown outside a text object'],
      ['BT /F1 10 Tf <0007> Tj ET', 'glyph 7 has no character mapping'],
      ['BT /F1 10 Tf <0001> Tj', 'a text object is not closed'],
      ['BT /F1 10 Tf 5 Tj ET', 'a text operator without a string'],
      ['BT /F1 10 Tf [[<0001>]] TJ ET', 'a text operator without a string'],
      ['BT /F1 Tf ET', 'expected 1 numbers, got []'],
      ['BT /F1 10 Tf 1 0 0 1 5 Tm ET', 'expected 6 numbers, got [1,0,0,1,5]'],
      ['BT /F1 10 Tf 1 0 0 1 5 /X Tm ET', 'expected 6 numbers, got [1,0,0,1,5,"X"]'],
      // A word that only starts like a number is an operator (and Tm is left one operand short).
      ['BT /F1 10 Tf 1 0 0 1 5 1.2.3 Tm ET', 'expected 6 numbers, got []'],
      ['BT /F1 10 Tf 1 0 0 1 5 x1 Tm ET', 'expected 6 numbers, got []'],
      ['BT 5 Td ET', 'expected 2 numbers, got [5]'],
      ['BT 5 TD ET', 'expected 2 numbers, got [5]'],
      ['BT TL ET', 'expected 1 numbers, got []'],
      ['1 0 0 1 cm', 'expected 6 numbers, got [1,0,0,1]'],
      ['BI /W 1 ID', 'unexpected operator BI in a content stream'],
      ['ID', 'unexpected operator ID in a content stream'],
      ['/Span <</ActualText (x)>> BDC', 'unexpected < in a content stream'],
      ['/Span /P1 BDC', 'unexpected operator BDC in a content stream'],
      ['/Span /P1 DP', 'unexpected operator DP in a content stream'],
      ['1 ]', 'unbalanced ] in a content stream'],
      ['[1 2', 'unterminated array in a content stream'],
      ['[<0001> Tj]', 'operator Tj inside an array'],
      ['BT /F1 10 Tf <0001 Tj ET', 'unterminated hex string'],
      ['BT /F1 10 Tf <00zz> Tj ET', 'bad hex string'],
      ['BT /F1 10 Tf (abc Tj ET', 'unterminated string'],
      ['BT /F1 10 Tf (ab\\', 'unterminated string'],
      ['>', 'unexpected > in a content stream'],
      ['{', 'unexpected { in a content stream'],
      ['}', 'unexpected } in a content stream'],
      [')', 'unexpected ) in a content stream'],
    ];
    for (const [content, message] of failures) expect({ content, error: errorOf(() => read(content)) }).toEqual({ content, error: message });
  });

  it('reads a text object the same however its syntax writes it: strings, escapes, numbers, spacing, comments (property)', () => {
    // Bytes that mean something in a literal string, in either half of a code, and digits that extend an octal escape.
    const code = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0x2829, 0x2928, 0x5c5c, 0x0a0d, 0x0d0a, 0x0d0d, 0x3031, 0x3839, 0x0000, 0xffff, 0x5c28));
    const meaning = (value: number) => `[${value.toString(16)}]`;
    fc.assert(
      fc.property(writtenText(code), (written) => {
        const table: GlyphTable = new Map(written.codes.map((value) => [value, { text: meaning(value), width: WRITTEN_GLYPH_WIDTH }]));
        const [text, ...more] = contentStreamText(Buffer.from(written.content, 'latin1'), () => table);
        const shown = written.codes.map(meaning).join('');
        const rounded = (value: number) => Math.round(value * 1e6) / 1e6;
        expect({ ...text, x: rounded(text.x), endX: rounded(text.endX) }).toEqual({ text: shown, drawn: shown, x: rounded(written.x), y: written.y, endX: rounded(written.endX), size: WRITTEN_FONT_SIZE });
        expect(more).toEqual([]);
      }),
      // A failure is reported as drawn: shrinking a stream written through fc.gen() takes minutes and gigabytes.
      { numRuns: 200, endOnFailure: true },
    );
  });

  it('reads a literal string without escapes as its bytes, and strings that follow one another without a space', () => {
    expect(textsOf('BT /F1 10 Tf (\x00\x01\x00\x02) Tj (\x00\x10) Tj ET')).toEqual(['Hix']);
    const table = glyphs({ 0x4142: ['a', 0], 0x4344: ['b', 0], 0x2020: ['c', 0] });
    const literal = (strings: string) => contentStreamText(Buffer.from(`BT /F1 10 Tf ${strings} ET`, 'latin1'), () => table).map((text) => text.text);
    expect(literal('(AB) Tj (  ) Tj')).toEqual(['ac']);
    expect(literal('[(AB)(CD)(AB)] TJ')).toEqual(['aba']);
  });

  it('reads an end of line in a literal string as one LF, and drops a backslash with the end of line after it (CR, LF or CR LF)', () => {
    // ISO 32000-1 §7.3.4.2: CR, LF and CR LF in a string all read as the byte 0A.
    const table = glyphs({ 0x410a: ['a', 0], 0x0a42: ['b', 0], 0x4142: ['c', 0], 0x0a0a: ['d', 0] });
    const literal = (strings: string) => contentStreamText(Buffer.from(`BT /F1 10 Tf ${strings} ET`, 'latin1'), () => table).map((text) => text.text);
    expect(literal('(A\r\r\nB) Tj')).toEqual(['ab']);
    expect(literal('(A\n\rB) Tj')).toEqual(['ab']);
    expect(literal('(A\r\n\nB) Tj')).toEqual(['ab']);
    expect(literal('(A\r\rB) Tj')).toEqual(['ab']);
    expect(literal('(\r\n\r) Tj (\n\r\n) Tj')).toEqual(['dd']);
    expect(literal('(A\\\r\nB) Tj (A\\\rB) Tj (A\\\nB) Tj')).toEqual(['ccc']);
  });

  it('ends an octal escape at the first byte that is no octal digit: 8 and 9 are characters of their own', () => {
    const table = glyphs({ 0x0138: ['a', 0], 0x2139: ['b', 0] });
    expect(contentStreamText(Buffer.from('BT /F1 10 Tf (\\18) Tj (\\0419) Tj ET', 'latin1'), () => table).map((text) => text.text)).toEqual(['ab']);
  });

  it('reads numbers of more than 15 digits the general way, whatever digit they start with', () => {
    expect(read('BT /F1 10 Tf 1 0 0 1 9.00000000000000000 90000000000000000.5 Tm <0001> Tj ET')).toMatchObject([{ x: 9, y: 90000000000000000 }]);
    expect(read('BT /F1 10 Tf 1 0 0 1 1234567890123456 -99999999999999999 Tm <0001> Tj ET')).toMatchObject([{ x: 1234567890123456, y: -99999999999999999 }]);
  });

  it('comes to the end of a stream that ends in a comment, a name or a number, which show nothing', () => {
    expect(textsOf('BT /F1 10 Tf <0001> Tj ET % the end')).toEqual(['H']);
    expect(textsOf('BT /F1 10 Tf <0001> Tj ET /F1')).toEqual(['H']);
    expect(textsOf('BT /F1 10 Tf <0001> Tj ET 5')).toEqual(['H']);
    expect(textsOf('BT /F1 10 Tf <0001> Tj ET 5.')).toEqual(['H']);
  });

  it('fails on TJ with a string where its array should be', () => {
    expect(errorOf(() => read('BT /F1 10 Tf <0001> TJ ET'))).toBe('TJ without an array');
    expect(errorOf(() => read('BT /F1 10 Tf 5 TJ ET'))).toBe('TJ without an array');
  });

  it('restores each of nested and successive q … Q states to what it saved, not to a state saved before', () => {
    // The reader keeps its saved states for reuse; a second q at the same depth saves anew.
    const at = (x: number) => `BT /F1 10 Tf 1 0 0 1 ${x} 0 Tm <0001> Tj ET`;
    const content = `q 1 0 0 1 100 0 cm q 1 0 0 1 10 0 cm ${at(1)} Q ${at(2)} Q q 1 0 0 1 1000 0 cm q ${at(3)} Q ${at(4)} Q ${at(5)}`;
    expect(read(content).map((text) => text.x)).toEqual([111, 102, 1003, 1004, 5]);
    expect(read('BT /F1 10 Tf ET q Q BT /F2 20 Tf ET q BT /F1 10 Tf ET Q BT <0003> Tj ET')).toMatchObject([{ text: 'ן', size: 20 }]);
  });

  it('decodes literal strings with escapes of any length, each to its own bytes whatever was decoded before', () => {
    const table = glyphs({ 0x0a0a: ['n', 0], 0x4141: ['A', 0], 0x4242: ['B', 0] });
    const literal = (strings: string) => contentStreamText(Buffer.from(`BT /F1 10 Tf ${strings} ET`, 'latin1'), () => table).map((text) => text.text);
    const long = (pairs: number) => `(${'\\n\\n'.repeat(pairs)}AA) Tj`;
    // Longer than any stream read before, then shorter: neither is cut short nor keeps bytes of the one before.
    expect(literal(`${long(6000)} (BB\\n\\nAA) Tj`)).toEqual([`${'n'.repeat(6000)}ABnA`]);
  });

  it('quotes at most 80 characters of bad operands in its message', () => {
    const many = Array.from({ length: 40 }, (_, index) => index).join(' ');
    expect(errorOf(() => read(`${many} cm`))).toBe(`expected 6 numbers, got ${JSON.stringify(Array.from({ length: 40 }, (_, index) => index)).slice(0, 80)}`);
  });
});

function errorOf(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/*
 * The reader's fast path for numbers: exact for what writers print, and never a value Number() would not give.
 * (Anything it declines is read the general way; these properties are what keeps the fast path fast and right.)
 */
describe('plainDecimal', () => {
  const at = (word: string, before: string, after: string) => plainDecimal(Buffer.from(before + word + after, 'latin1'), before.length, before.length + word.length);
  const padding = fc.string({ unit: fc.constantFrom(' ', '/', '(', '[', '-', '.', '1', '9', 'x'), maxLength: 4 });

  it('reads an optional minus and up to 15 digits with at most one point as Number() does, wherever the word is (property)', () => {
    const plain = fc
      .tuple(fc.boolean(), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 15 }), fc.nat({ max: 15 }), fc.boolean())
      .map(([negative, digits, point, pointed]) => (negative ? '-' : '') + (pointed ? `${digits.slice(0, point)}.${digits.slice(point)}` : digits).slice(0, 15 + (pointed ? 1 : 0)));
    fc.assert(
      fc.property(plain, padding, padding, (word, before, after) => {
        // 15 characters after the sign at most: 15 digits, or fewer with a point.
        fc.pre(word.replace('-', '').length <= 15);
        expect(at(word, before, after)).toBe(Number(word));
      }),
      { numRuns: 500 },
    );
    for (const word of ['0', '9', '-9', '5.', '.5', '-.5', '123456789012345', '-123456789012345', '1234567.1234567', '9999999999999.9']) expect(at(word, ' ', ' ')).toBe(Number(word));
  });

  it('declines words that are no number, or too long to read exactly digit by digit, and gives no other value (property)', () => {
    const word = fc.string({ unit: fc.constantFrom(...'0123456789.-+eEx '), maxLength: 24 });
    fc.assert(
      fc.property(word, padding, padding, (candidate, before, after) => {
        const value = at(candidate, before, after);
        if (value !== null) expect(value).toBe(Number(candidate));
      }),
      { numRuns: 1000 },
    );
    for (const candidate of ['', '-', '.', '-.', '1.2.3', '1-2', '--1', '+1', '1e5', '1x', 'x1', '1234567890123456', '0.1000000000000000055', '12345678901234.56']) expect({ candidate, value: at(candidate, ' ', ' ') }).toEqual({ candidate, value: null });
  });
});
