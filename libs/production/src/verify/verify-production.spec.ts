import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { CaseScope, producedValues, ResponsiveRecord, withheldValues } from '@custodian/domain';
import { renderDenialLetter } from '../letters/denial-letter';
import { renderProduction } from '../production/render-production';
import { memorySink, sampleHeader, sampleLetterBase, temporaryDirectory } from '../testing/pdf-test-helpers';
import { verifyProduction } from './verify-production';

jest.setTimeout(60_000);

const card = '23000000012345';
const scope: CaseScope = { cardNumbers: [card], from: '2026-01-01', to: '2026-02-28', recordTypes: ['patron', 'loans'] };
const patron: ResponsiveRecord = {
  recordType: 'patron',
  sourceTable: 'borrowers',
  cardNumber: card,
  occurredAt: null,
  fields: { borrowernumber: 51, cardnumber: card, surname: 'Núñez', firstname: 'Zoë', contactname: 'Bartholomew Quince', borrowernotes: 'Asked staff not to tell her partner about her reading' },
};
const loans: ResponsiveRecord[] = Array.from({ length: 60 }, (_, index) => ({
  recordType: 'loans',
  sourceTable: 'old_issues',
  cardNumber: card,
  occurredAt: `2026-01-${String((index % 28) + 1).padStart(2, '0')}T10:00:00`,
  fields: { issue_id: 8000 + index, itemnumber: 100000 + index, title: `Library book ${index}`, issuedate: `2026-01-${String((index % 28) + 1).padStart(2, '0')}T10:00:00` },
}));
const records = [patron, ...loans];
const withheld = withheldValues(records, scope);
const expected = producedValues(records, scope);

describe('verifyProduction', () => {
  const temp = temporaryDirectory();
  afterAll(() => temp.remove());

  async function render(rows: ResponsiveRecord[], name: string, batesStart = 1) {
    const file = path.join(temp.dir, name);
    const result = await renderProduction({ ...sampleHeader({ scope, batesStart }), records: rows }, createWriteStream(file));
    return { file, result };
  }

  it('passes a production naming the patron by an alias, and fails one that prints the aliased card number anywhere', async () => {
    const aliased: CaseScope = { ...scope, aliases: [{ cardNumber: card, alias: 'Patron A' }] };
    // As the render handler builds them: the aliased card number first, never exempt, then the redaction's values.
    const aliasWithheld = [{ ref: 'aliased patron 1: card number', value: card, neverExempt: true }, ...withheldValues(records, aliased)];
    const file = path.join(temp.dir, 'aliased.pdf');
    const result = await renderProduction({ ...sampleHeader({ scope: aliased }), records }, createWriteStream(file));
    expect(await verifyProduction(file, aliasWithheld, [...producedValues(records, aliased), ...result.ownWording], { batesPrefix: 'PDL', batesStart: 1 })).toMatchObject({ ok: true, leaks: [] });
    // The same records rendered as if the alias had been forgotten: the card number is on every row and in the cover
    // letter, which is the production's own wording; it is caught all the same.
    const { file: forgotten, result: plain } = await render(records, 'alias-forgotten.pdf');
    const verification = await verifyProduction(forgotten, aliasWithheld, [...producedValues(records, aliased), ...plain.ownWording], { batesPrefix: 'PDL', batesStart: 1 });
    expect(verification.ok).toBe(false);
    expect(verification.leaks.map((leak) => leak.valueRef)).toContain('aliased patron 1: card number');
  });

  it('passes a faithful production', async () => {
    const { file, result } = await render(records, 'faithful.pdf');
    const verification = await verifyProduction(file, withheld, [...expected, ...result.ownWording], { batesPrefix: 'PDL', batesStart: 1 });
    expect(verification).toMatchObject({ ok: true, leaks: [], batesContinuous: true, pages: result.pages, batesFirst: 'PDL-000001', batesLast: result.batesLast });
  });

  it('fails closed when a produced field carries another person’s name', async () => {
    const tampered = records.map((record, index) => (index === 45 ? { ...record, fields: { ...record.fields, title: 'Bartholomew Quince' } } : record));
    const { file, result } = await render(tampered, 'tampered.pdf');
    const verification = await verifyProduction(file, withheld, [...expected, ...result.ownWording], { batesPrefix: 'PDL' });
    const reference = `withheld[${withheld.indexOf('Bartholomew Quince')}]`;
    expect(verification.ok).toBe(false);
    expect(verification.leaks).toEqual([{ valueRef: reference, page: expect.any(Number) }]);
    expect(verification.leaks[0].page).toBeGreaterThan(2); // in the loans table, after the cover letter and patron table
    expect(JSON.stringify(verification)).not.toContain('Quince');
  });

  it('finds a withheld note broken across lines of a narrow cell, whatever its case and accents', async () => {
    const planted = 'ASKED STAFF NOT TO TELL HER PARTNER ABOUT HER READING';
    const tampered = [patron, { ...loans[0], fields: { ...loans[0].fields, title: planted } }];
    const { file } = await render(tampered, 'broken-lines.pdf');
    const verification = await verifyProduction(file, withheld, expected);
    expect(verification.ok).toBe(false);
    expect(verification.leaks.map((leak) => leak.valueRef)).toEqual([`withheld[${withheld.indexOf(patron.fields.borrowernotes as string)}]`]);
  });

  it('reads a Buffer as well as a file', async () => {
    const sink = memorySink();
    const result = await renderProduction({ ...sampleHeader({ scope }), records }, sink.stream);
    const verification = await verifyProduction(sink.bytes(), withheld, [...expected, ...result.ownWording]);
    expect(verification).toMatchObject({ ok: true, pages: result.pages, batesFirst: 'PDL-000001' });
  });

  it('reports Bates numbers that do not start where expected', async () => {
    const { file } = await render(records, 'from-five.pdf', 5);
    expect(await verifyProduction(file, [], [], { batesPrefix: 'PDL', batesStart: 1 })).toMatchObject({ ok: false, batesContinuous: false });
    expect(await verifyProduction(file, [], [], { batesPrefix: 'PDL', batesStart: 5 })).toMatchObject({ ok: true, batesFirst: 'PDL-000005' });
  });

  it('fails a file without Bates numbers unless the check is switched off', async () => {
    const sink = memorySink();
    await renderDenialLetter(
      {
        ...sampleLetterBase({ reference: 'CUST-2026-0007/DEN-1' }),
        reasons: [{ text: 'No court order', citation: 'Gov. Code § 7927.105' }],
        responsiblePersons: [{ displayName: 'Maria López', title: 'Library Director', role: 'approving director' }],
      },
      sink.stream,
    );
    expect(await verifyProduction(sink.bytes(), [])).toMatchObject({ ok: false, batesContinuous: false });
    expect(await verifyProduction(sink.bytes(), [], [], { batesPrefix: null })).toMatchObject({ ok: true, batesFirst: null });
  });
});
