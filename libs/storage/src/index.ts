export * from './content-store';
export * from './file-envelope';
export * from './store-maintenance';
export * from './storage.module';
