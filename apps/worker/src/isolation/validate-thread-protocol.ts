/** An export file as a thread can open it again: by path, since functions do not cross threads. */
export type ThreadExportFile = { format: 'json' | 'csv'; table?: string; path: string; size?: number };

/** What the probe needs of the validation options; Maps and Sets cross threads by structured clone. */
export interface ProbeOptions {
  knownPatrons?: ReadonlyMap<number, string>;
  anonymousPatrons?: Iterable<number>;
}

export interface ValidateThreadData {
  files: ThreadExportFile[];
  options: { knownPatrons?: ReadonlyMap<number, string>; anonymousPatrons?: number[] };
}

export type ValidateThreadMessage = { type: 'done' } | { type: 'failed'; name: string };
