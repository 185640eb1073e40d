import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { CaseScope, ResponsiveRecord } from '@custodian/domain';
import { memorySink, pdftotextPages, sampleHeader, temporaryDirectory } from '../testing/pdf-test-helpers';
import { compactText } from '../verify/text-normalisation';
import { formatBates } from './bates';
import { renderProduction } from './render-production';

jest.setTimeout(60_000);

const card = '23000000012345';
const scope: CaseScope = { cardNumbers: [card], from: '2026-01-01', to: '2026-02-28', recordTypes: ['patron', 'loans', 'searches'] };
const patron: ResponsiveRecord = {
  recordType: 'patron',
  sourceTable: 'borrowers',
  cardNumber: card,
  occurredAt: null,
  fields: { cardnumber: card, surname: 'Núñez', firstname: 'Zoë', email: 'zoe@example.org', borrowernotes: 'Banned from the 3D printer' },
};
const loan = (day: number, title: string): ResponsiveRecord => ({
  recordType: 'loans',
  sourceTable: 'old_issues',
  cardNumber: card,
  occurredAt: `2026-01-${String(day).padStart(2, '0')}T10:00:00`,
  fields: { cardnumber: card, title, issuedate: `2026-01-${String(day).padStart(2, '0')}T10:00:00` },
});
const search = (day: number, query: string): ResponsiveRecord => ({
  recordType: 'searches',
  sourceTable: 'search_history',
  cardNumber: card,
  occurredAt: `2026-02-${String(day).padStart(2, '0')}T11:00:00`,
  fields: { cardnumber: card, time: `2026-02-${String(day).padStart(2, '0')}T11:00:00`, query_desc: query },
});

describe('renderProduction', () => {
  const temp = temporaryDirectory();
  afterAll(() => temp.remove());
  let count = 0;

  async function render(records: ResponsiveRecord[], overrides = {}) {
    const file = path.join(temp.dir, `production-${++count}.pdf`);
    const result = await renderProduction({ ...sampleHeader({ scope, ...overrides }), records }, createWriteStream(file));
    const pages = pdftotextPages(file);
    return { result, pages, compact: compactText(pages.join(' ')) };
  }

  it('orders cover letter, records, withholding log and manifest', async () => {
    const { result, pages } = await render([patron, loan(2, 'Le Petit Prince')]);
    expect(pages[0]).toContain('Re: Production of library records');
    expect(pages[0]).toContain('Maria López');
    expect(pages[1]).toContain('Patron registration records (borrowers)');
    expect(pages[2]).toContain('Loans (old_issues)');
    expect(pages[pages.length - 2]).toContain('Withholding log');
    expect(pages[pages.length - 1]).toContain('Production manifest');
    expect(pages[pages.length - 1]).toContain(`PDL-000001 to ${result.batesLast}`);
    expect(result.items).toEqual({ patron: { produced: 1, withheld: 0 }, loans: { produced: 1, withheld: 0 } });
  });

  it('marks withheld fields with the fixed token only', async () => {
    const { compact } = await render([patron]);
    expect(compact).toContain(compactText('[WITHHELD: STAFF_NOTE] Staff note'));
    expect(compact).toContain(compactText('[WITHHELD: CONTACT_NOT_REQUESTED] E-mail'));
    expect(compact).not.toContain(compactText('Banned from the 3D printer'));
    expect(compact).not.toContain('zoe@example.org');
  });

  it('prints contact details when the scope asks for them', async () => {
    const { compact } = await render([patron], { scope: { ...scope, includeContactDetails: true } });
    expect(compact).toContain('zoe@example.org');
  });

  it('splits a row taller than a page across pages, repeating the title and header', async () => {
    const longTitle = Array.from({ length: 900 }, (_, index) => `word${index}`).join(' ');
    const { pages, compact } = await render([patron, loan(3, longTitle), loan(4, 'After the long one')]);
    const loanPages = pages.filter((page) => page.includes('Loans (old_issues)'));
    expect(loanPages.length).toBeGreaterThan(1);
    for (const page of loanPages.slice(1)) expect(page).toContain('Loans (old_issues) (continued)');
    for (const page of loanPages) expect(page).toContain('Checked out');
    // The value continues after the page break (and after the row's other cells on the first page), in order.
    const words = [...pages.join(' ').matchAll(/word(\d+)\b/g)].map((match) => Number(match[1]));
    expect(words).toEqual(Array.from({ length: 900 }, (_, index) => index));
    expect(compact).toContain(compactText('After the long one'));
  });

  it('opens each continued part of a split row with its number marked “(cont.)”, below the repeated title and header', async () => {
    const longTitle = Array.from({ length: 900 }, (_, index) => `word${index}`).join(' ');
    const { pages } = await render([patron, loan(3, longTitle)]);
    const continued = pages.filter((page) => page.includes('Loans (old_issues) (continued)')).map((page) => page.replace(/\s+/g, ' '));
    expect(continued.length).toBeGreaterThan(1);
    for (const text of continued) {
      // Read back in order: the repeated title, the header, the row's mark, then the rest of its title.
      const order = ['Loans (old_issues) (continued)', 'Checked out', '1 (cont.)'].map((part) => text.indexOf(part));
      expect(order.every((at, index) => at >= 0 && (index === 0 || at > order[index - 1]))).toBe(true);
      expect(text.search(/\bword\d+\b/)).toBeGreaterThan(order[2]);
    }
  });

  it('moves a row that fits on a page to the next page whole instead of splitting it', async () => {
    const words = (count: number) => Array.from({ length: count }, (_, index) => `w${index}`).join(' ');
    const pagesHolding = (pages: string[]) => pages.filter((page) => /\bw\d+\b/.test(page)).length;
    // The longest title that fits on a page of the table by itself, found from what the renderer does.
    let fits = 50;
    let tooTall = 3000;
    while (tooTall - fits > 1) {
      const middle = Math.floor((fits + tooTall) / 2);
      if (pagesHolding((await render([loan(3, words(middle))])).pages) === 1) fits = middle;
      else tooTall = middle;
    }
    // Below twenty short rows it no longer fits where it starts: it goes whole onto the next page.
    const fillers = Array.from({ length: 20 }, (_, index) => loan(2, `Filler ${index}`));
    const moved = (await render([...fillers, loan(3, words(fits))])).pages;
    expect(pagesHolding(moved)).toBe(1);
    expect(moved.find((page) => /\bw0\b/.test(page))).toContain('Loans (old_issues) (continued)');
    expect(pagesHolding((await render([...fillers, loan(3, words(tooTall))])).pages)).toBe(2);
  });

  it('starts a new table when the record type changes, and again if it comes back', async () => {
    const { pages } = await render([patron, loan(2, 'First loan'), search(3, 'tax forms'), loan(5, 'Second loan')]);
    expect(pages.filter((page) => page.includes('Loans (old_issues)'))).toHaveLength(2);
    expect(pages.some((page) => page.includes('Catalogue searches (search_history)'))).toBe(true);
  });

  it('says so when nothing is within the scope', async () => {
    const { result, pages } = await render([{ ...patron, cardNumber: '999', fields: { cardnumber: '999' } }]);
    expect(pages.some((page) => page.includes('No records within the scope of the authority were found.'))).toBe(true);
    expect(result.items).toEqual({ patron: { produced: 0, withheld: 1 } });
    expect(result.withholdingLog).toEqual([expect.objectContaining({ reasonCode: 'PATRON_NOT_NAMED', describedInProduction: false })]);
  });

  it('draws Hangul, Devanagari and Persian names, and fails closed on a character no font has', async () => {
    const { result, pages } = await render([{ ...patron, fields: { ...patron.fields, firstname: '김민준 प्रिया', surname: 'شجریان' } }]);
    expect(result.missingGlyphs).toBe(0);
    expect(pages.join(' ')).toContain('김민준');
    const sink = memorySink();
    // U+E000 is private use: no font draws it, and no substitute may be printed in its place.
    await expect(renderProduction({ ...sampleHeader({ scope }), records: [{ ...patron, fields: { ...patron.fields, firstname: 'Ana\ue000' } }] }, sink.stream)).rejects.toThrow(
      'character U+E000 (private use) cannot be drawn with any embedded font',
    );
  });

  it('adds the custodian of records declaration before the manifest, with the records\' Bates range and, for a criminal subpoena, the sealed delivery', async () => {
    const declaration = { custodian: { displayName: 'Maria López', title: 'Library Director' }, place: 'Palm Desert, California', date: '2026-03-05', criminal: true };
    const { result, pages } = await render([patron, loan(2, 'First loan')], { declaration, batesStart: 101 });
    const declared = pages[pages.length - 2];
    expect(declared).toContain('Declaration of custodian of records');
    expect(declared).toContain('Evidence Code §§ 1561, 1562');
    // Cover letter PDL-000101; records and withholding log after it; this page and the manifest follow.
    expect(compactText(declared)).toContain(compactText(`Bates-numbered PDL-000102 through ${formatBates('PDL', 101 + result.pages - 3)}`));
    expect(compactText(declared)).toContain(compactText('I, Maria López, am the Library Director of Palm Desert Library'));
    expect(compactText(declared)).toContain(compactText('Mode of preparation'));
    expect(compactText(declared)).toContain(compactText('under penalty of perjury under the laws of the State of California'));
    expect(compactText(declared)).toContain(compactText('Executed on March 5, 2026 at Palm Desert, California.'));
    expect(compactText(declared)).toContain(compactText('Evid. Code § 1560(b); Penal Code § 1326(b)'));
    expect(pages[pages.length - 1]).toContain('Production manifest');

    const civil = await render([patron], { declaration: { ...declaration, criminal: false } });
    expect(civil.pages[civil.pages.length - 2]).toContain('Declaration of custodian of records');
    expect(civil.pages.join(' ')).not.toContain('1326(b)');
    const none = await render([patron]);
    expect(none.pages.join(' ')).not.toContain('Declaration of custodian of records');
  });

  describe('the cover letter states a scope narrowed by counsel', () => {
    const cover = (pages: string[]) => compactText(pages[0]);

    it('says nothing of narrowing when the approved scope is the requested one', async () => {
      const { pages } = await render([patron], { requestedScope: scope });
      expect(cover(pages)).not.toContain(compactText('narrowed scope'));
    });

    it('says the production is limited to the narrowed scope approved, and how, in one sentence naming no withheld patron', async () => {
      const dropped = ['23000000099991', '23000000099992'];
      const requestedScope: CaseScope = { cardNumbers: [card, ...dropped], from: '2025-07-01', to: '2026-06-30', recordTypes: ['patron', 'loans', 'searches', 'holds'], includeContactDetails: true };
      const { pages, compact } = await render([patron, loan(2, 'First loan')], { requestedScope });
      expect(cover(pages)).toContain(
        compactText(
          'This production is limited to the narrowed scope the Library approved, which holds less than the superior court order requested: records of 1 of the 3 patrons named; ' +
            'patron registration records, loans and catalogue searches only; dated January 1, 2026 to February 28, 2026 only; without contact details.',
        ),
      );
      // Not "because the authority does not ask for them": it did, and counsel narrowed it.
      expect(cover(pages)).toContain(compactText('Contact details (address, e-mail, telephone) are withheld: the approved scope leaves them out.'));
      expect(cover(pages)).not.toContain(compactText('because the authority does not ask for them'));
      for (const withheld of dropped) expect(compact).not.toContain(withheld);
    });
  });

  describe('the declaration states what it cannot certify (Evid. Code § 1561(b))', () => {
    const declaration = { custodian: { displayName: 'Maria López', title: 'Library Director' }, place: 'Palm Desert, California', date: '2026-03-05', criminal: false };
    const declared = (pages: string[]) => compactText(pages[pages.length - 2]);

    it('certifies all the records described when the approved scope is the requested one', async () => {
      const { pages } = await render([patron, loan(2, 'First loan')], { declaration, requestedScope: { ...scope, recordTypes: [...scope.recordTypes].reverse() } });
      expect(declared(pages)).toContain(compactText('are true copies of all the records described in the'));
      expect(declared(pages)).not.toContain(compactText('Only part of the records described'));
    });

    it('says only part is produced when the scope was narrowed, counting dropped patrons and never printing their card numbers', async () => {
      const dropped = ['23000000099991', '23000000099992'];
      const requestedScope: CaseScope = { cardNumbers: [card, ...dropped], from: '2025-07-01', to: '2026-06-30', recordTypes: ['patron', 'loans', 'searches', 'holds'], includeContactDetails: true };
      const { pages, compact } = await render([patron, loan(2, 'First loan')], { declaration, requestedScope });
      expect(declared(pages)).toContain(compactText('are true copies of the records described'));
      expect(declared(pages)).toContain(compactText('Only part of the records described is produced: records of 1 of the 3 patrons named;'));
      expect(declared(pages)).toContain(compactText('only; dated January 1, 2026 to February 28, 2026 only; without contact details.'));
      expect(declared(pages)).toContain(compactText('The remaining records described are not produced with this declaration.'));
      for (const withheld of dropped) expect(compact).not.toContain(withheld);
    });

    it('states the Library has none of the records described when nothing in scope was found', async () => {
      const { pages } = await render([], { declaration });
      expect(declared(pages)).toContain(compactText('The Library has none of the records described in the'));
      expect(declared(pages)).not.toContain(compactText('are true copies'));
    });

    it('says a narrowed search found none only within the approved part, never that the Library has none of the records described', async () => {
      const dropped = ['23000000099991', '23000000099992'];
      const requestedScope: CaseScope = { cardNumbers: [card, ...dropped], from: '2025-07-01', to: '2026-06-30', recordTypes: ['patron', 'loans', 'searches', 'holds'] };
      const { pages, compact } = await render([], { declaration, requestedScope });
      expect(declared(pages)).toContain(compactText('For the part of the records described in the'));
      expect(declared(pages)).toContain(compactText('a search of its records found none. Only part of the records described is covered by this declaration: records of 1 of the 3 patrons named;'));
      expect(declared(pages)).toContain(compactText('only; dated January 1, 2026 to February 28, 2026 only.'));
      expect(declared(pages)).toContain(compactText('The remaining records described are not produced with this declaration, which does not state whether the Library has them.'));
      expect(declared(pages)).not.toContain(compactText('The Library has none of the records described'));
      expect(declared(pages)).not.toContain(compactText('are true copies'));
      for (const withheld of dropped) expect(compact).not.toContain(withheld);
    });

    it('refuses a declaration without a named custodian (no placeholder signer)', async () => {
      await expect(render([patron], { declaration: { ...declaration, custodian: { displayName: ' ', title: '' } } })).rejects.toThrow('named custodian');
    });
  });

  it('reports progress and starts Bates numbers where asked', async () => {
    const updates: string[] = [];
    const sink = memorySink();
    const result = await renderProduction(
      { ...sampleHeader({ scope, batesStart: 41, expectedRecords: 2 }), records: [patron, loan(2, 'x')] },
      sink.stream,
      (progress) => updates.push(`${progress.phase}:${progress.percent}`),
    );
    expect(result.batesFirst).toBe('PDL-000041');
    expect(result.batesLast).toBe(`PDL-0000${40 + result.pages}`);
    expect(updates[updates.length - 1]).toBe('finished:100');
    expect(updates).toEqual(expect.arrayContaining(['withholding-log:100', 'manifest:100']));
  });

  it('rejects a malformed header before writing anything', async () => {
    for (const overrides of [{ batesPrefix: 'pdl' }, { batesStart: 0 }, { scope: { ...scope, from: '2026-03-01' } }, { generatedAt: 'yesterday' }]) {
      const sink = memorySink();
      await expect(renderProduction({ ...sampleHeader({ scope, ...overrides }), records: [patron] }, sink.stream)).rejects.toThrow();
      expect(sink.bytes()).toHaveLength(0);
    }
  });

  it('prints an aliased patron’s alias wherever their card number would stand, and the card number nowhere', async () => {
    const other = '23000000067890';
    const aliasedScope: CaseScope = { ...scope, cardNumbers: [card, other], aliases: [{ cardNumber: card, alias: 'Patron A' }] };
    const otherLoan: ResponsiveRecord = { ...loan(3, 'Moby-Dick'), cardNumber: other, fields: { title: 'Moby-Dick', issuedate: '2026-01-03T10:00:00' } };
    const declaration = { custodian: { displayName: 'Ana Ruiz', title: 'Records custodian' }, place: 'Palm Desert, California', date: '2026-03-01', criminal: false };
    const { pages, compact } = await render([patron, loan(2, 'Le Petit Prince'), otherLoan], { scope: aliasedScope, declaration });
    expect(compact).not.toContain(card);
    expect(compact).toContain(other);
    const text = pages.join('\n');
    expect(text).toContain('Card number or alias');
    expect(pages[0]).toContain('the patron with card number 23000000067890 and the patron referred to as');
    // The manifest's label wraps in its column: "Patrons (card numbers or" / "aliases)".
    expect(text).toMatch(/Patrons \(card numbers or\s/);
    expect(text).toMatch(/^aliases\)/m);
    // The registration row, the aliased loan and the cover letter, declaration and manifest each name "Patron A".
    expect(text.match(/Patron A/g)?.length).toBeGreaterThanOrEqual(5);
  });
});
