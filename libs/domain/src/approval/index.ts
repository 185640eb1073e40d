export * from './approval-gate';
