/*
 * Test support: PDF files written out by hand, object by object, in the layout pdfkit writes them (each page's
 * dictionary, resources and content stream when the page is done; fonts, their ToUnicode maps and the page tree at
 * the end), so the streaming reader can be fed exactly the bytes a test states, broken ones included.
 */
import { deflateSync } from 'node:zlib';
import type { GlyphDefinitions } from '../verify/pdf-byte-stream';

export const PDF_HEADER = Buffer.from('%PDF-1.3\n%\xff\xff\xff\xff\n', 'latin1');
export const TRAILER = 'xref\n0 1\n0000000000 65535 f \ntrailer\n<<\n/Size 1\n/Root 2 0 R\n>>\nstartxref\n0\n%%EOF\n';

export const dictionary = (number: number, body: string) => `${number} 0 obj\n<<\n${body}\n>>\nendobj\n`;

export function stream(number: number, data: string | Buffer, options: { deflate?: boolean; entries?: string } = {}): Buffer {
  const raw = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  const bytes = options.deflate ? deflateSync(raw) : raw;
  const entries = `${options.deflate ? '\n/Filter /FlateDecode' : ''}${options.entries ?? ''}`;
  return Buffer.concat([Buffer.from(`${number} 0 obj\n<<\n/Length ${bytes.length}${entries}\n>>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
}

export const pageObject = (number: number, contents: number, resources: number) =>
  dictionary(number, `/Type /Page\n/Parent 1 0 R\n/MediaBox [0 0 612 792]\n/Contents ${contents} 0 R\n/Resources ${resources} 0 R\n/UserUnit 1`);

export const resourcesObject = (number: number, fonts: Record<string, number>) =>
  dictionary(number, `/ProcSet [/PDF /Text /ImageB /ImageC /ImageI]\n/Font <<\n${Object.entries(fonts).map(([name, font]) => `/${name} ${font} 0 R`).join('\n')}\n>>\n/ColorSpace <<\n>>`);

export const type0Font = (number: number, toUnicode: number | null) =>
  dictionary(number, `/Type /Font\n/Subtype /Type0\n/BaseFont /AAAAAA+NotoSans\n/Encoding /Identity-H\n/DescendantFonts [${number + 1} 0 R]${toUnicode === null ? '' : `\n/ToUnicode ${toUnicode} 0 R`}`);

/** The CIDFontType2 descendant of a Type0 font, as pdfkit writes it (a font, but not the one with the ToUnicode map). */
export const descendantFont = (number: number) =>
  dictionary(number, `/Type /Font\n/Subtype /CIDFontType2\n/BaseFont /AAAAAA+NotoSans\n/CIDSystemInfo <<\n/Registry (Adobe)\n/Ordering (Identity)\n/Supplement 0\n>>\n/W [0 [500]]\n/CIDToGIDMap /Identity`);

export const pageTree = (kids: number[], count = kids.length) => dictionary(1, `/Type /Pages\n/Count ${count}\n/Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}]`);

/** UTF-16BE hex of a text, as a ToUnicode map writes it. */
export const utf16Hex = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex');

/** A ToUnicode CMap stream with the given bfrange/bfchar sections (pdfkit writes one bfrange with an array). */
export function toUnicodeStream(number: number, sections: string): Buffer {
  return stream(
    number,
    `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <<\n  /Registry (Adobe)\n  /Ordering (UCS)\n  /Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000><ffff>\nendcodespacerange\n${sections}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n`,
  );
}

const hex4 = (code: number) => code.toString(16).padStart(4, '0');

/** pdfkit's form: one bfrange listing every glyph from 0. */
export const bfrangeArray = (texts: string[]) => `1 beginbfrange\n<0000> <${hex4(texts.length - 1)}> [${texts.map((text) => `<${utf16Hex(text)}>`).join(' ')}]\nendbfrange\n`;

/** Object numbers of simplePdf's file. */
export const FONT = 8;
export const TO_UNICODE = 16;
export const pageNumbers = (index: number) => ({ page: 20 + 3 * index, resources: 21 + 3 * index, contents: 22 + 3 * index });

/**
 * A whole file: one Type0 font (/F1, object 8) whose glyph id i means `glyphs[i]`, and a page per content stream.
 * Returns its bytes and the glyph definitions the renderer would send before them.
 */
export function simplePdf(contents: string[], glyphs: { text: string; width: number }[], options: { deflate?: boolean } = {}): { bytes: Buffer; definitions: GlyphDefinitions[] } {
  const parts: (string | Buffer)[] = [PDF_HEADER];
  contents.forEach((content, index) => {
    const numbers = pageNumbers(index);
    parts.push(pageObject(numbers.page, numbers.contents, numbers.resources), resourcesObject(numbers.resources, { F1: FONT }), stream(numbers.contents, content, options));
  });
  parts.push(
    stream(15, Buffer.from([0, 1, 0, 0, 0xff]), { entries: '\n/Length1 5' }),
    descendantFont(FONT + 1),
    toUnicodeStream(TO_UNICODE, bfrangeArray(glyphs.map((glyph) => glyph.text))),
    type0Font(FONT, TO_UNICODE),
    dictionary(2, '/Type /Catalog\n/Pages 1 0 R'),
    pageTree(contents.map((_, index) => pageNumbers(index).page)),
    TRAILER,
  );
  return { bytes: Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : part))), definitions: [{ font: FONT, first: 0, glyphs }] };
}

/** A content stream showing each line at (x, y) in font /F1 at 10 points; `codes` are glyph ids. */
export function textLines(lines: { codes: number[]; x: number; y: number }[]): string {
  return lines.map(({ codes, x, y }) => `BT\n1 0 0 1 ${x} ${y} Tm\n/F1 10 Tf\n[<${codes.map(hex4).join('')}> 0] TJ\nET\n`).join('');
}
