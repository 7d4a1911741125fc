// Owns the session's commitment gate before the 评分 form: the rules (评审纪律) and 专家承诺书 to accept, then the signed line above the form.
import { useEffect, useState, type ReactNode } from 'react';
import { commitmentText, type SessionCommitment } from '../../../shared/expert';
import { reportError } from '../../kernel/notices';
import { formatDateTime } from '../../lib/format';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { useExpert } from './store';

export function CommitmentGate({ sessionId, children }: { sessionId: string; children: ReactNode }) {
  const fetched = useRemote('session.commitment.get', { sessionId });
  const [accepted, setAccepted] = useState<SessionCommitment | null>(null);
  // Unread, the gate stays closed; the toast says why.
  useEffect(() => {
    if (fetched.state === 'error') reportError(fetched.error);
  }, [fetched]);

  /** undefined while loading. */
  const commitment = accepted?.sessionId === sessionId ? accepted : fetched.state === 'ready' ? fetched.value : undefined;
  if (commitment === undefined)
    return (
      <div className="panel-message" aria-busy="true">
        {t.common.loading}
      </div>
    );
  if (commitment === null) {
    const accept = () => useExpert.getState().acceptCommitment(sessionId).then(setAccepted, reportError);
    return (
      <section className="panel-section commitment" data-testid="commitment">
        <h3 className="panel-heading">{t.commitment.title}</h3>
        <p className="muted">{t.commitment.prompt}</p>
        <div className="commitment-text" data-testid="commitment-text">
          {commitmentText.split('\n').map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
        <button type="button" className="btn btn-primary" onClick={() => void accept()} data-testid="commitment-accept">
          {t.commitment.accept}
        </button>
      </section>
    );
  }
  return (
    <>
      <p className="commitment-signed muted" data-testid="commitment-signed">
        {t.commitment.signed(commitment.expertName, formatDateTime(commitment.acceptedAt))}
      </p>
      {children}
    </>
  );
}
