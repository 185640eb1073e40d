import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfjsPages, pdftotextPages } from '../../libs/production/src/testing/pdf-test-helpers';
import { ApiClient, eventually } from '../support/api-client';
import { withDatabase } from '../support/services';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(240_000);

const NAMED_CARD = '23000000061111';
const ALIASED_CARD = '23000000062222';
const ALIAS = 'Patron B';
// The oracle is this table: whose row each title is.
const NAMED_TITLES = ['Named Patron Loan', 'Named Patron Hold'];
const ALIASED_TITLES = ['Aliased Patron Loan', 'Aliased Patron Hold'];
// A produced column repeating the aliased card number: printed, it would defeat the alias.
const TITLE_WITH_ALIASED_CARD = `Renewal slip ${ALIASED_CARD}`;

function exportFile(): string {
  const borrowers = [
    { borrowernumber: 601, cardnumber: NAMED_CARD, surname: 'Villaseñor', firstname: 'Inés', branchcode: 'PDL', categorycode: 'ADULT', dateenrolled: '2019-05-01' },
    { borrowernumber: 602, cardnumber: ALIASED_CARD, surname: 'Okonkwo', firstname: 'Chidi', dateofbirth: '1987-06-05', branchcode: 'PDL', categorycode: 'ADULT', dateenrolled: '2019-05-01' },
  ];
  const issues = [
    { issue_id: 1, borrowernumber: 601, itemnumber: 8001, branchcode: 'PDL', issuedate: '2026-03-10 10:00:00', date_due: '2026-03-31', title: NAMED_TITLES[0] },
    { issue_id: 2, borrowernumber: 602, itemnumber: 8002, branchcode: 'PDL', issuedate: '2026-03-11 10:00:00', date_due: '2026-04-01', title: ALIASED_TITLES[0] },
    { issue_id: 3, borrowernumber: 602, itemnumber: 8003, branchcode: 'PDL', issuedate: '2026-03-12 10:00:00', date_due: '2026-04-02', title: TITLE_WITH_ALIASED_CARD },
  ];
  const reserves = [
    { reserve_id: 1, borrowernumber: 601, reservedate: '2026-03-15', biblionumber: 88, branchcode: 'PDL', title: NAMED_TITLES[1] },
    { reserve_id: 2, borrowernumber: 602, reservedate: '2026-03-16', biblionumber: 89, branchcode: 'PDL', title: ALIASED_TITLES[1] },
  ];
  return JSON.stringify({ borrowers, issues, reserves });
}

/** The word before a title in a row's extracted text: the attribution cell (row number, then patron, then title). */
function attributionBefore(text: string, title: string): string | null {
  const flat = text.replace(/\s+/g, ' ');
  const at = flat.indexOf(title);
  if (at < 0) return null;
  const before = flat.slice(0, at).trimEnd();
  return before.endsWith(ALIAS) ? ALIAS : (before.split(' ').pop() ?? null);
}

// Issue #11: "every record row names its patron by card number (or the alias the scope names), in every table".
describe('a production naming one of two patrons by an alias', () => {
  let system: TestSystem;
  let clerk: ApiClient;

  beforeAll(async () => {
    system = await TestSystem.start('aliased-patron');
    clerk = await system.as('clerk');
    await system.as('attorney');
    await system.as('director');
  });
  afterAll(() => system?.stop());

  const scope = { cardNumbers: [NAMED_CARD, ALIASED_CARD], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans', 'holds'], aliases: [{ cardNumber: ALIASED_CARD, alias: ALIAS }] };

  it('refuses at intake an alias for a patron the scope does not name, and one holding a card number', async () => {
    for (const aliases of [[{ cardNumber: '23000000069999', alias: ALIAS }], [{ cardNumber: ALIASED_CARD, alias: `B ${NAMED_CARD}` }], [{ cardNumber: ALIASED_CARD, alias: 'Patron \u202eB' }]]) {
      const refused = await clerk.post('/api/cases', courtOrderCase({ scope: { ...scope, aliases } }));
      expect(refused.status).toBe(400);
      expect(Object.keys(refused.body.fields).some((field: string) => field.startsWith('scope.aliases'))).toBe(true);
      expect(JSON.stringify(refused.body)).not.toContain(NAMED_CARD);
    }
  });

  it('prints the alias on every row of the aliased patron, the card number on the other’s, and the aliased card number nowhere', async () => {
    const created = (await clerk.post('/api/cases', courtOrderCase({ scope }))).body;
    expect(created.scope.aliases).toEqual(scope.aliases);
    const upload = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'export.json', content: exportFile(), type: 'application/json' });
    await eventually(() => clerk.get(`/api/cases/${created.id}/records/imports/${upload.body.id}`).then((r) => r.body), (i) => i.status !== 'running' && i.status !== 'queued');
    expect((await clerk.post(`/api/cases/${created.id}/submit`)).status).toBe(202);
    await eventually(() => clerk.get(`/api/cases/${created.id}`).then((r) => r.body.status), (s) => s === 'legal_review');

    // Narrowing may not drop the request's alias (that would print the card number it keeps out), nor change it.
    const attorney = await system.as('attorney');
    for (const aliases of [[], [{ cardNumber: ALIASED_CARD, alias: 'Patron Z' }]]) {
      const widened = await attorney.post(`/api/cases/${created.id}/review`, { ...SUFFICIENT_COURT_ORDER_REVIEW, scope: { ...scope, aliases } });
      expect(widened.status).toBe(422);
    }
    expect((await attorney.post(`/api/cases/${created.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    await eventually(() => clerk.get(`/api/cases/${created.id}`).then((r) => r.body.status), (s) => s === 'awaiting_approval');

    const director = await system.as('director');
    const preview = await director.get(`/api/cases/${created.id}/decision/preview/release`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ patrons: [NAMED_CARD, ALIASED_CARD], aliases: [{ cardNumber: ALIASED_CARD, alias: ALIAS }], aliasesRevealingWithheld: [] });
    expect((await director.post(`/api/cases/${created.id}/decision`, { decision: 'approve' })).status).toBe(202);
    const done = await eventually(() => clerk.get(`/api/cases/${created.id}`).then((r) => r.body), (c) => c.status === 'fulfilled' || c.production?.status === 'failed', 120_000, 300);
    expect(done.production.failure).toBeNull();
    expect(done.status).toBe('fulfilled');
    expect(done.production.manifest.scope.aliases).toEqual([{ cardNumber: ALIASED_CARD, alias: ALIAS }]);

    const pdf = await clerk.download(`/api/productions/${done.production.id}/pdf`);
    expect(pdf.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'aliased-'));
    try {
      writeFileSync(join(dir, 'production.pdf'), pdf.bytes);
      const extracted = { poppler: pdftotextPages(join(dir, 'production.pdf')).join('\n'), pdfjs: (await pdfjsPages(new Uint8Array(pdf.bytes))).join('\n') };
      for (const [extractor, text] of Object.entries(extracted)) {
        const compact = text.replace(/\s+/g, '');
        expect(`${extractor}: aliased card ${compact.includes(ALIASED_CARD)}`).toBe(`${extractor}: aliased card false`);
        expect(`${extractor}: renewal slip ${compact.includes('Renewalslip')}`).toBe(`${extractor}: renewal slip false`);
        for (const title of ALIASED_TITLES) expect(`${extractor}: ${title} ← ${attributionBefore(text, title)}`).toBe(`${extractor}: ${title} ← ${ALIAS}`);
        for (const title of NAMED_TITLES) expect(`${extractor}: ${title} ← ${attributionBefore(text, title)}`).toBe(`${extractor}: ${title} ← ${NAMED_CARD}`);
        // The registration table, cover letter, declaration-free manifest: the alias stands where the card number would.
        expect(text.replace(/\s+/g, ' ')).toContain(`referred to as “${ALIAS}”`);
        expect(compact).toContain('Cardnumberoralias');
        expect(compact).toContain('Okonkwo');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The title repeating the card number is withheld, and logged with its reason.
    expect(done.production.manifest.withholdingLog).toContainEqual(expect.objectContaining({ sourceTable: 'issues', field: 'title', reasonCode: 'PERSONAL_IDENTIFIER' }));

    const audit = await withDatabase(system.environment.databaseUrl!, (db) => db.query('SELECT details::text AS details FROM audit_events'));
    expect(JSON.stringify(audit.rows)).not.toContain(ALIAS);
  });
  // An alias holding a withheld value is refused at review and approval: test/e2e/alias-refusals.e2e-spec.ts.
});
