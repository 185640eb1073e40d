/**
 * Worker-thread entry: renders one production off the main event loop. Started by renderInWorkerThread with
 * RenderWorkerData; records arrive in batches it pulls (see render-protocol). Loaded as compiled JavaScript.
 */
import { createWriteStream } from 'node:fs';
import { isMainThread, MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { ResponsiveRecord } from '@custodian/domain';
import { renderProduction } from '../production/render-production';
import { ParentMessage, RenderWorkerData, WorkerMessage } from './render-protocol';

export async function runRenderWorker(port: MessagePort, data: RenderWorkerData): Promise<void> {
  const send = (message: WorkerMessage) => port.postMessage(message);
  try {
    const records = pulledRecords(port, send);
    const result = await renderProduction({ ...data.header, records }, createWriteStream(data.outputPath), (progress) => send({ type: 'progress', progress }));
    send({ type: 'done', result });
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    port.close();
  }
}

/**
 * Records as the parent sends them. The next batch is asked for when one is taken up for rendering, so the parent
 * reads while the worker draws, and at most two batches are held at once.
 */
async function* pulledRecords(port: MessagePort, send: (message: WorkerMessage) => void): AsyncGenerator<ResponsiveRecord> {
  const arrived: ParentMessage[] = [];
  let wake: (() => void) | null = null;
  port.on('message', (message: ParentMessage) => {
    arrived.push(message);
    wake?.();
  });
  send({ type: 'pull' });
  for (;;) {
    while (arrived.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const message = arrived.shift() as ParentMessage;
    if (message.type === 'end') return;
    send({ type: 'pull' });
    yield* message.records;
  }
}

if (!isMainThread && parentPort && (workerData as { outputPath?: unknown })?.outputPath) {
  void runRenderWorker(parentPort, workerData as RenderWorkerData);
}
