// Owns the passphrase field that unlocks the signing key (口令), as the 签名 and 签名并导出 dialogs ask it, with an optional hint below.
import { t } from '../../locale/zh-CN';

export function PassphraseField({
  value,
  onChange,
  hint,
  testId,
}: {
  value: string;
  onChange(value: string): void;
  hint?: string;
  testId: string;
}) {
  const hintId = `${testId}-hint`;
  return (
    <label className="score-text-field">
      <span>{t.signing.passphrase}</span>
      <input
        type="password"
        autoComplete="current-password"
        autoFocus
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={hint ? hintId : undefined}
        data-testid={testId}
      />
      {hint && (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
    </label>
  );
}
