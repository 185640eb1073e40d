import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '@custodian/config';
import { describeError } from '@custodian/persistence';
import { RenderPool } from '@custodian/production';
import { JobName, OutboxRelay, QUEUE_NAMES, QUEUES, QueueName, QueueRegistry, RateLimitedLog, createRedisConnection } from '@custodian/queues';
import { JOB_HANDLERS, JobHandler, handlerProblems } from './job-handler';
import { assertNotPoison } from './poison-guard';
import { StepFailures } from './step-failures';

/** Upserting the schedulers is tried this many times (waits of 0.5 s, 1 s, … 3.5 s: 14 s in all) before the worker gives up starting. */
const HOUSEKEEPING_ATTEMPTS = 8;

/**
 * How many jobs of a queue one worker process runs at once. Fulfilment is set by FULFILMENT_CONCURRENCY: its CPU work
 * runs on the render pool's threads (one slot per core), so several productions overlap their database reads and
 * writes with another's rendering, and small ones pass a large one (RenderPool keeps a slot free of large jobs).
 */
const CONCURRENCY: Record<Exclude<QueueName, 'fulfilment'>, number> = {
  intake: 4, 'legal-review': 4, denial: 2, 'records-import': 1, letters: 2, reminders: 4, maintenance: 1,
};

/**
 * Starts one BullMQ worker per queue and dispatches each job to its handler by name. Also runs the
 * reconciling sweep that relays outbox rows a crashed process committed but never enqueued.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHost');
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];
  private sweep?: NodeJS.Timeout;
  /** An outage makes every worker and every sweep fail each second: log them a few times, not thousands. */
  private readonly outageLog = new RateLimitedLog((message) => this.logger.error(message));

  constructor(
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandler[],
    private readonly config: AppConfig,
    private readonly relay: OutboxRelay,
    private readonly queues: QueueRegistry,
    private readonly stepFailures: StepFailures,
    private readonly renderPool: RenderPool,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const catalogue = QUEUE_NAMES.flatMap((queue) => [...QUEUES[queue]]) as JobName[];
    const problems = handlerProblems(catalogue, this.handlers);
    if (problems.length) throw new Error(`Job handlers do not match the queue catalogue: ${problems.join('; ')}`);
    const byName = new Map(this.handlers.map((handler) => [handler.jobName, handler]));

    for (const queue of QUEUE_NAMES) {
      const connection = createRedisConnection(this.config.REDIS_URL, { role: 'worker', log: (message) => this.logger.warn(message) });
      this.connections.push(connection);
      const worker = new Worker(queue, async (job) => {
        assertNotPoison(job, this.config.POISON_AFTER_CRASHES);
        return byName.get(job.name as JobName)!.handle(job as never);
      }, {
        connection,
        prefix: this.config.QUEUE_PREFIX,
        concurrency: queue === 'fulfilment' ? this.config.FULFILMENT_CONCURRENCY : CONCURRENCY[queue],
        lockDuration: this.config.JOB_LOCK_MS,
        stalledInterval: this.config.STALLED_INTERVAL_MS,
        // Equal to the poison limit, so a job that keeps killing its process is quarantined by assertNotPoison.
        maxStalledCount: this.config.POISON_AFTER_CRASHES,
      });
      worker.on('failed', (job, error) => {
        this.logger.warn(`job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${describeError(error)}`);
        if (job && this.stepFailures.isFinal(job, error)) void this.stepFailures.release(job, error);
      });
      worker.on('error', (error) => this.outageLog.log('worker', `worker ${queue} error: ${describeError(error)}`));
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
    this.sweep = setInterval(
      () => void this.relay.flush().then(
        () => this.outageLog.recovered('sweep', 'outbox sweep works again'),
        (error: Error) => this.outageLog.log('sweep', `outbox sweep failed: ${describeError(error)}`),
      ),
      this.config.OUTBOX_SWEEP_MS,
    );
    // A producer command has a one-second timeout (fail fast while Redis is down); on a loaded machine one can time
    // out at start. That must not stop the worker: the sweep above relays what the first flush did not, and the
    // schedulers are upserted again until they are in place.
    await this.relay.flush().catch((error: Error) => this.outageLog.log('sweep', `outbox sweep failed at start (the sweep retries): ${describeError(error)}`));
    await this.scheduleHousekeepingUntilDone();
    this.logger.log(`worker ready: ${this.workers.length} queues, ${this.handlers.length} job handlers`);
  }

  private async scheduleHousekeepingUntilDone(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.scheduleHousekeeping();
      } catch (error) {
        if (attempt >= HOUSEKEEPING_ATTEMPTS) throw error;
        this.logger.warn(`scheduling housekeeping failed (attempt ${attempt}, trying again): ${describeError(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  }

  /** Job schedulers are upserted by id, so every worker start leaves exactly one of each. */
  private async scheduleHousekeeping(): Promise<void> {
    await this.queues.get('reminders').upsertJobScheduler('sweep-deadlines', { every: 3_600_000 }, { name: 'sweep-deadlines', data: {} });
    await this.queues.get('reminders').upsertJobScheduler('remind-patron-notices', { every: 3_600_000 }, { name: 'remind-patron-notices', data: {} });
    await this.queues.get('maintenance').upsertJobScheduler('purge-records', { every: 24 * 3_600_000 }, { name: 'purge-records', data: {} });
    await this.queues.get('maintenance').upsertJobScheduler('prune-outbox', { every: 24 * 3_600_000 }, { name: 'prune-outbox', data: {} });
  }

  /** Graceful stop: no new jobs are taken, running ones finish, then connections close. */
  async onApplicationShutdown(): Promise<void> {
    if (this.sweep) clearInterval(this.sweep);
    await Promise.all(this.workers.map((worker) => worker.close()));
    // Only now: a job BullMQ already handed out may still be on its way to the pool, and a closed pool refuses it.
    await this.renderPool.close();
    await Promise.all(this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
    this.logger.log(`worker stopped: ${this.workers.length} queues closed after their running jobs finished`);
  }
}
