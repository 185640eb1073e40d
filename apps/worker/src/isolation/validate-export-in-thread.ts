import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ProbeOptions, ThreadExportFile, ThreadStore, ValidateThreadData, ValidateThreadMessage } from './validate-thread-protocol';

/** The export needed more memory than the import thread may use: a poison file, refused, never retried. */
export class ExportTooDemandingError extends Error {
  constructor(readonly heapMb: number) {
    super(`reading the export needed more than the import's memory limit of ${heapMb} MB (a value in it is far too large)`);
    this.name = 'ExportTooDemandingError';
  }
}

export interface ThreadLimits {
  /** V8 old-generation limit of the thread, in MB. */
  heapMb: number;
  /** Uploads of at most this many bytes in total are not probed (they cannot build a heap that matters). */
  isolateAboveBytes: number;
}

/**
 * The first read of untrusted bytes runs in a worker thread with a heap limit: validation runs there in full, so
 * a file that would exhaust memory kills only that thread (ExportTooDemandingError), never the worker process and
 * the other queues' jobs with it. Only whether it finished comes back; the worker then validates and imports as
 * usual, knowing the file fits. Any other failure in the thread is ignored here: the real validation reports it.
 *
 * Under ts-jest this file is .ts and a thread cannot load it, so there the probe is skipped; the thread path runs
 * in the compiled worker, which the e2e tests exercise.
 */
export async function probeExportInThread(store: ThreadStore, files: ThreadExportFile[], limits: ThreadLimits, options: ProbeOptions): Promise<void> {
  const total = files.reduce((sum, file) => sum + (file.size ?? Number.POSITIVE_INFINITY), 0);
  if (total <= limits.isolateAboveBytes || path.extname(__filename) === '.ts') return;
  const workerData: ValidateThreadData = {
    store,
    files,
    options: { knownPatrons: options.knownPatrons, anonymousPatrons: options.anonymousPatrons ? [...options.anonymousPatrons] : undefined },
  };
  const worker = new Worker(path.join(__dirname, `validate-export-thread${path.extname(__filename)}`), {
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: Math.max(8, Math.round(limits.heapMb / 8)) },
    stdout: false,
    stderr: false,
  });
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      outcome();
    };
    worker.on('message', (_message: ValidateThreadMessage) => settle(resolve));
    worker.on('error', (error: Error & { code?: string }) => settle(() => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? reject(new ExportTooDemandingError(limits.heapMb)) : resolve())));
    worker.on('exit', () => settle(resolve));
  });
}
