import { useCallback, useEffect, useState } from 'preact/hooks';

export interface Loaded<T> {
  data?: T;
  etag?: string;
  error?: unknown;
  loading: boolean;
  reload(): Promise<T | undefined>;
  replace(data: T, etag?: string): void;
}

/** Loads once per `deps`; `reload` runs it again (after a change, or a 412). */
export const useLoad = <T>(
  load: () => Promise<{ data: T; response: Response }>,
  deps: unknown[]
): Loaded<T> => {
  const [state, setState] = useState<{
    data?: T;
    etag?: string;
    error?: unknown;
    loading: boolean;
  }>({ loading: true });
  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const { data, response } = await load();
      setState({ data, etag: response.headers.get('etag') ?? undefined, loading: false });
      return data;
    } catch (error) {
      setState({ error, loading: false });
      return undefined;
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return {
    ...state,
    reload,
    replace: (data, etag) => setState({ data, etag: etag ?? state.etag, loading: false }),
  };
};
