import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { eventually } from '../support/api-client';
import { withDatabase } from '../support/services';
import { fulfilledCase, reviewedCase } from '../support/case-journey';
import { TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(600_000);

const ROOT = join(__dirname, '../..');

// Patron values no log line or unencrypted file may hold: names in several scripts, cards, e-mails, addresses,
// phones, notes and what was borrowed. Distinctive, so a hit cannot be a coincidence.
const RELEASED = {
  borrowernumber: 7301, cardnumber: '29555000731401', surname: 'Zdravković-Quesnel', firstname: 'Þórunn Ngọc', othernames: 'Ярослава',
  email: 'thorunn.zq7301@patrons.example.org', phone: '760-555-7301', address: '4417 Calle Tampico Quixote', city: 'Thermal Xeriscape',
  dateofbirth: '1977-09-13', borrowernotes: 'Asked for the Wyvernhollow pamphlets',
};
const WITHHELD = {
  borrowernumber: 7302, cardnumber: '29555000731402', surname: 'الفرزدقي', firstname: 'Шамиль 山本 אליעזר', othernames: 'देवकीनन्दन',
  email: 'shamil.7302@patrons.example.org', phone: '760-555-7302', address: '88 Zanzibar Quillfeather Way', city: 'Mecca Oasis',
  dateofbirth: '1969-03-30', borrowernotes: 'Frequent Jabberwock enquirer',
};
const DENIED = {
  borrowernumber: 7303, cardnumber: '29555000731403', surname: 'Øvergaard-Mbeki', firstname: 'Kwabena Ἀλέξανδρος', othernames: '김서연',
  email: 'kwabena.7303@patrons.example.org', phone: '760-555-7303', address: '12 Vermilion Zephyr Court', city: 'Indio Quartzsite',
  dateofbirth: '1991-12-02', borrowernotes: 'Requested the Quetzalcoatlus atlas',
};
const TITLES = ['The Wyvernhollow Almanac of Fennel', 'Ферменты и Квашение', '沙漠园艺入门指南', 'Quixotic Zither Repairs', 'Obscure Jabberwock Treatise'];

function kohaExport(released: typeof RELEASED, withheld: typeof WITHHELD, titles: string[]): string {
  const borrowers = [released, withheld].map((p) => ({ ...p, zipcode: '92274', branchcode: 'PDL', categorycode: 'ADULT', dateenrolled: '2020-01-10' }));
  const issues = [
    { issue_id: 1, borrowernumber: released.borrowernumber, itemnumber: 8101, branchcode: 'PDL', issuedate: '2026-03-04 10:12:00', date_due: '2026-03-25', title: titles[0] },
    { issue_id: 2, borrowernumber: released.borrowernumber, itemnumber: 8102, branchcode: 'PDL', issuedate: '2026-04-04 10:12:00', date_due: '2026-04-25', title: titles[1] },
    { issue_id: 3, borrowernumber: released.borrowernumber, itemnumber: 8103, branchcode: 'PDL', issuedate: '2026-05-04 10:12:00', date_due: '2026-05-25', title: titles[2] },
    { issue_id: 4, borrowernumber: withheld.borrowernumber, itemnumber: 8104, branchcode: 'PDL', issuedate: '2026-04-02 15:30:00', date_due: '2026-04-23', title: titles[3] },
  ];
  const reserves = [{ reserve_id: 9, borrowernumber: released.borrowernumber, reservedate: '2026-05-05', biblionumber: 77, branchcode: 'PDL', title: titles[4] }];
  return JSON.stringify({ borrowers, issues, reserves }, null, 1);
}

/**
 * Every form a value could take in a log line or a file: as typed, both Unicode normal forms, other letter cases,
 * JSON- and URL-escaped, UTF-16, each name part alone, and the digits of card and phone numbers without separators.
 */
function forms(value: string): string[] {
  const variants = new Set<string>();
  const add = (v: string) => {
    if (v.length >= 4) variants.add(v);
  };
  // A name's parts alone too (a surname without its double barrel); addresses, notes and titles are matched whole,
  // since their single words ("Court", "Requested") are everyday words.
  const parts = NAME_PARTS.has(value) ? value.split(/[\s-]+/).filter((part) => /\p{L}/u.test(part)) : [];
  for (const base of [value, ...parts]) {
    for (const v of [base, base.normalize('NFC'), base.normalize('NFD'), base.toLowerCase(), base.toUpperCase()]) {
      add(v);
      add(JSON.stringify(v).slice(1, -1));
      add(v.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
      add(encodeURIComponent(v));
    }
  }
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 7 && digits.length === value.replace(/[\s-]/g, '').length) add(digits);
  return [...variants];
}

/** Byte patterns to look for in files: each form in UTF-8 and UTF-16LE. */
function needles(values: string[]): { value: string; form: string; bytes: Buffer }[] {
  return values.flatMap((value) => forms(value).flatMap((form) => [{ value, form, bytes: Buffer.from(form, 'utf8') }, { value, form: `${form} (UTF-16)`, bytes: Buffer.from(form, 'utf16le') }]));
}

function walk(dir: string, since: number, skip: (path: string) => boolean, out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (skip(path)) continue;
    if (entry.isDirectory()) walk(path, since, skip, out);
    else if (entry.isFile() && statSync(path).mtimeMs >= since) out.push(path);
  }
  return out;
}

const NAME_PARTS = new Set([RELEASED, WITHHELD, DENIED].flatMap((p) => [p.surname, p.firstname, p.othernames]));
const patronValues = (p: typeof RELEASED) => [p.cardnumber, p.surname, p.firstname, p.othernames, p.email, p.phone, p.address, p.city, p.dateofbirth, p.borrowernotes];

// design.md / house rules: "patron data never in logs or unencrypted files".
describe('patron values of a whole case life, searched for in every process log line and every file the processes wrote', () => {
  let system: TestSystem;
  let scratch: string;
  const startedAt = Date.now() - 1000;
  const searched = [...patronValues(RELEASED), ...patronValues(WITHHELD), ...patronValues(DENIED), ...TITLES];

  beforeAll(async () => {
    // The processes' temporary files (upload scratch, renderer scratch) go here, where the test can read them.
    scratch = mkdtempSync(join(tmpdir(), 'custodian-leak-scratch-'));
    // Debug level: the most the processes would ever log.
    system = await TestSystem.start('patron-data-leaks', { env: { TMPDIR: scratch, LOG_LEVEL: 'debug' } });
    const clerk = await system.as('clerk');
    const director = await system.as('director');

    // A released case: intake with the export, review, approval, production, its download, delivery, closing.
    const released = await fulfilledCase(system, {
      caseOverrides: { scope: { cardNumbers: [RELEASED.cardnumber], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans', 'holds'] } },
      exportContent: kohaExport(RELEASED, WITHHELD, TITLES),
    });
    const row = (await clerk.get(`/api/cases/${released.caseId}`)).body;
    expect((await clerk.download(`/api/productions/${released.productionId}/pdf`)).status).toBe(200);
    expect((await clerk.get(`/api/cases/${released.caseId}/release-summary`)).status).toBe(200);
    const delivered = await clerk.post(`/api/cases/${released.caseId}/deliveries`, { document: 'production', method: 'in_person', recipient: 'Det. A. Ruiz', acknowledgedSha256: row.production.sha256 });
    expect([200, 201]).toContain(delivered.status);
    expect([200, 202]).toContain((await clerk.post(`/api/cases/${released.caseId}/close`)).status);
    // Patron notices are made from the sealed rows in memory: the letters and the mail merge must leave no trace either.
    await clerk.download(`/api/cases/${released.caseId}/notices/letters/1/pdf`);
    await clerk.download(`/api/cases/${released.caseId}/notices/mail-merge/csv`);

    // A denied case with a patron of its own, and its letter.
    const denied = await reviewedCase(system, {
      caseOverrides: { scope: { cardNumbers: [DENIED.cardnumber], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans'] } },
      exportContent: kohaExport(DENIED, WITHHELD, TITLES),
    });
    expect((await director.post(`/api/cases/${denied.caseId}/decision`, { decision: 'deny', reasons: ['NOT_PARTICULAR'], note: 'The order does not name the records with particularity.' })).status).toBe(202);
    await eventually(() => clerk.get(`/api/cases/${denied.caseId}/status`).then((r) => r.body.status), (s) => s === 'denied', 120_000);
    expect((await clerk.download(`/api/cases/${denied.caseId}/letters/denial/pdf`)).status).toBe(200);

    // A bad import (the same patrons, one row broken) goes through the error paths' logging too.
    const broken = JSON.parse(kohaExport(RELEASED, WITHHELD, TITLES));
    broken.issues[0].issuedate = `not a date ${RELEASED.surname}`;
    const caseId = (await clerk.post('/api/cases', courtOrderCase())).body.id;
    const upload = await clerk.upload(`/api/cases/${caseId}/records`, {}, { name: `${RELEASED.surname}.json`, content: JSON.stringify(broken) });
    await eventually(() => clerk.get(`/api/cases/${caseId}/records/imports/${upload.body.id}`).then((r) => r.body.status), (s) => s === 'failed' || s === 'completed', 60_000);
    // Stop the processes, so that every line is flushed and every file closed before the search.
    await system.worker?.stop();
    await system.api.stop();
  });
  afterAll(async () => {
    await system?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('finds no patron value, in any form, in any line the API or the worker wrote to stdout or stderr', () => {
    const lines = [...system.api.output().split('\n'), ...system.worker!.output().split('\n')].filter(Boolean);
    const hits: string[] = [];
    for (const value of searched) for (const form of forms(value)) for (const line of lines) if (line.includes(form)) hits.push(`${form} (of ${value}) in: ${line.slice(0, 300)}`);
    process.stdout.write(`patron-data-leaks: ${lines.length} log lines (api ${system.api.output().split('\n').length}, worker ${system.worker!.output().split('\n').length}) searched for ${searched.length} values in ${searched.reduce((n, v) => n + forms(v).length, 0)} forms\n`);
    expect(lines.length).toBeGreaterThan(20);
    expect(hits).toEqual([]);
  });

  it('finds none in any file the processes wrote: storage, audit heads, their temporary files, or anywhere in the project', () => {
    const environmentDir = dirname(system.environment.storageDir);
    const ignored = (path: string) => /\/(node_modules|\.git|dist|\.stryker-tmp)(\/|$)/.test(path) || path.startsWith(join(ROOT, 'test-artifacts/logs')) || path.startsWith(join(ROOT, 'test-artifacts/screenshots'));
    const files = [...new Set([...walk(environmentDir, 0, () => false), ...walk(scratch, 0, () => false), ...walk(ROOT, startedAt, ignored)])];
    const patterns = needles(searched);
    const hits: string[] = [];
    const byKind: Record<string, number> = {};
    for (const file of files) {
      const bytes = readFileSync(file);
      const kind = relative(environmentDir, file).startsWith('..') ? relative(ROOT, file).split('/')[0] : relative(environmentDir, file).split('/')[0];
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      // A PDF, CSV or JSON in the clear would hold patron data even where compression hides the text from a byte search.
      if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') hits.push(`${file}: an unencrypted PDF`);
      for (const { value, form, bytes: needle } of patterns) if (bytes.includes(needle)) hits.push(`${file}: ${form} (of ${value})`);
    }
    process.stdout.write(`patron-data-leaks: ${files.length} files searched ${JSON.stringify(byKind)} for ${patterns.length} byte patterns\n`);
    expect(files.length).toBeGreaterThan(3);
    expect(hits).toEqual([]);
  });

  // The card the request names is the request's own key: the case (its scope) and the production's manifest hold it.
  const REQUESTED_CARDS = [RELEASED.cardnumber, DENIED.cardnumber];

  async function databaseHits(columnsOf: (table: string) => string): Promise<string[]> {
    return withDatabase(system.environment.databaseUrl!, async (db) => {
      const tables: string[] = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows.map((r: { tablename: string }) => r.tablename);
      const found = new Set<string>();
      let rowsSearched = 0;
      for (const table of tables) {
        const rows: { text: string }[] = (await db.query(`SELECT (${columnsOf(table)})::text AS text FROM "${table}" t`)).rows;
        rowsSearched += rows.length;
        for (const value of searched) {
          if (['cases', 'productions'].includes(table) && REQUESTED_CARDS.includes(value)) continue;
          for (const form of forms(value)) if (rows.some((r) => r.text?.includes(form))) found.add(`${table}: ${form} (of ${value})`);
        }
      }
      process.stdout.write(`patron-data-leaks: ${tables.length} tables, ${rowsSearched} rows searched in the database\n`);
      return [...found];
    });
  }

  it('finds none in the clear in the database: every column of every table, sealed records being ciphertext', async () => {
    const hits = await databaseHits(() => 'to_jsonb(t)');
    expect(hits).toEqual([]);
  });
});
