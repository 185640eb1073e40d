export * from './audit-event';
export * from './audit-log';
export * from './canonical-json';
export * from './hash-chain';
export * from './audit.module';
