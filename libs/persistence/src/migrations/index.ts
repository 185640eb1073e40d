import { InitialSchema1764300000000 } from './1764300000000-initial-schema';

/** Every migration, in order. Listed explicitly so the compiled app never globs the file system. */
export const MIGRATIONS = [InitialSchema1764300000000];
