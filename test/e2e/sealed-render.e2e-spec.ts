import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticCardNumber } from '@custodian/records';
import { ApiClient, eventually } from '../support/api-client';
import { largeKohaExport } from '../support/koha-fixture';
import { pdftotextPages } from '../../libs/production/src/testing/pdf-test-helpers';
import { reviewedCase } from '../support/case-journey';
import { TestSystem } from '../support/system';

jest.setTimeout(300_000);

const CARDS = [1, 2, 3].map(syntheticCardNumber);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Every file of the store (scratch included) with a PDF header or a patron's card number in plain bytes. */
function plaintextOnDisk(storageDir: string): { file: string; found: string }[] {
  const marks = ['%PDF', ...CARDS];
  return filesUnder(storageDir).flatMap((file) => {
    const bytes = (() => {
      try {
        return readFileSync(file);
      } catch {
        return Buffer.alloc(0); // renamed or removed between listing and reading
      }
    })();
    return marks.filter((mark) => bytes.includes(Buffer.from(mark))).map((found) => ({ file, found }));
  });
}

// Issue #11 / decision 0051: a production is sealed from its first byte, in the render thread, not after it.
describe('a production rendering on disk', () => {
  let system: TestSystem;
  let clerk: ApiClient;

  beforeAll(async () => {
    // One kill is this test's own; on a loaded machine a 4 s test lock can also lapse while the render runs, and each
    // lapse counts toward the poison limit (3). Quarantine is proved in poison-upload; here it would hide the point.
    system = await TestSystem.start('sealed-render', { env: { POISON_AFTER_CRASHES: '10' } });
    clerk = await system.as('clerk');
    await system.as('attorney');
    await system.as('director');
  });
  afterAll(() => system?.stop());

  it('is never plaintext: while it renders, after the worker is killed midway, and once delivered', async () => {
    const { caseId } = await reviewedCase(system, { caseOverrides: { scope: { cardNumbers: CARDS, from: '2026-01-01', to: '2026-12-31', recordTypes: ['patron', 'loans'] } }, exportContent: await largeKohaExport(11) });
    await (await system.as('director')).post(`/api/cases/${caseId}/decision`, { decision: 'approve' });

    // While it renders: look until the render file holds more than one 64 KiB segment, checking every look.
    const scratch = join(system.environment.storageDir, 'tmp');
    const renderFileBytes = () => readdirSync(scratch).filter((name) => name.includes('-render-')).map((name) => statSync(join(scratch, name), { throwIfNoEntry: false })?.size ?? 0);
    const looks: { file: string; found: string }[][] = [];
    await eventually(
      async () => {
        looks.push(plaintextOnDisk(system.environment.storageDir));
        return renderFileBytes();
      },
      (sizes) => sizes.some((size) => size > 256 * 1024),
      120_000,
      50,
    );
    expect(looks.flat()).toEqual([]);

    // Killed midway: the partial render stays on disk until the next start, and it is sealed.
    await system.worker!.kill();
    const partial = readdirSync(scratch).filter((name) => name.includes('-render-'));
    expect(partial).toHaveLength(1);
    expect(statSync(join(scratch, partial[0])).mode & 0o777).toBe(0o600);
    expect(plaintextOnDisk(system.environment.storageDir)).toEqual([]);
    expect((await clerk.get(`/api/cases/${caseId}`)).body).toMatchObject({ status: 'fulfilling', production: { status: 'rendering' } });

    // A new worker sweeps the partial file, renders again and delivers: the SHA-256 is of the PDF received.
    await system.startWorker();
    const fulfilled = await eventually(() => clerk.get(`/api/cases/${caseId}`).then((r) => r.body), (c) => c.status === 'fulfilled' || c.production?.status === 'failed', 200_000, 500);
    expect(fulfilled.production).toMatchObject({ status: 'ready', failure: null });
    expect(readdirSync(scratch).filter((name) => name === partial[0])).toEqual([]);
    const pdf = await clerk.download(`/api/productions/${fulfilled.production.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(pdf.bytes)).toBe(fulfilled.production.sha256);
    expect(pdf.headers.get('x-content-sha256')).toBe(fulfilled.production.sha256);
    const dir = mkdtempSync(join(tmpdir(), 'sealed-render-'));
    try {
      writeFileSync(join(dir, 'production.pdf'), pdf.bytes);
      expect(pdftotextPages(join(dir, 'production.pdf'))[1].replace(/\s+/g, '')).toContain(CARDS[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(fulfilled.production.manifest.verification).toMatchObject({ ok: true });
    expect(plaintextOnDisk(system.environment.storageDir)).toEqual([]);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
