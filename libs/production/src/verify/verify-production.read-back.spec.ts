import PDFDocument from 'pdfkit';
import type { PageText } from './pdf-page-text';
import { verifyProduction } from './verify-production';

jest.setTimeout(60_000);

/*
 * verifyProduction's own part, on one small pdfkit file written once (fast enough for the mutation tier; the page
 * checks themselves are production-checks.spec.ts, and verify-production.pdfkit.spec.ts tries many files): pages
 * read back through pdfjs-dist in order, each handed to onPage, printed values exempting what they contain.
 * Page 1 holds "Branch: Quince Street Library" and PDL-000001 in its footer band, page 2 "Loan 2" and PDL-000002.
 */
let file: Uint8Array;
beforeAll(async () => {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  for (const [body, bates] of [['Branch: Quince Street Library', 'PDL-000001'], ['Loan 2', 'PDL-000002']]) {
    doc.addPage({ size: 'LETTER', margin: 0 });
    doc.font('Helvetica').fontSize(7).text(body, 30, 30, { lineBreak: false }).text(bates, 30, 772, { lineBreak: false });
  }
  doc.end();
  await ended;
  file = new Uint8Array(Buffer.concat(chunks));
});

describe('verifyProduction reading a file back', () => {
  it('hands every page to onPage in order and exempts withheld values inside the printed values', async () => {
    const seen: PageText[] = [];
    const result = await verifyProduction(file, ['Quince Street'], ['Quince Street Library'], { batesPrefix: 'PDL', batesStart: 1, onPage: (page) => seen.push(page) });
    expect(seen.map((page) => [page.pageNumber, page.items.map((item) => item.text).join(' ')])).toEqual([
      [1, 'Branch: Quince Street Library PDL-000001'],
      [2, 'Loan 2 PDL-000002'],
    ]);
    expect(result).toMatchObject({ ok: true, pages: 2, leaks: [], exemptValues: 1, batesFirst: 'PDL-000001', batesLast: 'PDL-000002' });
  });

  it('reports a withheld value by page when nothing printed contains it, with no other options given', async () => {
    expect(await verifyProduction(file, ['Quince Street'])).toMatchObject({ ok: false, leaks: [{ valueRef: 'withheld[0]', page: 1 }], exemptValues: 0, batesContinuous: true });
  });
});
