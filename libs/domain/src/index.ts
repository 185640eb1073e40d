export * from './roles';
export * from './request-types';
export * from './case-state';
export * from './scope';
export * from './responsive-record';
export * from './duties';
