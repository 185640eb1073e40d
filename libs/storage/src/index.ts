export * from './content-store';
export * from './storage.module';
