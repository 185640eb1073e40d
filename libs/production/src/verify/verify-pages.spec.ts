import type { PageText } from './pdf-page-text';
import { verifyPages } from './verify-production';

/*
 * verifyProduction's own part on pages written out here as extracted text (verifyProduction hands verifyPages what
 * pdfjs-dist reads; the files themselves are tried in verify-production.pdfkit.spec.ts, outside the mutation tier):
 * pages checked in order, each handed to onPage, printed values exempting what they contain. Page 1 holds
 * "Branch: Quince Street Library" and PDL-000001 in its footer band, page 2 "Loan 2" and PDL-000002.
 */
const PAGES: PageText[] = [
  { pageNumber: 1, items: [{ text: 'Branch: Quince Street Library', x: 30, y: 750 }, { text: 'PDL-000001', x: 30, y: 20 }] },
  { pageNumber: 2, items: [{ text: 'Loan 2', x: 30, y: 750 }, { text: 'PDL-000002', x: 30, y: 20 }] },
];
async function* read(pages: PageText[]) {
  yield* pages;
}

describe('verifyPages (verifyProduction after reading)', () => {
  it('hands every page to onPage in order and exempts withheld values inside the printed values', async () => {
    const seen: number[] = [];
    const result = await verifyPages(read(PAGES), ['Quince Street'], ['Quince Street Library'], { batesPrefix: 'PDL', batesStart: 1, onPage: (page) => seen.push(page.pageNumber) });
    expect(seen).toEqual([1, 2]);
    expect(result).toMatchObject({ ok: true, pages: 2, leaks: [], exemptValues: 1, batesFirst: 'PDL-000001', batesLast: 'PDL-000002' });
  });

  it('reports a withheld value by page when nothing printed contains it, with no other options given', async () => {
    expect(await verifyPages(read(PAGES), ['Quince Street'])).toMatchObject({ ok: false, pages: 2, leaks: [{ valueRef: 'withheld[0]', page: 1 }], exemptValues: 0, batesContinuous: true });
  });
});
