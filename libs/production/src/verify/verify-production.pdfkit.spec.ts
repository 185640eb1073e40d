import PDFDocument from 'pdfkit';
import { verifyProduction } from './verify-production';
import type { PageText } from './pdf-page-text';

jest.setTimeout(60_000);

/*
 * verifyProduction on small PDFs written directly with pdfkit (not with our renderer), so each page holds exactly
 * the body text and footer the test states: the oracle is the page layout written here, not what the renderer
 * happened to draw. Footers are drawn 20 points above the bottom edge (inside the 36-point footer band), body lines
 * from the top down (far outside it).
 */
interface PageSpec {
  body?: string[];
  footer?: string[];
}

async function pdf(pages: PageSpec[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  for (const page of pages) {
    doc.addPage({ size: 'LETTER', margin: 0 });
    doc.font('Helvetica').fontSize(7);
    (page.body ?? []).forEach((line, index) => doc.text(line, 30, 30 + index * 9, { lineBreak: false }));
    (page.footer ?? []).forEach((text, index) => doc.text(text, 30 + index * 250, 792 - 20, { lineBreak: false }));
  }
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

const bates = (sequence: number, prefix = 'PDL') => `${prefix}-${String(sequence).padStart(6, '0')}`;

describe('verifyProduction on pdfkit pages', () => {
  it('passes continuous Bates pages without withheld values, and reports the first and last number', async () => {
    const file = await pdf([1, 2, 3].map((n) => ({ body: [`Loan ${n}: The Left Hand of Darkness`], footer: [bates(n)] })));
    const seen: PageText[] = [];
    const result = await verifyProduction(file, ['Bartholomew Quince'], [], { batesPrefix: 'PDL', batesStart: 1, onPage: (page) => seen.push(page) });
    expect(result).toEqual({
      ok: true,
      leaks: [],
      leaksTruncated: false,
      pages: 3,
      batesContinuous: true,
      batesFirst: 'PDL-000001',
      batesLast: 'PDL-000003',
      untestedValues: 0,
      exemptValues: 0,
      presentChecked: 0,
      missingValues: 0,
      missingByScript: {},
    });
    expect(seen.map((page) => page.pageNumber)).toEqual([1, 2, 3]);
    expect(seen[1].items.map((item) => item.text).join(' ')).toContain('Loan 2');
  });

  it('names the page a withheld value is found on, by reference only', async () => {
    const file = await pdf([
      { body: ['Loan 1'], footer: [bates(1)] },
      { body: ['Loan 2 returned by Bartholomew', 'Quince at the desk'], footer: [bates(2)] },
      { body: ['Loan 3'], footer: [bates(3)] },
    ]);
    const result = await verifyProduction(file, ['Ann', { ref: 'patron contact name', value: 'Bartholomew Quince' }], [], { batesPrefix: 'PDL' });
    expect(result.leaks).toEqual([{ valueRef: 'patron contact name', page: 2 }]);
    expect(result.ok).toBe(false);
    expect(result.batesContinuous).toBe(true);
    expect(JSON.stringify(result)).not.toContain('Quince');
  });

  it('exempts a withheld value that is part of a printed value, and counts the untestable ones', async () => {
    const file = await pdf([{ body: ['Branch: Quince Street Library'], footer: [bates(1)] }]);
    const result = await verifyProduction(file, ['Quince Street', 'Jo'], ['Quince Street Library'], { batesPrefix: 'PDL' });
    expect(result).toMatchObject({ ok: true, leaks: [], exemptValues: 1, untestedValues: 1 });
  });

  it('does not join two numeric cells into one withheld number (text items are separated)', async () => {
    const file = await pdf([{ body: ['2300', '0012'], footer: [bates(1)] }]);
    const result = await verifyProduction(file, ['23000012'], [], { batesPrefix: 'PDL' });
    expect(result.leaks).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('lists at most 1000 leaks and says when there were more', async () => {
    const values = Array.from({ length: 1001 }, (_, index) => `leakvalue${String(index).padStart(4, '0')}`);
    const perLine = 8;
    const lines = Array.from({ length: Math.ceil(values.length / perLine) }, (_, line) => values.slice(line * perLine, (line + 1) * perLine).join(' '));
    const pages = [0, 1].map((half) => ({ body: lines.slice(half * 63, (half + 1) * 63), footer: [bates(half + 1)] }));
    const file = await pdf(pages);
    const all = await verifyProduction(file, values, [], { batesPrefix: 'PDL' });
    expect(all.leaks).toHaveLength(1000);
    expect(all.leaksTruncated).toBe(true);
    expect(new Set(all.leaks.map((leak) => leak.valueRef)).size).toBe(1000);
    const exactly = await verifyProduction(file, values.slice(0, 1000), [], { batesPrefix: 'PDL' });
    expect(exactly.leaks).toHaveLength(1000);
    expect(exactly.leaksTruncated).toBe(false);
  });

  describe('Bates numbers in the footer band', () => {
    it('detects the prefix from the first page and checks continuity from its number when none is given', async () => {
      const file = await pdf([{ footer: [bates(7, 'ABC')] }, { footer: [bates(8, 'ABC')] }]);
      expect(await verifyProduction(file, [])).toMatchObject({ ok: true, batesContinuous: true, batesFirst: 'ABC-000007', batesLast: 'ABC-000008' });
    });

    it('fails a gap, a repeat, a wrong start, two numbers on a page, and a page without one', async () => {
      const cases: { pages: PageSpec[]; start?: number }[] = [
        { pages: [{ footer: [bates(1)] }, { footer: [bates(3)] }] },
        { pages: [{ footer: [bates(1)] }, { footer: [bates(1)] }] },
        { pages: [{ footer: [bates(2)] }, { footer: [bates(3)] }], start: 1 },
        { pages: [{ footer: [bates(1), bates(2)] }] },
        { pages: [{ footer: [bates(1)] }, { body: ['no footer here'] }] },
        { pages: [{ body: [bates(1)] }] }, // a number in the body is not the page's Bates number
      ];
      for (const { pages, start } of cases) {
        const result = await verifyProduction(await pdf(pages), [], [], { batesPrefix: 'PDL', batesStart: start });
        expect({ pages: pages.length, ok: result.ok, continuous: result.batesContinuous }).toEqual({ pages: pages.length, ok: false, continuous: false });
      }
    });

    it('keeps the last good number when a later page breaks the sequence', async () => {
      const file = await pdf([{ footer: [bates(1)] }, { footer: [bates(2)] }, { footer: [bates(4)] }]);
      expect(await verifyProduction(file, [], [], { batesPrefix: 'PDL' })).toMatchObject({ batesContinuous: false, batesFirst: 'PDL-000001', batesLast: 'PDL-000002' });
    });

    it('ignores another prefix and skips the check entirely when the prefix is null (letters)', async () => {
      const other = await pdf([{ footer: [bates(1, 'XYZ')] }]);
      expect(await verifyProduction(other, [], [], { batesPrefix: 'PDL' })).toMatchObject({ ok: false, batesContinuous: false, batesFirst: null });
      const letter = await pdf([{ body: ['Dear Ms. Núñez,'] }, { body: ['Sincerely,'] }]);
      expect(await verifyProduction(letter, [], [], { batesPrefix: null })).toMatchObject({ ok: true, batesContinuous: true, batesFirst: null, batesLast: null, pages: 2 });
    });
  });

  it('fails when an expected value is missing, counting it per script, and passes when every one is there', async () => {
    const file = await pdf([{ body: ['Title: Kindred', 'Author: Octavia Butler'], footer: [bates(1)] }]);
    const missing = await verifyProduction(file, [], [], { batesPrefix: 'PDL', expectPresent: ['Kindred', 'Octavia Butler', 'Parable of the Sower'] });
    expect(missing).toMatchObject({ ok: false, presentChecked: 3, missingValues: 1, missingByScript: { Latin: 1 }, batesContinuous: true, leaks: [] });
    const present = await verifyProduction(file, [], [], { batesPrefix: 'PDL', expectPresent: ['Kindred', 'Octavia Butler'] });
    expect(present).toMatchObject({ ok: true, presentChecked: 2, missingValues: 0, missingByScript: {} });
  });
});
