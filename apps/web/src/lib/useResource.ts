import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { ApiError, toApiError } from '../api/errors';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True while the first answer for this path is awaited (not during a refresh). */
  loading: boolean;
  reload: () => void;
}

interface Options<T> {
  /** Keep refreshing while this holds for the latest data (a step running, a PDF rendering). */
  refreshWhile?: (data: T) => boolean;
  intervalMs?: number;
}

/** GETs `path` (null: nothing yet), keeps the last good data through refreshes, and polls on request. */
export function useResource<T>(path: string | null, options: Options<T> = {}): Resource<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError }>({ path });
  const [version, setVersion] = useState(0);
  const refreshWhile = useRef(options.refreshWhile);
  refreshWhile.current = options.refreshWhile;
  const intervalMs = options.intervalMs ?? 1000;

  useEffect(() => {
    if (path === null) return;
    let current = true;
    api.get<T>(path).then(
      (data) => current && setState({ path, data }),
      (error) => current && setState((s) => ({ path, data: s.path === path ? s.data : undefined, error: toApiError(error) })),
    );
    return () => {
      current = false;
    };
  }, [path, version]);

  const fresh = state.path === path;
  const data = fresh ? state.data : undefined;
  const error = fresh ? state.error : undefined;

  useEffect(() => {
    if (data === undefined || error || !refreshWhile.current?.(data)) return;
    const timer = window.setTimeout(() => setVersion((v) => v + 1), intervalMs);
    return () => window.clearTimeout(timer);
  }, [data, error, intervalMs]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading: path !== null && !fresh, reload };
}
