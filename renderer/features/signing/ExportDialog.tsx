// Owns the export dialog (导出签名文件): passphrase and destination, progress while files are written, then the folder with an open-folder button.
import { useState, type FormEvent } from 'react';
import type { JobProgress } from '../../../shared/domain';
import type { ExportResult } from '../../../shared/signing';
import { useNativeDialogs } from '../../kernel/shell';
import { userMessage } from '../../lib/errors';
import { t } from '../../locale/zh-CN';
import { Modal } from '../../ui/Modal';
import { RosterWarning } from './IdentityScreen';
import { useSigning } from './store';

type Phase = { kind: 'form' } | { kind: 'running'; progress: JobProgress | null } | { kind: 'done'; result: ExportResult };

export function ExportDialog({ sessionId }: { sessionId: string }) {
  const close = useSigning((s) => s.close);
  const identity = useSigning((s) => s.identity);
  const nativeDialogs = useNativeDialogs();
  const [passphrase, setPassphrase] = useState('');
  const [destination, setDestination] = useState<'default' | 'choose'>('default');
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  const [openFailed, setOpenFailed] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setPhase({ kind: 'running', progress: null });
    try {
      const result = await useSigning
        .getState()
        .exportFiles({ sessionId, passphrase, destination }, (p) =>
          setPhase((s) => (s.kind === 'running' ? { kind: 'running', progress: p } : s)),
        );
      setPhase(result.folder === null ? { kind: 'form' } : { kind: 'done', result: { ...result, folder: result.folder } });
    } catch (err) {
      setError(userMessage(err));
      setPhase({ kind: 'form' });
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
        <p className="seal-status">{t.signing.exportDone(result.files.length)}</p>
        <p className="muted">{t.signing.exportFolder}</p>
        <p className="export-folder" data-testid="export-folder">
          {result.folder}
        </p>
        <ul className="export-files" data-testid="export-files">
          {result.files.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
        <RosterWarning warning={result.rosterWarning} />
        <button type="button" className="btn" onClick={() => void openFolder(result.folder)} data-testid="export-open-folder">
          {t.signing.openFolder}
        </button>
        {openFailed && <p className="muted">{t.signing.openFolderFailed}</p>}
      </div>
    );
  } else if (phase.kind === 'running') {
    const p = phase.progress;
    body = (
      <div className="signing-section" aria-busy="true" data-testid="export-running">
        <p>{p?.current ? t.signing.exportingItem(p.current) : t.signing.exporting}</p>
        <progress max={p?.total || 1} value={p?.done ?? 0} />
      </div>
    );
  } else {
    body = (
      <form id="export-form" className="signing-section" onSubmit={(e) => void submit(e)}>
        <p className="muted">{t.signing.exportPrompt}</p>
        {identity && <RosterWarning warning={identity.rosterWarning} />}
        {nativeDialogs && (
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
        {!nativeDialogs && <p className="muted">{t.signing.destinationWeb}</p>}
        <label className="score-text-field">
          <span>{t.signing.passphrase}</span>
          <input
            type="password"
            autoComplete="current-password"
            autoFocus
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            data-testid="export-passphrase"
          />
        </label>
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
            <button type="submit" form="export-form" className="btn btn-primary" disabled={passphrase === ''} data-testid="export-submit">
              {t.signing.exportStart}
            </button>
          )}
        </>
      }
    >
      {body}
    </Modal>
  );
}
