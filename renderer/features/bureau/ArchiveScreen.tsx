// Owns 归档: exporting the whole session as one archive (package, results, decisions, documents, hashes), and importing an archive another copy of the app wrote (verified, then opened here).
import { useState } from 'react';
import type { JobProgress } from '../../../shared/domain';
import { client } from '../../api';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { reportError, reportInfo } from '../errors/store';
import { useBureau } from './store';
import { FileButton } from '../../ui/FileButton';

export function ArchiveScreen({ sessionId }: { sessionId: string }) {
  const info = useRemote(() => client.call('app.info', {}), []);
  const [choose, setChoose] = useState(false);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      const out = await client.call('bureau.archive.export', { sessionId, destination: choose ? 'choose' : 'default' });
      if (out.file) setFile(out.file);
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="bureau-stack">
      <section className="bureau-card" aria-labelledby="archive-h">
        <h2 id="archive-h" className="bureau-h2">{t.bureau.archive.exportTitle}</h2>
        <p className="muted">{t.bureau.archive.exportHint}</p>
        {info.state === 'ready' && info.value.nativeDialogs && (
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
            <code>{file}</code>
          </p>
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
  const importArchive = async (f: File) => {
    const jobId = crypto.randomUUID();
    setProgress(null);
    const off = client.on('job.progress', (p) => p.jobId === jobId && setProgress(p));
    try {
      const out = await client.call('bureau.archive.import', { jobId, source: { kind: 'upload', name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } });
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
      off();
      setProgress('idle');
    }
  };
  const percent = progress && progress !== 'idle' && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="bureau-archive-import" data-testid="archive-import">
      <h3 className="bureau-h3">{t.bureau.archive.importTitle}</h3>
      <FileButton accept=".zip,.rarc" onFiles={([f]) => void importArchive(f)} testId="archive-input">
        {t.bureau.archive.choose}
      </FileButton>
      {progress !== 'idle' && (
        <div className="bureau-progress" role="status">
          <span>{progress ? `${t.importJob.phases[progress.phase]} ${t.importJob.count(progress.done, progress.total)}` : t.bureau.archive.importing}</span>
          <span className="progress" role="progressbar" aria-label={t.bureau.archive.importTitle} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
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
            onClick={() =>
              client.call('session.get', { sessionId: outcome.sessionId }).then((detail) => useBureau.getState().openSession(detail.id, detail.title), reportError)
            }
            data-testid="archive-open"
          >
            {t.bureau.archive.open}
          </button>
        </div>
      )}
    </div>
  );
}
