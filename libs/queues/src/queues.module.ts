import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '@custodian/config';
import { OutboxRelay } from './outbox';
import { QueueRegistry } from './queue-registry';
import { createRedisConnection } from './redis-connection';

/** Redis, the producer side of every queue and the outbox relay, for the API and the worker alike. */
@Global()
@Module({
  providers: [
    { provide: Redis, inject: [AppConfig], useFactory: (config: AppConfig) => createRedisConnection(config.REDIS_URL, { role: 'producer', log: (message) => new Logger('Redis').warn(message) }) },
    { provide: QueueRegistry, inject: [Redis, AppConfig], useFactory: (redis: Redis, config: AppConfig) => new QueueRegistry(redis, config.QUEUE_PREFIX, (message) => new Logger('Queues').warn(message)) },
    { provide: OutboxRelay, inject: [DataSource, QueueRegistry], useFactory: (dataSource: DataSource, queues: QueueRegistry) => new OutboxRelay(dataSource, queues) },
  ],
  exports: [Redis, QueueRegistry, OutboxRelay],
})
export class QueuesModule implements OnApplicationShutdown {
  constructor(
    @Inject(QueueRegistry) private readonly queues: QueueRegistry,
    @Inject(Redis) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
