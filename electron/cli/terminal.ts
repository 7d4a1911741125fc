// Owns printing untrusted text (titles, project names, certificate names, messages quoting them) to a terminal: no control character reaches it raw.

/**
 * C0 controls (ESC included, so no ANSI/OSC sequence), DEL and C1 controls (U+0080–U+009F: 0x9b is a one-byte CSI)
 * become visible `\xNN` escapes; a backslash stays a backslash. Line and paragraph separators, bidi overrides and
 * isolates are escaped as `\u{…}` too, so a name cannot start a new line or reorder what follows it.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, (c) => {
    const code = c.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** JSON for a terminal: JSON.stringify already escapes C0 controls; DEL, C1 controls and the separators above are escaped here too (still valid JSON). */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu,
    (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );
}
