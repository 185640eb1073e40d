import { Readable } from 'stream';
import { exportFileFor, UnsupportedExportError } from './export-source';
import { ExportChangedError, readRecordBatches } from './import-records';
import { csvExport, jsonExport, sourceOf } from './testing/export-fixtures';
import { runImport } from './testing/run-import';
import { ValidatedExport, validateExport } from './validate-export';

const borrowers = [
  { borrowernumber: 7, cardnumber: '23000000000007', surname: "O'Brien", firstname: 'Seán', dateofbirth: '1980-04-01', branchcode: 'PDL' },
  { borrowernumber: 8, cardnumber: '23000000000008', surname: '李', firstname: ' 小明 ', email: '' },
];

describe('importing a JSON export', () => {
  it('emits every row as a normalised record, linked to its patron by card number', async () => {
    const { outcome, records, batches } = await runImport(
      [
        jsonExport({
          issues: [
            { issue_id: 1, borrowernumber: 7, itemnumber: 99, issuedate: '2026-01-05 14:03:00', date_due: '2026-01-26 23:59:00', renewals_count: 0, title: 'Cien años de soledad' },
            { issue_id: 2, borrowernumber: null, issuedate: '2026-01-06T10:00:00Z' }, // REST-style instant: library time, one format
          ],
          borrowers, // after the rows that refer to them: resolution waits for the whole file
          reserves: [{ reserve_id: 3, borrowernumber: 8, reservedate: '2026-02-01', found: 'W' }],
          accountlines: [{ accountlines_id: 4, borrowernumber: 7, date: '2026-02-02 09:00:00', amount: '2.50', amountoutstanding: 0 }],
          search_history: [{ id: 5, userid: 8, query_desc: 'kw,wrd: divorce forms', time: '2026-02-03 18:22:10' }],
          sessions: [{ session_id: 'S1', cardnumber: '23000000000007', resource: 'PC-07', session_start: '2026-02-04 10:00:00' }],
        }),
      ],
      { batchSize: 3 },
    );
    expect(outcome.imported).toBe(true);
    expect(batches.map((b) => b.length)).toEqual([3, 3, 2]);
    expect(records).toEqual([
      {
        recordType: 'loans',
        sourceTable: 'issues',
        cardNumber: '23000000000007',
        occurredAt: '2026-01-05T14:03:00',
        fields: { issue_id: 1, borrowernumber: 7, itemnumber: 99, issuedate: '2026-01-05T14:03:00', date_due: '2026-01-26T23:59:00', renewals_count: 0, title: 'Cien años de soledad' },
      },
      // anonymised history: kept, with no patron
      { recordType: 'loans', sourceTable: 'issues', cardNumber: null, occurredAt: '2026-01-06T02:00:00', fields: { issue_id: 2, borrowernumber: null, issuedate: '2026-01-06T02:00:00' } },
      {
        recordType: 'patron',
        sourceTable: 'borrowers',
        cardNumber: '23000000000007',
        occurredAt: null,
        fields: { borrowernumber: 7, cardnumber: '23000000000007', surname: "O'Brien", firstname: 'Seán', dateofbirth: '1980-04-01', branchcode: 'PDL' },
      },
      { recordType: 'patron', sourceTable: 'borrowers', cardNumber: '23000000000008', occurredAt: null, fields: { borrowernumber: 8, cardnumber: '23000000000008', surname: '李', firstname: '小明', email: null } },
      { recordType: 'holds', sourceTable: 'reserves', cardNumber: '23000000000008', occurredAt: '2026-02-01T00:00:00', fields: { reserve_id: 3, borrowernumber: 8, reservedate: '2026-02-01', found: 'W' } },
      {
        recordType: 'fines',
        sourceTable: 'accountlines',
        cardNumber: '23000000000007',
        occurredAt: '2026-02-02T09:00:00',
        fields: { accountlines_id: 4, borrowernumber: 7, date: '2026-02-02T09:00:00', amount: 2.5, amountoutstanding: 0 },
      },
      {
        recordType: 'searches',
        sourceTable: 'search_history',
        cardNumber: '23000000000008',
        occurredAt: '2026-02-03T18:22:10',
        fields: { id: 5, userid: 8, query_desc: 'kw,wrd: divorce forms', time: '2026-02-03T18:22:10' },
      },
      {
        recordType: 'sessions',
        sourceTable: 'sessions',
        cardNumber: '23000000000007',
        occurredAt: '2026-02-04T10:00:00',
        fields: { session_id: 'S1', cardnumber: '23000000000007', resource: 'PC-07', session_start: '2026-02-04T10:00:00' },
      },
    ]);
    if (outcome.imported) expect(outcome.recordsByType).toEqual({ loans: 2, patron: 2, holds: 1, fines: 1, searches: 1, sessions: 1 });
  });

  it('reports each bad value with table, row, line and field, and imports nothing', async () => {
    const text = [
      '{"borrowers": [',
      '  {"borrowernumber": 7, "cardnumber": "23000000000007", "dateofbirth": "1980-02-30"},',
      '  {"borrowernumber": "eight", "cardnumber": "2300-0008\\t1"}',
      '],',
      '"issues": [',
      '  {"borrowernumber": 7, "issuedate": "2026-01-05 14:03:00", "renewals_count": 1.5},',
      '  {"borrowernumber": 7, "issuedate": "last tuesday", "branchcode": "AVERYLONGBRANCH"},',
      '  {"borrowernumber": 7}',
      ']}',
    ].join('\n');
    const { outcome, batches, issues } = await runImport([jsonExport(text)]);
    expect(outcome.imported).toBe(false);
    expect(batches).toEqual([]);
    expect(issues).toEqual([
      { table: 'borrowers', row: 1, line: 2, field: 'dateofbirth', message: 'not a real calendar date' },
      { table: 'borrowers', row: 2, line: 3, field: 'borrowernumber', message: 'expected a whole number' },
      { table: 'borrowers', row: 2, line: 3, field: 'cardnumber', message: 'must contain printable characters only' },
      { table: 'issues', row: 1, line: 6, field: 'renewals_count', message: 'expected a whole number' },
      { table: 'issues', row: 2, line: 7, field: 'issuedate', message: 'expected a date-time as YYYY-MM-DD HH:MM:SS or ISO 8601' },
      { table: 'issues', row: 2, line: 7, field: 'branchcode', message: 'longer than 10 characters' },
    ]);
  });

  it('warns once about an unknown table (left out) and an unknown column (kept sealed), and imports', async () => {
    const { outcome, issues, records } = await runImport([
      jsonExport('{"loans": [{"x": 1}],\n"issues": [\n{"issuedate": "2026-01-01", "colour": "red"},\n{"issuedate": "2026-01-02", "colour": "blue"}]}'),
    ]);
    expect(outcome.imported).toBe(true);
    expect(issues).toEqual([]);
    expect(outcome.validation.warnings).toEqual([
      { table: 'loans', row: null, line: 1, field: null, message: expect.stringMatching(/^"loans" is not a table Custodian imports; its rows were left out/) },
      { table: 'issues', row: 1, line: 3, field: 'colour', message: expect.stringContaining("not a column of Koha's issues table: kept sealed and withheld") },
    ]);
    expect(records.map((r) => r.fields.colour)).toEqual(['red', 'blue']);
  });

  it('never stores credential columns', async () => {
    const { outcome, records } = await runImport([jsonExport({ borrowers: [{ borrowernumber: 1, cardnumber: 'A1', password: '$2a$08$hash', secret: 'TOTP', overdrive_auth_token: 'tok' }] })]);
    expect(records[0].fields).toEqual({ borrowernumber: 1, cardnumber: 'A1' });
    expect(outcome.validation.warnings.map((w) => w.field)).toEqual(['password', 'secret', 'overdrive_auth_token']);
  });

  it('shortens names from the file that are too long to echo', async () => {
    const { outcome } = await runImport([jsonExport(`{"${'t'.repeat(900)}": [], "issues": [{"issuedate": "2026-01-01", "${'c'.repeat(900)}": 1}]}`)]);
    expect(outcome.validation.warnings.map((i) => [i.table?.length, i.field?.length, i.message.length <= 401])).toEqual([
      [65, undefined, true],
      [6, 65, true],
    ]);
  });

  it('does not mistake inherited property names for columns', async () => {
    const { outcome, records } = await runImport([jsonExport('{"issues": [{"issuedate": "2026-01-01", "constructor": 1, "__proto__": 2}]}')]);
    expect(outcome.validation.warnings.map((i) => i.field)).toEqual(['constructor', '__proto__']);
    expect(Object.getPrototypeOf(records[0].fields)).toBe(Object.prototype);
    expect(Object.keys(records[0].fields)).toEqual(['issuedate']);
  });
});

describe('resolving borrowernumbers to card numbers', () => {
  it('uses patrons known from before when the export has no borrowers rows', async () => {
    const { records } = await runImport([jsonExport({ issues: [{ borrowernumber: 41, issuedate: '2026-01-01' }] })], { knownPatrons: new Map([[41, '23000000000041']]) });
    expect(records[0].cardNumber).toBe('23000000000041');
  });

  it('lets the export win over a known patron whose card was replaced', async () => {
    const { records } = await runImport(
      [jsonExport({ borrowers: [{ borrowernumber: 41, cardnumber: '23000000000099' }], issues: [{ borrowernumber: 41, issuedate: '2026-01-01' }] })],
      { knownPatrons: new Map([[41, '23000000000041']]) },
    );
    expect(records.map((r) => r.cardNumber)).toEqual(['23000000000099', '23000000000099']);
  });

  it('imports rows whose borrower is not known yet as waiting for their patron, and says so once', async () => {
    const { outcome, records } = await runImport([
      jsonExport('{"issues": [\n{"borrowernumber": 77, "issuedate": "2026-01-01"},\n{"borrowernumber": 77, "issuedate": "2026-01-02"}],\n"search_history": [\n{"userid": 77, "time": "2026-01-03 10:00:00"}]}'),
    ]);
    expect(outcome.imported).toBe(true);
    expect(records.map((r) => r.cardNumber)).toEqual([null, null, null]);
    expect(outcome.validation.pending).toEqual({ rows: 3, borrowernumbers: 1 });
    expect(outcome.validation.warnings).toEqual([
      { table: 'issues', row: 1, line: 2, field: 'borrowernumber', message: expect.stringMatching(/^3 rows refer to 1 borrowernumber with no borrowers row in this case yet/) },
    ]);
  });

  it('does not cascade a column error in a borrowers row into "no borrowers row" for that patron', async () => {
    const { outcome, issues } = await runImport([
      jsonExport({ borrowers: [{ borrowernumber: 7, cardnumber: 'A7', dateofbirth: 'yesterday' }], issues: [{ borrowernumber: 7, issuedate: '2026-01-01' }] }),
    ]);
    expect(outcome.imported).toBe(false);
    expect(issues).toEqual([expect.objectContaining({ table: 'borrowers', field: 'dateofbirth' })]);
    expect(outcome.validation.warnings).toEqual([]);
  });

  it("never attributes the AnonymousPatron's rows or NULL borrowernumbers, configured or detected", async () => {
    const file = jsonExport({
      systempreferences: [{ variable: 'AnonymousPatron', value: '5' }],
      borrowers: [
        { borrowernumber: 5, cardnumber: 'ANON', surname: 'Anonymous' },
        { borrowernumber: 6, cardnumber: 'ANON2', surname: 'Anonymous', firstname: 'Patron' },
        { borrowernumber: 7, cardnumber: 'A7', surname: 'Real' },
      ],
      old_issues: [
        { borrowernumber: 5, issuedate: '2026-01-01' },
        { borrowernumber: 6, issuedate: '2026-01-01' },
        { borrowernumber: null, issuedate: '2026-01-01' },
        { borrowernumber: 9, issuedate: '2026-01-01' },
        { borrowernumber: 7, issuedate: '2026-01-01' },
      ],
    });
    const { records, outcome } = await runImport([file], { anonymousPatrons: [9] });
    expect(records.map((r) => [r.sourceTable, r.cardNumber])).toEqual([
      ['borrowers', null],
      ['borrowers', null],
      ['borrowers', 'A7'],
      ['old_issues', null],
      ['old_issues', null],
      ['old_issues', null],
      ['old_issues', null],
      ['old_issues', 'A7'],
    ]);
    expect(outcome.imported && outcome.stats.notAttributable).toBe(6);
    expect(outcome.validation.pending.rows).toBe(0);
  });

  it('takes the card number a row carries when its borrower is not in the export', async () => {
    const { records } = await runImport([jsonExport({ issues: [{ borrowernumber: 77, cardnumber: '23000000000077', issuedate: '2026-01-01' }] })]);
    expect(records[0].cardNumber).toBe('23000000000077');
  });

  it('reports card numbers that contradict each other', async () => {
    const { issues } = await runImport([
      jsonExport({
        borrowers: [
          { borrowernumber: 1, cardnumber: 'A1' },
          { borrowernumber: 2, cardnumber: 'A1' },
        ],
        issues: [{ borrowernumber: 1, cardnumber: 'B2', issuedate: '2026-01-01' }],
      }),
    ]);
    expect(issues.map((i) => [i.table, i.row, i.field, i.message])).toEqual([
      ['borrowers', 2, 'cardnumber', 'the card number also belongs to borrowernumber 1'],
      ['issues', 1, 'cardnumber', 'the card number differs from the borrowers row of borrowernumber 1'],
    ]);
  });
});

describe('importing CSV files', () => {
  it('reads one file per table, resolving across files whatever their order', async () => {
    const { outcome, records } = await runImport([
      csvExport('old_issues', 'issue_id,borrowernumber,issuedate,returndate,note\n1,7,2026-01-05 14:03:00,2026-01-20 10:00:00,"Returned late,\nsaid ""sorry"""\n2,,2026-01-06 09:00:00,,\n'),
      csvExport('borrowers', 'borrowernumber,cardnumber,surname,firstname\n7,23000000000007,Nguyễn-Đặng,José\n'),
    ]);
    expect(outcome.imported).toBe(true);
    expect(records).toEqual([
      {
        recordType: 'loans',
        sourceTable: 'old_issues',
        cardNumber: '23000000000007',
        occurredAt: '2026-01-05T14:03:00',
        fields: { issue_id: 1, borrowernumber: 7, issuedate: '2026-01-05T14:03:00', returndate: '2026-01-20T10:00:00', note: 'Returned late,\nsaid "sorry"' },
      },
      { recordType: 'loans', sourceTable: 'old_issues', cardNumber: null, occurredAt: '2026-01-06T09:00:00', fields: { issue_id: 2, borrowernumber: null, issuedate: '2026-01-06T09:00:00', returndate: null, note: null } },
      { recordType: 'patron', sourceTable: 'borrowers', cardNumber: '23000000000007', occurredAt: null, fields: { borrowernumber: 7, cardnumber: '23000000000007', surname: 'Nguyễn-Đặng', firstname: 'José' } },
    ]);
  });

  it('reports bad values at their physical line', async () => {
    const { issues } = await runImport([csvExport('issues', 'borrowernumber,issuedate,note\n,2026-01-05,"two\nlines"\nx,2026-01-06,\n')]);
    expect(issues).toEqual([{ table: 'issues', row: 2, line: 4, field: 'borrowernumber', message: 'expected a whole number' }]);
  });

  it('accepts every NULL Koha allows: no card number, no issue date, no reserve date, no account line date', async () => {
    const { outcome, records } = await runImport([
      csvExport('borrowers', 'borrowernumber,cardnumber\n1,\n'),
      csvExport('issues', 'borrowernumber,issuedate\n1,\n'),
      csvExport('reserves', 'borrowernumber,reservedate\n1,\n'),
      csvExport('accountlines', 'borrowernumber,date,amount\n1,,-5.000000\n'),
    ]);
    expect(outcome.imported).toBe(true);
    expect(records.map((r) => [r.cardNumber, r.occurredAt])).toEqual([
      [null, null],
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(records[3].fields.amount).toBe(-5);
  });

  it('warns about unknown columns from the header and an unknown table, and imports the rest', async () => {
    const { outcome, issues } = await runImport([csvExport('issues', 'issuedate,Colour\n2026-01-01,red\n'), csvExport('loans', 'x\n1\n')]);
    expect(issues).toEqual([]);
    expect(outcome.validation.warnings).toEqual([
      { table: 'issues', row: null, line: 1, field: 'Colour', message: expect.stringContaining("not a column of Koha's issues table") },
      { table: 'loans', row: null, line: 1, field: null, message: expect.stringContaining('"loans" is not a table Custodian imports') },
    ]);
  });

  it('sniffs the separator: semicolon, tab and pipe as Koha\'s CSVDelimiter writes them', async () => {
    for (const separator of [';', '\t', '|']) {
      const text = ['borrowernumber', 'cardnumber', 'surname'].join(separator) + '\n' + ['7', '2300 0007-A', '"Smith, Jr."'].join(separator) + '\n';
      const { records } = await runImport([csvExport('borrowers', text)]);
      expect(records[0].fields).toEqual({ borrowernumber: 7, cardnumber: '2300 0007-A', surname: 'Smith, Jr.' });
    }
  });

  it('refuses an upload with no file', async () => {
    expect((await runImport([])).issues).toEqual([expect.objectContaining({ message: 'no file was uploaded' })]);
  });
});

describe('the two passes', () => {
  it('keeps the first issues and counts the rest', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `${i},not-a-date`).join('\n');
    const { outcome } = await runImport([csvExport('issues', `borrowernumber,issuedate\n${rows}\n`)], { maxIssues: 100 });
    expect(outcome.validation.issues).toHaveLength(100);
    expect(outcome.validation.issueCount).toBe(250);
    expect(outcome.validation.truncated).toBe(true);
    expect(outcome.validation.issues[99]).toEqual(expect.objectContaining({ row: 100, line: 101, field: 'issuedate' }));
  });

  it('reports progress for both phases, ending with every byte read', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `${i + 1},2026-01-01`).join('\n');
    const file = csvExport('issues', `issue_id,issuedate\n${rows}\n`, 4096);
    const { progress } = await runImport([file]);
    const validating = progress.filter((p) => p.phase === 'validating');
    const importing = progress.filter((p) => p.phase === 'importing');
    expect(validating.map((p) => p.rows)).toEqual([1000, 2000, 2500]);
    expect(importing.at(-1)).toEqual({ phase: 'importing', rows: 2500, bytesRead: file.size, totalBytes: file.size });
  });

  it('refuses to import what failed validation', async () => {
    const file = csvExport('issues', 'issuedate\nbad\n');
    const validation = await validateExport([file]);
    const batches = readRecordBatches([file], validation as ValidatedExport);
    await expect(batches.next()).rejects.toThrow('did not pass validation');
  });

  it('notices when the file changed between validation and import', async () => {
    let opened = 0;
    const versions = ['issuedate\n2026-01-01\n', 'issuedate\n2026-01-02\n'];
    const file = { format: 'csv' as const, table: 'issues', open: () => sourceOf(versions[opened++ % 2])() };
    const validation = await validateExport([file]);
    expect(validation.ok).toBe(true);
    const drain = async () => {
      for await (const batch of readRecordBatches([file], validation as ValidatedExport)) void batch;
    };
    await expect(drain()).rejects.toThrow(ExportChangedError);
  });

  it('describes uploads by file name', () => {
    const open = () => Readable.from([]);
    expect(exportFileFor('Export.JSON', open, { size: 3 })).toEqual({ format: 'json', open, size: 3 });
    expect(exportFileFor('checkouts.json', open)).toEqual(expect.objectContaining({ format: 'json', table: 'checkouts' }));
    expect(exportFileFor('/tmp/old_issues.csv', open)).toEqual(expect.objectContaining({ format: 'csv', table: 'old_issues' }));
    expect(exportFileFor('OLD_RESERVES.csv', open)).toEqual(expect.objectContaining({ table: 'old_reserves' }));
    expect(exportFileFor('loans.tab', open, { table: 'issues' })).toEqual(expect.objectContaining({ table: 'issues', delimiter: '\t' }));
    expect(exportFileFor('upload.csv', open, { table: 'reserves' })).toEqual(expect.objectContaining({ table: 'reserves' }));
    expect(() => exportFileFor('loans-reportresults.csv', open)).toThrow(/does not say which Koha table/);
    expect(() => exportFileFor('x.csv', open, { table: 'loans' })).toThrow(/not a table Custodian imports/);
    expect(() => exportFileFor('export.xlsx', open)).toThrow(UnsupportedExportError);
  });
});
