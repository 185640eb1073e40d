import { contentStreamText, GlyphTable } from './content-stream-text';

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
