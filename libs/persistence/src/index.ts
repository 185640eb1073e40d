export * from './entities';
export * from './migrations';
export * from './data-source';
export * from './unit-of-work';
export * from './persistence.module';
export * from './safe-error';
