// Owns signing in the 评分 tab: the 签名 button on a completed review (at once while the key is unlocked, else with its passphrase dialog), the 已签名 第N版 line, and the older sealed versions (readable).
import { useEffect, useState, type FormEvent } from 'react';
import type { SealView } from '../../../shared/signing';
import type { ReviewView } from '../../../shared/scoring';
import { formatDateTime } from '../../lib/format';
import { userMessage } from '../../lib/errors';
import { t } from '../../locale/zh-CN';
import { Modal } from '../../ui/Modal';
import { PassphraseField } from './PassphraseField';
import { useSigning } from './store';

function SignDialog({ sessionId, projectId, onClose }: { sessionId: string; projectId: string; onClose(): void }) {
  const identity = useSigning((s) => s.identity);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (useSigning.getState().identity === undefined) void useSigning.getState().loadIdentity();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await useSigning.getState().sign(sessionId, projectId, passphrase);
      onClose();
    } catch (err) {
      setError(userMessage(err));
      setBusy(false);
    }
  };

  return (
    <Modal title={t.signing.signTitle} onEscape={onClose} testId="sign-dialog">
      {identity === null ? (
        <div className="signing-section">
          <p>{t.signing.needIdentity}</p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              onClose();
              useSigning.getState().open('identity', sessionId);
            }}
            data-testid="sign-open-identity"
          >
            {t.signing.identityOpen}
          </button>
        </div>
      ) : (
        <form className="signing-section" onSubmit={(e) => void submit(e)}>
          <p className="muted">{t.signing.signPrompt}</p>
          <PassphraseField value={passphrase} onChange={setPassphrase} testId="sign-passphrase" />
          {error && (
            <p className="score-error" role="alert">
              {error}
            </p>
          )}
          <div className="signing-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t.common.cancel}
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy || passphrase === ''} data-testid="sign-submit">
              {busy ? t.signing.signing : t.signing.sign}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

/** The overall opinion of an old sealed version, enough to read what was signed then. */
function SealEntry({ seal }: { seal: SealView }) {
  const review = seal.review as { overallOpinion?: string };
  return (
    <li data-testid="seal-version">
      <strong>{t.signing.version(seal.sealVersion)}</strong> {formatDateTime(seal.signedAt)}
      {review.overallOpinion && <p className="muted">{review.overallOpinion}</p>}
    </li>
  );
}

export function SignBar({ sessionId, view }: { sessionId: string; view: ReviewView }) {
  const projectId = view.review.projectId;
  const seals = useSigning((s) => (s.seals?.sessionId === sessionId && s.seals.projectId === projectId ? s.seals.list : null));
  const [signing, setSigning] = useState(false);
  const [busy, setBusy] = useState(false);
  const locksAt = useSigning((s) => s.locksAt);
  /** Unlocked this sitting: sign now; a key that locked meanwhile (or any refusal) opens the passphrase dialog instead. */
  const signNow = async () => {
    if (locksAt === null || Date.parse(locksAt) <= Date.now()) return setSigning(true);
    setBusy(true);
    try {
      await useSigning.getState().sign(sessionId, projectId);
    } catch {
      setSigning(true);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void useSigning.getState().loadSeals(sessionId, projectId);
  }, [sessionId, projectId, view.version]);

  if (!seals) return null;
  const latest = seals.at(-1);
  const signedNow = latest !== undefined && latest.reviewVersion === view.version && view.completedAt !== null;
  if (!view.completedAt && seals.length === 0) return null;
  return (
    <section className="panel-section seal-bar" data-testid="seal-bar">
      {signedNow ? (
        <p className="seal-status" data-testid="seal-status">
          {t.signing.signed(latest.sealVersion, formatDateTime(latest.signedAt))}
        </p>
      ) : (
        <>
          {latest && <p className="muted">{t.signing.signedStale(latest.sealVersion)}</p>}
          {view.completedAt && (
            <button type="button" className="btn btn-primary" onClick={() => void signNow()} disabled={busy} data-testid="sign-review">
              {t.signing.sign}
            </button>
          )}
        </>
      )}
      {seals.length > 1 && (
        <details className="seal-versions">
          <summary>{t.signing.versions(seals.length)}</summary>
          <ol>
            {seals.map((s) => (
              <SealEntry key={s.sealVersion} seal={s} />
            ))}
          </ol>
        </details>
      )}
      {signing && <SignDialog sessionId={sessionId} projectId={projectId} onClose={() => setSigning(false)} />}
    </section>
  );
}
