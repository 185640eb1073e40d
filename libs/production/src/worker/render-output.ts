import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { FileSealingKey, sealingStream } from '@custodian/storage/file-envelope';

export type { FileSealingKey };

/**
 * Where a renderer writes its PDF: the file at `path`, sealed from the first byte with `key` when given (the
 * production case: decision 0051), plain otherwise (benchmarks and tests that read the file themselves); nowhere
 * for a null path (the render pool's warm-up, whose bytes only its verifier reads).
 * `written` settles once every byte is on disk; `abandon` stops the file after a failed rendering.
 */
export function renderOutput(path: string | null, key: FileSealingKey | null | undefined): { stream: Writable; written: Promise<void>; abandon(): void } {
  if (path === null) {
    const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
    return settled({ stream: discard, written: finished(discard), abandon: () => discard.destroy() });
  }
  const file = createWriteStream(path);
  if (!key) return settled({ stream: file, written: finished(file), abandon: () => file.destroy() });
  const sealing = sealingStream(key);
  return settled({ stream: sealing, written: pipeline(sealing, file), abandon: () => sealing.destroy() });
}

// A failed rendering's `written` rejects when nobody waits for it any more: that must not be an unhandled rejection.
function settled<T extends { written: Promise<void> }>(output: T): T {
  output.written.catch(() => undefined);
  return output;
}
