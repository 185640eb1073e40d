import { ResponsiveRecord } from '@custodian/domain';
import { csvExport, jsonExport } from './testing/export-fixtures';
import { ANONYMISED_TITLE, ANONYMOUS, NAMED, NAMED_BARCODE, NAMED_TITLE, OTHER, kohaSchemaColumns, kohaSchemaExport, toCsvTable, toJsonFile, toRestShape } from './testing/koha-schema-fixture';
import { importUploads, runImport } from './testing/run-import';

const tables = kohaSchemaExport();
const byKey = (records: ResponsiveRecord[]) => [...records].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('a Koha export generated from koha-schema.md (every column of every table)', () => {
  it('has every column of every table of the reference', () => {
    for (const [table, columns] of kohaSchemaColumns()) {
      expect([table, Object.keys(tables[table][0]).sort()]).toEqual([table, expect.arrayContaining(columns.map(([column]) => column).sort())]);
    }
  });

  let fromJson: ResponsiveRecord[];

  it('imports as one JSON file without an error, with only the credentials left out', async () => {
    const { outcome, records, issues } = await runImport([jsonExport(toJsonFile(tables), 997)]);
    expect(issues).toEqual([]);
    expect(outcome.imported).toBe(true);
    expect(outcome.validation.warnings.map((w) => `${w.table}.${w.field}`).sort()).toEqual(
      ['borrowers.overdrive_auth_token', 'borrowers.password', 'borrowers.secret', 'deletedborrowers.overdrive_auth_token', 'deletedborrowers.password', 'deletedborrowers.secret'].sort(),
    );
    fromJson = records;
    for (const record of records) {
      for (const field of ['password', 'secret', 'overdrive_auth_token']) expect(record.fields[field]).toBeUndefined();
    }
    const loans = records.filter((r) => r.recordType === 'loans' && r.fields.itemnumber === 5001);
    expect(loans.map((r) => [r.cardNumber, r.fields.title, r.fields.barcode, r.fields.itemcallnumber])).toEqual([
      [NAMED.cardnumber, NAMED_TITLE, NAMED_BARCODE, 'FIC GAR'],
      [NAMED.cardnumber, NAMED_TITLE, NAMED_BARCODE, 'FIC GAR'],
      [NAMED.cardnumber, NAMED_TITLE, NAMED_BARCODE, 'FIC GAR'],
    ]);
    // anonymised history (the AnonymousPatron and NULL) and the AnonymousPatron's own row are no one's
    expect(records.filter((r) => r.fields.title === ANONYMISED_TITLE || r.fields.biblionumber === 79).every((r) => r.cardNumber === null)).toBe(true);
    expect(records.find((r) => r.sourceTable === 'borrowers' && r.fields.borrowernumber === ANONYMOUS.borrowernumber)?.cardNumber).toBeNull();
    expect(outcome.imported && outcome.stats.notAttributable).toBe(4);
    expect(records.find((r) => r.sourceTable === 'accountlines' && r.fields.amount === -5)).toBeDefined();
    expect(records.find((r) => r.sourceTable === 'borrower_relationships')).toMatchObject({ cardNumber: NAMED.cardnumber, fields: { guarantor_id: OTHER.borrowernumber } });
    expect(records.find((r) => r.sourceTable === 'search_history')?.fields.query_desc).toBe('kw,wrd: "immigration, forms" & más');
    expect(records.find((r) => r.sourceTable === 'deletedborrowers')?.cardNumber).toBe('23000000055555');
  });

  it.each([',', ';', '\t'])('imports as Reports-style CSV per table (separator %j), in any order across uploads, to the same records', async (delimiter) => {
    const csv = (table: string) => csvExport(table, toCsvTable(tables[table], delimiter), 61);
    // loans (with the items that describe them) first, the borrowers last: the loans wait, then resolve
    const uploads = [
      ['old_issues', 'issues', 'items', 'biblio', 'reserves', 'old_reserves', 'accountlines', 'statistics'].map(csv),
      ['search_history', 'borrower_attributes', 'borrower_relationships', 'action_logs'].map(csv),
      ['deletedborrowers', 'systempreferences', 'borrowers'].map(csv),
    ];
    const { records, outcomes } = await importUploads(uploads);
    expect(outcomes.map((o) => o.validation.issues)).toEqual([[], [], []]);
    expect(byKey(records)).toEqual(byKey(fromJson));
  });

  it('imports in the REST API shape to the same patrons, titles and attribution', async () => {
    const rest = toRestShape(tables);
    const { outcome, records, issues } = await runImport([jsonExport({ systempreferences: tables.systempreferences, ...rest })]);
    expect(issues).toEqual([]);
    expect(outcome.imported).toBe(true);
    const summary = (list: ResponsiveRecord[]) =>
      list
        .filter((r) => ['borrowers', 'issues', 'old_issues', 'reserves', 'accountlines'].includes(r.sourceTable))
        .map((r) => [r.sourceTable, r.cardNumber, r.fields.title ?? null, r.fields.barcode ?? null])
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const jsonSummary = summary(fromJson).map(([table, card, title, barcode]) => [table, card, table === 'accountlines' ? null : title, table === 'accountlines' || table === 'reserves' ? null : barcode]);
    expect(summary(records).map(([table, card, title, barcode]) => [table, card, table === 'accountlines' ? null : title, table === 'reserves' ? null : barcode])).toEqual(jsonSummary);
    const checkout = records.find((r) => r.sourceTable === 'issues' && r.cardNumber === NAMED.cardnumber);
    expect(checkout?.fields).toMatchObject({ issuedate: '2026-03-02T15:31:44', barcode: NAMED_BARCODE, itemcallnumber: 'FIC GAR', title: NAMED_TITLE });
  });
});
