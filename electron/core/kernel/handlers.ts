// Owns the handler table type: one handler per contract method, grouped by domain and combined once (duplicates throw).
import type { EventName, EventPayload, MethodName, Output, ParsedInput } from '../../../shared/api';

/** What the shell gives the core: no `electron` import ever reaches core modules. */
export interface Host {
  /** Where the database, imported packages and backups live. */
  dataDir: string;
  version: string;
  transport: 'ipc' | 'http';
  /** Native file/folder picker with the dialog's title; null when the shell has none (web mode). */
  choosePath: ((opts: { folder: boolean; title?: string }) => Promise<string | null>) | null;
  /** Opens a file the app imported in the system's default application. */
  openPath(absPath: string): Promise<boolean>;
  /** Shows a folder the app wrote documents into in the system's file manager; the core checks which folders first. */
  openFolder(absPath: string): Promise<boolean>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type Handler<K extends MethodName> = (input: ParsedInput<K>) => Promise<Output<K>> | Output<K>;
export type HandlerMap<K extends MethodName> = { [P in K]: Handler<P> };
export type Handlers = HandlerMap<MethodName>;

type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * Merges domain handler maps into one table. Assigning the result to `Handlers` makes a missing method a type error;
 * registering one method twice is a programming error caught at start-up.
 */
export function combineHandlers<M extends Partial<Handlers>[]>(...maps: M): Intersect<M[number]> {
  const out: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (name in out) throw new Error(`handler registered twice: ${name}`);
      out[name] = handler;
    }
  }
  return out as Intersect<M[number]>;
}
