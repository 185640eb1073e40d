import { useCallback, useRef, useState } from 'react';
import { ApiError, toApiError } from '../api/errors';

export interface Action<A extends unknown[], R> {
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  clearError: () => void;
}

/**
 * A state-changing call: remembers whether it is running and its last error. Errors are kept, not thrown,
 * so the form that started it stays as the person left it.
 */
export function useAction<A extends unknown[], R>(perform: (...args: A) => Promise<R>): Action<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const running = useRef(false);
  const run = useCallback(
    async (...args: A) => {
      if (running.current) return undefined;
      running.current = true;
      setPending(true);
      setError(undefined);
      try {
        return await perform(...args);
      } catch (caught) {
        setError(toApiError(caught));
        return undefined;
      } finally {
        running.current = false;
        setPending(false);
      }
    },
    [perform],
  );
  return { run, pending, error, clearError: useCallback(() => setError(undefined), []) };
}
