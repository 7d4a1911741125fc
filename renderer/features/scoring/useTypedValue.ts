// Owns a typed numeric field's text: read as typed (a half-typed "4." is kept as text), committed only when valid, and rewritten when the value changes from outside (undo, redo, reload).
import { useRef, useState } from 'react';
import type { Parsed } from '../../../shared/scoreInput';

export function useTypedValue(
  value: number | null,
  parse: (text: string) => Parsed<number>,
  format: (value: number) => string,
  onChange: (value: number | null) => void,
) {
  const [text, setText] = useState(value === null ? '' : format(value));
  const [error, setError] = useState<string | null>(null);
  // The value this field last showed or committed: any other value came from outside and replaces the text.
  const known = useRef(value);
  if (known.current !== value) {
    known.current = value;
    const typed = parse(text);
    if (!typed.ok || typed.value !== value) {
      setText(value === null ? '' : format(value));
      setError(null);
    }
  }

  const onText = (next: string) => {
    setText(next);
    const parsed = parse(next);
    setError(parsed.ok ? null : parsed.message);
    if (parsed.ok && parsed.value !== value) {
      known.current = parsed.value;
      onChange(parsed.value);
    }
  };
  return { text, error, onText };
}
