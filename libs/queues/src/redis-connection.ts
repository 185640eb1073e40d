import IORedis, { Redis } from 'ioredis';

/** BullMQ needs maxRetriesPerRequest null on connections used by workers and blocking commands. */
export function createRedisConnection(url: string): Redis {
  return new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}
