import {
  ANONYMISED_TITLE,
  NAMED,
  NAMED_BARCODE,
  OTHER,
  OTHER_TITLE,
  STAFF_ONLY_MARK,
  kohaSchemaExport,
  toCsvTable,
  toRestShape,
} from '../../libs/records/src/testing/koha-schema-fixture';
import { ApiClient, eventually } from '../support/api-client';
import { pdfText } from '../support/pdf-text';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(240_000);


/** A Koha export built from koha-schema.md (every column of every table) carried through import to a production. */
describe('importing what a real Koha library exports', () => {
  let system: TestSystem;
  let clerk: ApiClient;
  let attorney: ApiClient;
  let director: ApiClient;
  const tables = kohaSchemaExport();
  const scope = { cardNumbers: [NAMED.cardnumber], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans', 'holds', 'fines', 'searches'] };

  beforeAll(async () => {
    system = await TestSystem.start('koha-import');
    [clerk, attorney, director] = [await system.as('clerk'), await system.as('attorney'), await system.as('director')];
  });
  afterAll(() => system?.stop());

  const importOf = (caseId: string, id: string) => clerk.get(`/api/cases/${caseId}/records/imports/${id}`).then((r) => r.body);
  const finished = (caseId: string, id: string) => eventually(() => importOf(caseId, id), (i) => ['completed', 'failed'].includes(i.status));
  const caseOf = (id: string) => clerk.get(`/api/cases/${id}`).then((r) => r.body);

  let lastManifest: { withholdingLog: { reasonCode: string; recordType: string; count: number }[] } | null = null;

  async function produce(caseId: string): Promise<string> {
    await clerk.post(`/api/cases/${caseId}/submit`);
    await eventually(() => caseOf(caseId), (c) => c.status === 'legal_review');
    expect((await attorney.post(`/api/cases/${caseId}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    await eventually(() => caseOf(caseId), (c) => c.status === 'awaiting_approval');
    expect((await director.post(`/api/cases/${caseId}/decision`, { decision: 'approve' })).status).toBe(202);
    const fulfilled = await eventually(() => caseOf(caseId), (c) => c.status === 'fulfilled' || c.status === 'fulfilling' && c.alert, 150_000);
    expect(fulfilled.status).toBe('fulfilled');
    lastManifest = fulfilled.production.manifest;
    const download = await clerk.download(`/api/productions/${fulfilled.production.id}/pdf`);
    return pdfText(download.bytes);
  }

  it('takes Reports-style CSV per table in any order across uploads, waits for the borrowers, and produces what was borrowed', async () => {
    const created = (await clerk.post('/api/cases', courtOrderCase({ scope }))).body;
    const csv = (table: string, name = `${table}.csv`) => ({ name, content: toCsvTable(tables[table], ';'), type: 'text/csv' });
    // the loans (and the items and biblio rows that describe them) before any borrowers file
    const loans = await clerk.uploadFiles(`/api/cases/${created.id}/records`, {}, ['issues', 'old_issues', 'items', 'biblio', 'reserves', 'old_reserves', 'accountlines', 'statistics', 'search_history', 'borrower_attributes', 'borrower_relationships', 'action_logs'].map((t) => csv(t)));
    expect(loans.status).toBe(202);
    const waiting = await finished(created.id, loans.body.id);
    expect(waiting).toMatchObject({ status: 'completed', errorCount: 0 });
    expect(waiting.pendingRows).toBeGreaterThan(0);
    expect(waiting.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('with no borrowers row in this case yet') })]));

    // Koha's own download name needs the table named; it is the last piece
    const borrowers = await clerk.upload(`/api/cases/${created.id}/records`, { table: 'borrowers' }, csv('borrowers', 'patrons-reportresults.csv'));
    expect(borrowers.status).toBe(202);
    expect(await finished(created.id, borrowers.body.id)).toMatchObject({ status: 'completed', errorCount: 0, warnings: expect.arrayContaining([expect.objectContaining({ field: 'password', message: expect.stringContaining('not stored') })]) });
    const rest = await clerk.uploadFiles(`/api/cases/${created.id}/records`, {}, [csv('systempreferences'), csv('deletedborrowers')]);
    await finished(created.id, rest.body.id);
    // re-checked when the borrowers arrived: nothing waits any more
    expect((await eventually(() => importOf(created.id, loans.body.id), (i) => i.pendingRows === 0)).pendingRows).toBe(0);

    const text = await produce(created.id);
    const production = text.replace(/\s+/g, ' ');
    // table cells may wrap a long token (the PDF layout's concern); compare without whitespace where that matters
    const joined = text.replace(/\s+/g, '');
    expect(production).toContain('soledad');
    expect(joined).toContain(NAMED_BARCODE);
    expect(production).toContain('FIC GAR');
    expect(production).toContain('immigration, forms');
    // attribution: the card number is printed in every table of records (the loans, holds, fines, searches and patron tables)
    expect(joined.match(/2300-?00012345/g)?.length).toBeGreaterThanOrEqual(10); // pdftotext drops a hyphen at a line break
    for (const absent of [OTHER_TITLE, ANONYMISED_TITLE, OTHER.cardnumber, OTHER.surname, STAFF_ONLY_MARK]) expect(joined).not.toContain(absent.replace(/\s+/g, ''));
    // anonymised history is counted on the withholding log of the case file, never produced as anyone's
    const anonymised = lastManifest?.withholdingLog.filter((entry) => entry.reasonCode === 'ANONYMISED_RECORD') ?? [];
    expect(anonymised.reduce((sum, entry) => sum + entry.count, 0)).toBeGreaterThanOrEqual(3);
  });

  it('takes the REST API shape (patrons, checkouts with embeds, checked-in checkouts, holds, account lines) as one upload', async () => {
    const created = (await clerk.post('/api/cases', courtOrderCase({ scope }))).body;
    const rest = toRestShape(tables);
    const files = Object.entries(rest).map(([name, rows]) => ({ name: `${name}.json`, content: JSON.stringify(rows), type: 'application/json' }));
    files.push({ name: 'systempreferences.json', content: JSON.stringify(tables.systempreferences), type: 'application/json' });
    const upload = await clerk.uploadFiles(`/api/cases/${created.id}/records`, {}, files);
    expect(upload.status).toBe(202);
    const result = await finished(created.id, upload.body.id);
    expect(result).toMatchObject({ status: 'completed', errorCount: 0, pendingRows: 0 });
    expect(result.notAttributableRows).toBeGreaterThan(0);
    const text = await produce(created.id);
    const joined = text.replace(/\s+/g, '');
    expect(text.replace(/\s+/g, ' ')).toContain('soledad');
    expect(joined).toContain(NAMED_BARCODE);
    for (const absent of [OTHER_TITLE, ANONYMISED_TITLE, OTHER.cardnumber, STAFF_ONLY_MARK]) expect(joined).not.toContain(absent);
  });

  it("keeps Koha's AnonymousPatron as an admin setting, validated", async () => {
    expect((await system.admin.request('PUT', '/api/settings/koha', { anonymousPatrons: [999] })).status).toBe(200);
    expect((await clerk.get('/api/settings/koha')).body).toEqual({ anonymousPatrons: [999] });
    expect((await system.admin.request('PUT', '/api/settings/koha', { anonymousPatrons: ['999'] })).status).toBe(400);
    expect((await system.admin.request('PUT', '/api/settings/koha', { anonymousPatrons: [999], extra: 1 })).status).toBe(400);
    expect((await clerk.request('PUT', '/api/settings/koha', { anonymousPatrons: [1] })).status).toBe(403);
  });

  it('refuses a bad file whole, naming line, table and field, and a file whose table cannot be told', async () => {
    const created = (await clerk.post('/api/cases', courtOrderCase({ scope }))).body;
    const bad = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'issues.csv', content: 'borrowernumber;issuedate;renewals_count\n101;2026-03-02 15:31:44;1\n101;2026-03-03 10:00:00;lots\n' });
    expect(await finished(created.id, bad.body.id)).toMatchObject({ status: 'failed', rowsImported: 0, errors: [{ table: 'issues', row: 2, line: 3, field: 'renewals_count', message: 'expected a whole number' }] });
    const unnamed = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'loans-reportresults.csv', content: 'borrowernumber\n1\n' });
    expect(unnamed.status).toBe(400);
    expect(JSON.stringify(unnamed.body)).toContain('does not say which Koha table');
  });
});
