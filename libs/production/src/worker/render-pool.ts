import { availableParallelism } from 'node:os';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { ResponsiveRecord } from '@custodian/domain';
import { ProductionHeader, ProductionResult, ProgressListener } from '../production/production-input';
import { renderProduction } from '../production/render-production';
import { syntheticChecks, syntheticLoans, syntheticProductionHeader } from '../production/synthetic-production';
import { StreamingVerification, StreamingVerificationResult } from '../verify/streaming-verification';
import type { WithheldValue } from '../verify/leak-detector';
import type { VerificationOptions } from '../verify/verify-production';
import { PoolThreadData, RenderReply, RenderRequest, VerifyReply, VerifyRequest } from './pool-protocol';
import { FileSealingKey, renderOutput } from './render-output';

export interface RenderPoolOptions {
  /** Slots (one render thread and one verify thread each); default: the machine's cores. */
  size?: number;
  /** Old-generation heap of each render thread, MB: a production that exhausts it kills only its thread. */
  renderHeapMb?: number;
  /** Old-generation heap of each verify thread, MB. */
  verifyHeapMb?: number;
  /** Records per message to a render thread; two batches at most are in flight. */
  batchSize?: number;
}

/** How the job's file is checked while it is rendered: the values from the job's own reading of the records. */
export interface StreamingChecks {
  /** Strings, or entries with a reference and `neverExempt` (LeakDetector). */
  withheld: WithheldValue[];
  /** Produced values: exempt from the leak check and required to be present. */
  produced: Iterable<string>;
  options: Omit<VerificationOptions, 'expectPresent' | 'onPage'>;
}

export interface PoolJob {
  header: ProductionHeader;
  records: AsyncIterable<ResponsiveRecord> | Iterable<ResponsiveRecord>;
  outputPath: string;
  /** Seal the file from its first byte with this one-file key (ContentStore.renderTarget); plain when absent. */
  sealWith?: FileSealingKey;
  onProgress?: ProgressListener;
  /**
   * Verify beside rendering; without it the file is only rendered. May be a promise (the caller still reading the
   * records for the checks): rendering starts at once, the verify thread reads pages as they come (a bounded number
   * ahead) and checks them once the checks are set up, so reading the checks is not added to the job's time.
   */
  checks?: StreamingChecks | PromiseLike<StreamingChecks>;
  /**
   * A large production: it may take every slot but one, so small productions always find a slot free (on a
   * one-slot pool it simply waits its turn).
   */
  large?: boolean;
}

export interface PoolOutcome {
  rendered: ProductionResult;
  verification: StreamingVerificationResult | null;
}

/** A thread died (out of memory, a crash) under a job: the job fails, the slot gets fresh threads. */
export class RenderThreadDiedError extends Error {
  constructor(detail: string) {
    super(`A rendering thread stopped while producing: ${detail}`);
    this.name = 'RenderThreadDiedError';
  }
}

const PRODUCED_PER_MESSAGE = 5000;
const DEFAULT_BATCH_SIZE = 500;
/**
 * Rows of the verified production each slot makes, unwritten, before it takes jobs: what compiles the renderer's,
 * the verifier's and the checks' code, which a first production otherwise pays for (the leak check's set-up ran four
 * times slower cold); enough pages for the optimising compiler, a fraction of a second at boot. And a slot that
 * cannot verify its own synthetic production does not take a case's.
 */
const WARM_UP_ROWS = 600;
const WARM_UP_JOB = 0;

/**
 * A warm pool of rendering threads, sized to the cores: each slot is a render thread (fonts loaded once) and a
 * verify thread, reused job after job. A job's bytes go from its render thread straight to its verify thread, which
 * checks each page as it is completed, so the verdict is ready when the file is. Each thread has a heap limit; a
 * thread that dies fails only its job (the caller retries it) and is replaced.
 *
 * The thread entry is compiled JavaScript; under ts-jest (this file is .ts) jobs run in-process instead, with the
 * same rendering and verification, so the pool's logic is tested there and its threads against dist.
 */
export class RenderPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly waiting: { large: boolean; take(slot: Slot): void }[] = [];
  private largeRunning = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;
  private nextJob = 1;
  private readonly inProcess = path.extname(__filename) === '.ts';

  constructor(private readonly options: RenderPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    for (let index = 0; index < this.size; index++) this.slots.push(new Slot(this.inProcess ? null : options));
  }

  /** Resolves when every thread has loaded and warmed up (optional: jobs wait for their slot's threads anyway). */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.ready()));
  }

  /** Thread ids of the slots' current render threads (null for a slot not started): shows reuse and replacement. */
  get renderThreadIds(): (number | null)[] {
    return this.slots.map((slot) => slot.renderThreadId);
  }

  get busySlots(): number {
    return this.slots.filter((slot) => slot.busy).length;
  }

  async run(job: PoolJob): Promise<PoolOutcome> {
    if (this.closed) throw new Error('the render pool is closed');
    const large = job.large === true && this.size > 1;
    const slot = await this.acquire(large);
    try {
      if (this.inProcess) return await renderHere(job);
      return await slot.run(this.nextJob++, job, this.options.batchSize ?? DEFAULT_BATCH_SIZE);
    } finally {
      slot.busy = false;
      if (large) this.largeRunning--;
      this.dispatch();
      for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  /** No new jobs; running ones finish; then the threads stop. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.slots.some((slot) => slot.busy)) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await Promise.all(this.slots.map((slot) => slot.stop()));
  }

  private acquire(large: boolean): Promise<Slot> {
    return new Promise((resolve) => {
      this.waiting.push({
        large,
        take: (slot) => {
          slot.busy = true;
          if (large) this.largeRunning++;
          resolve(slot);
        },
      });
      this.dispatch();
    });
  }

  /** First come, first served, except that a large job never takes the last free slot. */
  private dispatch(): void {
    for (let index = 0; index < this.waiting.length; ) {
      const free = this.slots.find((slot) => !slot.busy);
      if (!free) return;
      const waiter = this.waiting[index];
      if (waiter.large && this.largeRunning >= this.size - 1) {
        index++;
        continue;
      }
      this.waiting.splice(index, 1);
      waiter.take(free);
    }
  }
}

interface Threads {
  render: Worker;
  verify: Worker;
  /** Both threads loaded and the slot warmed up. */
  ready: Promise<void>;
}

/** One render thread and one verify thread; both are replaced when either dies. */
class Slot {
  busy = false;
  private threads: Threads | null = null;

  constructor(private readonly options: RenderPoolOptions | null) {}

  get renderThreadId(): number | null {
    return this.threads?.render.threadId ?? null;
  }

  ready(): Promise<void> {
    return this.options ? this.start().ready : Promise.resolve();
  }

  async stop(): Promise<void> {
    const threads = this.threads;
    this.threads = null;
    if (threads) await Promise.all([threads.render.terminate(), threads.verify.terminate()]);
  }

  private start() {
    if (this.threads) return this.threads;
    const options = this.options as RenderPoolOptions;
    const entry = path.join(__dirname, `pool-thread${path.extname(__filename)}`);
    const spawn = (role: PoolThreadData['role'], heapMb: number) => {
      const worker = new Worker(entry, { workerData: { role } satisfies PoolThreadData, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
      worker.unref();
      return worker;
    };
    const render = spawn('render', options.renderHeapMb ?? 1024);
    const verify = spawn('verify', options.verifyHeapMb ?? 512);
    const readyOf = (worker: Worker) =>
      new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new RenderThreadDiedError(`exited with code ${code} while starting`)));
      });
    const threads: Threads = { render, verify, ready: Promise.resolve() };
    threads.ready = Promise.all([readyOf(render), readyOf(verify)]).then(() => this.warmUp(threads));
    threads.ready.catch(() => undefined);
    this.threads = threads;
    // A thread that dies outside a job leaves the slot to be started afresh by the next one.
    for (const worker of [render, verify]) worker.once('exit', () => this.threads === threads && void this.replace(threads));
    return threads;
  }

  private async replace(threads: { render: Worker; verify: Worker }): Promise<void> {
    if (this.threads === threads) this.threads = null;
    await Promise.all([threads.render.terminate(), threads.verify.terminate()]);
  }

  async run(job: number, work: PoolJob, batchSize: number): Promise<PoolOutcome> {
    let threads = this.start();
    try {
      await threads.ready;
    } catch {
      await this.replace(threads);
      threads = this.start();
      await threads.ready;
    }
    return this.runOn(threads, job, work, batchSize);
  }

  /** A synthetic production rendered nowhere and verified (WARM_UP_ROWS); one that does not verify fails the slot's start. */
  private async warmUp(threads: Threads): Promise<void> {
    const header = syntheticProductionHeader({ expectedRecords: WARM_UP_ROWS + 1 });
    const checks = syntheticChecks(WARM_UP_ROWS, header).then((values) => ({ ...values, options: { batesPrefix: header.batesPrefix, batesStart: 1 } }));
    const { verification } = await this.runOn(threads, WARM_UP_JOB, { header, records: syntheticLoans(WARM_UP_ROWS), outputPath: null, checks }, (this.options as RenderPoolOptions).batchSize ?? DEFAULT_BATCH_SIZE);
    if (!verification?.ok) throw new RenderThreadDiedError('the warm-up production did not verify');
  }

  private runOn(threads: Threads, job: number, work: Omit<PoolJob, 'outputPath'> & { outputPath: string | null }, batchSize: number): Promise<PoolOutcome> {
    const { render, verify } = threads;
    const channel = work.checks ? new MessageChannel() : null;
    return new Promise<PoolOutcome>((resolve, reject) => {
      const source = batches(work.records, batchSize);
      let rendered: ProductionResult | null = null;
      let verification: StreamingVerificationResult | null = null;
      let settled = false;
      const cleanup = () => {
        // Idle threads do not keep the process alive; busy ones do (see start()).
        render.unref();
        verify.unref();
        render.off('message', onRender);
        verify.off('message', onVerify);
        for (const worker of [render, verify]) {
          worker.off('error', onDeath);
          worker.off('exit', onExit);
        }
        channel?.port1.close();
        channel?.port2.close();
      };
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        cleanup();
        void source.return(undefined);
        outcome();
      };
      const fail = (error: Error, threadsLost = false) => {
        settle(() => reject(error));
        // A job that failed midway leaves its threads in an unknown state: start fresh ones.
        if (threadsLost || rendered === null || (work.checks && verification === null)) void this.replace(threads);
      };
      let verifyFailure: string | null = null;
      const finishIfDone = () => {
        if (rendered && verifyFailure) fail(new Error(`Production verification failed: ${verifyFailure}`));
        else if (rendered && (!work.checks || verification)) settle(() => resolve({ rendered: rendered as ProductionResult, verification }));
      };
      const feed = async () => {
        try {
          const next = await source.next();
          const request: RenderRequest = next.done ? { type: 'end', job } : { type: 'batch', job, records: next.value };
          if (!settled) render.postMessage(request);
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      };
      const onRender = (reply: RenderReply) => {
        if (!('job' in reply) || reply.job !== job) return;
        if (reply.type === 'pull') void feed();
        else if (reply.type === 'progress') work.onProgress?.(reply.progress);
        else if (reply.type === 'done') {
          rendered = reply.result;
          finishIfDone();
        } else fail(new Error(`Production rendering failed: ${reply.message}`));
      };
      const onVerify = (reply: VerifyReply) => {
        if (!('job' in reply) || reply.job !== job) return;
        if (reply.type === 'verified') {
          verification = reply.result;
          finishIfDone();
        } else {
          // Reported once the renderer answers too: when rendering failed as well, its failure is the one to report.
          verifyFailure = reply.message;
          finishIfDone();
        }
      };
      const onDeath = (error: Error) => fail(new RenderThreadDiedError(error.message), true);
      const onExit = (code: number) => fail(new RenderThreadDiedError(`exited with code ${code}`), true);
      render.ref();
      verify.ref();
      render.on('message', onRender);
      verify.on('message', onVerify);
      for (const worker of [render, verify]) {
        worker.on('error', onDeath);
        worker.on('exit', onExit);
      }
      void (async () => {
        const request: RenderRequest = { type: 'render', job, header: work.header, outputPath: work.outputPath, sealWith: work.sealWith ?? null, verifier: channel ? channel.port1 : null };
        render.postMessage(request, channel ? [channel.port1] : []);
        if (work.checks && channel) {
          // The verify thread reads pages from now on; the checks follow when the caller has them.
          verify.postMessage({ type: 'verify', job, renderer: channel.port2 } satisfies VerifyRequest, [channel.port2]);
          const checks = await work.checks;
          if (settled) return;
          verify.postMessage({ type: 'withheld', job, options: checks.options, values: checks.withheld } satisfies VerifyRequest);
          for (const values of chunked(checks.produced, PRODUCED_PER_MESSAGE)) verify.postMessage({ type: 'produced', job, values } satisfies VerifyRequest);
          verify.postMessage({ type: 'start', job } satisfies VerifyRequest);
        }
      })().catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    });
  }
}

/** The same job on the calling thread (under ts-jest, where a thread cannot load TypeScript), reading ahead alike. */
async function renderHere(job: PoolJob): Promise<PoolOutcome> {
  const verification = job.checks ? StreamingVerification.readingAhead() : null;
  const checked = job.checks && verification ? Promise.resolve(job.checks).then((checks) => {
    verification.setChecks(checks.withheld, checks.options);
    for (const value of checks.produced) {
      verification.exemptWithin(value);
      verification.expectPresent(value);
    }
    verification.startChecking();
  }) : Promise.resolve();
  checked.catch(() => undefined);
  const output = renderOutput(job.outputPath, job.sealWith);
  const rendered = await renderProduction({ ...job.header, records: job.records }, output.stream, job.onProgress, {
    verificationFeed: verification ? (chunk) => verification.chunk(chunk) : undefined,
  }).catch((error: unknown) => {
    output.abandon();
    throw error;
  });
  await output.written;
  await checked;
  return { rendered, verification: verification ? verification.finish(rendered.ownWording) : null };
}

function* chunked<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
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
