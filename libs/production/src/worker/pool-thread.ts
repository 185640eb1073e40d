/**
 * Entry of a RenderPool thread (compiled JavaScript only). A render thread loads the fonts once and renders one
 * production after another, pulling records from the parent and, when verifying, sending its bytes to the job's
 * verify thread; a verify thread checks those bytes page by page (StreamingVerification) as they arrive.
 */
import { isMainThread, MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { ResponsiveRecord } from '@custodian/domain';
import { preloadFonts } from '../pdf/font-files';
import type { ProductionProgress } from '../production/production-input';
import { renderProduction } from '../production/render-production';
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
  // Fonts read before the first job; the code paths are compiled by the slot's warm-up production (RenderPool).
  preloadFonts();
  send({ type: 'ready' });
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

interface VerifyJob {
  job: number;
  verification: StreamingVerification;
  renderer: MessagePort;
  /** The parent has given every check. */
  started: boolean;
  /** The renderer's last message came: its own wording. */
  ended: string[] | null;
}

/**
 * A job's pages are read from the moment its channel arrives, while the parent still gathers the checks (read-ahead
 * is bounded by StreamingVerification); they are checked once `start` says every check is given.
 */
function runVerifyThread(port: MessagePort): void {
  const send = (reply: VerifyReply) => port.postMessage(reply);
  let current: VerifyJob | null = null;
  const finish = (job: VerifyJob) => {
    job.renderer.close();
    if (current === job) current = null;
    send({ type: 'verified', job: job.job, result: job.verification.finish(job.ended ?? []) });
  };
  const failed = (job: VerifyJob, error: unknown) => {
    job.renderer.close();
    if (current === job) current = null;
    send({ type: 'failed', job: job.job, message: message(error) });
  };
  const listen = (job: VerifyJob) =>
    job.renderer.on('message', (feed: VerifierFeed) => {
      if (current !== job) return;
      try {
        if (feed.type === 'chunk') return job.verification.chunk(feed.chunk);
        if (feed.type === 'abort') return failed(job, 'rendering stopped before the file was complete');
        job.ended = feed.ownWording;
        if (job.started) finish(job);
      } catch (error) {
        failed(job, error);
      }
    });
  port.on('message', (request: VerifyRequest) => {
    if (request.type === 'verify') {
      const job: VerifyJob = { job: request.job, verification: StreamingVerification.readingAhead(), renderer: request.renderer, started: false, ended: null };
      current = job;
      listen(job);
      return;
    }
    const job = current as VerifyJob | null;
    if (!job || job.job !== request.job) return;
    try {
      if (request.type === 'withheld') return job.verification.setChecks(request.values, request.options);
      if (request.type === 'produced') {
        for (const value of request.values) {
          job.verification.exemptWithin(value);
          job.verification.expectPresent(value);
        }
        return;
      }
      job.started = true;
      job.verification.startChecking();
      if (job.ended) finish(job);
    } catch (error) {
      failed(job, error);
    }
  });
  send({ type: 'ready' });
}

if (!isMainThread && parentPort && (workerData as Partial<PoolThreadData>)?.role) {
  if ((workerData as PoolThreadData).role === 'render') runRenderThread(parentPort);
  else runVerifyThread(parentPort);
}
