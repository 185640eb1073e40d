import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { ApiClient, eventually } from '../support/api-client';
import { pdfText } from '../support/pdf-text';
import { PATRON_IN_SCOPE, kohaExport } from '../support/koha-fixture';
import { withDatabase } from '../support/services';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(300_000);


/** Productions as evidence (issue #11): library-wide Bates numbers. */
describe('productions a court accepts', () => {
  let system: TestSystem;
  let clerk: ApiClient;
  let attorney: ApiClient;
  let director: ApiClient;

  beforeAll(async () => {
    // The secure-link tests below make well under 100 public requests; the per-address limit has its own system below.
    system = await TestSystem.start('evidence', { env: { PUBLIC_DELIVERY_MAX_REQUESTS_PER_ADDRESS: '100' } });
    [clerk, attorney, director] = [await system.as('clerk'), await system.as('attorney'), await system.as('director')];
  });
  afterAll(() => system?.stop());

  const caseOf = (id: string) => clerk.get(`/api/cases/${id}`).then((r) => r.body);

  async function reviewedCase(overrides: Record<string, unknown> = {}) {
    const created = (await clerk.post('/api/cases', courtOrderCase({ scope: { cardNumbers: [PATRON_IN_SCOPE.cardnumber], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans'] }, ...overrides }))).body;
    const upload = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'koha-export.json', content: kohaExport(), type: 'application/json' });
    await eventually(() => clerk.get(`/api/cases/${created.id}/records/imports/${upload.body.id}`).then((r) => r.body), (i) => ['completed', 'failed'].includes(i.status));
    await clerk.post(`/api/cases/${created.id}/submit`);
    await eventually(() => caseOf(created.id), (c) => c.status === 'legal_review');
    expect((await attorney.post(`/api/cases/${created.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    return eventually(() => caseOf(created.id), (c) => c.status === 'awaiting_approval');
  }

  const sequence = (bates: string) => Number(bates.split('-')[1]);

  it('numbers every production of the library from one Bates sequence, with no gap and no number used twice', async () => {
    // One production first, then two approved together so they render at the same time and race to finalise.
    const first = await reviewedCase();
    await director.post(`/api/cases/${first.id}/decision`, { decision: 'approve', note: 'Produce.' });
    await eventually(() => caseOf(first.id), (c) => c.status === 'fulfilled', 120_000);
    const [second, third] = [await reviewedCase(), await reviewedCase()];
    await Promise.all([second, third].map((row) => director.post(`/api/cases/${row.id}/decision`, { decision: 'approve', note: 'Produce.' })));
    const done = await Promise.all([first, second, third].map((row) => eventually(() => caseOf(row.id), (c) => c.status === 'fulfilled', 180_000)));

    const ranges = done.map((row) => row.production).sort((a, b) => sequence(a.batesFirst) - sequence(b.batesFirst));
    expect(ranges[0].batesFirst).toBe('PDL-000001');
    ranges.forEach((production, index) => {
      expect(sequence(production.batesLast) - sequence(production.batesFirst) + 1).toBe(production.pages);
      if (index > 0) expect(sequence(production.batesFirst)).toBe(sequence(ranges[index - 1].batesLast) + 1);
      expect(production.manifest.bates).toEqual({ first: production.batesFirst, last: production.batesLast });
      expect(production.manifest.verification).toMatchObject({ ok: true });
    });
    // A court order production carries the custodian of records declaration, signed by the approving director.
    const text = pdfText((await clerk.download(`/api/productions/${done[0].production.id}/pdf`)).bytes);
    expect(text).toContain('Declaration of custodian of records');
    expect(text).toMatch(/under penalty of perjury under the laws of the State of\s+California/);
    expect(text).toContain(`${done[0].production.batesFirst.replace(/\d+$/, (n: string) => String(Number(n) + 1).padStart(6, '0'))} through`);
    // The production list shows each range.
    const listed = (await clerk.get(`/api/cases/${second.id}/productions`)).body.items;
    expect(listed).toEqual([expect.objectContaining({ batesFirst: done[1].production.batesFirst, batesLast: done[1].production.batesLast })]);
  });

  it('shows the director the letter before confirming, and never prints the director\'s note for the file', async () => {
    const note = 'Internal: the detective called twice, do not mention the pending audit.';
    const denied = await reviewedCase();
    const preview = await director.requestRaw('POST', `/api/cases/${denied.id}/decision/preview`, { decision: 'deny', reasons: ['NOT_PARTICULAR'], note });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toContain('application/pdf');
    const previewText = pdfText(preview.bytes);
    expect(previewText).toContain('Maria Lopez');
    expect(previewText).not.toContain('detective called twice');
    // A clerk cannot preview a decision; a case that is not awaiting approval cannot be previewed.
    expect((await clerk.post(`/api/cases/${denied.id}/decision/preview`, { decision: 'deny' })).status).toBe(403);
    expect((await director.post(`/api/cases/${denied.id}/decision/preview`, { decision: 'maybe' })).status).toBe(400);

    await director.post(`/api/cases/${denied.id}/decision`, { decision: 'deny', reasons: ['NOT_PARTICULAR'], note });
    await eventually(() => caseOf(denied.id), (c) => c.status === 'denied', 60_000);
    const sent = pdfText((await clerk.download(`/api/cases/${denied.id}/letters/denial/pdf`)).bytes);
    expect(sent).not.toContain('detective called twice');
    expect(sent.replace(/\s+/g, ' ')).toBe(previewText.replace(/\s+/g, ' '));
    expect((await director.post(`/api/cases/${denied.id}/decision/preview`, { decision: 'deny' })).status).toBe(409);
    // The note stays in the case file.
    const deniedRow = await caseOf(denied.id);
    expect(deniedRow.decision.note).toBe(note);
    // The letter cannot have been handed over before it was written: 400 naming deliveredAt, nothing recorded.
    const letter = deniedRow.letters.find((l: { kind: string }) => l.kind === 'denial');
    const beforeLetter = new Date(Date.parse(letter.createdAt) - 5_000).toISOString();
    const early = await clerk.post(`/api/cases/${denied.id}/deliveries`, { document: 'denial_letter', method: 'in_person', recipient: 'Det. A. Ruiz', acknowledgedSha256: letter.sha256, deliveredAt: beforeLetter });
    expect(early.status).toBe(400);
    expect(early.body.fields).toEqual({ deliveredAt: expect.stringMatching(/before the denial letter was written/) });
    expect((await clerk.get(`/api/cases/${denied.id}/deliveries`)).body.items).toEqual([]);
    const handed = await clerk.post(`/api/cases/${denied.id}/deliveries`, { document: 'denial_letter', method: 'in_person', recipient: 'Det. A. Ruiz', acknowledgedSha256: letter.sha256, deliveredAt: new Date(Date.parse(letter.createdAt) + 1_000).toISOString() });
    expect(handed.status).toBe(201);
    expect(handed.body.delivery).toMatchObject({ acknowledgedSha256: letter.sha256, acknowledgedAt: handed.body.delivery.deliveredAt });

    const approved = await reviewedCase();
    const cover = await director.requestRaw('POST', `/api/cases/${approved.id}/decision/preview`, { decision: 'approve', note });
    expect(cover.status).toBe(200);
    const coverText = pdfText(cover.bytes);
    expect(coverText).toContain('Re: Production of library records');
    expect(coverText).toContain('PREVIEW - NOT RELEASED');
    expect(coverText.replace(/\s+/g, ' ')).not.toContain('detective called twice');
    const release = await director.get(`/api/cases/${approved.id}/decision/preview/release`);
    expect(release.status).toBe(200);
    expect(release.body).toMatchObject({
      patrons: [PATRON_IN_SCOPE.cardnumber],
      recordTypes: ['patron', 'loans'],
      items: { patron: { produced: 1 }, loans: { produced: 1 } },
      declaration: true,
    });
    expect(release.body.outOfScope).toBeGreaterThan(0);
    expect(JSON.stringify(release.body)).not.toContain(PATRON_IN_SCOPE.borrowernotes);
    const events = (await director.get(`/api/cases/${approved.id}/events`)).body.items.map((e: { action: string }) => e.action);
    expect(events).toEqual(expect.arrayContaining(['decision.previewed', 'release.previewed']));

    // Approved with the same note: the production's cover letter (and every other page) leaves it out too.
    await director.post(`/api/cases/${approved.id}/decision`, { decision: 'approve', note });
    const fulfilled = await eventually(() => caseOf(approved.id), (c) => c.status === 'fulfilled', 120_000);
    const produced = pdfText((await clerk.download(`/api/productions/${fulfilled.production.id}/pdf`)).bytes);
    expect(produced).toContain('Re: Production of library records');
    expect(produced.replace(/\s+/g, ' ')).not.toContain('detective called twice');
    expect(fulfilled.decision.note).toBe(note);
  });

  it('refuses to print a placeholder for a reviewer with no title: preview and approval say why (422); a title lost before rendering stops the production, which the director renders again once it is back', async () => {
    const row = await reviewedCase();
    const db = new Client({ connectionString: system.environment.databaseUrl });
    await db.connect();
    const untitled = (title: string) => db.query(`UPDATE users SET title = $1 WHERE username = 'atty.patel'`, [title]);
    try {
      await untitled('');
      const preview = await director.post(`/api/cases/${row.id}/decision/preview`, { decision: 'approve' });
      expect(preview.status).toBe(422);
      expect(preview.body.message).toContain('the reviewing attorney (Ravi Patel) has no title');
      const refused = await director.post(`/api/cases/${row.id}/decision`, { decision: 'approve', note: 'Produce.' });
      expect(refused.status).toBe(422);
      expect(refused.body.message).toContain('the reviewing attorney (Ravi Patel) has no title');
      expect(await caseOf(row.id)).toMatchObject({ status: 'awaiting_approval', pendingStep: null, decision: null });

      // Approved with the title in place, and the title removed before the worker renders: the worker stops it.
      await untitled('Deputy City Attorney');
      await system.worker!.stop();
      expect((await director.post(`/api/cases/${row.id}/decision`, { decision: 'approve', note: 'Produce.' })).status).toBe(202);
      await untitled('');
      await system.startWorker();
      const stopped = await eventually(() => caseOf(row.id), (c) => c.alert !== null && c.pendingStep === null, 60_000);
      expect(stopped.alert).toContain('Production not rendered: the reviewing attorney (Ravi Patel) has no title');
      expect(stopped.status).toBe('fulfilling');
      expect(stopped.production).toMatchObject({ status: 'failed' });

      // The title recorded again, the director renders the production again and it is released.
      await untitled('Deputy City Attorney');
      expect((await director.post(`/api/cases/${row.id}/production/retry`)).status).toBe(202);
      const fulfilled = await eventually(() => caseOf(row.id), (c) => c.status === 'fulfilled' || c.production?.status === 'failed', 120_000);
      expect(fulfilled).toMatchObject({ status: 'fulfilled', alert: null, production: { status: 'ready' } });
      expect(pdfText((await clerk.download(`/api/productions/${fulfilled.production.id}/pdf`)).bytes)).toContain('Ravi Patel');
    } finally {
      await untitled('Deputy City Attorney');
      await db.end();
    }
  });

  async function fulfilledCase() {
    const row = await reviewedCase();
    await director.post(`/api/cases/${row.id}/decision`, { decision: 'approve', note: 'Produce.' });
    return eventually(() => caseOf(row.id), (c) => c.status === 'fulfilled', 120_000);
  }
  const responseClock = (row: { deadlines: { clock: string; status: string }[] }) => row.deadlines.find((d) => d.clock === 'instrument_compliance')?.status;
  const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  it('records a delivery with the SHA-256 acknowledged; the deadline is met on delivery and the case closes only after it', async () => {
    const row = await fulfilledCase();
    const sha = row.production.sha256;
    // Generating the file did not meet the deadline, and the case cannot be closed yet.
    expect(responseClock(row)).toBe('open');
    expect((await clerk.post(`/api/cases/${row.id}/close`)).status).toBe(409);

    // Bad input is refused with nothing recorded.
    const bad = [
      { document: 'production', method: 'mail', recipient: 'Det. A. Ruiz', acknowledgedSha256: sha },
      { document: 'production', method: 'in_person', recipient: 'Det. A. Ruiz', acknowledgedSha256: '0'.repeat(64) },
      { document: 'production', method: 'carrier_pigeon', recipient: 'Det. A. Ruiz', acknowledgedSha256: sha },
      { document: 'production', method: 'in_person', recipient: 'Det. A. Ruiz' },
      { document: 'production', method: 'in_person', recipient: 'Det. A. Ruiz', acknowledgedSha256: sha, extra: 1 },
      [{ document: 'production' }],
    ];
    for (const body of bad) expect({ body, status: (await clerk.post(`/api/cases/${row.id}/deliveries`, body)).status }).toEqual({ body, status: 400 });
    // deliveredAt is bounded on both sides, refused alike (400 naming the field): not in the future, and not before
    // the production was completed (a second before it, or the year before).
    const completedAt = Date.parse(row.production.completedAt);
    const outOfBounds = [new Date(Date.now() + 3_600_000), new Date(completedAt - 1_000), new Date(completedAt - 365 * 86_400_000)];
    for (const when of outOfBounds) {
      const refused = await clerk.post(`/api/cases/${row.id}/deliveries`, { document: 'production', method: 'in_person', recipient: 'Det. A. Ruiz', acknowledgedSha256: sha, deliveredAt: when.toISOString() });
      expect({ when, status: refused.status, fields: refused.body.fields }).toEqual({ when, status: 400, fields: { deliveredAt: expect.stringMatching(/^must not be (in the future|before the production was completed)/) } });
    }
    expect((await clerk.post(`/api/cases/${row.id}/deliveries`, { document: 'denial_letter', method: 'in_person', recipient: 'Det. A. Ruiz', acknowledgedSha256: sha })).status).toBe(409);
    expect((await attorney.post(`/api/cases/${row.id}/deliveries`, { document: 'production', method: 'in_person', recipient: 'Det. A. Ruiz', acknowledgedSha256: sha })).status).toBe(403);
    expect((await clerk.get(`/api/cases/${row.id}/deliveries`)).body.items).toEqual([]);

    const mailed = await clerk.post(`/api/cases/${row.id}/deliveries`, { document: 'production', method: 'mail', recipient: 'Det. A. Ruiz, Palm Desert Police', trackingNumber: '9400 1000 0000 0000 0000 00', acknowledgedSha256: sha });
    expect(mailed.status).toBe(201);
    expect(mailed.body.delivery).toMatchObject({ method: 'mail', trackingNumber: '9400 1000 0000 0000 0000 00', acknowledgedSha256: sha, deliveredAt: expect.any(String), acknowledgedAt: expect.any(String) });
    const after = await caseOf(row.id);
    expect(responseClock(after)).toBe('met');
    expect((await clerk.post(`/api/cases/${row.id}/close`)).status).toBeLessThan(300);
    const events = (await clerk.get(`/api/cases/${row.id}/events`)).body.items.map((e: { action: string }) => e.action);
    expect(events).toEqual(expect.arrayContaining(['delivery.recorded', 'case.closed']));
  });

  it('delivers through a secure link: single file, download limit, expiry, revocation, wrong token 404, every download audited', async () => {
    const row = await fulfilledCase();
    const created = await clerk.post(`/api/cases/${row.id}/deliveries`, { document: 'production', method: 'secure_link', recipient: 'Det. A. Ruiz', maxDownloads: 2, expiresInHours: 24 });
    expect(created.status).toBe(201);
    const { token, path } = created.body.link;
    expect(path).toBe(`/api/public/deliveries/${token}`);
    expect(created.body.delivery.deliveredAt).toBeNull();
    expect(responseClock(await caseOf(row.id))).toBe('open');
    // Nothing to acknowledge before a download: 409, nothing recorded.
    const acknowledge = (link: string, sha256: unknown) => system.anonymous.post(`${link}/acknowledgement`, { sha256 });
    const early = await acknowledge(path, row.production.sha256);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ statusCode: 409, message: expect.any(String) });

    // Wrong, malformed or altered tokens: 404, nothing served.
    for (const wrong of ['x'.repeat(43), 'short', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`]) {
      expect((await system.anonymous.download(`/api/public/deliveries/${wrong}`)).status).toBe(404);
    }
    // A HEAD (a mail scanner's preview) is refused and counts nothing.
    const head = await fetch(`${system.api.baseUrl}${path}`, { method: 'HEAD' });
    expect(head.status).toBe(405);
    expect(responseClock(await caseOf(row.id))).toBe('open');
    // The link works without a staff login, twice, and serves exactly the production.
    const first = await system.anonymous.download(path);
    expect(first.status).toBe(200);
    expect(sha256Of(first.bytes)).toBe(row.production.sha256);
    expect(first.headers.get('x-content-sha256')).toBe(row.production.sha256);
    const delivered = await caseOf(row.id);
    expect(responseClock(delivered)).toBe('met');
    // The download delivered the file (and met the deadline) but is no acknowledgement.
    const downloaded = (await clerk.get(`/api/cases/${row.id}/deliveries`)).body.items[0];
    expect(downloaded).toMatchObject({ deliveredAt: expect.any(String), acknowledgedSha256: null, acknowledgedAt: null });
    expect((await system.anonymous.download(path)).status).toBe(200);
    expect((await system.anonymous.download(path)).status).toBe(404); // download limit

    // The recipient acknowledges by the SHA-256 (a used-up link still may): a malformed body is 400, a bad token 404
    // whatever the body, another file's hash 422; nothing is recorded for any of them.
    for (const sha256 of [undefined, 'A'.repeat(64), '0'.repeat(63), `${'0'.repeat(64)} `, 42]) {
      const refused = await acknowledge(path, sha256);
      expect({ sha256, status: refused.status, fields: !!refused.body.fields }).toEqual({ sha256, status: 400, fields: true });
    }
    for (const wrong of ['x'.repeat(43), 'short', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`]) {
      expect((await acknowledge(`/api/public/deliveries/${wrong}`, row.production.sha256)).status).toBe(404);
    }
    const otherFile = await acknowledge(path, '0'.repeat(64));
    expect(otherFile.status).toBe(422);
    expect(otherFile.body.fields).toEqual({ sha256: expect.any(String) });
    expect((await clerk.get(`/api/cases/${row.id}/deliveries`)).body.items[0]).toMatchObject({ acknowledgedSha256: null, acknowledgedAt: null });
    const acknowledged = await acknowledge(path, row.production.sha256);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toEqual({ acknowledgedSha256: row.production.sha256, acknowledgedAt: expect.any(String) });
    // Again: the same answer, nothing recorded twice.
    expect((await acknowledge(path, row.production.sha256)).body).toEqual(acknowledged.body);
    const [listed] = (await clerk.get(`/api/cases/${row.id}/deliveries`)).body.items;
    expect(listed).toMatchObject({ method: 'secure_link', acknowledgedSha256: row.production.sha256, acknowledgedAt: acknowledged.body.acknowledgedAt, deliveredAt: downloaded.deliveredAt, link: { downloads: 2, maxDownloads: 2 } });
    expect(JSON.stringify(listed)).not.toContain(token);

    // Revocation and expiry end a link at once.
    const second = (await clerk.post(`/api/cases/${row.id}/deliveries`, { document: 'production', method: 'secure_link', recipient: 'Det. A. Ruiz' })).body;
    expect((await clerk.post(`/api/cases/${row.id}/deliveries/${second.delivery.id}/revoke`)).status).toBe(200);
    expect((await system.anonymous.download(second.link.path)).status).toBe(404);
    expect((await acknowledge(second.link.path, row.production.sha256)).status).toBe(404);
    const third = (await clerk.post(`/api/cases/${row.id}/deliveries`, { document: 'production', method: 'secure_link', recipient: 'Det. A. Ruiz' })).body;
    const db = new Client({ connectionString: system.environment.databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE delivery_links SET "expiresAt" = now() - interval '1 minute' WHERE "deliveryId" = $1`, [third.delivery.id]);
    } finally {
      await db.end();
    }
    expect((await system.anonymous.download(third.link.path)).status).toBe(404);
    expect((await acknowledge(third.link.path, row.production.sha256)).status).toBe(404);

    const audit = (await clerk.get(`/api/cases/${row.id}/events`)).body.items as { action: string; outcome?: string; details?: { reason?: string; sha256?: string } }[];
    expect(audit.filter((e) => e.action === 'delivery.downloaded')).toHaveLength(2);
    expect(audit.filter((e) => e.action === 'delivery.acknowledged').map((e) => e.details?.sha256)).toEqual([row.production.sha256]);
    // Refusals are grouped per address, reason and link in windows: each reason shows up at once (its first event).
    expect([...new Set(audit.filter((e) => e.action === 'delivery.link_refused').map((e) => e.details?.reason))].sort()).toEqual(['download limit reached', 'expired', 'not downloaded', 'revoked', 'wrong sha256']);
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['delivery.link_created', 'delivery.link_revoked']));
    // The link is the credential: the API's request log says a link was used, never which.
    const logged = system.api.output();
    expect(logged).toContain('/api/public/deliveries/[link]');
    expect(logged).toContain('/api/public/deliveries/[link]/acknowledgement');
    for (const link of [token, second.link.token, third.link.token]) expect(logged).not.toContain(link);
  });
});

/** Someone hammering the public secure-link routes: one audit event per window and a count, then 429s. */
describe('secure links under a flood', () => {
  let system: TestSystem;
  const LIMIT = 30;
  beforeAll(async () => {
    system = await TestSystem.start('delivery-flood', { worker: false, env: { PUBLIC_DELIVERY_MAX_REQUESTS_PER_ADDRESS: String(LIMIT), PUBLIC_DELIVERY_RATE_WINDOW_SECONDS: '600', PUBLIC_REFUSAL_AUDIT_WINDOW_SECONDS: '2' } });
  });
  afterAll(() => system?.stop());

  const refusalEvents = (after: number) =>
    withDatabase(system.environment.databaseUrl!, async (db) =>
      (await db.query(`SELECT details FROM audit_events WHERE seq > $1 AND action = 'delivery.link_refused'`, [after])).rows.map((r: { details: unknown }) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as { reason: string; count: number; summary?: boolean }),
    );

  it('audits a flood of bad tokens as a first event and counted summaries, and answers 429 JSON past the per-address limit', async () => {
    const before = await withDatabase(system.environment.databaseUrl!, async (db) => Number((await db.query('SELECT coalesce(max(seq), 0) AS n FROM audit_events')).rows[0].n));
    const flood = LIMIT - 5;
    const statuses: number[] = [];
    for (let i = 0; i < flood; i++) {
      const token = createHash('sha256').update(String(i)).digest('base64url').slice(0, 43);
      statuses.push(i % 2 ? (await system.anonymous.download(`/api/public/deliveries/${token}`)).status : (await system.anonymous.post(`/api/public/deliveries/${token}/acknowledgement`, { sha256: '0'.repeat(64) })).status);
    }
    expect(new Set(statuses)).toEqual(new Set([404]));
    // Every refusal counted, in far fewer events than requests: at most a first and a summary per two-second window.
    const events = await eventually(() => refusalEvents(before), (rows) => rows.reduce((n, r) => n + r.count, 0) === flood, 20_000);
    process.stdout.write(`secure-link flood: ${flood} refusals audited as ${events.length} events (${events.filter((e) => e.summary).length} summaries)\n`);
    expect(events.every((e) => e.reason === 'unknown')).toBe(true);
    expect(events.length).toBeLessThan(flood / 2);

    // Past the limit: 429 JSON with Retry-After on both routes, before the token or the body is looked at.
    const over = [];
    for (let i = 0; i < 10; i++) over.push(await system.anonymous.raw(i % 2 ? 'GET' : 'POST', `/api/public/deliveries/${'x'.repeat(43)}${i % 2 ? '' : '/acknowledgement'}`, i % 2 ? {} : { body: '{"sha256":"nope"}', contentType: 'application/json' }));
    const codes = over.map((r) => r.status);
    expect(codes.slice(0, 5).every((c) => c !== 429)).toBe(true);
    expect(codes.slice(5)).toEqual([429, 429, 429, 429, 429]);
    const limited = over[over.length - 1];
    expect(limited.headers.get('content-type')).toMatch(/^application\/json/);
    expect(limited.body).toMatchObject({ statusCode: 429, message: expect.stringMatching(/Too many requests/) });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const limitedEvents = await eventually(() => refusalEvents(before).then((rows) => rows.filter((r) => r.reason === 'rate limited')), (rows) => rows.reduce((n, r) => n + r.count, 0) === 5, 20_000);
    expect(limitedEvents.length).toBeLessThanOrEqual(4);
  });
});
