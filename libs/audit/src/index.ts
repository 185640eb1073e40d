export * from './audit-event';
export * from './audit-keys';
export * from './audit-heads';
export * from './audit-log';
export * from './audit-head-exporter';
export * from './canonical-json';
export * from './hash-chain';
export * from './audit.module';
