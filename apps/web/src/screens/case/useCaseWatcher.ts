import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import type { CaseDetail, CaseStatus } from '../../api/schema';
import { awaitedLetter, isBusy, needsReload } from './case-status';

const INTERVAL_MS = 1000;
const LETTER_INTERVAL_MS = 1500;
/** About a minute of waiting for a letter before the page offers to check by hand. */
const LETTER_TRIES = 40;

export interface CaseWatch {
  /** The latest status probe while a step runs (progress of the production and imports); null when idle. */
  live: CaseStatus | null;
  /** A letter the worker is still writing, and whether the page has stopped waiting for it. */
  letter: { kind: string; stalled: boolean } | null;
}

/**
 * While a step runs on the case, watches it cheaply instead of re-reading the whole case every second (every
 * full read is an audited `case.read`): GET /api/cases/:id/status carries the state, pending step, version and
 * the progress of the production and imports, and the case is re-read only when `needsReload` says so.
 *
 * Writing a needs-info letter does not touch the case row; while one is awaited the page watches the status's
 * letter list and re-reads the case when a new letter appears.
 */
export function useCaseWatcher(c: CaseDetail, reload: () => void): CaseWatch {
  const [live, setLive] = useState<CaseStatus | null>(null);
  const [letterStalled, setLetterStalled] = useState(false);
  const busy = isBusy(c);
  const letterKind = awaitedLetter(c);

  useEffect(() => {
    if (!busy) return;
    let stopped = false;
    let timer = 0;
    const tick = async () => {
      try {
        const status = await api.GET('/api/cases/{id}/status', { params: { path: { id: c.id } } });
        if (stopped) return;
        setLive(status);
        if (needsReload(c, status)) {
          reload();
          return;
        }
      } catch (error) {
        // A case that vanished (or was hidden) is re-read to show "not found"; anything else is retried.
        if (toApiError(error).status === 404) {
          if (!stopped) reload();
          return;
        }
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), INTERVAL_MS);
    };
    timer = window.setTimeout(() => void tick(), INTERVAL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [busy, c, reload]);

  useEffect(() => {
    setLetterStalled(false);
    if (!letterKind || busy) return;
    let stopped = false;
    let timer = 0;
    let tries = 0;
    const known = new Set(c.letters.map((l) => l.id));
    const tick = async () => {
      try {
        const { letters } = await api.GET('/api/cases/{id}/status', { params: { path: { id: c.id } } });
        if (stopped) return;
        if (letters.some((letter) => !known.has(letter.id))) {
          reload();
          return;
        }
      } catch {
        // retried on the next tick
      }
      if (stopped) return;
      if (++tries >= LETTER_TRIES) setLetterStalled(true);
      else timer = window.setTimeout(() => void tick(), LETTER_INTERVAL_MS);
    };
    timer = window.setTimeout(() => void tick(), LETTER_INTERVAL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [letterKind, busy, c, reload]);

  return { live: busy && live?.id === c.id ? live : null, letter: letterKind ? { kind: letterKind, stalled: letterStalled } : null };
}
