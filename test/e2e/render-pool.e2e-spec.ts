/*
 * The render pool's threads, against the compiled library (a worker thread cannot load TypeScript): warm threads
 * reused job after job, a thread that dies fails only its job and is replaced, and a large production leaves a slot
 * free for small ones. Verification beside rendering is checked against pdfjs-dist in the library's own specs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const production = require('../../dist/libs/production/src') as typeof import('../../libs/production/src');

jest.setTimeout(600_000);

describe('RenderPool threads', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'custodian-render-pool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let file = 0;
  const outputPath = () => path.join(dir, `job-${++file}.pdf`);

  async function verifiedJob(loans: number, extra: { large?: boolean; onProgress?: () => void } = {}) {
    const header = production.syntheticProductionHeader({ expectedRecords: loans + 1 });
    const checks = await production.syntheticChecks(loans, header);
    return { header, records: production.syntheticLoans(loans), outputPath: outputPath(), checks: { ...checks, options: { batesPrefix: 'PDL', batesStart: 1 } }, ...extra };
  }

  it('renders and verifies job after job on the same warm threads', async () => {
    const pool = new production.RenderPool({ size: 2 });
    try {
      await pool.ready();
      const threads = pool.renderThreadIds;
      expect(threads.every((id) => typeof id === 'number')).toBe(true);
      const outcomes = await Promise.all([30, 300, 60, 5].map(async (loans) => pool.run(await verifiedJob(loans))));
      for (const { rendered, verification } of outcomes) {
        expect(verification).toMatchObject({ ok: true, unreadable: null, leaks: [], pages: rendered.pages, sha256: rendered.sha256, bytes: rendered.bytes, batesFirst: 'PDL-000001' });
        expect(verification!.presentChecked).toBeGreaterThan(0);
      }
      expect(pool.renderThreadIds).toEqual(threads);
    } finally {
      await pool.close();
    }
  });

  it('fails the job whose thread ran out of memory, replaces the thread, and runs the next job', async () => {
    const pool = new production.RenderPool({ size: 1, renderHeapMb: 256 });
    try {
      await pool.ready();
      const before = pool.renderThreadIds[0];
      const header = production.syntheticProductionHeader();
      // One title of 40 million characters: laying it out exhausts the thread's heap.
      const poison = [{ recordType: 'loans' as const, sourceTable: 'old_issues', cardNumber: '23000000012345', occurredAt: '2021-01-01T10:00:00', fields: { issue_id: 1, title: 'x'.repeat(40_000_000), issuedate: '2021-01-01T10:00:00' } }];
      await expect(pool.run({ header, records: poison, outputPath: outputPath(), checks: { withheld: [], produced: [], options: { batesPrefix: 'PDL' } } })).rejects.toThrow(production.RenderThreadDiedError);
      const next = await pool.run(await verifiedJob(20));
      expect(next.verification?.ok).toBe(true);
      expect(pool.renderThreadIds[0]).not.toBe(before);
    } finally {
      await pool.close();
    }
  });

  it('keeps a slot free of large productions, so a small one is not queued behind two large ones', async () => {
    const pool = new production.RenderPool({ size: 2 });
    try {
      await pool.ready();
      const finished: string[] = [];
      const started: string[] = [];
      const track = (name: string, job: Promise<unknown>) => job.then(() => finished.push(name));
      const large = (name: string) => verifiedJob(6000, { large: true, onProgress: () => !started.includes(name) && started.push(name) });
      // Every job is built before any is run: building 6,000 loans' checks takes long enough for the first to finish.
      const [firstJob, secondJob, smallJob] = await Promise.all([large('large-1'), large('large-2'), verifiedJob(10)]);
      const first = track('large-1', pool.run(firstJob));
      const second = track('large-2', pool.run(secondJob));
      const small = track('small', pool.run(smallJob));
      await Promise.all([first, second, small]);
      // The second large production waited for the first (one slot is kept for small ones), the small one did not.
      expect(finished.indexOf('small')).toBeLessThan(finished.indexOf('large-1'));
      expect(finished.indexOf('large-1')).toBeLessThan(finished.indexOf('large-2'));
    } finally {
      await pool.close();
    }
  });
});
