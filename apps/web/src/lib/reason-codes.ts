import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { ApiError, toApiError } from '../api/errors';
import type { ReasonCodeEntry, ReasonCodeTable } from '../api/schema';
import type { Resource } from './useResource';

/**
 * The catalogue of reason codes (GET /api/reason-codes) with their labels and citations. It is the same for
 * everyone and does not change while the app runs, so it is fetched once and shared; a failed fetch is
 * not kept, and the next screen that asks tries again.
 */
let cached: ReasonCodeTable | null = null;
let inFlight: Promise<ReasonCodeTable> | null = null;

function loadReasonCodes(): Promise<ReasonCodeTable> {
  if (cached) return Promise.resolve(cached);
  inFlight ??= api.GET('/api/reason-codes').then(
    (table) => {
      cached = table;
      inFlight = null;
      return table;
    },
    (error: unknown) => {
      inFlight = null;
      throw error;
    },
  );
  return inFlight;
}

/** The catalogue as a resource (for AsyncContent): `data` is the table once it has loaded. */
export function useReasonCodes(): Resource<ReasonCodeTable> {
  const [state, setState] = useState<{ table?: ReasonCodeTable; error?: ApiError }>(() => (cached ? { table: cached } : {}));
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (cached) {
      setState({ table: cached });
      return;
    }
    let current = true;
    loadReasonCodes().then(
      (table) => current && setState({ table }),
      (error: unknown) => current && setState({ error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: state.table, error: state.error, loading: !state.table && !state.error, reload };
}

/** The codes a review or a decision can give for the case as a whole, in the catalogue's order. */
export function caseLevelCodes(table: ReasonCodeTable): string[] {
  return Object.keys(table).filter((code) => table[code].levels.includes('case'));
}

/**
 * The choices offered for a case's reasons: first the ones to keep in view (the rule's defaults, then
 * anything already chosen), then the other case-level codes. Codes already chosen are never dropped,
 * even if they are not case-level, so nothing disappears from a form.
 */
export function reasonChoices(table: ReasonCodeTable, pinned: string[]): { pinned: string[]; others: string[] } {
  const first = [...new Set(pinned)];
  const others = caseLevelCodes(table).filter((code) => !first.includes(code));
  return { pinned: first, others };
}

/** The catalogue's entry for a code, if it has one (codes are matched exactly, never by prototype). */
export function reasonEntry(table: ReasonCodeTable | undefined, code: string): ReasonCodeEntry | undefined {
  return table && Object.prototype.hasOwnProperty.call(table, code) ? table[code] : undefined;
}
