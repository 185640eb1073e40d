import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResponsiveRecord } from '@custodian/domain';
import { ProductionHeader, ProductionResult, ProgressListener } from '../production/production-input';
import { renderProduction } from '../production/render-production';
import { ParentMessage, RenderWorkerData, WorkerMessage } from './render-protocol';

export interface WorkerRenderOptions {
  /** Records per message to the worker; two batches at most are in memory. */
  batchSize?: number;
}

/**
 * Renders a production to `outputPath` in a worker thread, so the CPU-heavy drawing never blocks the event loop
 * (BullMQ lock renewals keep running). The parent reads `records` (e.g. from the database) only when the worker
 * asks for the next batch. Rejects when rendering fails; the caller removes the partial file.
 *
 * The worker loads render-worker with this file's own extension. Under ts-jest that is a .ts file a worker
 * cannot load, so there the rendering runs in-process instead; the thread path is exercised against dist.
 */
export async function renderInWorkerThread(
  header: ProductionHeader,
  records: AsyncIterable<ResponsiveRecord> | Iterable<ResponsiveRecord>,
  outputPath: string,
  onProgress: ProgressListener = () => undefined,
  options: WorkerRenderOptions = {},
): Promise<ProductionResult> {
  if (path.extname(__filename) === '.ts') {
    return renderProduction({ ...header, records }, createWriteStream(outputPath), onProgress);
  }
  const workerData: RenderWorkerData = { header, outputPath };
  const worker = new Worker(path.join(__dirname, `render-worker${path.extname(__filename)}`), { workerData });
  return new Promise<ProductionResult>((resolve, reject) => {
    const source = batches(records, options.batchSize ?? 500);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      void source.return(undefined);
      void worker.terminate();
      outcome();
    };
    const feed = async () => {
      try {
        const next = await source.next();
        const message: ParentMessage = next.done ? { type: 'end' } : { type: 'batch', records: next.value };
        if (!settled) worker.postMessage(message);
      } catch (error) {
        settle(() => reject(error));
      }
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'pull') void feed();
      else if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(new Error(`Production rendering failed: ${message.message}`)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`Render worker exited with code ${code} before finishing`))));
  });
}

async function* batches<T>(items: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
