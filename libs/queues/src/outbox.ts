import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { OutboxMessageEntity } from '@custodian/persistence';
import { JobRequest, queueOf } from './catalogue';
import { QueueRegistry } from './queue-registry';

/** Writes a job request inside the caller's transaction; it reaches Redis only after that commits. */
export async function enqueueInTransaction(manager: EntityManager, request: JobRequest): Promise<void> {
  // The same step may be requested twice (a sweep and a transition at once): the first row wins, quietly.
  await manager.createQueryBuilder().insert().into(OutboxMessageEntity).orIgnore().values({
    id: randomUUID(),
    queue: queueOf(request.name),
    jobName: request.name,
    jobId: request.jobId,
    payload: request.payload as never,
    runAt: request.runAt ?? null,
    dispatchedAt: null,
    createdAt: new Date(),
  }).execute();
}

/**
 * Moves committed outbox rows to BullMQ. Called right after a commit and by a periodic sweep, so a crash
 * between commit and enqueue loses nothing. Deterministic job ids make a double relay harmless.
 */
export class OutboxRelay {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  async flush(limit = 200): Promise<number> {
    const pending = await this.dataSource.getRepository(OutboxMessageEntity).find({
      where: { dispatchedAt: IsNull() },
      order: { createdAt: 'ASC' },
      take: limit,
    });
    for (const message of pending) {
      await this.queues.add({ name: message.jobName as JobRequest['name'], payload: message.payload as never, jobId: message.jobId, runAt: message.runAt ?? undefined });
      await this.dataSource
        .createQueryBuilder()
        .update(OutboxMessageEntity)
        .set({ dispatchedAt: new Date() })
        .where('id = :id AND "dispatchedAt" IS NULL', { id: message.id })
        .execute();
    }
    return pending.length;
  }
}
