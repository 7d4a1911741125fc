// Owns 确认身份, the gate before the 评分 form: the expert picks their name from the package's roster (or confirms the name when the
// package has none), and a mismatch with the signing identity on this machine is shown with the way to settle it — before any scoring.
// Right after a package is opened the same gate takes the centre pane (IdentityFirst) until the expert has picked their entry.
import { useEffect, useState, type ReactNode } from 'react';
import type { RosterCheck } from '../../../shared/signing';
import { reportError } from '../../kernel/notices';
import { formatDateTime } from '../../lib/format';
import { userMessage } from '../../lib/errors';
import { t } from '../../locale/zh-CN';
import { useRoster } from './rosterStore';
import { useSigning } from './store';

function RosterChoice({ check, picked, onPick }: { check: RosterCheck; picked: number | null; onPick(position: number): void }) {
  if (check.roster.length === 0) return <p data-testid="roster-none">{t.signing.rosterNone}</p>;
  return (
    <fieldset className="roster-list" data-testid="roster-list">
      <legend>{t.signing.rosterPick}</legend>
      {check.roster.map((e) => (
        <label key={e.position} className="algorithm-option roster-option">
          <input
            type="radio"
            name="roster"
            checked={picked === e.position}
            onChange={() => onPick(e.position)}
            data-testid="roster-option"
          />
          <span>
            <strong>{e.name}</strong>
            {[e.title, e.employer].filter(Boolean).join(' · ')}
            {e.registered && <small className="muted"> · {t.signing.rosterRegistered}</small>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Shows `children` (the commitment and the form) once the roster check of this session is settled. `onNameChange` lets
 * the app refresh what shows the expert's name: confirming takes the roster's spelling into 专家信息.
 */
export function RosterGate({ sessionId, onNameChange, children }: { sessionId: string; onNameChange(): void; children: ReactNode }) {
  const fingerprint = useSigning((s) => s.identity?.fingerprint);
  const check = useRoster((s) => (s.sessionId === sessionId ? s.check : null));
  const [choice, setChoice] = useState<number | null>(null);
  const [changing, setChanging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Again when the identity changes: re-creating it is how a certificate under another name is settled.
  useEffect(() => {
    useRoster.getState().load(sessionId).catch(reportError);
  }, [sessionId, fingerprint]);
  useEffect(() => {
    if (useSigning.getState().identity === undefined) void useSigning.getState().loadIdentity();
  }, []);

  if (check === null)
    return (
      <div className="panel-message" aria-busy="true">
        {t.common.loading}
      </div>
    );
  const settled = check.confirmed !== null && check.problem === null;
  if (settled && !changing) {
    return (
      <>
        <p className="commitment-signed muted" data-testid="roster-confirmed">
          {t.signing.rosterConfirmed(check.confirmed!.name, formatDateTime(check.confirmed!.confirmedAt))}
          {check.roster.length > 0 && (
            <button type="button" className="link-btn" onClick={() => setChanging(true)} data-testid="roster-change">
              {t.signing.rosterChange}
            </button>
          )}
        </p>
        {children}
      </>
    );
  }

  const hasRoster = check.roster.length > 0;
  const picked = choice ?? check.confirmed?.position ?? check.suggested;
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await useRoster.getState().confirm(sessionId, hasRoster ? picked : null);
      setChanging(false);
      setChoice(null);
      if (next.profileName !== check.profileName) onNameChange();
    } catch (err) {
      setError(userMessage(err));
    } finally {
      setBusy(false);
    }
  };
  // With a confirmation on record, what is left is the signing identity: its certificate carries another name or key.
  const identityToFix = check.confirmed !== null && check.problem !== null && check.identity !== null;
  return (
    <section className="panel-section roster-gate" data-testid="roster-gate">
      <h3 className="panel-heading">{t.signing.rosterTitle}</h3>
      <p className="muted">{t.signing.rosterPrompt}</p>
      {check.problem && (
        <p className="signing-warning" role="alert" data-testid="roster-problem">
          {check.problem}
        </p>
      )}
      {check.identity && <p className="muted">{t.signing.rosterIdentity(check.identity.name)}</p>}
      <RosterChoice check={check} picked={picked} onPick={setChoice} />
      {error && (
        <p className="score-error" role="alert">
          {error}
        </p>
      )}
      <div className="signing-actions">
        {identityToFix && (
          <button
            type="button"
            className="btn"
            onClick={() => useSigning.getState().open('identity', sessionId)}
            data-testid="roster-fix-identity"
          >
            {t.signing.rosterFixIdentity}
          </button>
        )}
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void confirm()}
          disabled={busy || (hasRoster && picked === null)}
          data-testid="roster-confirm"
        >
          {hasRoster ? t.signing.rosterConfirm : t.signing.rosterConfirmName(check.profileName)}
        </button>
      </div>
    </section>
  );
}

/** Whether the session still waits for the expert to pick their entry on its roster (the first 确认身份); false while unknown. */
export function useIdentityPending(sessionId: string): boolean {
  useEffect(() => {
    useRoster.getState().load(sessionId).catch(reportError);
  }, [sessionId]);
  return useRoster((s) => s.sessionId === sessionId && s.check !== null && s.check.roster.length > 0 && s.check.confirmed === null);
}

/**
 * Identity first: right after a package is opened, before any document or the 评分 tab, the centre pane asks who the expert is on
 * the package's roster. Once an entry is picked the pane goes back to the documents; what is left to settle (a signing identity under
 * another name) stays with the 评分 tab's gate.
 */
export function IdentityFirst({ sessionId, onNameChange }: { sessionId: string; onNameChange(): void }) {
  return (
    <div className="identity-first" data-testid="identity-first">
      <RosterGate sessionId={sessionId} onNameChange={onNameChange}>
        {null}
      </RosterGate>
    </div>
  );
}
