import { execFile, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { scratchOwner } from '@custodian/storage';
import { ApiClient, eventually } from '../support/api-client';
import { pdfText } from '../support/pdf-text';
import { OTHER_PATRON, PATRON_IN_SCOPE, kohaExport } from '../support/koha-fixture';
import { startApi } from '../support/processes';
import { STAFF, STAFF_PASSWORD, SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(300_000);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const run = promisify(execFile);

/** Every file and directory under the store. */
function walk(dir: string): { files: string[]; dirs: string[] } {
  const found = { files: [] as string[], dirs: [dir] };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = walk(path);
      found.files.push(...inner.files);
      found.dirs.push(...inner.dirs);
    } else found.files.push(path);
  }
  return found;
}

/** The key id a sealed file's header names (layout in libs/storage/src/file-envelope.ts). */
const keyIdOf = (bytes: Buffer) => bytes.subarray(10, 10 + bytes[9]).toString('latin1');

/** Values of the fixture's patrons that must never be readable in a stored file. */
const PATRON_VALUES = [PATRON_IN_SCOPE, OTHER_PATRON].flatMap((p) => [p.cardnumber, p.surname, p.firstname, p.email, p.phone]).concat(['Fred Waring', 'Gardening in the Desert', 'Asked about immigration forms']);

/** Issue #11, at rest: productions, letters, documents and manifests are sealed; serving them still works. */
describe('stored files at rest', () => {
  let system: TestSystem;
  let clerk: ApiClient;
  let attorney: ApiClient;
  let director: ApiClient;
  const consent = Buffer.from(`%PDF-1.4\n% Consent of ${PATRON_IN_SCOPE.firstname} ${PATRON_IN_SCOPE.surname}, card ${PATRON_IN_SCOPE.cardnumber}\n%%EOF\n`);
  let production: { id: string; sha256: string; bytes: Buffer };
  let caseId: string;
  let documentId: string;

  beforeAll(async () => {
    system = await TestSystem.start('at-rest');
    [clerk, attorney, director] = [await system.as('clerk'), await system.as('attorney'), await system.as('director')];
  });
  afterAll(() => system?.stop());

  const caseOf = (id: string) => clerk.get(`/api/cases/${id}`).then((r) => r.body);
  const storeFile = (sha: string) => join(system.environment.storageDir, sha.slice(0, 2), sha);
  const reseal = async (env: Record<string, string>) => {
    const { stdout } = await run(process.execPath, ['dist/scripts/storage-reseal.js'], { env: { PATH: process.env.PATH ?? '', ...env }, cwd: join(__dirname, '../..') });
    return JSON.parse(stdout);
  };

  async function reviewed(overrides: Record<string, unknown>, review: Record<string, unknown>) {
    const created = (await clerk.post('/api/cases', courtOrderCase(overrides))).body;
    const upload = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'koha-export.json', content: kohaExport(), type: 'application/json' });
    expect(upload.status).toBe(202);
    await eventually(() => clerk.get(`/api/cases/${created.id}/records/imports/${upload.body.id}`).then((r) => r.body), (i) => i.status === 'completed');
    await clerk.post(`/api/cases/${created.id}/submit`);
    await eventually(() => caseOf(created.id), (c) => c.status === 'legal_review');
    const reviewedResponse = await attorney.post(`/api/cases/${created.id}/review`, review);
    expect(reviewedResponse.status).toBe(202);
    return eventually(() => caseOf(created.id), (c) => c.status === 'awaiting_approval');
  }

  it('after a whole case no stored file holds a PDF or a patron value, every file is 0600 in 0700 directories, and downloads give the plaintext with its SHA-256', async () => {
    const row = await reviewed({}, SUFFICIENT_COURT_ORDER_REVIEW);
    caseId = row.id;
    const attached = await clerk.upload(`/api/cases/${row.id}/documents`, { kind: 'consent' }, { name: 'consent.pdf', content: consent, type: 'application/pdf' });
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({ mediaType: 'application/pdf', sha256: sha256(consent), size: consent.length });
    documentId = attached.body.id;
    await director.post(`/api/cases/${row.id}/decision`, { decision: 'approve', note: 'Produce.' });
    const fulfilled = await eventually(() => caseOf(row.id), (c) => c.status === 'fulfilled', 120_000);

    // The production as a person receives it: the plaintext PDF, and the SHA-256 of exactly those bytes.
    const pdf = await clerk.download(`/api/productions/${fulfilled.production.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(pdf.bytes)).toBe(fulfilled.production.sha256);
    expect(pdf.headers.get('x-content-sha256')).toBe(fulfilled.production.sha256);
    expect(pdfText(pdf.bytes)).toContain(PATRON_IN_SCOPE.cardnumber);
    production = { id: fulfilled.production.id, sha256: fulfilled.production.sha256, bytes: pdf.bytes };

    const document = await clerk.download(`/api/cases/${row.id}/documents/${documentId}`);
    expect(document.status).toBe(200);
    expect(document.bytes.equals(consent)).toBe(true);
    expect(document.headers.get('content-type')).toContain('application/pdf');

    // A secure link serves the same plaintext, and the recipient acknowledges its SHA-256 (the plaintext's) through it.
    const link = (await clerk.post(`/api/cases/${row.id}/deliveries`, { document: 'production', method: 'secure_link', recipient: 'Det. A. Ruiz', maxDownloads: 3 })).body.link;
    const delivered = await system.anonymous.download(link.path);
    expect(delivered.status).toBe(200);
    expect(delivered.bytes.equals(pdf.bytes)).toBe(true);
    expect(delivered.headers.get('x-content-sha256')).toBe(production.sha256);
    expect((await system.anonymous.post(`${link.path}/acknowledgement`, { sha256: createHash('sha256').update(delivered.bytes).digest('hex') })).status).toBe(200);
    const [listed] = (await clerk.get(`/api/cases/${row.id}/deliveries`)).body.items;
    expect(listed).toMatchObject({ acknowledgedSha256: production.sha256, link: { downloads: 1 } });

    // A subpoena the library objects to: the preview is the objection letter the worker then writes.
    const subpoena = await reviewed(
      { requestType: 'civil_subpoena', requester: { name: 'J. Counsel', agency: 'Counsel LLP', verification: 'court_record' } },
      {
        checklist: { proof_of_consumer_notice: true, notice_timing_ccp_1985_3: true, objection_received: false, court_order_obtained: false },
        sufficiency: 'insufficient', recommendation: 'deny', reasons: ['SUBPOENA_OBJECTION'], memo: 'No court order; object in writing.',
      },
    );
    const preview = await director.requestRaw('POST', `/api/cases/${subpoena.id}/decision/preview`, { decision: 'deny', reasons: ['SUBPOENA_OBJECTION'] });
    expect(preview.status).toBe(200);
    const previewText = pdfText(preview.bytes);
    // Before the fix this was the denial letter ("... is denied"); the objection states the witness's route.
    expect(previewText.replace(/\s+/g, ' ')).toContain('The Library objects to the subpoena in writing');
    expect(previewText).toContain(`${subpoena.caseNumber}/OBJ`);
    await director.post(`/api/cases/${subpoena.id}/decision`, { decision: 'deny', reasons: ['SUBPOENA_OBJECTION'] });
    await eventually(() => caseOf(subpoena.id), (c) => c.status === 'denied', 60_000);
    expect((await clerk.download(`/api/cases/${subpoena.id}/letters/denial/pdf`)).status).toBe(404);
    const objection = await clerk.download(`/api/cases/${subpoena.id}/letters/objection/pdf`);
    expect(objection.status).toBe(200);
    expect(objection.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(objection.bytes).replace(/\s+/g, ' ')).toBe(previewText.replace(/\s+/g, ' '));

    // Now read the store itself.
    const { files, dirs } = walk(system.environment.storageDir);
    expect(files.length).toBeGreaterThanOrEqual(4); // production, its manifest, the consent, the objection letter
    expect(files).toEqual(expect.arrayContaining([storeFile(production.sha256), storeFile(sha256(consent)), storeFile(sha256(objection.bytes))]));
    for (const dir of dirs) expect({ dir, mode: statSync(dir).mode & 0o777 }).toEqual({ dir, mode: 0o700 });
    for (const file of files) {
      expect({ file, mode: statSync(file).mode & 0o777 }).toEqual({ file, mode: 0o600 });
      const bytes = readFileSync(file);
      expect({ file, pdf: bytes.includes(Buffer.from('%PDF')) }).toEqual({ file, pdf: false });
      for (const value of PATRON_VALUES) expect({ file, value, found: bytes.includes(Buffer.from(value, 'utf8')) }).toEqual({ file, value, found: false });
    }
    // No partial render or half-sealed upload is left.
    expect(readdirSync(join(system.environment.storageDir, 'tmp'))).toEqual([]);
  });

  it('removes partial files of a stopped process when the worker starts, and keeps those of the running API', async () => {
    await system.worker!.stop();
    const scratch = join(system.environment.storageDir, 'tmp');
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const leftOver = join(scratch, `${scratchOwner(deadPid, 'deadbeef')}-render-${randomBytes(8).toString('hex')}.partial`);
    const apiUpload = join(scratch, `${scratchOwner(system.api.child.pid!, '0badf00d')}-sealed-${randomBytes(8).toString('hex')}.partial`);
    writeFileSync(leftOver, `%PDF-1.7 half a production for ${PATRON_IN_SCOPE.surname}`, { mode: 0o600 });
    writeFileSync(apiUpload, 'sealed bytes the API is still writing', { mode: 0o600 });
    await system.startWorker();
    await eventually(async () => existsSync(leftOver), (exists) => !exists, 30_000, 100);
    expect(existsSync(apiUpload)).toBe(true);
    rmSync(apiUpload);
  });

  it('refuses a tampered file with a clear error: nothing is served, no download is counted or audited', async () => {
    const path = storeFile(production.sha256);
    const original = readFileSync(path);
    const altered = Buffer.from(original);
    altered[altered.length - 40] ^= 0x20;
    writeFileSync(path, altered);
    const auditedBefore = (await clerk.get(`/api/cases/${caseId}/events`)).body.items.filter((e: { action: string }) => e.action === 'production.downloaded').length;

    const refused = await clerk.download(`/api/productions/${production.id}/pdf`);
    expect(refused.status).toBe(500);
    expect(refused.headers.get('content-type')).toContain('application/json');
    expect(refused.bytes.includes(Buffer.from('%PDF'))).toBe(false);
    expect(JSON.parse(refused.bytes.toString())).toMatchObject({ problem: 'tampered', message: expect.stringMatching(/not served.*failed authentication/) });

    const link = (await clerk.post(`/api/cases/${caseId}/deliveries`, { document: 'production', method: 'secure_link', recipient: 'Det. A. Ruiz', maxDownloads: 1 })).body;
    const viaLink = await system.anonymous.download(link.link.path);
    expect(viaLink.status).toBe(500);
    expect(viaLink.bytes.includes(Buffer.from('%PDF'))).toBe(false);
    const links = (await clerk.get(`/api/cases/${caseId}/deliveries`)).body.items;
    expect(links.find((d: { id: string }) => d.id === link.delivery.id)).toMatchObject({ deliveredAt: null, link: { downloads: 0 } });
    const auditedAfter = (await clerk.get(`/api/cases/${caseId}/events`)).body.items.filter((e: { action: string }) => e.action === 'production.downloaded').length;
    expect(auditedAfter).toBe(auditedBefore);

    writeFileSync(path, original, { mode: 0o600 });
    expect((await system.anonymous.download(link.link.path)).bytes.equals(production.bytes)).toBe(true);
  });

  it('fails closed on a plaintext file from before encryption, until storage:reseal seals it', async () => {
    // As dev and demo data stored by an earlier version: the document's plaintext at its address.
    const path = storeFile(sha256(consent));
    writeFileSync(path, consent, { mode: 0o644 });
    const refused = await clerk.download(`/api/cases/${caseId}/documents/${documentId}`);
    expect(refused.status).toBe(500);
    expect(JSON.parse(refused.bytes.toString())).toMatchObject({ problem: 'not_sealed', message: expect.stringMatching(/npm run storage:reseal/) });

    const report = await reseal(system.environment.env);
    expect(report).toMatchObject({ activeKeyId: 'test1', sealed: 1, rewrapped: 0, problems: [] });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path).includes(Buffer.from('%PDF'))).toBe(false);
    expect((await clerk.download(`/api/cases/${caseId}/documents/${documentId}`)).bytes.equals(consent)).toBe(true);
  });

  it('after a key rotation opens files of the old key, storage:reseal re-wraps them, and then the old key may go', async () => {
    const env = system.environment.env;
    const oldKeys = env.RECORDS_KEYS;
    const newKey = `test2:${randomBytes(32).toString('base64')}`;
    const restartApi = async (keys: string) => {
      await system.api.stop();
      env.RECORDS_KEYS = keys;
      system.api = await startApi(env, 'at-rest');
      return new ApiClient(system.api.baseUrl).login(STAFF.clerk.username, STAFF_PASSWORD);
    };

    let rotatedClerk = await restartApi(`${oldKeys},${newKey}`);
    expect((await rotatedClerk.download(`/api/productions/${production.id}/pdf`)).bytes.equals(production.bytes)).toBe(true);

    const report = await reseal(env);
    expect(report).toMatchObject({ activeKeyId: 'test2', sealed: 0, current: 0, problems: [] });
    expect(report.rewrapped).toBe(report.files);
    const { files } = walk(system.environment.storageDir);
    for (const file of files.filter((f) => !f.includes('/tmp/'))) expect({ file, keyId: keyIdOf(readFileSync(file)) }).toEqual({ file, keyId: 'test2' });

    rotatedClerk = await restartApi(newKey);
    expect((await rotatedClerk.download(`/api/productions/${production.id}/pdf`)).bytes.equals(production.bytes)).toBe(true);
    expect((await rotatedClerk.download(`/api/cases/${caseId}/documents/${documentId}`)).bytes.equals(consent)).toBe(true);
    expect(existsSync(join(system.environment.storageDir, 'tmp'))).toBe(true);
  });
});
