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
    const result = this.sqliteQueue.then(() => this.dataSource.transaction(work));
    this.sqliteQueue = result.catch(() => undefined);
    return result;
  }

  /** Serialises appends to a chain (the audit log) across processes on PostgreSQL; SQLite writers are already serial. */
  async lockChain(manager: EntityManager, key: number): Promise<void> {
    if (this.isPostgres) await manager.query('SELECT pg_advisory_xact_lock($1)', [key]);
  }
}
