// Owns the 签名并导出 dialog: each project with where it stands and what the export does with it, what blocks the export (before any
// passphrase), the passphrase only while the key is locked, progress while signing and writing, then the projects included and the folder.
import { useEffect, useState, type FormEvent } from 'react';
import type { JobProgress } from '../../../shared/domain';
import type { ExportPlan, ExportResult } from '../../../shared/signing';
import { useDesktop, useNativeDialogs } from '../../kernel/shell';
import { reportError } from '../../kernel/notices';
import { formatDateTime } from '../../lib/format';
import { userMessage } from '../../lib/errors';
import { t } from '../../locale/zh-CN';
import { FileLink } from '../../ui/FileLink';
import { Modal } from '../../ui/Modal';
import { RosterWarning } from './IdentityScreen';
import { PassphraseField } from './PassphraseField';
import { useSigning } from './store';

type Phase = { kind: 'form' } | { kind: 'running'; progress: JobProgress | null } | { kind: 'done'; result: ExportResult };

function PlanTable({ plan }: { plan: ExportPlan }) {
  return (
    <table className="export-plan" data-testid="export-plan">
      <caption>{t.signing.planHeading}</caption>
      <thead>
        <tr>
          <th scope="col">{t.signing.planColumns.name}</th>
          <th scope="col">{t.signing.planColumns.stage}</th>
          <th scope="col">{t.signing.planColumns.action}</th>
        </tr>
      </thead>
      <tbody>
        {plan.projects.map((p) => (
          <tr key={p.projectId} data-testid="export-plan-row" data-stage={p.stage}>
            <th scope="row">{p.name}</th>
            <td>
              <span className={`review-state review-state-${p.stage}`}>{t.signing.stages[p.stage]}</span>
            </td>
            <td className={p.stage === 'unfinished' ? 'export-plan-blocked' : undefined}>
              {p.recused && p.stage !== 'unfinished' ? t.signing.recusedAction : t.signing.actions[p.stage]}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Blockers({ plan, sessionId }: { plan: ExportPlan; sessionId: string }) {
  const identity = useSigning((s) => s.identity);
  if (plan.blockers.length === 0) return null;
  const identityToFix = identity === null || (identity !== undefined && (!identity.signatureImage || identity.rosterWarning !== null));
  return (
    <div className="signing-warning export-blockers" role="alert" data-testid="export-blockers">
      <p>{t.signing.blockedTitle(plan.blockers.length)}</p>
      <ol>
        {plan.blockers.map((b) => (
          <li key={b}>{b}</li>
        ))}
      </ol>
      {identityToFix && (
        <button type="button" className="btn" onClick={() => useSigning.getState().open('identity', sessionId)}>
          {t.signing.rosterFixIdentity}
        </button>
      )}
    </div>
  );
}

/** Whether the key is still unlocked by the clock here (the core decides; this only avoids offering a stale state). */
const stillUnlocked = (locksAt: string | null) => locksAt !== null && Date.parse(locksAt) > Date.now();

export function ExportDialog({ sessionId }: { sessionId: string }) {
  const close = useSigning((s) => s.close);
  const identity = useSigning((s) => s.identity);
  const locksAt = useSigning((s) => s.locksAt);
  const nativeDialogs = useNativeDialogs();
  const desktop = useDesktop();
  const [plan, setPlan] = useState<ExportPlan | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [destination, setDestination] = useState<'default' | 'choose'>('default');
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  const [openFailed, setOpenFailed] = useState(false);

  // The plan is read at opening, and again after a lock or a failed export.
  const reload = () => useSigning.getState().plan(sessionId).then(setPlan, reportError);
  useEffect(() => {
    // Unread (a damaged identity, say), the dialog says why instead of waiting.
    useSigning
      .getState()
      .plan(sessionId)
      .then(setPlan, (err: unknown) => setError(userMessage(err)));
  }, [sessionId]);

  const unlocked = stillUnlocked(locksAt);
  const ready = plan !== null && plan.blockers.length === 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    setError(null);
    setPhase({ kind: 'running', progress: null });
    try {
      const result = await useSigning
        .getState()
        .signAndExport({ sessionId, destination, passphrase: unlocked ? undefined : passphrase }, (p) =>
          setPhase((s) => (s.kind === 'running' ? { kind: 'running', progress: p } : s)),
        );
      setPassphrase('');
      setPhase(result.folder === null ? { kind: 'form' } : { kind: 'done', result: { ...result, folder: result.folder } });
    } catch (err) {
      setError(userMessage(err));
      setPhase({ kind: 'form' });
      void reload();
    }
  };

  const openFolder = async (folder: string) => {
    try {
      setOpenFailed(!(await useSigning.getState().openFolder(folder)));
    } catch {
      setOpenFailed(true);
    }
  };

  let body;
  if (phase.kind === 'done') {
    const { result } = phase;
    body = (
      <div className="signing-section" data-testid="export-done">
        <p className="seal-status">{t.signing.included(result.included.length)}</p>
        <ul className="export-included" data-testid="export-included">
          {result.included.map((p) => (
            <li key={p.projectId}>
              {p.name}
              {!p.documents && <span className="muted">{t.signing.includedRecused}</span>}
            </li>
          ))}
        </ul>
        <p className="muted">{t.signing.exportDone(result.files.length)}</p>
        {/* The folder is on this computer only in the desktop app; in a browser the files are downloaded from the links. */}
        {desktop && (
          <>
            <p className="muted">{t.signing.exportFolder}</p>
            <p className="export-folder" data-testid="export-folder">
              {result.folder}
            </p>
          </>
        )}
        <ul className="export-files" data-testid="export-files">
          {result.files.map((f) => (
            <li key={f}>
              <FileLink file={`${result.folder}/${f}`} />
            </li>
          ))}
        </ul>
        <RosterWarning warning={result.rosterWarning} />
        {desktop && (
          <button type="button" className="btn" onClick={() => void openFolder(result.folder)} data-testid="export-open-folder">
            {t.signing.openFolder}
          </button>
        )}
        {openFailed && <p className="muted">{t.signing.openFolderFailed}</p>}
      </div>
    );
  } else if (phase.kind === 'running') {
    const p = phase.progress;
    body = (
      <div className="signing-section" aria-busy="true" data-testid="export-running">
        <p>{p?.current ? t.signing.exportingItem(p.current) : t.signing.exporting}</p>
        <progress max={p?.total || 1} value={p?.done ?? 0} aria-label={t.signing.exporting} />
      </div>
    );
  } else if (plan === null) {
    body = error ? (
      <p className="score-error export-error" role="alert" data-testid="export-error">
        {error}
      </p>
    ) : (
      <p className="signing-section" aria-busy="true">
        {t.signing.planLoading}
      </p>
    );
  } else {
    body = (
      <form id="export-form" className="signing-section" onSubmit={(e) => void submit(e)}>
        <p className="muted">{t.signing.exportPrompt}</p>
        <Blockers plan={plan} sessionId={sessionId} />
        <PlanTable plan={plan} />
        {ready && identity && <RosterWarning warning={identity.rosterWarning} />}
        {ready && nativeDialogs && (
          <fieldset className="algorithm-choice">
            <legend>{t.signing.destination}</legend>
            {(['default', 'choose'] as const).map((d) => (
              <label key={d} className="algorithm-option">
                <input type="radio" name="destination" checked={destination === d} onChange={() => setDestination(d)} />
                <span>{t.signing.destinations[d]}</span>
              </label>
            ))}
          </fieldset>
        )}
        {ready && !nativeDialogs && <p className="muted">{t.signing.destinationWeb}</p>}
        {ready && unlocked && (
          <p className="export-unlocked" data-testid="export-unlocked">
            {t.signing.unlocked(formatDateTime(locksAt!))}
            <button
              type="button"
              className="link-btn"
              onClick={() => void useSigning.getState().lock().then(reload, reportError)}
              title={t.signing.lockTitle}
              data-testid="export-lock"
            >
              {t.signing.lock}
            </button>
          </p>
        )}
        {ready && !unlocked && (
          <PassphraseField value={passphrase} onChange={setPassphrase} hint={t.signing.lockedHint} testId="export-passphrase" />
        )}
        {error && (
          <p className="score-error export-error" role="alert" data-testid="export-error">
            {error}
          </p>
        )}
      </form>
    );
  }
  return (
    <Modal
      title={t.signing.exportTitle}
      onEscape={phase.kind === 'running' ? undefined : close}
      wide
      testId="export-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={close} disabled={phase.kind === 'running'} data-testid="export-close">
            {phase.kind === 'done' ? t.common.close : t.common.cancel}
          </button>
          {phase.kind === 'form' && (
            <button
              type="submit"
              form="export-form"
              className="btn btn-primary"
              disabled={!ready || (!unlocked && passphrase === '')}
              data-testid="export-submit"
            >
              {t.signing.exportOpen}
            </button>
          )}
        </>
      }
    >
      {body}
    </Modal>
  );
}
