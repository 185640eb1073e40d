export * from './passwords';
export * from './policy';
export * from './current-user';
