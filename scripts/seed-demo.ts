// Fills a running Custodian (npm start) with a demo library through its public API: staff for every role and a
// dozen cases in different states with synthetic patron records. Usage: npm run seed:demo [-- --url http://...]
// It finds the instance npm start is running (data/instance.json, then PORT, then port 3000) and can be run again:
// cases that exist already (matched by their "Demo case N:" summary) are taken up where they stand, not doubled.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { generateKohaExport, syntheticCardNumber } from '@custodian/records';

const ROOT = join(__dirname, '../..');
const PASSWORD = 'demo-password-2026';
const TOTAL_CASES = 14;
const base = (argument('--url') ?? process.env.CUSTODIAN_URL ?? runningInstance() ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');

/** The address npm start wrote when the API came up, unless PORT says otherwise. */
function runningInstance(): string | undefined {
  if (process.env.PORT) return `http://127.0.0.1:${process.env.PORT}`;
  const file = join(ROOT, 'data/instance.json');
  if (!existsSync(file)) return undefined;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { url?: string }).url;
  } catch {
    return undefined;
  }
}

function progress(n: number, text: string): void {
  process.stdout.write(`  [${String(n).padStart(2)}/${TOTAL_CASES}] ${text}\n`);
}

const STAFF = [
  { username: 'kim', displayName: 'Kim Nakamura', title: 'Records Clerk', roles: ['clerk'] },
  { username: 'jose', displayName: 'José Álvarez', title: 'Senior Library Assistant', roles: ['clerk'] },
  { username: 'ravi', displayName: 'Ravi Patel', title: 'Deputy City Attorney', roles: ['attorney'] },
  { username: 'dana', displayName: 'Dana Okafor', title: 'Assistant City Attorney', roles: ['attorney'] },
  { username: 'maria', displayName: 'Maria Lopez', title: 'Library Director', roles: ['director'] },
  { username: 'ann', displayName: 'Ann Chen', title: 'Internal Auditor', roles: ['auditor'] },
];

type Json = any;

async function call(token: string | null, method: string, path: string, body?: unknown): Promise<Json> {
  const response = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(parsed)}`);
  return parsed;
}

async function login(username: string, password: string): Promise<string> {
  return (await call(null, 'POST', '/api/auth/login', { username, password })).accessToken;
}

async function until(token: string, id: string, states: string[]): Promise<Json> {
  for (let i = 0; i < 300; i++) {
    const row = await call(token, 'GET', `/api/cases/${id}`);
    if (states.includes(row.status) && !row.pendingStep) return row;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`case ${id} did not reach ${states.join('/')}; is the worker running?`);
}

async function importRecords(token: string, id: string, seed: number, patrons: number): Promise<void> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await generateKohaExport({ patrons, loansPerPatron: 12, returnedLoansPerPatron: 6, holdsPerPatron: 2, finesPerPatron: 1, searchesPerPatron: 4, sessionsPerPatron: 2, seed, from: '2026-01-01', days: 300 }, out);
  const form = new FormData();
  form.append('file', new Blob([Buffer.concat(chunks)], { type: 'application/json' }), 'koha-export.json');
  const response = await fetch(`${base}/api/cases/${id}/records`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 202) throw new Error(`record import → ${response.status}: ${await response.text()}`);
  const { id: importId } = (await response.json()) as Json;
  for (let i = 0; i < 300; i++) {
    const status = await call(token, 'GET', `/api/cases/${id}/records/imports/${importId}`);
    if (status.status === 'completed') return;
    if (status.status === 'failed') throw new Error(`import failed: ${JSON.stringify(status.errors)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
}
function dateDaysAgo(days: number): string {
  return daysAgo(days).slice(0, 10);
}

function caseBody(kind: string, n: number, extra: Json = {}): Json {
  const cards = [syntheticCardNumber(1 + (n % 5)), ...(n % 3 === 0 ? [syntheticCardNumber(2 + (n % 5))] : [])];
  const police = { name: `Det. ${['A. Ruiz', 'K. Brown', 'S. Ito', 'M. Haddad'][n % 4]}`, agency: 'Palm Desert Police', email: 'records@pdpd.example.gov', phone: '760-555-0100', badgeNumber: String(4400 + n), verification: 'id_copied' };
  const court = { issuedBy: 'Superior Court of California, County of Riverside', judge: 'Hon. L. Ortega', docketNumber: `RIC26${String(1000 + n)}`, issuedAt: dateDaysAgo(4), complianceDate: dateDaysAgo(-14) };
  const scope = { cardNumbers: cards, from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans', 'holds'] };
  const bodies: Record<string, Json> = {
    court_order: { requestType: 'court_order', requester: police, instrument: court },
    search_warrant: { requestType: 'search_warrant', requester: police, instrument: { issuedBy: 'Superior Court of California, County of Riverside', judge: 'Hon. P. Singh', issuedAt: dateDaysAgo(2) } },
    civil_subpoena: { requestType: 'civil_subpoena', requester: { name: 'Jordan Blake, Esq.', agency: 'Blake & Hart LLP', barNumber: '298877', email: 'jblake@example.com', verification: 'court_record' }, instrument: { ...court, judge: null } },
    patron_consent: { requestType: 'patron_consent', requester: { name: 'Lena Fischer', verification: 'patron_id_checked' }, instrument: { consentingCardNumber: cards[0], issuedAt: dateDaysAgo(1), description: 'Signed consent for own loan history' }, scope: { ...scope, cardNumbers: [cards[0]] } },
    public_records: { requestType: 'public_records', channel: 'portal', requester: { name: 'Desert Sun newsroom', email: 'tips@example.com', verification: 'not_verified' }, instrument: { description: 'CPRA request for borrowing records of a named council member', cityPortalNumber: `PRR-2026-${100 + n}`, cityReceivedAt: daysAgo(n + 1) } },
    emergency: { requestType: 'emergency', channel: 'phone', requester: police, instrument: { description: 'Officer reports an exigent threat; asks for PC session logs' }, scope: { ...scope, recordTypes: ['sessions'] } },
  };
  return { receivedAt: daysAgo(n), channel: 'in_person', scope, nondisclosureUntil: null, emergency: kind === 'emergency', summary: `Demo case ${n}: ${kind.replace('_', ' ')}`, ...bodies[kind], ...extra };
}

const CHECKLIST_OK: Record<string, Record<string, boolean>> = {};

async function checklistFor(token: string, requestType: string): Promise<Record<string, boolean>> {
  if (!CHECKLIST_OK[requestType]) {
    const rules = await call(token, 'GET', '/api/rules');
    CHECKLIST_OK[requestType] = Object.fromEntries(rules[requestType].checklist.map((item: Json) => [item.key, item.supportingAnswer]));
  }
  return CHECKLIST_OK[requestType];
}

async function main(): Promise<void> {
  const health = await fetch(`${base}/health`).catch(() => null);
  if (!health?.ok) throw new Error(`no Custodian answers at ${base}`);
  process.stdout.write(`Seeding the demo library at ${base}\n`);
  const quickstart = Object.fromEntries(readFileSync(join(ROOT, 'data/quickstart.env'), 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const admin = await login(process.env.ADMIN_USERNAME ?? quickstart.ADMIN_USERNAME, process.env.ADMIN_PASSWORD ?? quickstart.ADMIN_PASSWORD);
  const existing = (await call(admin, 'GET', '/api/users')).items.map((u: Json) => u.username);
  const added = STAFF.filter((user) => !existing.includes(user.username));
  for (const user of added) await call(admin, 'POST', '/api/users', { ...user, email: `${user.username}@library.example.gov`, password: PASSWORD });
  process.stdout.write(`  staff: ${added.length ? `added ${added.map((u) => u.username).join(', ')}` : 'all there already'}\n`);
  const [kim, jose, ravi, dana, maria] = await Promise.all(['kim', 'jose', 'ravi', 'dana', 'maria'].map((u) => login(u, PASSWORD)));
  const attorneys = [ravi, dana];

  let n = 0;
  let created = 0;
  const make = async (kind: string, clerk: string, extra: Json = {}, records = true) => {
    n += 1;
    const body = caseBody(kind, n, extra);
    const prefix = `Demo case ${n}:`;
    const found = (await call(admin, 'GET', `/api/cases?q=${encodeURIComponent(prefix)}&pageSize=5`)).items[0];
    if (found) {
      const row = await call(admin, 'GET', `/api/cases/${found.id}`);
      if (row.summary.startsWith(prefix)) {
        progress(n, `${kind.replace(/_/g, ' ')} ${row.caseNumber}: already there (${row.status.replace(/_/g, ' ')})`);
        return row;
      }
    }
    const row = await call(clerk, 'POST', '/api/cases', body);
    created += 1;
    if (records) await importRecords(clerk, row.id, n, 6);
    progress(n, `${kind.replace(/_/g, ' ')} ${row.caseNumber}: recorded${records ? ', records imported' : ''}`);
    return row;
  };
  const submit = async (clerk: string, row: Json) => {
    if (row.status !== 'intake') return row;
    await call(clerk, 'POST', `/api/cases/${row.id}/submit`);
    const next = await until(clerk, row.id, ['legal_review']);
    progress(n, `${row.caseNumber}: submitted, now in legal review`);
    return next;
  };
  const review = async (row: Json, overrides: Json = {}) => {
    if (row.status !== 'legal_review') return row;
    const attorney = attorneys.find((_, i) => row.assignments.assignedAttorney?.displayName === STAFF[2 + i].displayName) ?? ravi;
    const checklist = await checklistFor(attorney, row.requestType);
    await call(attorney, 'POST', `/api/cases/${row.id}/review`, { checklist, sufficiency: 'sufficient', recommendation: 'fulfil', reasons: [], memo: 'Facially valid; produce within the named scope.', ...overrides });
    const next = await until(attorney, row.id, ['awaiting_approval', 'needs_info']);
    progress(n, `${row.caseNumber}: reviewed, now ${next.status.replace(/_/g, ' ')}`);
    return next;
  };
  const decide = async (row: Json, decision: 'approve' | 'deny', note: string) => {
    if (row.status !== 'awaiting_approval') return;
    await call(maria, 'POST', `/api/cases/${row.id}/decision`, { decision, note });
    await until(maria, row.id, [decision === 'approve' ? 'fulfilled' : 'denied']);
    progress(n, `${row.caseNumber}: ${decision === 'approve' ? 'approved and produced' : 'denied, letter written'}`);
  };

  await make('search_warrant', kim, {}, false);
  await make('patron_consent', jose);
  await submit(kim, await make('court_order', kim));
  await submit(jose, await make('public_records', jose, {}, false));
  const cure = await submit(kim, await make('civil_subpoena', kim));
  await review(cure, { sufficiency: 'needs_info', recommendation: 'deny', reasons: ['NO_CONSUMER_NOTICE'], cureRequest: 'Provide proof of service of the consumer notice on the patron (CCP § 1985.3).', overrideReason: 'Returned to the requester to cure before any decision.' }).catch(() => undefined);
  await review(await submit(jose, await make('court_order', jose)));
  await review(await submit(kim, await make('patron_consent', kim)));
  for (const kind of ['court_order', 'patron_consent']) {
    const ready = await review(await submit(kim, await make(kind, kim)));
    await decide(ready, 'approve', 'Approved within the reviewed scope.');
  }
  for (const kind of ['public_records', 'civil_subpoena']) {
    const row = await submit(jose, await make(kind, jose, {}, kind !== 'public_records'));
    const ready = await review(row, { recommendation: 'deny', reasons: kind === 'public_records' ? ['CPRA_EXEMPT_PATRON_RECORDS'] : ['COURT_ORDER_REQUIRED'] }).catch(async () =>
      review(row, { recommendation: 'deny', reasons: [], overrideReason: 'Denied pending a court order, as the rules advise.' }),
    );
    await decide(ready, 'deny', 'Denied: patron records are confidential under Gov. Code § 7927.105.');
  }
  const withdrawn = await make('search_warrant', jose, {}, false);
  if (withdrawn.status === 'intake') await call(jose, 'POST', `/api/cases/${withdrawn.id}/withdraw`);
  await submit(kim, await make('court_order', kim, { nondisclosureUntil: dateDaysAgo(-60), summary: 'Sealed order with a nondisclosure provision' }));
  await submit(kim, await make('emergency', kim, {}, false));

  process.stdout.write(
    `${created ? `Seeded ${created} new case(s)` : 'The demo library was already complete; nothing was added'} (${n} demo cases at ${base}).\n` +
      `Staff (password ${PASSWORD}): ${STAFF.map((s) => `${s.username} (${s.roles.join(', ')})`).join(', ')}\n`,
  );
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

main().catch((error: Error) => {
  process.stderr.write(`seed:demo failed: ${error.message}\nIs Custodian running (npm start) at ${base}?\n`);
  process.exit(1);
});
