// Owns the last step of preparing (预审与导出): what still blocks export, the pre-check per project (rerun when the draft
// changes), exporting the .rpkg with its progress and written path, and one copy per expert (分发副本) with their paths.
import { useRef, useState } from 'react';
import type { DraftPrecheck } from '../../../shared/bureau';
import type { JobProgress } from '../../../shared/domain';
import { reportError, reportInfo } from '../../kernel/notices';
import { useDesktop, useNativeDialogs } from '../../kernel/shell';
import { userMessage } from '../../lib/errors';
import { useRemote, type Remote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { FileLink } from '../../ui/FileLink';
import { Icon } from '../../ui/Icon';
import { useBureau } from './store';

/** How long the draft must be still before the pre-check runs again. */
const PRECHECK_DELAY_MS = 400;

export function ExportPanel() {
  const view = useBureau((s) => s.view)!;
  const nativeDialogs = useNativeDialogs();
  const desktop = useDesktop();
  const [choose, setChoose] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null | 'idle'>('idle');
  const [written, setWritten] = useState<string | null>(null);
  const [copies, setCopies] = useState<{ folder: string; files: string[] } | null>(null);
  const draftId = view.draft.id;
  const destination = choose ? 'choose' : 'default';

  const exportPackage = async () => {
    setProgress(null);
    try {
      const out = await useBureau.getState().exportDraft(draftId, destination, setProgress);
      if (out.file) {
        setWritten(out.file);
        setCopies(null);
        await useBureau.getState().markExported(out.sessionId);
        reportInfo(t.bureau.exportDone);
      }
    } catch (err) {
      reportError(err);
    } finally {
      setProgress('idle');
    }
  };
  const writeCopies = async () => {
    try {
      const out = await useBureau.getState().writeCopies(draftId, destination);
      if (out.folder) setCopies({ folder: out.folder, files: out.files });
    } catch (err) {
      reportError(err);
    }
  };

  const percent = progress && progress !== 'idle' && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <section className="bureau-card" aria-labelledby="bureau-export-h" data-testid="export-panel">
      <h2 id="bureau-export-h" className="bureau-h2">
        {t.bureau.step.export}
      </h2>
      <Precheck draftId={draftId} version={view.version} />
      {view.problems.length > 0 ? (
        <div className="bureau-problems" role="status" data-testid="draft-problems">
          <p>{t.bureau.export.blocked(view.problems.length)}</p>
          <ul>
            {view.problems.map((p) => (
              <li key={`${p.path}-${p.code}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="bureau-ok" data-testid="draft-ready">
          <Icon name="check" />
          {t.bureau.export.ready}
        </p>
      )}
      {view.exported && (
        <p className="muted" data-testid="exported-state">
          {t.bureau.export.exportedState(view.exported.manifestSha256.slice(0, 12), view.exported.results)}
        </p>
      )}
      {nativeDialogs && (
        <label className="bureau-inline">
          <input type="checkbox" checked={choose} onChange={(e) => setChoose(e.target.checked)} />
          {t.bureau.export.chooseFolder}
        </label>
      )}
      <div className="bureau-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={view.problems.length > 0 || progress !== 'idle'}
          onClick={() => void exportPackage()}
          data-testid="export-package"
        >
          <Icon name="package" />
          {t.bureau.export.package}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!view.exported || progress !== 'idle'}
          onClick={() => void writeCopies()}
          data-testid="export-copies"
        >
          {t.bureau.export.copies}
        </button>
      </div>
      {progress !== 'idle' && (
        <div className="bureau-progress" role="status" data-testid="export-progress">
          <span>
            {progress
              ? `${t.importJob.phases[progress.phase]} ${t.importJob.count(progress.done, progress.total)}`
              : t.bureau.export.preparing}
          </span>
          <span
            className="progress"
            role="progressbar"
            aria-label={t.bureau.export.package}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <span className={`progress-bar${progress ? '' : ' progress-indeterminate'}`} style={{ width: `${percent}%` }} />
          </span>
        </div>
      )}
      {written && (
        <p className="bureau-path" data-testid="export-file">
          {t.bureau.export.written}
          {desktop ? <code>{written}</code> : <FileLink file={written} />}
        </p>
      )}
      {copies && (
        <div className="bureau-path" data-testid="export-copies-result">
          <p>
            {t.bureau.export.copiesWritten(copies.files.length)}
            {desktop && <code>{copies.folder}</code>}
          </p>
          <ul>
            {copies.files.map((f) => (
              <li key={f} data-testid="export-copy">
                <FileLink file={`${copies.folder}/${f}`} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

type PrecheckResult = { version: number; list: DraftPrecheck[] } | { version: number; error: string };

/** 预审: reruns on every new draft version (debounced), so the findings follow the projects as they are added. */
function Precheck({ draftId, version }: { draftId: string; version: number }) {
  const remote = useRemote('bureau.draft.precheck', { draftId }, [version], { delayMs: PRECHECK_DELAY_MS });
  // The last answer stays shown (marked busy) while the next version is checked; it keeps the version it was made for.
  const shown = useRef<{ remote: Remote<DraftPrecheck[]>; result: PrecheckResult | null }>({ remote, result: null });
  if (shown.current.remote !== remote) {
    const settled =
      remote.state === 'ready'
        ? { version, list: remote.value }
        : remote.state === 'error'
          ? { version, error: userMessage(remote.error) }
          : null;
    shown.current = { remote, result: settled ?? shown.current.result };
  }
  const { result } = shown.current;
  if (!result)
    return (
      <p className="muted" role="status">
        {t.bureau.precheck.running}
      </p>
    );
  if ('error' in result)
    return (
      <p className="bureau-error" role="alert">
        {result.error}
      </p>
    );
  return (
    <div
      className="bureau-precheck"
      data-testid="draft-precheck"
      data-version={result.version}
      aria-busy={result.version !== version || undefined}
    >
      <h3 className="bureau-h3">{t.bureau.precheck.title}</h3>
      {result.list.length === 0 && <p className="muted">{t.bureau.precheck.noProjects}</p>}
      {result.list.map((p) => {
        const fails = p.findings.filter((f) => f.status === 'fail');
        const judge = p.findings.filter((f) => f.status === 'judge');
        return (
          <details key={p.projectId} className="bureau-details" data-testid="precheck-project" open={fails.length > 0}>
            <summary>
              <strong>{p.name}</strong>{' '}
              {t.bureau.precheck.counts(p.findings.filter((f) => f.status === 'pass').length, fails.length, judge.length)}
            </summary>
            <ul className="bureau-findings">
              {p.findings.map((f) => (
                <li key={f.ruleId} className={`finding-${f.status}`}>
                  <span className="bureau-chip">{t.precheck.statuses[f.status]}</span>
                  {f.message}
                  {f.citation && <small className="muted">（{f.citation}）</small>}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
