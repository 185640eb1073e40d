import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DEFAULT_JOB_OPTIONS, JobRequest, QUEUE_NAMES, QueueName, queueOf } from './catalogue';
import { RateLimitedLog } from './rate-limited-log';

/** Producer side of every queue: used by the API and by workers that enqueue follow-up steps. */
export class QueueRegistry {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly connection: Redis,
    readonly prefix: string,
    log: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
  ) {
    // A queue without an error listener prints every failed reconnect as a stack trace: one line per 30 s instead.
    const errors = new RateLimitedLog(log);
    for (const name of QUEUE_NAMES) {
      const queue = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      queue.on('error', (error: Error & { code?: string }) => errors.log('queue', `queues cannot reach Redis: ${error.code ?? error.name}`));
      this.queues.set(name, queue);
    }
    connection.on('ready', () => errors.recovered('queue', 'queues reach Redis again'));
  }

  get(name: QueueName): Queue {
    return this.queues.get(name)!;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  async add(request: JobRequest): Promise<void> {
    await this.get(queueOf(request.name)).add(request.name, request.payload, jobOptions(request));
  }

  /** Several requests in one round trip per queue. */
  async addMany(requests: readonly JobRequest[]): Promise<void> {
    const byQueue = new Map<QueueName, JobRequest[]>();
    for (const request of requests) byQueue.set(queueOf(request.name), [...(byQueue.get(queueOf(request.name)) ?? []), request]);
    await Promise.all([...byQueue].map(([queue, list]) => this.get(queue).addBulk(list.map((request) => ({ name: request.name, data: request.payload, opts: jobOptions(request) })))));
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((queue) => queue.close()));
  }
}

function jobOptions(request: JobRequest) {
  return {
    jobId: request.jobId,
    // The delay is measured when the job reaches Redis, so a late relay does not push it later still.
    delay: request.runAt ? Math.max(0, request.runAt.getTime() - Date.now()) : undefined,
  };
}
