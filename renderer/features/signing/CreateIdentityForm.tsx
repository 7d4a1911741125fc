// Owns creating the signing identity: the algorithm with a plain-language hint, the passphrase twice with a strength hint.
import { useState, type FormEvent } from 'react';
import { passphraseStrength, signatureAlgorithms, type SignatureAlgorithmName } from '../../../shared/signing';
import { userMessage } from '../../lib/errors';
import { t } from '../../locale/zh-CN';
import { useSigning } from './store';

export function CreateIdentityForm({ replace, onCancel, onDone }: { replace: boolean; onCancel?: () => void; onDone?: () => void }) {
  const [algorithm, setAlgorithm] = useState<SignatureAlgorithmName>('ecdsa-p256');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const strength = passphraseStrength(passphrase);
  const mismatch = again !== '' && again !== passphrase;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (passphrase !== again) return setError(t.signing.mismatch);
    setBusy(true);
    setError(null);
    try {
      await useSigning.getState().createIdentity(algorithm, passphrase, replace);
      onDone?.();
    } catch (err) {
      setError(userMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="signing-section" onSubmit={(e) => void submit(e)} data-testid="identity-form">
      <p className="muted">{replace ? t.signing.replaceWarning : t.signing.noIdentity}</p>
      <p className="muted">{t.signing.fromProfile}</p>
      <fieldset className="algorithm-choice">
        <legend>{t.signing.algorithm}</legend>
        {signatureAlgorithms.map((a) => (
          <label key={a} className="algorithm-option">
            <input
              type="radio"
              name="algorithm"
              value={a}
              checked={algorithm === a}
              onChange={() => setAlgorithm(a)}
              data-testid={`algorithm-${a}`}
            />
            <span>
              <strong>{t.signing.algorithms[a].label}</strong>
              <small className="muted">{t.signing.algorithms[a].hint}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="score-text-field">
        <span className="required-label">{t.signing.passphrase}</span>
        <input
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          data-testid="identity-passphrase"
        />
      </label>
      {passphrase && (
        <p className={`passphrase-strength strength-${strength}`} data-testid="passphrase-strength">
          {t.signing.strength[strength]}
        </p>
      )}
      <label className="score-text-field">
        <span className="required-label">{t.signing.passphraseAgain}</span>
        <input
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          data-testid="identity-passphrase-again"
        />
      </label>
      <p className="muted">{t.signing.passphraseHint}</p>
      {(error || mismatch) && (
        <p className="score-error" role="alert">
          {error ?? t.signing.mismatch}
        </p>
      )}
      <div className="signing-actions">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t.common.cancel}
          </button>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy || passphrase.length < 8 || passphrase !== again}
          data-testid="identity-create"
        >
          {busy ? t.signing.creating : t.signing.create}
        </button>
      </div>
    </form>
  );
}
