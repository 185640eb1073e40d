export * from './retention-schedule';
export * from './purge-plan';
