/**
 * Entry of a RenderPool thread (compiled JavaScript only). A render thread loads the fonts once and renders one
 * production after another, pulling records from the parent and, when verifying, sending its bytes to the job's
 * verify thread; a verify thread checks those bytes page by page (StreamingVerification) as they arrive.
 */
import { Writable } from 'node:stream';
import { isMainThread, MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { ResponsiveRecord } from '@custodian/domain';
import { preloadFonts } from '../pdf/font-files';
import type { ProductionProgress } from '../production/production-input';
import { renderProduction } from '../production/render-production';
import { syntheticLoans, syntheticProductionHeader } from '../production/synthetic-production';
import { StreamingVerification } from '../verify/streaming-verification';
import { renderOutput } from './render-output';
import { PoolThreadData, RenderReply, RenderRequest, VerifierFeed, VerifyReply, VerifyRequest } from './pool-protocol';

const PROGRESS_EVERY_MS = 200;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function runRenderThread(port: MessagePort): void {
  const send = (reply: RenderReply) => port.postMessage(reply);
  let inbox: RecordInbox | null = null;
  port.on('message', (request: RenderRequest) => {
    if (request.type !== 'render') return inbox?.receive(request);
    const box = (inbox = new RecordInbox(request.job, send));
    const verifier = request.verifier;
    const feed = verifier ? (chunk: VerifierFeed) => verifier.postMessage(chunk) : null;
    // Progress at most every 200 ms (and at every phase change): a message per page would cost the renderer time.
    let lastProgress = { at: 0, phase: '' };
    const onProgress = (progress: ProductionProgress) => {
      const now = Date.now();
      if (progress.phase === lastProgress.phase && now - lastProgress.at < PROGRESS_EVERY_MS) return;
      lastProgress = { at: now, phase: progress.phase };
      send({ type: 'progress', job: request.job, progress });
    };
    const output = renderOutput(request.outputPath, request.sealWith);
    void renderProduction({ ...request.header, records: box.records() }, output.stream, onProgress, {
      verificationFeed: feed ? (chunk) => feed({ type: 'chunk', chunk }) : undefined,
    }).then(
      async (result) => {
        await output.written;
        feed?.({ type: 'end', ownWording: result.ownWording });
        send({ type: 'done', job: request.job, result });
      },
    ).catch(
      (error: unknown) => {
        output.abandon();
        feed?.({ type: 'abort' });
        send({ type: 'failed', job: request.job, message: message(error) });
      },
    ).finally(() => {
      verifier?.close();
      if (inbox === box) inbox = null;
    });
  });
  // Warm up before the first job: fonts read, the Latin faces' tables parsed, the code paths compiled.
  preloadFonts();
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  void renderProduction({ ...syntheticProductionHeader(), records: syntheticLoans(40) }, discard).finally(() => send({ type: 'ready' }));
}

/**
 * Records as the parent sends them. The next batch is asked for when one is taken up for rendering, so the parent
 * reads while the thread draws, and at most two batches are held at once.
 */
class RecordInbox {
  private readonly arrived: RenderRequest[] = [];
  private wake: (() => void) | null = null;

  constructor(private readonly job: number, private readonly send: (reply: RenderReply) => void) {}

  receive(request: RenderRequest): void {
    if (request.job !== this.job) return;
    this.arrived.push(request);
    this.wake?.();
  }

  async *records(): AsyncGenerator<ResponsiveRecord> {
    this.send({ type: 'pull', job: this.job });
    for (;;) {
      while (this.arrived.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
      const next = this.arrived.shift() as RenderRequest;
      if (next.type === 'end') return;
      if (next.type !== 'batch') continue;
      this.send({ type: 'pull', job: this.job });
      yield* next.records;
    }
  }
}

function runVerifyThread(port: MessagePort): void {
  const send = (reply: VerifyReply) => port.postMessage(reply);
  let current: { job: number; verification: StreamingVerification; renderer: MessagePort } | null = null;
  port.on('message', (request: VerifyRequest) => {
    try {
      if (request.type === 'verify') {
        current = { job: request.job, verification: new StreamingVerification(request.withheld, request.options), renderer: request.renderer };
        return;
      }
      if (!current || current.job !== request.job) return;
      const { verification, renderer, job } = current;
      if (request.type === 'produced') {
        for (const value of request.values) {
          verification.exemptWithin(value);
          verification.expectPresent(value);
        }
        return;
      }
      // start: the renderer's bytes have been waiting on the channel until every check was set up.
      renderer.on('message', (feed: VerifierFeed) => {
        if (feed.type === 'chunk') return verification.chunk(feed.chunk);
        renderer.close();
        current = null;
        if (feed.type === 'end') send({ type: 'verified', job, result: verification.finish(feed.ownWording) });
        else send({ type: 'failed', job, message: 'rendering stopped before the file was complete' });
      });
    } catch (error) {
      if (current) send({ type: 'failed', job: current.job, message: message(error) });
      current?.renderer.close();
      current = null;
    }
  });
  send({ type: 'ready' });
}

if (!isMainThread && parentPort && (workerData as Partial<PoolThreadData>)?.role) {
  if ((workerData as PoolThreadData).role === 'render') runRenderThread(parentPort);
  else runVerifyThread(parentPort);
}
