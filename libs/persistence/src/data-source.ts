import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

const MIGRATION_LOCK_KEY = 7927105;
/** How long a request waits for a database connection before it is answered 503. */
export const POOL_CONNECT_TIMEOUT_MS = 10_000;

export interface DatabaseSettings {
  /** postgres:// URL, or undefined for the embedded SQLite file. */
  url?: string;
  sqlitePath: string;
}

export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, logging: false, migrationsRun: false } as const;
  if (settings.url) {
    // While the server is unreachable a request must fail fast (the API answers 503), not wait for ever for a pool
    // connection: connecting (or waiting for a free pooled connection) gives up after 10 s, and keep-alive notices a connection the network dropped.
    return { ...common, type: 'postgres', url: settings.url, extra: { max: 10, application_name: 'custodian', connectionTimeoutMillis: POOL_CONNECT_TIMEOUT_MS, keepAlive: true } };
  }
  if (settings.sqlitePath !== ':memory:') mkdirSync(dirname(settings.sqlitePath), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: settings.sqlitePath,
    // The API and the worker are two processes on one file: WAL lets readers and one writer overlap,
    // and the busy timeout makes a writer wait instead of failing with SQLITE_BUSY.
    enableWAL: true,
    timeout: 15000,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
    },
  };
}

/** Opens the database and brings its schema up to date with the migrations. */
export async function openDatabase(settings: DatabaseSettings): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(settings));
  await dataSource.initialize();
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    return dataSource;
  }
  // The API and the worker may start together: a session lock lets one migrate while the other waits.
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockHolder.release();
  }
  return dataSource;
}
