import type { ResponsiveRecord } from '@custodian/domain';
import { ProductionHeader, ProductionResult, ProgressListener } from '../production/production-input';
import { RenderPool } from './render-pool';

export interface WorkerRenderOptions {
  /** Records per message to the worker; two batches at most are in memory. */
  batchSize?: number;
}

/**
 * Renders one production to `outputPath` in a worker thread of its own (a one-slot RenderPool, closed afterwards),
 * so the CPU-heavy drawing never blocks the event loop. For a process that renders many, keep a RenderPool instead:
 * its threads stay warm. Rejects when rendering fails; the caller removes the partial file.
 */
export async function renderInWorkerThread(
  header: ProductionHeader,
  records: AsyncIterable<ResponsiveRecord> | Iterable<ResponsiveRecord>,
  outputPath: string,
  onProgress: ProgressListener = () => undefined,
  options: WorkerRenderOptions = {},
): Promise<ProductionResult> {
  const pool = new RenderPool({ size: 1, batchSize: options.batchSize });
  try {
    return (await pool.run({ header, records, outputPath, onProgress })).rendered;
  } finally {
    await pool.close();
  }
}
