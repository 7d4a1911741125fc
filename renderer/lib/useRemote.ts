// Owns the one way a component fetches data: a hook over the typed client, named by the call and its input, giving
// idle/loading/error/value; answers to older inputs are ignored, and the last value stays at hand while the next loads.
import { useEffect, useRef, useState, type DependencyList } from 'react';
import type { Input, MethodName, Output } from '../../shared/api';
import { client } from '../api';

/** `previous`: the last value this hook received (for any input), for screens that keep it shown meanwhile. */
export type Remote<T> =
  { state: 'loading'; previous: T | null } | { state: 'error'; error: unknown; previous: T | null } | { state: 'ready'; value: T };

/** What the hook gives when its input may be null: nothing asked yet is `idle`. */
export type OptionalRemote<T> = Remote<T> | { state: 'idle' };

export interface RemoteOptions {
  /**
   * Waits this long after the input last changed before asking (typing into a field). Given, even 0, the call also
   * goes after the calls the same render starts without a delay, so a slow one (a PDF preview) does not hold them up.
   */
  delayMs?: number;
}

const IDLE = { state: 'idle' } as const;

/**
 * Calls `name` with `input` and again whenever the input's content or one of `refresh` changes (a revision, a result);
 * `input` null asks nothing (idle).
 */
export function useRemote<K extends MethodName>(
  name: K,
  input: Input<K>,
  refresh?: DependencyList,
  options?: RemoteOptions,
): Remote<Output<K>>;
export function useRemote<K extends MethodName>(
  name: K,
  input: Input<K> | null,
  refresh?: DependencyList,
  options?: RemoteOptions,
): OptionalRemote<Output<K>>;
export function useRemote<K extends MethodName>(
  name: K,
  input: Input<K> | null,
  refresh: DependencyList = [],
  { delayMs }: RemoteOptions = {},
): OptionalRemote<Output<K>> {
  const [remote, setRemote] = useState<OptionalRemote<Output<K>>>(input === null ? IDLE : { state: 'loading', previous: null });
  const last = useRef<Output<K> | null>(null);
  // The input's content, not its identity: a new object with the same fields asks nothing new.
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (input === null) {
      setRemote(IDLE);
      return;
    }
    let current = true;
    setRemote({ state: 'loading', previous: last.current });
    const ask = () => {
      client.call(name, input).then(
        (value) => {
          if (!current) return;
          last.current = value;
          setRemote({ state: 'ready', value });
        },
        (error: unknown) => current && setRemote({ state: 'error', error, previous: last.current }),
      );
    };
    const timer = delayMs === undefined ? undefined : window.setTimeout(ask, delayMs);
    if (delayMs === undefined) ask();
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // `key` stands for `input`; `refresh` lists what else makes the answer out of date, like useEffect's own list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key, delayMs, ...refresh]);

  return remote;
}
