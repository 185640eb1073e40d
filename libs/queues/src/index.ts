export * from './catalogue';
export * from './redis-connection';
export * from './queue-registry';
export * from './outbox';
export * from './queues.module';
export * from './rate-limited-log';
export * from './queue-gate';
