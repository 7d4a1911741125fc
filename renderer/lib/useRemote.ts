// Owns fetching data through the client inside a component: loading/error/value, with stale answers from old inputs ignored.
import { useEffect, useState, type DependencyList } from 'react';

export type Remote<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; value: T };

export function useRemote<T>(load: () => Promise<T>, deps: DependencyList): Remote<T> {
  const [remote, setRemote] = useState<Remote<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setRemote({ state: 'loading' });
    load().then(
      (value) => current && setRemote({ state: 'ready', value }),
      (error: unknown) => current && setRemote({ state: 'error', error }),
    );
    return () => {
      current = false;
    };
    // The caller lists what `load` depends on, like useEffect.
  }, deps);
  return remote;
}
