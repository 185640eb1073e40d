import IORedis, { Redis } from 'ioredis';
import { RateLimitedLog } from './rate-limited-log';

/**
 * - `worker`: BullMQ workers' blocking connections need maxRetriesPerRequest null; they wait out an outage.
 * - `producer`: the API's enqueue path, the outbox relay and health probes must fail fast while Redis is down
 *   (no offline queue, a short command timeout), so a request answers 503 in about a second instead of hanging
 *   and the outbox keeps what could not be sent.
 */
export type RedisRole = 'worker' | 'producer';

export interface RedisConnectionOptions {
  role?: RedisRole;
  /** Where connection errors go; they are rate-limited, so an outage gives a few lines, not thousands. */
  log?: (message: string) => void;
  /** Milliseconds a producer command may take before it fails (default 1000). */
  commandTimeoutMs?: number;
}

export function createRedisConnection(url: string, options: RedisConnectionOptions = {}): Redis {
  const role = options.role ?? 'worker';
  const connection =
    role === 'worker'
      ? new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, retryStrategy: reconnectDelay })
      : new IORedis(url, {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          commandTimeout: options.commandTimeoutMs ?? 1000,
          connectTimeout: 2000,
          enableReadyCheck: true,
          lazyConnect: false,
          retryStrategy: reconnectDelay,
        });
  const limited = new RateLimitedLog(options.log ?? ((message) => process.stderr.write(`${message}\n`)));
  // Without a listener ioredis prints every failed reconnect; with one, an outage is a line every 30 s.
  connection.on('error', (error: Error & { code?: string }) => limited.log('error', `redis (${role}) unavailable: ${error.code ?? error.name}`));
  connection.on('ready', () => limited.recovered('error', `redis (${role}) connection is back`));
  return connection;
}

/** Reconnect soon, then every two seconds at most, for ever: Redis coming back must be noticed quickly. */
function reconnectDelay(attempt: number): number {
  return Math.min(100 * attempt, 2000);
}
