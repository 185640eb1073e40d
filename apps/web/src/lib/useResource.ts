import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, toApiError } from '../api/errors';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True while the first answer for this request is awaited (not during a refresh). */
  loading: boolean;
  reload: () => void;
}

interface Options<T> {
  /** Keep refreshing while this holds for the latest data (a step running, a PDF rendering). */
  refreshWhile?: (data: T) => boolean;
  intervalMs?: number;
}

/**
 * Runs `load` (a typed API call, e.g. `() => api.GET('/api/cases/{id}', { params: { path: { id } } })`; null:
 * nothing yet) again whenever `key` changes, keeps the last good data through refreshes, and polls on request.
 * `key` names what is loaded (the path and its parameters): data loaded for another key is never shown.
 */
export function useResource<T>(load: (() => Promise<T>) | null, key: readonly unknown[], options: Options<T> = {}): Resource<T> {
  const id = load === null ? null : JSON.stringify(key);
  const [state, setState] = useState<{ id: string | null; data?: T; error?: ApiError }>({ id });
  const [version, setVersion] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const refreshWhile = useRef(options.refreshWhile);
  refreshWhile.current = options.refreshWhile;
  const intervalMs = options.intervalMs ?? 1000;

  useEffect(() => {
    if (id === null || !loader.current) return;
    let current = true;
    loader.current().then(
      (data) => current && setState({ id, data }),
      (error) => current && setState((s) => ({ id, data: s.id === id ? s.data : undefined, error: toApiError(error) })),
    );
    return () => {
      current = false;
    };
  }, [id, version]);

  const fresh = state.id === id;
  const data = fresh ? state.data : undefined;
  const error = fresh ? state.error : undefined;

  useEffect(() => {
    if (data === undefined || error || !refreshWhile.current?.(data)) return;
    const timer = window.setTimeout(() => setVersion((v) => v + 1), intervalMs);
    return () => window.clearTimeout(timer);
  }, [data, error, intervalMs]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading: id !== null && !fresh, reload };
}
