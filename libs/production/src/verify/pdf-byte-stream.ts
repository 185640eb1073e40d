import { inflateSync } from 'node:zlib';
import { ContentText, contentStreamText, GlyphMeaning, GlyphTable } from './content-stream-text';
import type { PageText } from './pdf-page-text';

/**
 * What the renderer says a font's glyphs mean, sent before the bytes that use them: the font dictionary's object
 * number, and for each subset glyph id from `first` on, its characters and advance. The finished file's own
 * ToUnicode maps are read at the end and must say the same for every glyph, so the page text checked here is the
 * text any reader extracts from the file.
 */
export interface GlyphDefinitions {
  font: number;
  first: number;
  glyphs: { text: string; width: number }[];
}

/** A page's text as read from the byte stream, plus the drawing-order text (a second view for the leak check). */
export interface StreamedPage extends PageText {
  drawn: string;
}

const OBJECT_HEADER = /^(\d+) 0 obj\n/;
const LATIN1 = 'latin1';

interface PendingPage {
  order: number;
  object: number;
  contents: number;
  resources: number;
  fonts?: Map<string, number>;
  content?: Buffer;
}

/**
 * Reads a PDF as pdfkit writes it (objects in order, each page's dictionary, resources and content stream when the
 * page is finished, fonts and the page tree at the end) while its bytes arrive, and hands each page's text over as
 * soon as the page is complete, so verification runs beside rendering instead of after it. `end()` then checks what
 * only the end of the file can tell: the page tree lists exactly the pages read, in that order, and each font's
 * ToUnicode map means what the pages were read with. Anything it cannot read is a failure, never skipped.
 */
export class PdfByteStream {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;
  private finished = false;
  private readonly provisional = new Map<number, GlyphTable>();
  private readonly pending = new Map<number, PendingPage>();
  private readonly pagesRead: number[] = [];
  private readonly cmaps = new Map<number, Map<number, string>>();
  private readonly toUnicodeOf = new Map<number, number>();
  private pageTree: { count: number; kids: number[] } | null = null;
  private pageCount = 0;

  constructor(private readonly onPage: (page: StreamedPage) => void) {}

  define(definitions: GlyphDefinitions[]): void {
    for (const { font, first, glyphs } of definitions) {
      let table = this.provisional.get(font);
      if (!table) this.provisional.set(font, (table = new Map()));
      glyphs.forEach((glyph, index) => {
        const code = first + index;
        const known = table.get(code);
        if (known && (known.text !== glyph.text || known.width !== glyph.width)) throw new Error(`glyph ${code} of font ${font} was redefined`);
        table.set(code, glyph);
      });
    }
  }

  push(bytes: Uint8Array): void {
    if (this.finished) throw new Error('bytes after the end of the file');
    this.buffer = Buffer.concat([this.buffer, bytes]);
    this.parse();
  }

  /** Checks the end of the file; returns the pages read. Throws when the file is not what the pages were read as. */
  end(): number {
    this.parse();
    if (!this.finished) throw new Error('the file ended before its trailer');
    if (this.pending.size) throw new Error(`${this.pending.size} page(s) without their content`);
    if (!this.pageTree) throw new Error('no page tree');
    if (this.pageTree.count !== this.pagesRead.length || this.pageTree.kids.join() !== this.pagesRead.join()) throw new Error('the page tree does not list the pages read, in the order read');
    for (const [font, table] of this.provisional) {
      const cmap = this.cmaps.get(this.toUnicodeOf.get(font) ?? -1);
      if (!cmap) throw new Error(`font ${font} has no ToUnicode map`);
      for (const [code, meaning] of table) {
        if (cmap.get(code) !== meaning.text) throw new Error(`font ${font}: glyph ${code} means something else in the file's ToUnicode map`);
      }
    }
    return this.pageCount;
  }

  private parse(): void {
    if (!this.started) {
      if (this.buffer.length < 9) return;
      if (this.buffer.toString(LATIN1, 0, 5) !== '%PDF-') throw new Error('not a PDF');
      // The header line and pdfkit's binary comment line.
      const first = this.buffer.indexOf(0x0a);
      const second = this.buffer.indexOf(0x0a, first + 1);
      if (second === -1) return;
      this.buffer = this.buffer.subarray(second + 1);
      this.started = true;
    }
    let offset = 0;
    while (!this.finished && offset < this.buffer.length) {
      const consumed = this.object(offset);
      if (consumed === 0) break;
      offset += consumed;
    }
    this.buffer = this.buffer.subarray(offset);
  }

  /** Parses the object starting at `offset`; returns the bytes it took, or 0 when it is not complete yet. */
  private object(offset: number): number {
    const head = this.buffer.toString(LATIN1, offset, Math.min(this.buffer.length, offset + 24));
    if (head.startsWith('xref\n')) {
      // pdfkit ends the file with "%%EOF\n": finished only once that line is whole, whatever the chunks.
      const eof = this.buffer.indexOf('%%EOF\n', offset, LATIN1);
      if (eof === -1) return 0;
      this.finished = true;
      return this.buffer.length - offset;
    }
    const header = OBJECT_HEADER.exec(head);
    if (!header) {
      // A header ("12 0 obj\n", "xref\n") split by a chunk boundary: wait for its line to end.
      if (head.length < 24 && !head.includes('\n')) return 0;
      throw new Error(`unexpected bytes where an object should start: ${JSON.stringify(head.slice(0, 12))}`);
    }
    const number = Number(header[1]);
    const bodyStart = offset + header[0].length;
    const endObject = this.buffer.indexOf('\nendobj\n', bodyStart, LATIN1);
    const stream = this.buffer.indexOf('\nstream\n', bodyStart, LATIN1);
    if (stream !== -1 && (endObject === -1 || stream < endObject)) {
      const dictionary = this.buffer.toString(LATIN1, bodyStart, stream);
      const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1]);
      if (!Number.isInteger(length)) throw new Error(`stream ${number} without a length`);
      const dataStart = stream + '\nstream\n'.length;
      const tail = '\nendstream\nendobj\n';
      if (this.buffer.length < dataStart + length + tail.length) return 0;
      if (this.buffer.toString(LATIN1, dataStart + length, dataStart + length + tail.length) !== tail) throw new Error(`stream ${number} does not end where its length says`);
      const raw = this.buffer.subarray(dataStart, dataStart + length);
      const data = /\/Filter \/FlateDecode/.test(dictionary) ? inflateSync(raw) : /\/Filter/.test(dictionary) ? null : raw;
      this.streamObject(number, dictionary, data);
      return dataStart + length + tail.length - offset;
    }
    if (endObject === -1) return 0;
    this.dictionaryObject(number, this.buffer.toString(LATIN1, bodyStart, endObject));
    return endObject + '\nendobj\n'.length - offset;
  }

  private dictionaryObject(number: number, body: string): void {
    if (/\/Type \/Page\n/.test(body)) {
      const contents = reference(body, 'Contents');
      const resources = reference(body, 'Resources');
      if (contents === null || resources === null) throw new Error(`page ${number} without its contents or resources`);
      const page: PendingPage = { order: this.pagesRead.length, object: number, contents, resources };
      this.pagesRead.push(number);
      this.pending.set(contents, page);
      this.pending.set(resources, page);
      return;
    }
    if (/\/Type \/Pages\n/.test(body)) {
      const count = Number(/\/Count (\d+)/.exec(body)?.[1]);
      const kids = [.../\/Kids \[([^\]]*)\]/.exec(body)?.[1].matchAll(/(\d+) 0 R/g) ?? []].map((match) => Number(match[1]));
      this.pageTree = { count, kids };
      return;
    }
    if (/\/Type \/Font\n/.test(body) && /\/Subtype \/Type0\n/.test(body)) {
      const toUnicode = reference(body, 'ToUnicode');
      if (toUnicode === null) throw new Error(`font ${number} without a ToUnicode map`);
      this.toUnicodeOf.set(number, toUnicode);
      return;
    }
    const page = this.pending.get(number);
    if (page && page.resources === number) {
      const fonts = /\/Font <<([^>]*)>>/.exec(body)?.[1] ?? '';
      page.fonts = new Map([...fonts.matchAll(/\/(\S+) (\d+) 0 R/g)].map((match) => [match[1], Number(match[2])]));
      this.pending.delete(number);
      this.readIfComplete(page);
    }
  }

  private streamObject(number: number, dictionary: string, data: Buffer | null): void {
    const page = this.pending.get(number);
    if (page && page.contents === number) {
      if (!data) throw new Error(`page content ${number} has a filter this reader does not know`);
      page.content = data;
      this.pending.delete(number);
      this.readIfComplete(page);
      return;
    }
    if (data && data.subarray(0, 40).toString(LATIN1).startsWith('/CIDInit /ProcSet findresource')) this.cmaps.set(number, toUnicodeMap(data.toString(LATIN1)));
  }

  private readIfComplete(page: PendingPage): void {
    if (!page.fonts || !page.content) return;
    if (page.order !== this.pageCount) throw new Error('pages completed out of order');
    const fonts = page.fonts;
    const texts = contentStreamText(page.content, (name) => {
      const table = this.provisional.get(fonts.get(name) ?? -1);
      if (!table) throw new Error(`font /${name} of page ${page.order + 1} is not known`);
      return table;
    });
    this.pageCount++;
    this.onPage({ pageNumber: this.pageCount, items: lineItems(texts), drawn: texts.map((text) => text.drawn).join(' ') });
  }
}

function reference(body: string, key: string): number | null {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(body);
  return match ? Number(match[1]) : null;
}

/**
 * Text objects that continue one another on a line (same baseline, the next starting where the last ended) are one
 * item, as a reader joins them: a word drawn in two fonts (a name with a mark from another face) reads as one word.
 */
function lineItems(texts: ContentText[]): PageText['items'] {
  const items: PageText['items'] = [];
  let last: ContentText | null = null;
  for (const text of texts) {
    const continues = last && Math.abs(text.y - last.y) < 0.5 && Math.abs(text.x - last.endX) < 0.1 * Math.max(text.size, last.size);
    if (continues) items[items.length - 1].text += text.text;
    else items.push({ text: text.text, x: text.x, y: text.y });
    last = text;
  }
  return items;
}

/** The bfrange/bfchar entries of a ToUnicode CMap: code → characters (UTF-16BE hex). */
function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    const units: number[] = [];
    for (let index = 0; index < hex.length; index += 4) units.push(parseInt(hex.slice(index, index + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const section of cmap.matchAll(/beginbfrange\n([^]*?)endbfrange/g)) {
    for (const range of section[1].matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> (\[[^\]]*\]|<[0-9a-f]*>)/gi)) {
      const start = parseInt(range[1], 16);
      const end = parseInt(range[2], 16);
      if (range[3].startsWith('[')) {
        const entries = [...range[3].matchAll(/<([0-9a-f ]*)>/gi)].map((entry) => utf16(entry[1].replace(/ /g, '')));
        if (entries.length !== end - start + 1) throw new Error('a ToUnicode range with the wrong number of entries');
        entries.forEach((text, index) => map.set(start + index, text));
      } else {
        const first = range[3].slice(1, -1);
        for (let code = start; code <= end; code++) map.set(code, utf16(first.slice(0, -4) + (parseInt(first.slice(-4), 16) + code - start).toString(16).padStart(4, '0')));
      }
    }
  }
  for (const section of cmap.matchAll(/beginbfchar\n([^]*?)endbfchar/g)) {
    for (const entry of section[1].matchAll(/<([0-9a-f]+)> <([0-9a-f ]*)>/gi)) map.set(parseInt(entry[1], 16), utf16(entry[2].replace(/ /g, '')));
  }
  return map;
}

export type { GlyphMeaning };
