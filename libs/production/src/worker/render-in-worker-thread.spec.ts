import { statSync } from 'node:fs';
import path from 'node:path';
import type { ResponsiveRecord } from '@custodian/domain';
import { ProductionProgress } from '../production/production-input';
import { syntheticLoans } from '../production/synthetic-production';
import { sampleHeader, temporaryDirectory } from '../testing/pdf-test-helpers';
import { renderInWorkerThread } from './render-in-worker-thread';

jest.setTimeout(60_000);

// Under ts-jest this runs in-process (a worker cannot load .ts); the thread itself is exercised against dist.
describe('renderInWorkerThread', () => {
  const temp = temporaryDirectory();
  afterAll(() => temp.remove());

  it('renders a streamed source to the file and reports progress with a percentage', async () => {
    const file = path.join(temp.dir, 'threaded.pdf');
    const progress: ProductionProgress[] = [];
    const result = await renderInWorkerThread(sampleHeader({ expectedRecords: 301 }), syntheticLoans(300), file, (update) => progress.push(update));
    expect(statSync(file).size).toBe(result.bytes);
    expect(result.items.loans?.produced).toBeGreaterThan(290);
    expect(progress[progress.length - 1]).toMatchObject({ phase: 'finished', recordsRead: 301, pages: result.pages, percent: 100 });
    expect(progress.map((update) => update.pages)).toEqual([...progress.map((update) => update.pages)].sort((a, b) => a - b));
  });

  it('rejects when the record source fails', async () => {
    async function* failing(): AsyncGenerator<ResponsiveRecord> {
      yield* syntheticLoans(5);
      throw new Error('database connection lost');
    }
    await expect(renderInWorkerThread(sampleHeader(), failing(), path.join(temp.dir, 'failed.pdf'))).rejects.toThrow('database connection lost');
  });
});
