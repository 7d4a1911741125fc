// Owns 归档: exporting the whole session as one archive (package, results, decisions, documents, hashes; the index signed with this machine's archive key, whose fingerprint is shown in groups), and importing an archive another copy of the app wrote (its signer's fingerprint as the bureau gave it, verified, then opened here).
import { useState } from 'react';
import type { JobProgress } from '../../../shared/domain';
import { fingerprintGroups } from '../../../shared/signing';
import { reportError, reportInfo } from '../../kernel/notices';
import { useDesktop, useNativeDialogs } from '../../kernel/shell';
import { uploadSource } from '../../lib/upload';
import { t } from '../../locale/zh-CN';
import { FileButton } from '../../ui/FileButton';
import { FileLink } from '../../ui/FileLink';
import { useBureau } from './store';

export function ArchiveScreen({ sessionId }: { sessionId: string }) {
  const nativeDialogs = useNativeDialogs();
  const desktop = useDesktop();
  const [choose, setChoose] = useState(false);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<{ path: string; fingerprint: string | null } | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      const out = await useBureau.getState().exportArchive(sessionId, choose ? 'choose' : 'default');
      if (out.file) setFile({ path: out.file, fingerprint: out.fingerprint });
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="bureau-stack">
      <section className="bureau-card" aria-labelledby="archive-h">
        <h2 id="archive-h" className="bureau-h2">
          {t.bureau.archive.exportTitle}
        </h2>
        <p className="muted">{t.bureau.archive.exportHint}</p>
        {nativeDialogs && (
          <label className="bureau-check">
            <input type="checkbox" checked={choose} onChange={(e) => setChoose(e.target.checked)} />
            {t.bureau.export.chooseFolder}
          </label>
        )}
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run()} data-testid="archive-export">
          {t.bureau.archive.export}
        </button>
        {busy && (
          <div className="bureau-progress" role="status">
            <span>{t.bureau.archive.exporting}</span>
            <span className="progress" role="progressbar" aria-label={t.bureau.archive.export}>
              <span className="progress-bar progress-indeterminate" />
            </span>
          </div>
        )}
        {file && (
          <p className="bureau-path" data-testid="archive-file">
            {t.bureau.archive.written}
            {desktop ? <code>{file.path}</code> : <FileLink file={file.path} />}
          </p>
        )}
        {file?.fingerprint && (
          <div data-testid="archive-fingerprint">
            <p className="muted">{t.bureau.archive.fingerprintHint}</p>
            <ol className="fingerprint" aria-label={t.bureau.archive.fingerprint}>
              {fingerprintGroups(file.fingerprint).map((g, i) => (
                // Groups are positional: the same four digits may repeat.
                <li key={`${i}-${g}`}>{g}</li>
              ))}
            </ol>
          </div>
        )}
      </section>
      <section className="bureau-card">
        <ArchiveImport />
      </section>
    </div>
  );
}

/** 导入归档: an archive file verified and opened as a session of this machine. */
export function ArchiveImport() {
  const [progress, setProgress] = useState<JobProgress | null | 'idle'>('idle');
  const [outcome, setOutcome] = useState<{ sessionId: string; accepted: number; refused: string[]; documents: number } | null>(null);
  /** The archive key fingerprint the bureau that wrote the archive gave (empty: an archive of this machine). */
  const [fingerprint, setFingerprint] = useState('');
  const importArchive = async (f: File) => {
    setProgress(null);
    try {
      const out = await useBureau.getState().importArchive(await uploadSource(f), fingerprint.trim() || null, setProgress);
      setOutcome({
        sessionId: out.sessionId,
        accepted: out.results.filter((r) => r.status !== 'refused').length,
        refused: out.results.filter((r) => r.status === 'refused').map((r) => `${r.file}：${r.message}`),
        documents: out.documents.length,
      });
      reportInfo(t.bureau.archive.imported);
    } catch (err) {
      reportError(err);
    } finally {
      setProgress('idle');
    }
  };
  const percent = progress && progress !== 'idle' && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="bureau-archive-import" data-testid="archive-import">
      <h3 className="bureau-h3">{t.bureau.archive.importTitle}</h3>
      <label className="bureau-field">
        <span>{t.bureau.archive.bureauFingerprint}</span>
        <input
          className="mono"
          value={fingerprint}
          onChange={(e) => setFingerprint(e.target.value)}
          placeholder={t.bureau.archive.bureauFingerprintHint}
          data-testid="archive-bureau-fingerprint"
        />
      </label>
      <FileButton accept=".zip,.rarc" onFiles={([f]) => void importArchive(f)} testId="archive-input">
        {t.bureau.archive.choose}
      </FileButton>
      {progress !== 'idle' && (
        <div className="bureau-progress" role="status">
          <span>
            {progress
              ? `${t.importJob.phases[progress.phase]} ${t.importJob.count(progress.done, progress.total)}`
              : t.bureau.archive.importing}
          </span>
          <span
            className="progress"
            role="progressbar"
            aria-label={t.bureau.archive.importTitle}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <span className={`progress-bar${progress ? '' : ' progress-indeterminate'}`} style={{ width: `${percent}%` }} />
          </span>
        </div>
      )}
      {outcome && (
        <div className="bureau-path" data-testid="archive-outcome">
          <p>{t.bureau.archive.outcome(outcome.accepted, outcome.refused.length, outcome.documents)}</p>
          {outcome.refused.length > 0 && (
            <ul className="bureau-warning">
              {outcome.refused.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void useBureau.getState().openArchivedSession(outcome.sessionId)}
            data-testid="archive-open"
          >
            {t.bureau.archive.open}
          </button>
        </div>
      )}
    </div>
  );
}
