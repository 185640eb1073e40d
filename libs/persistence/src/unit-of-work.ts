import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in one database transaction. SQLite has one connection per process and TypeORM nests
 * concurrent transactions on it as savepoints, so on SQLite transactions are queued one at a time.
 */
export class UnitOfWork {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {}

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.isPostgres) return this.dataSource.transaction(work);
    const result = this.sqliteQueue.then(() =>
      this.dataSource.transaction(async (manager) => {
        // TypeORM opens a deferred transaction. Taking the write lock first (a no-op write) makes SQLite wait
        // for the other process's writer (busy timeout) instead of failing later with SQLITE_BUSY_SNAPSHOT
        // when this transaction's first read is already older than the other process's commit.
        await manager.query('UPDATE settings SET "key" = "key" WHERE 1 = 0');
        return work(manager);
      }),
    );
    this.sqliteQueue = result.catch(() => undefined);
    return result;
  }

  /** Serialises appends to a chain (the audit log) across processes on PostgreSQL; SQLite writers are already serial. */
  async lockChain(manager: EntityManager, key: number): Promise<void> {
    if (this.isPostgres) await manager.query('SELECT pg_advisory_xact_lock($1)', [key]);
  }
}
