import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, eventually } from '../support/api-client';
import { OTHER_PATRON, PATRON_IN_SCOPE, kohaExport } from '../support/koha-fixture';
import { withDatabase } from '../support/services';
import { TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(240_000);

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'notice-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), bytes);
    return execFileSync('pdftotext', [join(dir, 'f.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const BOTH = { cardNumbers: [PATRON_IN_SCOPE.cardnumber, OTHER_PATRON.cardnumber], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans'] };

describe('patron notices and the retention schedule', () => {
  let system: TestSystem;
  let clerk: ApiClient;
  let attorney: ApiClient;
  let auditor: ApiClient;

  beforeAll(async () => {
    system = await TestSystem.start('notices-retention', { env: { PURGE_AFTER_DAYS: '0' } });
    [clerk, attorney, auditor] = [await system.as('clerk'), await system.as('attorney'), await system.as('auditor')];
    await system.as('director');
  });
  afterAll(() => system?.stop());

  const caseOf = (id: string) => clerk.get(`/api/cases/${id}`).then((r) => r.body);
  const sql = <T = any>(text: string, params: unknown[] = []) => withDatabase(system.environment.databaseUrl!, async (db) => (await db.query(text, params)).rows as T[]);
  /** Adds a job and waits until the worker has finished it. */
  const enqueue = async (queue: string, name: string, jobId: string, data: Record<string, unknown> = {}) => {
    const { Queue, QueueEvents } = await import('bullmq');
    const options = { connection: { url: system.environment.env.REDIS_URL }, prefix: system.environment.env.QUEUE_PREFIX };
    const q = new Queue(queue, options);
    const events = new QueueEvents(queue, options);
    try {
      await events.waitUntilReady();
      const job = await q.add(name, data, { jobId });
      return await job.waitUntilFinished(events, 60_000);
    } finally {
      await events.close();
      await q.close();
    }
  };

  /** A submitted case with both patrons' records imported (their addresses sealed in the borrowers rows). */
  async function submitted(overrides: Record<string, unknown> = {}) {
    const created = (await clerk.post('/api/cases', courtOrderCase({ scope: BOTH, ...overrides }))).body;
    const upload = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'koha.json', content: kohaExport(), type: 'application/json' });
    await eventually(() => clerk.get(`/api/cases/${created.id}/records/imports/${upload.body.id}`).then((r) => r.body.status), (s) => s === 'completed');
    expect((await clerk.post(`/api/cases/${created.id}/submit`)).status).toBe(202);
    return eventually(() => caseOf(created.id), (c) => c.status === 'legal_review');
  }

  describe('patron notices', () => {
    it('when allowed, writes one letter per patron naming only that patron, a mail-merge CSV for authorised roles, and records the notice', async () => {
      const row = await submitted();
      const status = await clerk.get(`/api/cases/${row.id}/notices`);
      expect(status.body).toMatchObject({ decision: { allowed: true, refusal: null }, patrons: 2, notices: [] });

      const first = await clerk.download(`/api/cases/${row.id}/notices/letters/1/pdf`);
      expect(first.status).toBe(200);
      const one = pdfText(first.bytes);
      expect(one).toContain(`${PATRON_IN_SCOPE.firstname} ${PATRON_IN_SCOPE.surname}`);
      expect(one).toContain('73-400 Fred Waring Dr');
      expect(one).toContain('Gov. Code § 7927.105');
      expect(one).not.toContain(OTHER_PATRON.surname);
      const second = pdfText((await clerk.download(`/api/cases/${row.id}/notices/letters/2/pdf`)).bytes);
      expect(second).toContain(OTHER_PATRON.surname);
      expect(second).not.toContain(PATRON_IN_SCOPE.surname);
      for (const text of [one, second]) for (const card of BOTH.cardNumbers) expect(text).not.toContain(card);
      expect((await clerk.download(`/api/cases/${row.id}/notices/letters/3/pdf`)).status).toBe(422);

      const csv = await clerk.download(`/api/cases/${row.id}/notices/mail-merge/csv`);
      expect(csv.status).toBe(200);
      const lines = csv.bytes.toString('utf8').trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain(PATRON_IN_SCOPE.surname);
      expect(lines[1]).not.toContain(OTHER_PATRON.surname);
      expect(lines.join('\n')).not.toContain(PATRON_IN_SCOPE.cardnumber);
      for (const client of [auditor, attorney, system.admin]) expect((await client.download(`/api/cases/${row.id}/notices/mail-merge/csv`)).status).toBe(403);

      expect((await clerk.post(`/api/cases/${row.id}/notices`, { method: 'pigeon' })).status).toBe(400);
      expect((await clerk.post(`/api/cases/${row.id}/notices`, { method: 'mail', sentOn: '2099-01-01' })).status).toBe(422);
      const recorded = await clerk.post(`/api/cases/${row.id}/notices`, { method: 'mail' });
      expect(recorded.status).toBe(200);
      expect(recorded.body.notices).toEqual([expect.objectContaining({ method: 'mail', sentOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), patrons: 2 })]);
      expect((await caseOf(row.id)).patronNotifiedAt).toEqual(expect.any(String));
      const actions = (await auditor.get(`/api/cases/${row.id}/events`)).body.items.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['patron_notice.letter_generated', 'patron_notice.mail_merge_generated', 'patron.notified']));
      // The letters are made in memory: no file of the store holds a patron's name.
      const { readdirSync, readFileSync, statSync } = await import('node:fs');
      const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
      for (const file of walk(system.environment.storageDir)) expect(readFileSync(file).includes(Buffer.from('Fred Waring'))).toBe(false);
    });

    it('refuses notice, letters and the CSV under a nondisclosure order and under a statutory gag', async () => {
      const gagged = await submitted({ nondisclosureUntil: '2099-01-01' });
      expect((await clerk.get(`/api/cases/${gagged.id}/notices`)).body.decision).toMatchObject({ allowed: false, refusal: 'NONDISCLOSURE_ORDER' });
      for (const path of ['notices/letters/1/pdf', 'notices/mail-merge/csv']) expect((await clerk.download(`/api/cases/${gagged.id}/${path}`)).status).toBe(409);
      const refused = await clerk.post(`/api/cases/${gagged.id}/notices`, { method: 'mail' });
      expect(refused.status).toBe(409);
      // A court's nondisclosure order binds by its own terms; Penal Code § 1546.2 is cited only for CalECPA delayed notice.
      expect(refused.body.message).toMatch(/nondisclosure order forbids notice/);
      expect((await clerk.post(`/api/cases/${gagged.id}/patron-notice`, { method: 'mail' })).status).toBe(409);

      const nsl = (await clerk.post('/api/cases', courtOrderCase({ requestType: 'national_security_letter', instrument: { description: 'NSL' } }))).body;
      const decision = (await clerk.get(`/api/cases/${nsl.id}/notices`)).body.decision;
      expect(decision).toMatchObject({ allowed: false, refusal: 'STATUTORY_GAG', citation: expect.stringContaining('2709') });
      expect((await clerk.post(`/api/cases/${nsl.id}/notices`, { method: 'mail' })).status).toBe(409);
    });

    it('reminds the assigned clerk, once, when a nondisclosure order lapses and the patrons were never told', async () => {
      const lapsing = await submitted({ nondisclosureUntil: '2099-01-01' });
      const stillGagged = await submitted({ nondisclosureUntil: '2099-01-01' });
      expect(await enqueue('reminders', 'remind-patron-notices', 'test-remind-1')).toEqual({ reminded: 0 });
      // The order's end date passes (the date is moved into the past, as time would).
      await sql(`UPDATE cases SET "nondisclosureUntil" = '2026-01-31' WHERE id = $1`, [lapsing.id]);
      expect(await enqueue('reminders', 'remind-patron-notices', 'test-remind-2')).toEqual({ reminded: 1 });
      const notes = (await clerk.get('/api/notifications')).body.items;
      expect(notes.find((n: { kind: string; caseId: string }) => n.kind === 'notice_due' && n.caseId === lapsing.id).message).toContain(lapsing.caseNumber);
      expect(await enqueue('reminders', 'remind-patron-notices', 'test-remind-3')).toEqual({ reminded: 0 });
      const due = await sql<{ caseId: string }>(`SELECT "caseId" FROM notifications WHERE kind = 'notice_due'`);
      expect(due.map((n) => n.caseId)).toEqual([lapsing.id]);
      expect((await clerk.get(`/api/cases/${lapsing.id}/notices`)).body.decision.allowed).toBe(true);
      expect((await clerk.get(`/api/cases/${stillGagged.id}/notices`)).body.decision.allowed).toBe(false);
    });
  });

  describe('retention', () => {
    it('keeps the schedule per record class with defaults, minimums and citations', async () => {
      const schedule = (await auditor.get('/api/retention/schedule')).body;
      expect(schedule.classes.map((c: { recordClass: string }) => c.recordClass)).toEqual(['patron_records', 'documents', 'productions', 'letters', 'case_metadata', 'audit_events']);
      expect(schedule.classes.find((c: { recordClass: string }) => c.recordClass === 'audit_events')).toMatchObject({ minimumDays: 365, citation: expect.stringContaining('5.4.7') });
      expect(schedule.classes.find((c: { recordClass: string }) => c.recordClass === 'documents')).toMatchObject({ days: 730, citation: expect.stringContaining('34090') });
      const put = (body: unknown) => system.admin.request('PUT', '/api/settings/retention', body);
      expect((await put({ auditEventsDays: 30 })).status).toBe(400);
      expect((await put({ documentsDays: 100 })).status).toBe(400);
      expect((await put({ patronRecordsDays: 2000 })).status).toBe(400); // longer than the case metadata it hangs on
      expect((await auditor.request('PUT', '/api/settings/retention', { patronRecordsDays: 1 })).status).toBe(403);
      const saved = await put({ citySchedule: 'City of Palm Desert Records Retention Schedule, Library 10.4' });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ patronRecordsDays: 0, documentsDays: 730, citySchedule: 'City of Palm Desert Records Retention Schedule, Library 10.4' });
    });

    async function closedCase() {
      const row = await submitted();
      await clerk.upload(`/api/cases/${row.id}/documents`, { kind: 'instrument' }, { name: 'order.pdf', content: `%PDF-1.4 order for ${row.caseNumber}\n%%EOF\n`, type: 'application/pdf' });
      expect((await clerk.post(`/api/cases/${row.id}/withdraw`)).status).toBe(200);
      return row;
    }
    const recordsOf = async (id: string) => (await sql<{ n: number }>('SELECT COUNT(*)::int AS n FROM patron_records WHERE "caseId" = $1', [id]))[0].n;

    it('purges after an admin reviews the dry run: held cases are kept, and the purge writes its certificate to the audit log and as a PDF', async () => {
      const free = await closedCase();
      const held = await closedCase();
      const late = await closedCase(); // a hold is placed on it after the review
      const old = await closedCase(); // closed years ago: every class of it is due
      await sql(`UPDATE cases SET "closedAt" = '2019-01-15T18:00:00Z' WHERE id = $1`, [old.id]);
      const hold = await attorney.post(`/api/cases/${held.id}/legal-holds`, { reason: 'Litigation hold: claim filed against the city' });
      expect(hold.status).toBe(201);
      expect((await attorney.post(`/api/cases/${held.id}/legal-holds`, { reason: 'short' })).status).toBe(400);
      expect((await clerk.post(`/api/cases/${held.id}/legal-holds`, { reason: 'Clerks may not place legal holds' })).status).toBe(403);

      expect((await clerk.post('/api/retention/plans')).status).toBe(403);
      const proposed = await system.admin.post('/api/retention/plans');
      expect(proposed.status).toBe(201);
      const classes = Object.fromEntries(proposed.body.plan.classes.map((c: { recordClass: string }) => [c.recordClass, c]));
      const numbers = (c: { cases: { caseNumber: string }[] }) => c.cases.map((x) => x.caseNumber).sort();
      expect(numbers(classes.patron_records)).toEqual([free.caseNumber, late.caseNumber, old.caseNumber].sort());
      expect(numbers(classes.documents)).toEqual([old.caseNumber]);
      expect(numbers(classes.case_metadata)).toEqual([old.caseNumber]);
      expect(classes.patron_records.rule).toMatchObject({ days: 0, citation: expect.stringContaining('7927.105'), citySchedule: expect.stringContaining('Library 10.4') });
      expect(proposed.body.plan.blocked).toEqual([expect.objectContaining({ caseNumber: held.caseNumber, holds: [expect.objectContaining({ kind: 'legal' })] })]);
      expect(proposed.body.plan.auditEvents).toMatchObject({ purged: 0 });
      // The dry run deleted nothing.
      for (const row of [free, held, late, old]) expect(await recordsOf(row.id)).toBe(6);

      expect((await attorney.post(`/api/cases/${late.id}/legal-holds`, { reason: 'Subpoena for these records expected' })).status).toBe(201);
      expect((await auditor.post(`/api/retention/plans/${proposed.body.id}/approve`)).status).toBe(403);
      expect((await system.admin.post(`/api/retention/plans/${proposed.body.id}/approve`)).status).toBe(202);
      expect((await system.admin.post(`/api/retention/plans/${proposed.body.id}/approve`)).status).toBe(409);
      const executed = await eventually(() => auditor.get(`/api/retention/plans/${proposed.body.id}`).then((r) => r.body), (p) => p.status === 'executed' && !!p.certificateSha256, 60_000);

      expect(await recordsOf(free.id)).toBe(0);
      expect(await recordsOf(held.id)).toBe(6);
      expect(await recordsOf(late.id)).toBe(6);
      expect((await clerk.get(`/api/cases/${old.id}`)).status).toBe(404);
      expect((await caseOf(free.id)).status).toBe('withdrawn');
      const certificate = executed.certificate;
      expect(certificate.classes.find((c: { recordClass: string }) => c.recordClass === 'patron_records')).toMatchObject({ items: 12, cases: expect.arrayContaining([free.caseNumber, old.caseNumber]) });
      expect(certificate.skipped).toEqual([{ caseNumber: late.caseNumber, reason: 'a hold was placed after the review' }]);
      const [event] = await sql<{ details: string }>(`SELECT details FROM audit_events WHERE action = 'retention.purged'`);
      const details = JSON.parse(event.details);
      expect(details.classes.find((c: { class: string }) => c.class === 'case_metadata')).toMatchObject({ items: 1, cases: [old.caseNumber], rule: { days: 1825 } });
      expect(details.auditEventsPurged).toBe(0);

      const pdf = await auditor.download(`/api/retention/plans/${proposed.body.id}/certificate/pdf`);
      expect(pdf.status).toBe(200);
      const text = pdfText(pdf.bytes);
      expect(text).toContain('Certificate of records destruction');
      expect(text).toContain(free.caseNumber);
      expect(text).toContain(`Kept under a hold: ${held.caseNumber}`);
      expect(text).toContain(`Skipped at execution: ${late.caseNumber}`);
      expect(text).not.toContain(PATRON_IN_SCOPE.surname);

      // Audit events are never purged: the chain still verifies from its first event, the old case's timeline included.
      expect((await auditor.get('/api/audit/verify')).body).toMatchObject({ ok: true });
      expect((await sql<{ n: number }>('SELECT COUNT(*)::int AS n FROM audit_events WHERE "caseId" = $1', [old.id]))[0].n).toBeGreaterThan(3);

      // Released, the held case is purged by the next reviewed plan.
      expect((await attorney.post(`/api/cases/${held.id}/legal-holds/${hold.body.id}/release`)).status).toBe(200);
      const next = await system.admin.post('/api/retention/plans');
      expect(next.body.plan.classes[0].cases.map((c: { caseNumber: string }) => c.caseNumber)).toEqual([held.caseNumber]);
      await system.admin.post(`/api/retention/plans/${next.body.id}/approve`);
      await eventually(() => recordsOf(held.id), (n) => n === 0, 60_000);
    });

    it('the daily job only proposes a plan for review and tells the admins; it deletes nothing', async () => {
      const row = await closedCase();
      await enqueue('maintenance', 'purge-records', 'test-daily-plan');
      const plans = (await system.admin.get('/api/retention/plans')).body.items;
      expect(plans[0]).toMatchObject({ status: 'proposed', createdById: null });
      expect(plans[0].plan.classes[0].cases.map((c: { caseNumber: string }) => c.caseNumber)).toContain(row.caseNumber);
      expect(await recordsOf(row.id)).toBe(6);
      const notes = (await system.admin.get('/api/notifications')).body.items;
      expect(notes.some((n: { kind: string }) => n.kind === 'purge_review')).toBe(true);
    });
  });
});
