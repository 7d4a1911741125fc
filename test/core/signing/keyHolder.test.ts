// The unlocked key of a sitting: kept while used, dropped after 15 idle minutes (an injected clock moves time), on 锁定, and for another identity.
import { describe, expect, it } from 'vitest';
import { createKeyHolder, idleLockMs } from '../../../electron/core/signing/keyHolder';
import type { Signer } from '../../../electron/core/signing/types';

const signer = (fingerprint: string): Signer => ({
  algorithm: 'ecdsa-p256',
  certificateDer: new Uint8Array([1]),
  fingerprint,
  sign: () => new Uint8Array([2]),
});

/** A clock the test moves, and the timers the holder scheduled (run by hand). */
function fakeTime() {
  let at = Date.parse('2027-03-05T09:00:00Z');
  const timers: { due: number; fn: () => void; live: boolean }[] = [];
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms;
      for (const t of timers) {
        if (!t.live || t.due > at) continue;
        t.live = false;
        t.fn();
      }
    },
    schedule(ms: number, fn: () => void) {
      const timer = { due: at + ms, fn, live: true };
      timers.push(timer);
      return () => {
        timer.live = false;
      };
    },
    pending: () => timers.filter((t) => t.live).length,
  };
}

describe('key holder', () => {
  it('keeps the key while it is used, each use restarting the 15 minutes', () => {
    const time = fakeTime();
    const keys = createKeyHolder(time);
    const a = signer('a'.repeat(64));
    expect(keys.take(a.fingerprint)).toBeNull();
    keys.hold(a);
    expect(keys.locksAt(a.fingerprint)).toBe('2027-03-05T09:15:00.000Z');
    time.advance(idleLockMs - 1000);
    expect(keys.take(a.fingerprint)).toBe(a);
    time.advance(idleLockMs - 1000); // 29:58 after unlocking, 14:59 after the last use
    expect(keys.take(a.fingerprint)).toBe(a);
    expect(time.pending()).toBe(1); // one timer, restarted, not one per use
  });

  it('locks itself after 15 idle minutes, exactly at the boundary', () => {
    const time = fakeTime();
    const keys = createKeyHolder({ now: time.now, schedule: () => () => undefined });
    const a = signer('a'.repeat(64));
    keys.hold(a);
    time.advance(idleLockMs - 1);
    expect(keys.locksAt(a.fingerprint)).not.toBeNull(); // looking does not restart the spell
    time.advance(1);
    expect(keys.locksAt(a.fingerprint)).toBeNull();
    expect(keys.take(a.fingerprint)).toBeNull();
  });

  it('drops the reference by its timer even when nobody asks', () => {
    const time = fakeTime();
    const keys = createKeyHolder(time);
    const a = signer('a'.repeat(64));
    keys.hold(a);
    time.advance(idleLockMs);
    expect(time.pending()).toBe(0);
    // With the clock set back, a key still held would count as fresh: the timer let go of it.
    time.advance(-idleLockMs);
    expect(keys.take(a.fingerprint)).toBeNull();
  });

  it('locks on 锁定, and never hands one identity’s key to another', () => {
    const time = fakeTime();
    const keys = createKeyHolder(time);
    const a = signer('a'.repeat(64));
    keys.hold(a);
    expect(keys.take('b'.repeat(64))).toBeNull();
    expect(keys.locksAt('b'.repeat(64))).toBeNull();
    expect(keys.take(a.fingerprint)).toBe(a);
    keys.lock();
    expect(keys.take(a.fingerprint)).toBeNull();
    expect(time.pending()).toBe(0);
  });
});
