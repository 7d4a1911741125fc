// Owns the unlocked signing key of a sitting (解锁): held in this process's memory only, dropped after a spell without use, on 锁定, or when the identity changes.
//
// One unlock per sitting: the expert types the passphrase once and signs twenty reviews and an export with it. The
// Signer (its private key lives in a closure) never reaches the disk or the API; the renderer only learns whether it is
// unlocked and until when. Expiry is judged on the injected clock at every use, so a test moves time instead of waiting;
// a timer (unref'd, so it never keeps the process alive) also drops the reference once the spell has passed unused.
import type { Signer } from './types';

/** 15 minutes without signing, and the key locks itself. */
export const idleLockMs = 15 * 60_000;

export interface KeyHolderOptions {
  now(): Date;
  idleMs?: number;
  /** Calls `fn` after `ms`; returns a cancel. Defaults to an unref'd setTimeout. */
  schedule?(ms: number, fn: () => void): () => void;
}

export interface KeyHolder {
  /** Keeps `signer` unlocked from now, replacing any key held before. */
  hold(signer: Signer): void;
  /** The held key when it is still unlocked and belongs to `fingerprint` (the identity on this machine now); a use restarts the spell. */
  take(fingerprint: string): Signer | null;
  lock(): void;
  /** When the held key for `fingerprint` locks itself (ISO 8601), null when none is held. Looking does not restart the spell. */
  locksAt(fingerprint: string | null): string | null;
}

function defaultSchedule(ms: number, fn: () => void): () => void {
  const timer = setTimeout(fn, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

export function createKeyHolder({ now, idleMs = idleLockMs, schedule = defaultSchedule }: KeyHolderOptions): KeyHolder {
  let held: { signer: Signer; lastUse: number } | null = null;
  let cancel: (() => void) | null = null;

  const lock = () => {
    held = null;
    cancel?.();
    cancel = null;
  };
  /** The held key, or null after dropping it when its spell has passed. */
  const live = (fingerprint: string | null) => {
    if (held && now().getTime() - held.lastUse >= idleMs) lock();
    return held && held.signer.fingerprint === fingerprint ? held : null;
  };
  const restart = () => {
    cancel?.();
    cancel = schedule(idleMs, () => live(null));
  };

  return {
    hold(signer) {
      held = { signer, lastUse: now().getTime() };
      restart();
    },
    take(fingerprint) {
      const current = live(fingerprint);
      if (!current) return null;
      current.lastUse = now().getTime();
      restart();
      return current.signer;
    },
    lock,
    locksAt(fingerprint) {
      const current = live(fingerprint);
      return current ? new Date(current.lastUse + idleMs).toISOString() : null;
    },
  };
}
