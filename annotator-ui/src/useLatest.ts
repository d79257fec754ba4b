import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api';
import { useErrorMessage } from './console/useErrorMessage';

/**
 * Loads `path` (again on `load()` or when `reloadKey` changes) and keeps the newest answer: a
 * response to an older call never overwrites a newer one, nor a local change made after
 * `invalidate()`. `read` must be stable (a module-level function).
 */
export function useLatest<T>(path: string, read: (body: unknown) => T, reloadKey?: unknown) {
  const errorMessage = useErrorMessage();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const next = read(await api<unknown>(path));
      if (mine !== seq.current) return;
      setValue(next);
      setError(null);
    } catch (e) {
      if (mine === seq.current) setError(errorMessage(e));
    }
  }, [path, read, errorMessage]);

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  const invalidate = useCallback(() => {
    seq.current++;
  }, []);

  return { value, setValue, error, load, invalidate };
}
