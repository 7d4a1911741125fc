// Owns when a typed number reaches the review: only a value the rubric accepts, only once the expert pauses (or leaves the
// field, presses Enter or undoes), so the "7" on the way to "7.3" or the "1" on the way to "150" is never saved.
import type { Parsed } from '../../../shared/scoreInput';

/** How long typing must pause before a valid value is committed; leaving the field commits at once. */
export const COMMIT_DELAY_MS = 400;

export interface TypedCommitter {
  /** The field's text was read as `parsed`: a valid value is committed after the pause, an invalid one cancels what was pending. */
  typed(parsed: Parsed<number>): void;
  /** Commits the pending value now (blur, Enter, Ctrl+Z, leaving the page); nothing when nothing is pending. */
  flush(): void;
  /** Drops the pending value (the value changed from outside: undo, redo, reload). */
  cancel(): void;
}

/** `onPending` hears whether a typed value awaits its commit, so the status can say 保存中… rather than 已保存 meanwhile. */
export function createTypedCommitter(
  commit: (value: number | null) => void,
  onPending: (pending: boolean) => void = () => undefined,
  delayMs = COMMIT_DELAY_MS,
): TypedCommitter {
  let pending: { value: number | null } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending) onPending(false);
    pending = null;
  };
  const flush = () => {
    const held = pending;
    cancel();
    if (held) commit(held.value);
  };
  return {
    typed(parsed) {
      cancel();
      if (!parsed.ok) return;
      pending = { value: parsed.value };
      onPending(true);
      timer = setTimeout(flush, delayMs);
    },
    flush,
    cancel,
  };
}
