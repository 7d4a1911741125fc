// Owns a typed numeric field's text: read as typed (a half-typed "4." is kept as text), committed only when valid and the
// expert pauses or leaves the field (typedCommit.ts), a refused text kept as an invalid draft (shown in the status, restored
// after a reload), and the text rewritten when the value changes from outside (undo, redo, reload).
import { useEffect, useRef, useState } from 'react';
import type { Parsed } from '../../../shared/scoreInput';
import { createTypedCommitter } from './typedCommit';
import { useScoring } from './store';

export interface TypedField {
  /** The field's key in the form (as for undo coalescing), e.g. `score.<dimension>.<criterion>`. */
  key: string;
  /** Where the field is, for the status line: "建设必要性 · 需求分析". */
  where: string;
}

export function useTypedValue(
  value: number | null,
  parse: (text: string) => Parsed<number>,
  format: (value: number) => string,
  onChange: (value: number | null) => void,
  field: TypedField,
) {
  const shown = (v: number | null) => (v === null ? '' : format(v));
  // A refused text kept from before a reload comes back into the field, with its message.
  const [text, setText] = useState(() => useScoring.getState().invalid[field.key]?.text ?? shown(value));
  const parsedText = parse(text);
  const error = parsedText.ok ? null : parsedText.message;

  // The value this field last showed or committed: any other value came from outside and replaces the text.
  const known = useRef(value);
  const commitTo = useRef(onChange);
  commitTo.current = onChange;
  const [committer] = useState(() =>
    createTypedCommitter(
      (next) => {
        known.current = next;
        commitTo.current(next);
      },
      (pending) => useScoring.getState().setTyping(field.key, pending),
    ),
  );

  if (known.current !== value) {
    known.current = value;
    if (!parsedText.ok || parsedText.value !== value) {
      committer.cancel();
      setText(shown(value));
    }
  }

  const setInvalid = useScoring((s) => s.setInvalid);
  useEffect(() => {
    setInvalid(field.key, error === null ? null : { text, where: field.where });
  }, [setInvalid, field.key, field.where, error, text]);

  // Leaving the page commits what the pause still holds and sends it (the form's own handler may have run first).
  useEffect(() => {
    const leave = () => {
      committer.flush();
      void useScoring
        .getState()
        .flush()
        .catch(() => undefined);
    };
    window.addEventListener('pagehide', leave);
    return () => window.removeEventListener('pagehide', leave);
  }, [committer]);

  const onText = (next: string) => {
    setText(next);
    const parsed = parse(next);
    if (parsed.ok && parsed.value === known.current) committer.cancel();
    else committer.typed(parsed);
  };
  return { text, error, onText, commit: committer.flush };
}
