import IORedis, { Redis } from 'ioredis';

/** Redis for sign-in state and lock-outs, apart from BullMQ's connection. */
export const AUTH_REDIS = Symbol('AUTH_REDIS');

/**
 * Fails fast instead of queueing: when Redis is away, authentication falls back to the database and lock-outs to
 * an in-process counter, so a request never waits on a reconnect.
 */
export function createAuthRedis(url: string): Redis {
  return new IORedis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000, connectionName: 'custodian-auth' });
}
