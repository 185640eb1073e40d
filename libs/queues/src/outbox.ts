import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { OutboxMessageEntity } from '@custodian/persistence';
import { JobRequest, queueOf } from './catalogue';
import { QueueRegistry } from './queue-registry';

/**
 * Writes a job request inside the caller's transaction; it reaches Redis only after that commits. Returns the row's
 * id, so the caller can relay exactly its own rows after commit.
 */
export async function enqueueInTransaction(manager: EntityManager, request: JobRequest): Promise<string> {
  const id = randomUUID();
  // The same step may be requested twice (a sweep and a transition at once): the first row wins, quietly.
  await manager.createQueryBuilder().insert().into(OutboxMessageEntity).orIgnore().values({
    id,
    queue: queueOf(request.name),
    jobName: request.name,
    jobId: request.jobId,
    payload: request.payload as never,
    runAt: request.runAt ?? null,
    dispatchedAt: null,
    createdAt: new Date(),
  }).updateEntity(false).execute();
  return id;
}

/** Several job requests in one INSERT inside the caller's transaction; returns the ids of their rows. */
export async function enqueueAllInTransaction(manager: EntityManager, requests: readonly JobRequest[]): Promise<string[]> {
  if (!requests.length) return [];
  const rows = requests.map((request) => ({
    id: randomUUID(), queue: queueOf(request.name), jobName: request.name, jobId: request.jobId, payload: request.payload as never,
    runAt: request.runAt ?? null, dispatchedAt: null, createdAt: new Date(),
  }));
  // A job id already requested keeps its first row, quietly (as in enqueueInTransaction).
  await manager.createQueryBuilder().insert().into(OutboxMessageEntity).orIgnore().values(rows).updateEntity(false).execute();
  return rows.map((row) => row.id);
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

  /** Relays the oldest undispatched rows, whoever wrote them: the periodic sweep. */
  async flush(limit = 200): Promise<number> {
    const pending = await this.dataSource.getRepository(OutboxMessageEntity).find({
      where: { dispatchedAt: IsNull() },
      order: { createdAt: 'ASC' },
      take: limit,
    });
    await this.dispatch(pending);
    return pending.length;
  }

  /**
   * Relays just the rows one transaction wrote, right after its commit. Every commit used to flush the whole
   * backlog, so under load each transaction re-sent the rows all the others were sending too.
   */
  async flushRows(ids: readonly string[]): Promise<number> {
    if (!ids.length) return 0;
    const rows = await this.dataSource.getRepository(OutboxMessageEntity).find({ where: { id: In([...ids]), dispatchedAt: IsNull() } });
    await this.dispatch(rows);
    return rows.length;
  }

  /** One bulk add per queue, then one UPDATE: deterministic job ids make a second relay of a row harmless. */
  private async dispatch(rows: OutboxMessageEntity[]): Promise<void> {
    if (!rows.length) return;
    await this.queues.addMany(rows.map((message) => ({ name: message.jobName as JobRequest['name'], payload: message.payload as never, jobId: message.jobId, runAt: message.runAt ?? undefined })));
    await this.dataSource
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({ dispatchedAt: new Date() })
      .where({ id: In(rows.map((message) => message.id)), dispatchedAt: IsNull() })
      .execute();
  }
}
