import { ProductionChecks } from './verify-production';
import type { PageText } from './pdf-page-text';
import { PresenceCheck } from './presence-check';

/*
 * The page checks on pages written out here as extracted text items (x, y in points from the bottom-left corner):
 * body items at y = 700, footer items at y = 20, inside the 36-point footer band. The expected verdicts follow from
 * the documented rules (one continuous Bates number per footer, withheld values by reference, exemptions, presence
 * per script), not from running the code.
 */
const bates = (sequence: number, prefix = 'PDL') => `${prefix}-${String(sequence).padStart(6, '0')}`;
function page(pageNumber: number, body: string[], footer: string[] = [bates(pageNumber)], footerY = 20): PageText {
  return {
    pageNumber,
    items: [...body.map((text, index) => ({ text, x: 40, y: 700 - index * 10 })), ...footer.map((text, index) => ({ text, x: 40 + index * 200, y: footerY }))],
  };
}
function verdict(pages: PageText[], withheld: Parameters<typeof checksFor>[0] = [], options: Parameters<typeof checksFor>[1] = { batesPrefix: 'PDL' }) {
  const checks = checksFor(withheld, options);
  for (const p of pages) checks.page(p);
  return checks.result();
}
function checksFor(withheld: ConstructorParameters<typeof ProductionChecks>[0], options: ConstructorParameters<typeof ProductionChecks>[1]) {
  return new ProductionChecks(withheld, options);
}

describe('ProductionChecks', () => {
  it('passes continuous pages and reports the first and last Bates number', () => {
    expect(verdict([page(1, ['a']), page(2, ['b']), page(3, ['c'])], [], { batesPrefix: 'PDL', batesStart: 1 })).toEqual({
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
  });

  it('reads the page in drawing order, footer and body, wherever the footer comes: a value across the two is found', () => {
    const checks = checksFor(['Ann Smith', 'Kim Lee Park', 'Ida'], { batesPrefix: 'PDL' });
    // Footer first (as productions draw it), the value running from the footer into the body.
    checks.page({ pageNumber: 1, items: [{ text: 'PDL-000001 Ann', x: 40, y: 20 }, { text: 'Smith borrowed', x: 40, y: 700 }] });
    // Body first, the value running from the body into the footer.
    checks.page({ pageNumber: 2, items: [{ text: 'borrowed by Kim', x: 40, y: 700 }, { text: 'Lee Park PDL-000002', x: 40, y: 20 }] });
    // A footer item between body items.
    checks.page({ pageNumber: 3, items: [{ text: 'Ann', x: 40, y: 700 }, { text: 'PDL-000003', x: 40, y: 20 }, { text: 'Smith', x: 40, y: 690 }] });
    // Footer first, a short value (a whole word) standing alone as one body item between others.
    checks.page({ pageNumber: 4, items: [{ text: 'PDL-000004', x: 40, y: 20 }, { text: 'Ida', x: 40, y: 700 }, { text: 'Lee', x: 40, y: 690 }] });
    const result = checks.result();
    expect(result.leaks).toEqual([
      { valueRef: 'withheld[0]', page: 1 },
      { valueRef: 'withheld[1]', page: 2 },
      { valueRef: 'withheld[2]', page: 4 },
    ]);
    expect(result.batesContinuous).toBe(true);
  });

  it('is not ok without a single page', () => {
    expect(verdict([])).toMatchObject({ ok: false, pages: 0, batesFirst: null });
  });

  it('reports a withheld value by reference and page, once per page, also from another reading of the page', () => {
    const checks = checksFor(['Bartholomew Quince', { ref: 'loan #3 note', value: 'reads about divorce' }], { batesPrefix: 'PDL' });
    checks.page(page(1, ['Title: Kindred']));
    checks.page(page(2, ['Bartholomew', 'Quince', 'and Bartholomew Quince again']));
    checks.page(page(3, ['nothing here']), ['drawn order: reads about divorce']);
    const result = checks.result();
    expect(result.leaks).toEqual([
      { valueRef: 'withheld[0]', page: 2 },
      { valueRef: 'loan #3 note', page: 3 },
    ]);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/Quince|divorce/);
  });

  it('reports a value split over a page break with both pages, read past the next page\'s footer, and exempts it like any other', () => {
    const split = (exempt: string[]) => {
      const checks = checksFor(['Bartholomew Quince'], { batesPrefix: 'PDL' });
      for (const value of exempt) checks.exemptWithin(value);
      checks.page(page(1, ['Loan returned by', 'Bartholomew']));
      // Page 2 reads its footer (drawn when the page starts) before the rest of the value.
      checks.page({ pageNumber: 2, items: [{ text: bates(2), x: 40, y: 20 }, { text: 'Quince on Monday', x: 40, y: 700 }] });
      return checks.result();
    };
    expect(split([])).toMatchObject({ ok: false, leaks: [{ valueRef: 'withheld[0]', page: 1, continuedOnPage: 2 }] });
    expect(split(['Bartholomew Quince Street'])).toMatchObject({ ok: true, leaks: [], exemptValues: 1 });
  });

  it('separates text items, so two numeric cells are not one withheld number', () => {
    expect(verdict([page(1, ['2300', '0012'])], ['23000012']).leaks).toEqual([]);
    expect(verdict([page(1, ['23000012'])], ['23000012']).leaks).toEqual([{ valueRef: 'withheld[0]', page: 1 }]);
  });

  it('applies exemptions that arrive after the pages (the streaming verifier learns produced values late)', () => {
    const checks = checksFor(['Quince Street'], { batesPrefix: 'PDL' });
    checks.page(page(1, ['Branch: Quince Street Library']));
    expect(checks.result()).toMatchObject({ ok: false, exemptValues: 0 });
    checks.exemptWithin('Quince Street Library');
    expect(checks.result()).toMatchObject({ ok: true, leaks: [], exemptValues: 1 });
  });

  it('counts withheld values too short or generic to test', () => {
    expect(verdict([page(1, ['x'])], ['Jo', '42', 'Joanne']).untestedValues).toBe(2);
  });

  it('lists at most 1000 leaks and says when there were more', () => {
    const values = Array.from({ length: 1001 }, (_, index) => `leakvalue${String(index).padStart(4, '0')}`);
    const all = verdict([page(1, values.slice(0, 500)), page(2, values.slice(500))], values);
    expect(all.leaks).toHaveLength(1000);
    expect(all.leaksTruncated).toBe(true);
    expect(all.leaks[999]).toEqual({ valueRef: 'withheld[999]', page: 2 });
    const exactly = verdict([page(1, values.slice(0, 1000))], values.slice(0, 1000));
    expect(exactly.leaks).toHaveLength(1000);
    expect(exactly.leaksTruncated).toBe(false);
  });

  it('never loses a leak to the bound on kept leaks, even when exempt values filled it first', () => {
    // A bound of 10 (100,000 in production): two exempt values on each of six pages fill it; a withheld value found
    // only on page 7 must still fail the production, and nothing non-exempt lost a page.
    const fill = (checks: ProductionChecks, extra: string[] = []) => {
      for (let pageNumber = 1; pageNumber <= 6; pageNumber++) checks.page(page(pageNumber, ['Quince Street Library, Kindred Press', ...extra], []));
      checks.exemptWithin('Quince Street Library, Kindred Press');
    };
    const bounded = () => new ProductionChecks(['Quince Street', 'Kindred Press', 'Bartholomew Quince'], { batesPrefix: null }, 10);
    const late = bounded();
    fill(late);
    late.page(page(7, ['Borrower: Bartholomew Quince'], []));
    expect(late.result()).toMatchObject({ ok: false, leaks: [{ valueRef: 'withheld[2]', page: 7 }], leaksTruncated: false, exemptValues: 2 });
    // Three values a page: pages 1–3 fill 9 of the 10, page 4 the last (its first value); later pages are dropped.
    const repeated = bounded();
    fill(repeated, ['Borrower: Bartholomew Quince']);
    expect(repeated.result()).toMatchObject({ ok: false, leaks: [1, 2, 3].map((page) => ({ valueRef: 'withheld[2]', page })), leaksTruncated: true });
  });

  describe('Bates numbers', () => {
    it('detects the prefix from the first footer when none is given, and continues from its number', () => {
      expect(verdict([page(1, [], [bates(7, 'ABC')]), page(2, [], [bates(8, 'ABC')])], [], {})).toMatchObject({ ok: true, batesFirst: 'ABC-000007', batesLast: 'ABC-000008' });
      expect(verdict([page(1, [], [`Box ${bates(7, 'ABC')}`])], [], {})).toMatchObject({ ok: true, batesFirst: 'ABC-000007' });
    });

    it('fails a gap, a repeat, a wrong start, two numbers in a footer, no footer, and a number outside the band', () => {
      const broken: [PageText[], number?][] = [
        [[page(1, []), page(3, [], [bates(3)])]],
        [[page(1, []), page(2, [], [bates(1)])]],
        [[page(1, [], [bates(2)]), page(2, [], [bates(3)])], 1],
        [[page(1, [], [bates(1), bates(2)])]],
        [[page(1, []), page(2, [], [])]],
        [[page(1, [], [bates(1)], 36)]],
        [[page(1, [bates(1)], [])]],
      ];
      for (const [pages, batesStart] of broken) {
        const result = verdict(pages, [], { batesPrefix: 'PDL', batesStart });
        expect({ pages: pages.length, ok: result.ok, continuous: result.batesContinuous }).toEqual({ pages: pages.length, ok: false, continuous: false });
      }
      expect(verdict([page(1, [], [bates(1)], 35.9)])).toMatchObject({ ok: true, batesContinuous: true });
    });

    it('fails when no prefix is given and the first page has no Bates number to learn it from', () => {
      expect(verdict([page(1, ['Loan 1'], []), page(2, [], [bates(2)])], [], {})).toMatchObject({ ok: false, batesContinuous: false, batesFirst: 'PDL-000002' });
    });

    it('keeps the last good number after a break, and finds one footer number among other footer text', () => {
      expect(verdict([page(1, []), page(2, []), page(4, [], [bates(4)])])).toMatchObject({ batesContinuous: false, batesFirst: 'PDL-000001', batesLast: 'PDL-000002' });
      expect(verdict([page(1, [], ['Page 1 of 2', bates(1)]), page(2, [], ['Page 2 of 2', bates(2)])])).toMatchObject({ ok: true, batesLast: 'PDL-000002' });
    });

    it('ignores another prefix, and does no Bates check at all for a null prefix (letters)', () => {
      expect(verdict([page(1, [], [bates(1, 'XYZ')])])).toMatchObject({ ok: false, batesContinuous: false, batesFirst: null });
      expect(verdict([page(1, ['Dear Ms. Núñez'], []), page(2, ['Sincerely'], [])], [], { batesPrefix: null })).toMatchObject({
        ok: true,
        batesContinuous: true,
        batesFirst: null,
        batesLast: null,
        pages: 2,
      });
    });
  });

  describe('presence of produced values', () => {
    it('fails on a missing value, counting it per script, and passes when all are there, across a page break too', () => {
      // Pages without footers (a letter): the name split over the page break is found by the carried-over tail.
      const checks = checksFor([], { batesPrefix: null, expectPresent: ['Kindred', 'Октавия Батлер'] });
      checks.expectPresent('Parable of the Sower');
      checks.page(page(1, ['Title: Kindred', 'Author: Октавия'], []));
      checks.page(page(2, ['Батлер'], []));
      expect(checks.result()).toMatchObject({ ok: false, presentChecked: 3, missingValues: 1, missingByScript: { Latin: 1 } });
      const cyrillic = checksFor([], { batesPrefix: 'PDL', expectPresent: ['Октавия Батлер', 'Kindred'] });
      cyrillic.page(page(1, ['Kindred']));
      expect(cyrillic.result()).toMatchObject({ ok: false, missingValues: 1, missingByScript: { Cyrillic: 1 } });
    });

    it('finds a value split over a page break though the next page reads its footer first (drawn when the page starts)', () => {
      // Page 2 as extracted: the footer (notice, case, Bates number) comes before the rest of the split value.
      const footerFirst = (pageNumber: number, body: string[]): PageText => ({
        pageNumber,
        items: [
          { text: 'CONFIDENTIAL library patron records: no further disclosure except as the law allows.', x: 40, y: 20 },
          { text: bates(pageNumber), x: 500, y: 10 },
          ...body.map((text, index) => ({ text, x: 40, y: 700 - index * 10 })),
        ],
      });
      const checks = checksFor([], { batesPrefix: 'PDL', batesStart: 1, expectPresent: ['Asked staff not to tell her partner about her reading'] });
      checks.page(footerFirst(1, ['Notes: Asked staff not to tell her']));
      checks.page(footerFirst(2, ['partner about her reading']));
      expect(checks.result()).toMatchObject({ ok: true, missingValues: 0, batesLast: 'PDL-000002' });
    });

    it('refuses values added after the first page, and reports every value missing when no page was scanned', () => {
      const presence = new PresenceCheck(['Kindred', 'Kindred', '   ', '12345']);
      expect(presence.checked).toBe(2);
      expect(presence.missing()).toEqual({ count: 2, byScript: { Latin: 1, other: 1 } });
      presence.scan('Kindred 12345');
      expect(presence.missing()).toEqual({ count: 0, byScript: {} });
      expect(() => presence.add('Wild Seed')).toThrow('expected values must all be given before the first page is scanned');
    });
  });
});
