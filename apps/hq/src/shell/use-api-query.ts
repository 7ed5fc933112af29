import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { toApiProblem, type ApiProblem } from '../api/api-problem.js';

export interface ApiQuery<T> {
  readonly data: T | undefined;
  readonly problem: ApiProblem | null;
  readonly loading: boolean;
  readonly refreshedAt: Date | null;
  readonly reload: () => void;
}

export interface ApiQueryOptions {
  /** Reload this often while the tab is visible. */
  readonly refreshMs?: number;
  /** Skip the call, e.g. while a search box is empty. */
  readonly enabled?: boolean;
}

/**
 * Runs `load` when `deps` change and on an interval. Keeps the last good data through a failed
 * refresh, so a board does not blank out on one dropped request.
 */
export function useApiQuery<T>(load: () => Promise<T>, deps: DependencyList, options: ApiQueryOptions = {}): ApiQuery<T> {
  const { refreshMs, enabled = true } = options;
  const [state, setState] = useState<Omit<ApiQuery<T>, 'reload'>>({ data: undefined, problem: null, loading: enabled, refreshedAt: null });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async () => {
    // Only the newest request may write: an older answer arriving late would show stale data.
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await loadRef.current();
      if (ticket === latest.current) setState({ data, problem: null, loading: false, refreshedAt: new Date() });
    } catch (error) {
      if (ticket === latest.current) setState((s) => ({ ...s, problem: toApiProblem(error), loading: false }));
    }
  }, []);

  useEffect(() => {
    if (!enabled) {
      latest.current++;
      setState({ data: undefined, problem: null, loading: false, refreshedAt: null });
      return;
    }
    void run();
    if (!refreshMs) return;
    const timer = setInterval(() => document.visibilityState === 'visible' && void run(), refreshMs);
    return () => clearInterval(timer);
    // The caller names what `load` depends on, as with useEffect itself.
  }, [...deps, enabled, refreshMs, run]);

  return { ...state, reload: () => void run() };
}
