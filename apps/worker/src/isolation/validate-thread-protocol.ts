import type { FileKeyring } from '@custodian/storage';

/** An export file as a thread can open it again: by its address in the store, since functions do not cross threads. */
export type ThreadExportFile = { format: 'json' | 'csv'; table?: string; sha256: string; size?: number };

/** Where the thread reads the sealed exports from, and the keys to unseal them (held in memory only). */
export interface ThreadStore {
  root: string;
  keyring: FileKeyring;
}

/** What the probe needs of the validation options; Maps and Sets cross threads by structured clone. */
export interface ProbeOptions {
  knownPatrons?: ReadonlyMap<number, string>;
  anonymousPatrons?: Iterable<number>;
}

export interface ValidateThreadData {
  store: ThreadStore;
  files: ThreadExportFile[];
  options: { knownPatrons?: ReadonlyMap<number, string>; anonymousPatrons?: number[] };
}

export type ValidateThreadMessage = { type: 'done' } | { type: 'failed'; name: string };
