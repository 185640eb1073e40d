import { createHash } from 'node:crypto';
import { simplePdf, textLines } from '../testing/hand-built-pdf';
import { StreamingVerification } from './streaming-verification';

/*
 * StreamingVerification on files written out by hand (testing/hand-built-pdf.ts), so each page holds exactly the
 * body and footer the test states: body lines at y = 700, the Bates number at y = 20, inside the 36-point footer
 * band. The slow property test against pdfjs-dist on rendered productions is streaming-verification.spec.ts.
 */
const ALPHABET = [...'\u0000 -:0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzכהן'];
const GLYPHS = ALPHABET.map((text) => ({ text, width: 500 }));
const line = (text: string, y: number) => ({ codes: [...text].map((character) => ALPHABET.indexOf(character)), x: 40, y });
const page = (body: string[], footer: string) => textLines([...body.map((text, index) => line(text, 700 - 12 * index)), line(footer, 20)]);
const bates = (sequence: number) => `PDL-${String(sequence).padStart(6, '0')}`;

function production(pages: { body: string[]; sequence: number }[]) {
  return simplePdf(pages.map(({ body, sequence }) => page(body, bates(sequence))), GLYPHS);
}

/** The renderer's feed: glyph meanings with the first batch, the bytes in two batches. */
function feed(verification: StreamingVerification, { bytes, definitions }: ReturnType<typeof production>) {
  const half = Math.floor(bytes.length / 2);
  verification.chunk({ definitions, bytes: bytes.subarray(0, half) });
  verification.chunk({ definitions: [], bytes: bytes.subarray(half) });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('StreamingVerification on hand-built files', () => {
  it('passes a clean production and reports the hash and length of the bytes it verified', () => {
    const file = production([{ body: ['Loan 1: Kindred'], sequence: 1 }, { body: ['Loan 2: Dawn'], sequence: 2 }]);
    const verification = new StreamingVerification(['Bartholomew Quince'], { batesPrefix: 'PDL', batesStart: 1 });
    verification.expectPresent('Kindred');
    feed(verification, file);
    expect(verification.finish()).toEqual({
      ok: true,
      leaks: [],
      leaksTruncated: false,
      pages: 2,
      batesContinuous: true,
      batesFirst: 'PDL-000001',
      batesLast: 'PDL-000002',
      untestedValues: 0,
      exemptValues: 0,
      presentChecked: 1,
      missingValues: 0,
      missingByScript: {},
      sha256: sha256(file.bytes),
      bytes: file.bytes.length,
      unreadable: null,
    });
  });

  it('checks the Bates numbers against the options it is given', () => {
    const verification = new StreamingVerification([], { batesPrefix: 'PDL', batesStart: 1 });
    feed(verification, production([{ body: ['Loan 1'], sequence: 2 }]));
    expect(verification.finish()).toMatchObject({ ok: false, batesContinuous: false });
  });

  it('finds a withheld value on its page, in reading order and in drawing order', () => {
    // The glyphs of "כהן" drawn left to right as ן ה כ: the reading text is כהן, the drawing-order text ןהכ.
    const file = production([{ body: ['Title: Kindred'], sequence: 1 }, { body: ['Patron:', 'ןהכ'], sequence: 2 }]);
    const verification = new StreamingVerification(['כהן', { ref: 'drawn order', value: 'ןהכ' }], { batesPrefix: 'PDL', batesStart: 1 });
    feed(verification, file);
    expect(verification.finish()).toMatchObject({ ok: false, leaks: [{ valueRef: 'withheld[0]', page: 2 }, { valueRef: 'drawn order', page: 2 }], unreadable: null });
  });

  it('exempts withheld values inside produced values given before and the own wording given at the end', () => {
    const file = production([{ body: ['Branch: Quince Street Library', 'Notice: Kindred Press'], sequence: 1 }]);
    const verification = new StreamingVerification(['Quince Street', 'Kindred Press'], { batesPrefix: 'PDL' });
    verification.exemptWithin('Quince Street Library');
    feed(verification, file);
    expect(verification.finish(['Notice: Kindred Press'])).toMatchObject({ ok: true, leaks: [], exemptValues: 2 });
  });

  it('fails when a produced value is not on any page', () => {
    const verification = new StreamingVerification([], { batesPrefix: 'PDL' });
    verification.expectPresent('Parable of the Sower');
    feed(verification, production([{ body: ['Loan 1: Kindred'], sequence: 1 }]));
    expect(verification.finish()).toMatchObject({ ok: false, missingValues: 1, missingByScript: { Latin: 1 } });
  });

  it('fails closed on bytes it cannot read, keeps the first reason, and still hashes every byte', () => {
    const file = production([{ body: ['Loan 1: Kindred'], sequence: 1 }]);
    const broken = Buffer.concat([Buffer.from('%PDX-1.3\n%\xff\xff\xff\xff\n', 'latin1'), file.bytes.subarray(15)]);
    const verification = new StreamingVerification([], { batesPrefix: 'PDL' });
    verification.chunk({ definitions: file.definitions, bytes: broken.subarray(0, 100) });
    // Read on, this batch would fail for another reason (a glyph redefined); the first reason is what is reported.
    verification.chunk({ definitions: [{ font: file.definitions[0].font, first: 1, glyphs: [{ text: 'X', width: 1 }] }], bytes: broken.subarray(100) });
    expect(verification.finish()).toMatchObject({ ok: false, unreadable: 'not a PDF', sha256: sha256(broken), bytes: broken.length });
  });

  it('fails closed when the renderer redefines a glyph, with that reason, though the bytes are whole', () => {
    const file = production([{ body: ['Loan 1: Kindred'], sequence: 1 }]);
    const verification = new StreamingVerification([], { batesPrefix: 'PDL' });
    const half = Math.floor(file.bytes.length / 2);
    verification.chunk({ definitions: file.definitions, bytes: file.bytes.subarray(0, half) });
    verification.chunk({ definitions: [{ font: file.definitions[0].font, first: 1, glyphs: [{ text: 'X', width: 1 }] }], bytes: file.bytes.subarray(half) });
    expect(verification.finish()).toMatchObject({ ok: false, unreadable: `glyph 1 of font ${file.definitions[0].font} was redefined`, bytes: file.bytes.length });
  });

  it('fails closed on a file that ends before its trailer, with the reason', () => {
    const file = production([{ body: ['Loan 1: Kindred'], sequence: 1 }]);
    const verification = new StreamingVerification([], { batesPrefix: 'PDL' });
    verification.chunk({ definitions: file.definitions, bytes: file.bytes.subarray(0, file.bytes.length - 20) });
    expect(verification.finish()).toMatchObject({ ok: false, pages: 1, unreadable: 'the file ended before its trailer' });
  });
});
