import type { Redis } from 'ioredis';

/** The queues cannot take a job now (Redis is down): the HTTP layer answers 503 and nothing was committed. */
export class QueueUnavailableError extends Error {
  constructor() {
    super('The job queue is unavailable; nothing was changed. Try again shortly.');
    this.name = 'QueueUnavailableError';
  }
}

/**
 * Asked before a change that queues a job commits. The API refuses such a change while Redis is not connected,
 * so a client never gets a 2xx for a step that cannot start (nor a 409 on its retry); if Redis drops after the
 * check, the outbox row still carries the job and the worker's sweep relays it once Redis is back.
 */
export interface QueueGate {
  assertAvailable(): void;
}

export class RedisQueueGate implements QueueGate {
  constructor(private readonly redis: Pick<Redis, 'status'>) {}

  assertAvailable(): void {
    if (this.redis.status !== 'ready') throw new QueueUnavailableError();
  }
}
