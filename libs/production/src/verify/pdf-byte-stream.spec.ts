import fc from 'fast-check';
import {
  bfrangeArray,
  descendantFont,
  dictionary,
  FONT,
  PDF_HEADER,
  pageNumbers,
  pageObject,
  pageTree,
  resourcesObject,
  simplePdf,
  stream,
  textLines,
  TO_UNICODE,
  toUnicodeStream,
  TRAILER,
  type0Font,
  utf16Hex,
} from '../testing/hand-built-pdf';
import { WRITTEN_GLYPH_WIDTH, writtenText } from '../testing/written-content-stream';
import { GlyphDefinitions, PdfByteStream, StreamedPage } from './pdf-byte-stream';

/*
 * The streaming reader on files written out by hand (testing/hand-built-pdf.ts, pdfkit's object layout): what each
 * page reads as is stated by the content stream and the glyph table the test gives, and every way the file can
 * differ from what the pages were read as must fail, never be skipped.
 */
const GLYPHS = [...'\u0000Hi Quncey'].map((text) => ({ text, width: 500 }));
const codes = (text: string) => [...text].map((character) => GLYPHS.findIndex((glyph) => glyph.text === character));
const line = (text: string, x: number, y: number) => ({ codes: codes(text), x, y });

function readAll(bytes: Buffer, definitions: GlyphDefinitions[], chunkEnds: number[] = []) {
  const pages: StreamedPage[] = [];
  const reader = new PdfByteStream((page) => pages.push(page));
  reader.define(definitions);
  let start = 0;
  for (const end of [...chunkEnds, bytes.length]) {
    reader.push(bytes.subarray(start, end));
    start = end;
  }
  return { pages, count: reader.end() };
}

const errorOf = (action: () => unknown): string | null => {
  try {
    action();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

const file = (parts: (string | Buffer)[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : part)));
const FONT_PARTS = [descendantFont(FONT + 1), toUnicodeStream(TO_UNICODE, bfrangeArray(GLYPHS.map((glyph) => glyph.text))), type0Font(FONT, TO_UNICODE)];
const DEFINITIONS: GlyphDefinitions[] = [{ font: FONT, first: 0, glyphs: GLYPHS }];
const onePage = (content = textLines([line('Hi', 40, 700)])) => {
  const { page, resources, contents } = pageNumbers(0);
  return [pageObject(page, contents, resources), resourcesObject(resources, { F1: FONT }), stream(contents, content)];
};

describe('PdfByteStream', () => {
  it('hands over each page as soon as it is complete, with its lines as items and the drawing-order text', () => {
    const { bytes, definitions } = simplePdf([textLines([line('Hi', 40, 700), line('Quincey', 40, 688)]), textLines([line('Hey', 40, 700)])], GLYPHS);
    const { pages, count } = readAll(bytes, definitions);
    expect(count).toBe(2);
    expect(pages).toEqual([
      { pageNumber: 1, items: [{ text: 'Hi', x: 40, y: 700 }, { text: 'Quincey', x: 40, y: 688 }], drawn: 'Hi Quincey' },
      { pageNumber: 2, items: [{ text: 'Hey', x: 40, y: 700 }], drawn: 'Hey' },
    ]);
  });

  it('hands a page over as soon as the last of its objects has arrived, before anything after it', () => {
    const { bytes } = simplePdf([textLines([line('Hi', 40, 700)]), textLines([line('Hey', 40, 700)])], GLYPHS);
    const endOfFirstContent = bytes.indexOf('endstream\nendobj\n', 0, 'latin1') + 'endstream\nendobj\n'.length;
    const pages: StreamedPage[] = [];
    const reader = new PdfByteStream((page) => pages.push(page));
    reader.define(DEFINITIONS);
    reader.push(bytes.subarray(0, endOfFirstContent - 1));
    expect(pages).toHaveLength(0);
    reader.push(bytes.subarray(endOfFirstContent - 1, endOfFirstContent));
    expect(pages.map((page) => page.drawn)).toEqual(['Hi']);
  });

  it('reads a file of a dozen pages and checks them against its page tree', () => {
    const { bytes } = simplePdf(Array.from({ length: 12 }, () => textLines([line('Hi', 40, 700)])), GLYPHS);
    expect(readAll(bytes, DEFINITIONS).count).toBe(12);
  });

  it('reads a page whose content comes before its resources, and a page without fonts or text', () => {
    const first = pageNumbers(0);
    const second = pageNumbers(1);
    const bytes = file([
      PDF_HEADER,
      pageObject(first.page, first.contents, first.resources),
      stream(first.contents, textLines([line('Hi', 40, 700)])),
      resourcesObject(first.resources, { F1: FONT }),
      pageObject(second.page, second.contents, second.resources),
      dictionary(second.resources, '/ProcSet [/PDF /Text]'),
      stream(second.contents, '0 0 m 10 10 l S'),
      ...FONT_PARTS,
      pageTree([first.page, second.page]),
      TRAILER,
    ]);
    expect(readAll(bytes, DEFINITIONS).pages).toEqual([
      { pageNumber: 1, items: [{ text: 'Hi', x: 40, y: 700 }], drawn: 'Hi' },
      { pageNumber: 2, items: [], drawn: '' },
    ]);
  });

  it('reads the same pages however the bytes are split into chunks, and deflated content streams too (property)', () => {
    const contents = [textLines([line('Hi', 40, 700)]), textLines([line('Quincey', 40, 700)])];
    const expected = readAll(simplePdf(contents, GLYPHS).bytes, DEFINITIONS).pages;
    for (const deflate of [false, true]) {
      const { bytes } = simplePdf(contents, GLYPHS, { deflate });
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), (ends) => {
          expect(readAll(bytes, DEFINITIONS, ends.sort((a, b) => a - b)).pages).toEqual(expected);
        }),
        { numRuns: 25 },
      );
    }
    // Byte by byte: every object boundary and every partial header is met once.
    const { bytes } = simplePdf(contents, GLYPHS);
    expect(readAll(bytes, DEFINITIONS, Array.from({ length: bytes.length - 1 }, (_, index) => index + 1)).pages).toEqual(expected);
  });

  it('reads a content stream written in any of the ways the syntax allows the same, however the file is split (property)', () => {
    // Codes 0–255: their low byte runs through the bytes that a literal string escapes, and each has a glyph.
    const glyphs = Array.from({ length: 256 }, (_, code) => ({ text: String.fromCharCode(0x4e00 + code), width: WRITTEN_GLYPH_WIDTH }));
    const rounded = (value: number) => Math.round(value * 1e6) / 1e6;
    fc.assert(
      fc.property(writtenText(fc.integer({ min: 0, max: 255 })), fc.boolean(), fc.array(fc.nat(), { maxLength: 12 }), (written, deflate, cuts) => {
        const { bytes, definitions } = simplePdf([written.content], glyphs, { deflate });
        const ends = [...new Set(cuts.map((cut) => 1 + (cut % (bytes.length - 1))))].sort((a, b) => a - b);
        const [page] = readAll(bytes, definitions, ends).pages;
        const text = written.codes.map((code) => glyphs[code].text).join('');
        expect({ ...page, items: page.items.map((item) => ({ ...item, x: rounded(item.x) })) }).toEqual({ pageNumber: 1, items: [{ text, x: rounded(written.x), y: written.y }], drawn: text });
      }),
      // A failure is reported as drawn: shrinking a stream written through fc.gen() takes minutes and gigabytes.
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('says a file is not a PDF as soon as its first nine bytes have come', () => {
    const reader = new PdfByteStream(() => undefined);
    reader.push(Buffer.from('%PDX-1.3', 'latin1'));
    expect(errorOf(() => reader.push(Buffer.from('\n', 'latin1')))).toBe('not a PDF');
  });

  it('reads a file without pages whose page tree lists no kids', () => {
    expect(readAll(file([PDF_HEADER, dictionary(1, '/Type /Pages\n/Count 0'), TRAILER]), [])).toEqual({ pages: [], count: 0 });
  });

  it('reads a ToUnicode range whose start value is a UTF-16 pair', () => {
    // U+20628 is D841 DE28; the range's next code is U+20629.
    const cmap = `1 beginbfrange\n<0001> <0002> <${utf16Hex('\u{20628}')}>\nendbfrange\n`;
    const bytes = file([PDF_HEADER, ...onePage('BT /F1 10 Tf <00010002> Tj ET'), toUnicodeStream(TO_UNICODE, cmap), type0Font(FONT, TO_UNICODE), pageTree([pageNumbers(0).page]), TRAILER]);
    expect(readAll(bytes, [{ font: FONT, first: 1, glyphs: [{ text: '\u{20628}', width: 1000 }, { text: '\u{20629}', width: 1000 }] }]).pages[0].drawn).toBe('\u{20628}\u{20629}');
  });

  it('joins text objects that continue one another on a baseline into one item, as a reader does', () => {
    // "Hi" is 2 × 500/1000 × 10 = 10 points wide: "Hi" at 40 ends at 50.
    const items = (second: { x: number; y: number }) =>
      readAll(simplePdf([textLines([line('Hi', 40, 700), line('Quincey', second.x, second.y)])], GLYPHS).bytes, DEFINITIONS).pages[0].items.map((item) => item.text);
    expect(items({ x: 50, y: 700 })).toEqual(['HiQuincey']);
    expect(items({ x: 50.99, y: 700.49 })).toEqual(['HiQuincey']);
    expect(items({ x: 49.01, y: 699.51 })).toEqual(['HiQuincey']);
    expect(items({ x: 51, y: 700 })).toEqual(['Hi', 'Quincey']);
    expect(items({ x: 49, y: 700 })).toEqual(['Hi', 'Quincey']);
    expect(items({ x: 50, y: 700.5 })).toEqual(['Hi', 'Quincey']);
    expect(items({ x: 50, y: 699.5 })).toEqual(['Hi', 'Quincey']);
    // The tolerance is a tenth of the larger size: a 20-point line allows 2 points.
    const big = readAll(simplePdf(['BT 1 0 0 1 40 700 Tm /F1 10 Tf <00010002> Tj ET BT 1 0 0 1 51.9 700 Tm /F1 20 Tf <0004> Tj ET'], GLYPHS).bytes, DEFINITIONS);
    expect(big.pages[0].items.map((item) => item.text)).toEqual(['HiQ']);
    const small = readAll(simplePdf(['BT 1 0 0 1 40 700 Tm /F1 20 Tf <00010002> Tj ET BT 1 0 0 1 61.9 700 Tm /F1 10 Tf <0004> Tj ET'], GLYPHS).bytes, DEFINITIONS);
    expect(small.pages[0].items.map((item) => item.text)).toEqual(['HiQ']);
  });

  it('accumulates glyph definitions sent in several batches and accepts one sent again unchanged', () => {
    const { bytes } = simplePdf([textLines([line('Hey', 40, 700)])], GLYPHS);
    const pages: StreamedPage[] = [];
    const reader = new PdfByteStream((page) => pages.push(page));
    reader.define([{ font: FONT, first: 0, glyphs: GLYPHS.slice(0, 4) }]);
    reader.define([{ font: FONT, first: 0, glyphs: GLYPHS.slice(0, 2) }, { font: FONT, first: 4, glyphs: GLYPHS.slice(4) }]);
    reader.push(bytes);
    expect(reader.end()).toBe(1);
    expect(pages[0].drawn).toBe('Hey');
    expect(errorOf(() => reader.define([{ font: FONT, first: 1, glyphs: [{ text: 'X', width: 500 }] }]))).toBe(`glyph 1 of font ${FONT} was redefined`);
    expect(errorOf(() => reader.define([{ font: FONT, first: 1, glyphs: [{ text: 'H', width: 501 }] }]))).toBe(`glyph 1 of font ${FONT} was redefined`);
  });

  it('reads ToUnicode maps written as ranges with a start value, as arrays and as single characters, UTF-16 pairs included', () => {
    const glyphs = [{ text: '\u0000', width: 0 }, ...[...'ABC'].map((text) => ({ text, width: 500 })), { text: '𠘨', width: 1000 }, { text: 'ﬁ', width: 500 }, { text: 'fi', width: 500 }];
    // Hex digits in either case, as the format allows; an entry's UTF-16 units may be spaced.
    const glyphsToC = [{ text: 'é', width: 500 }, { text: 'fl', width: 500 }, { text: 'ſt', width: 500 }];
    const cmap = `1 beginbfrange\n<0001> <0003> <0041>\nendbfrange\n1 beginbfrange\n<0000> <0000> [<0000>]\nendbfrange\n2 beginbfchar\n<0004> <${utf16Hex('𠘨').toUpperCase()}>\n<0005> <FB01>\nendbfchar\n1 beginbfchar\n<0006> <0066 0069>\nendbfchar\n1 beginbfrange\n<000A> <000C> [<00E9> <0066 006C> <017F 0074>]\nendbfrange\n`;
    const content = 'BT /F1 10 Tf <0001000200030004000500060000000A000b000C> Tj ET';
    const bytes = file([PDF_HEADER, ...onePage(content), toUnicodeStream(TO_UNICODE, cmap), type0Font(FONT, TO_UNICODE), pageTree([pageNumbers(0).page]), TRAILER]);
    expect(readAll(bytes, [{ font: FONT, first: 0, glyphs }, { font: FONT, first: 10, glyphs: glyphsToC }]).pages[0].drawn).toBe('ABC𠘨ﬁfi\u0000éflſt');
    // A range whose start value runs on past ff in its last byte.
    const carry = `1 beginbfrange\n<0001> <0002> <00ff>\nendbfrange\n`;
    const carried = file([PDF_HEADER, ...onePage('BT /F1 10 Tf <00010002> Tj ET'), toUnicodeStream(TO_UNICODE, carry), type0Font(FONT, TO_UNICODE), pageTree([pageNumbers(0).page]), TRAILER]);
    expect(readAll(carried, [{ font: FONT, first: 1, glyphs: [{ text: 'ÿ', width: 500 }, { text: 'Ā', width: 500 }] }]).pages[0].drawn).toBe('ÿĀ');
  });

  it('waits for a whole object, and for the end of the file before it is finished', () => {
    const { bytes } = simplePdf([textLines([line('Hi', 40, 700)])], GLYPHS);
    const pages: StreamedPage[] = [];
    const reader = new PdfByteStream((page) => pages.push(page));
    reader.define(DEFINITIONS);
    reader.push(bytes.subarray(0, 8));
    reader.push(bytes.subarray(8, bytes.length - 3));
    expect(pages).toHaveLength(1);
    expect(errorOf(() => reader.end())).toBe('the file ended before its trailer');
    reader.push(bytes.subarray(bytes.length - 3));
    expect(reader.end()).toBe(1);
    expect(errorOf(() => reader.push(Buffer.from('\n')))).toBe('bytes after the end of the file');
  });

  it('ignores objects that are neither pages, their parts, fonts nor the page tree, and streams it cannot decode that no page uses', () => {
    const extras = [dictionary(30, '/Producer 31 0 R'), '31 0 obj\n(PDFKit)\nendobj\n', stream(32, 'x', { entries: '\n/Filter /DCTDecode' }), dictionary(33, '/Type /FontDescriptor\n/FontName /X')];
    const bytes = file([PDF_HEADER, ...extras, ...onePage(), ...FONT_PARTS, pageTree([pageNumbers(0).page]), TRAILER]);
    expect(readAll(bytes, DEFINITIONS)).toMatchObject({ count: 1, pages: [{ drawn: 'Hi' }] });
  });

  it('reads a page whose resources name several fonts', () => {
    const second = [{ text: '\u0000', width: 0 }, { text: 'Z', width: 500 }];
    const { page, resources, contents } = pageNumbers(0);
    const bytes = file([
      PDF_HEADER,
      pageObject(page, contents, resources),
      resourcesObject(resources, { F1: FONT, F2: 40 }),
      stream(contents, 'BT /F1 10 Tf <0001> Tj /F2 10 Tf <0001> Tj ET'),
      ...FONT_PARTS,
      toUnicodeStream(41, bfrangeArray(second.map((glyph) => glyph.text))),
      type0Font(40, 41),
      pageTree([page]),
      TRAILER,
    ]);
    expect(readAll(bytes, [...DEFINITIONS, { font: 40, first: 0, glyphs: second }]).pages[0].drawn).toBe('HZ');
  });

  describe('fails closed', () => {
    const { page, resources, contents } = pageNumbers(0);
    const failures: [string, (string | Buffer)[], string][] = [
      ['not a PDF', ['%PDX-1.3\n%\xff\xff\xff\xff\n', TRAILER], 'not a PDF'],
      ['bytes between objects', [PDF_HEADER, 'garbage here\n', TRAILER], 'unexpected bytes where an object should start: "garbage here"'],
      ['a long run of bytes between objects without a line break', [PDF_HEADER, 'x'.repeat(30), TRAILER], 'unexpected bytes where an object should start: "xxxxxxxxxxxx"'],
      ['page contents written as a dictionary, not a stream', [PDF_HEADER, pageObject(page, contents, resources), resourcesObject(resources, { F1: FONT }), dictionary(contents, '/Length 0'), ...FONT_PARTS, pageTree([page]), TRAILER], '1 page(s) without their content'],
      ['page resources written as a stream', [PDF_HEADER, pageObject(page, contents, resources), stream(resources, '/Font << /F1 8 0 R >>'), stream(contents, textLines([line('Hi', 40, 700)])), ...FONT_PARTS, pageTree([page]), TRAILER], '1 page(s) without their content'],
      ['a stream without a length', [PDF_HEADER, '5 0 obj\n<<\n/Filter /FlateDecode\n>>\nstream\nxx\nendstream\nendobj\n', TRAILER], 'stream 5 without a length'],
      ['a stream longer than its length says', [PDF_HEADER, '5 0 obj\n<<\n/Length 1\n>>\nstream\nxx\nendstream\nendobj\n', TRAILER], 'stream 5 does not end where its length says'],
      ['a page without contents', [PDF_HEADER, dictionary(page, `/Type /Page\n/Resources ${resources} 0 R`), TRAILER], `page ${page} without its contents or resources`],
      ['a page without resources', [PDF_HEADER, dictionary(page, `/Type /Page\n/Contents ${contents} 0 R`), TRAILER], `page ${page} without its contents or resources`],
      ['page content in a filter it cannot decode', [PDF_HEADER, pageObject(page, contents, resources), resourcesObject(resources, { F1: FONT }), stream(contents, 'x', { entries: '\n/Filter /LZWDecode' }), TRAILER], `page content ${contents} has a filter this reader does not know`],
      ['a font the page names that was never defined', [PDF_HEADER, pageObject(page, contents, resources), resourcesObject(resources, { F1: 50 }), stream(contents, 'BT /F1 10 Tf <0001> Tj ET'), TRAILER], 'font /F1 of page 1 is not known'],
      ['a font name the resources do not list', [PDF_HEADER, ...onePage('BT /F3 10 Tf <0001> Tj ET'), TRAILER], 'font /F3 of page 1 is not known'],
      ['a content stream it cannot read', [PDF_HEADER, ...onePage('BT /F1 10 Tf <0001> Tj'), TRAILER], 'a text object is not closed'],
      ['a Type0 font without a ToUnicode map', [PDF_HEADER, ...onePage(), type0Font(FONT, null), TRAILER], `font ${FONT} without a ToUnicode map`],
      ['a page the file never completes', [PDF_HEADER, pageObject(page, contents, resources), resourcesObject(resources, { F1: FONT }), ...FONT_PARTS, pageTree([page]), TRAILER], '1 page(s) without their content'],
      ['no page tree', [PDF_HEADER, ...onePage(), ...FONT_PARTS, TRAILER], 'no page tree'],
      ['a page tree that counts another number of pages', [PDF_HEADER, ...onePage(), ...FONT_PARTS, pageTree([page], 2), TRAILER], 'the page tree does not list the pages read, in the order read'],
      ['a page tree listing another page', [PDF_HEADER, ...onePage(), ...FONT_PARTS, pageTree([page + 100]), TRAILER], 'the page tree does not list the pages read, in the order read'],
      ['a font with no ToUnicode map in the file', [PDF_HEADER, ...onePage(), type0Font(FONT, TO_UNICODE), pageTree([page]), TRAILER], `font ${FONT} has no ToUnicode map`],
      ['a font whose ToUnicode map is missing altogether', [PDF_HEADER, ...onePage(), pageTree([page]), TRAILER], `font ${FONT} has no ToUnicode map`],
      [
        'a ToUnicode map that means something else than the pages were read with',
        [PDF_HEADER, ...onePage(), toUnicodeStream(TO_UNICODE, bfrangeArray(GLYPHS.map((glyph) => (glyph.text === 'i' ? 'l' : glyph.text)))), type0Font(FONT, TO_UNICODE), pageTree([page]), TRAILER],
        `font ${FONT}: glyph 2 means something else in the file's ToUnicode map`,
      ],
      ['a stream whose end never comes', [PDF_HEADER, '5 0 obj\n<<\n/Length 2\n>>\nstream\nxx', TRAILER], 'stream 5 does not end where its length says'],
      ['a page tree without a count', [PDF_HEADER, ...onePage(), ...FONT_PARTS, dictionary(1, `/Type /Pages\n/Kids [${page} 0 R]`), TRAILER], 'the page tree does not list the pages read, in the order read'],
      ['a page tree without kids', [PDF_HEADER, ...onePage(), ...FONT_PARTS, dictionary(1, '/Type /Pages\n/Count 1'), TRAILER], 'the page tree does not list the pages read, in the order read'],
      ['a font whose ToUnicode reference is a stream but no CMap', [PDF_HEADER, ...onePage(), stream(TO_UNICODE, Buffer.from([0, 1, 0, 0, 0xff])), type0Font(FONT, TO_UNICODE), pageTree([page]), TRAILER], `font ${FONT} has no ToUnicode map`],
      // A CMap is a font's only through the font's own reference, whatever its object number.
      ['a CMap that no font refers to', [PDF_HEADER, ...onePage(), toUnicodeStream(1, bfrangeArray(GLYPHS.map((glyph) => glyph.text))), dictionary(3, `/Type /Pages\n/Count 1\n/Kids [${page} 0 R]`), TRAILER], `font ${FONT} has no ToUnicode map`],
      ['a ToUnicode range with too few entries', [PDF_HEADER, ...onePage(), toUnicodeStream(TO_UNICODE, '1 beginbfrange\n<0000> <0002> [<0000> <0048>]\nendbfrange\n'), TRAILER], 'a ToUnicode range with the wrong number of entries'],
    ];
    it.each(failures)('%s', (_, parts, message) => {
      expect(errorOf(() => readAll(file(parts), DEFINITIONS))).toBe(message);
    });

    it('when the page names a font its resources do not list, whatever fonts are defined', () => {
      const bytes = file([PDF_HEADER, ...onePage('BT /F3 10 Tf <0001> Tj ET'), TRAILER]);
      expect(errorOf(() => readAll(bytes, [...DEFINITIONS, { font: 1, first: 0, glyphs: GLYPHS }]))).toBe('font /F3 of page 1 is not known');
    });

    it('when the pages of a second page arrive before the first page is complete', () => {
      const second = pageNumbers(1);
      const bytes = file([
        PDF_HEADER,
        pageObject(page, contents, resources),
        pageObject(second.page, second.contents, second.resources),
        resourcesObject(second.resources, { F1: FONT }),
        stream(second.contents, textLines([line('Hi', 40, 700)])),
        TRAILER,
      ]);
      expect(errorOf(() => readAll(bytes, DEFINITIONS))).toBe('pages completed out of order');
    });

    it('when the page tree lists the pages read in another order', () => {
      const second = pageNumbers(1);
      const bytes = file([PDF_HEADER, ...onePage(), pageObject(second.page, second.contents, second.resources), resourcesObject(second.resources, { F1: FONT }), stream(second.contents, textLines([line('Hi', 40, 700)])), ...FONT_PARTS, pageTree([second.page, page]), TRAILER]);
      expect(errorOf(() => readAll(bytes, DEFINITIONS))).toBe('the page tree does not list the pages read, in the order read');
    });
  });
});
