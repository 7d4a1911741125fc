// Owns 收集结果: importing the experts' *.rdr.json (several at once, chosen or dropped) with each file's outcome — accepted, replaced, held or refused with its reason — the status board (提交情况): who submitted, when, which version, conflicts declared and what is missing — and confirming the signing key of a held result (待确认) after reading its fingerprint with the expert.
import { useEffect, useState } from 'react';
import type { Input } from '../../../shared/api';
import type { ResultImportOutcome } from '../../../shared/bureau';
import { fingerprintGroups } from '../../../shared/signing';
import { reportError } from '../../kernel/notices';
import { useNativeDialogs, useShell } from '../../kernel/shell';
import { formatDateTime } from '../../lib/format';
import { uploadSources } from '../../lib/upload';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { DropZone } from '../../ui/DropZone';
import { FileButton } from '../../ui/FileButton';
import { Icon } from '../../ui/Icon';
import { useBureau } from './store';

export function ResultsScreen({ sessionId }: { sessionId: string }) {
  const [outcomes, setOutcomes] = useState<ResultImportOutcome[]>([]);
  const [importing, setImporting] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const nativeDialogs = useNativeDialogs();
  // Asked again after an import and on 重新加载; the board shown stays until the next one has arrived.
  const [reloads, setReloads] = useState(0);
  const status = useRemote('bureau.results.status', { sessionId }, [reloads]);
  const board = status.state === 'ready' ? status.value : status.previous;
  const load = () => setReloads((n) => n + 1);
  useEffect(() => {
    if (status.state === 'error') reportError(status.error);
  }, [status]);

  const importSources = async (count: number, read: () => Promise<Input<'bureau.results.import'>['sources']>) => {
    if (importing !== null) return;
    setImporting(count);
    try {
      setOutcomes(await useBureau.getState().importResults(sessionId, await read()));
      load();
    } catch (err) {
      reportError(err);
    } finally {
      setImporting(null);
    }
  };
  /** 确认签名证书: the held results of that expert are judged again; their outcomes replace the list shown. */
  const confirmKey = async (pendingId: number) => {
    if (confirming !== null) return;
    setConfirming(pendingId);
    try {
      setOutcomes(await useBureau.getState().confirmResultKey(sessionId, pendingId));
      load();
    } catch (err) {
      reportError(err);
    } finally {
      setConfirming(null);
    }
  };
  const importFiles = (files: File[]) => files.length > 0 && importSources(files.length, () => uploadSources(files));
  /** 选择文件夹 (desktop only): every *.rdr.json in it, read by the core. */
  const importFolder = async () => {
    try {
      const path = await useShell.getState().choosePath(true);
      if (path) await importSources(0, async () => [{ kind: 'path', path }]);
    } catch (err) {
      reportError(err);
    }
  };
  const projects = board?.experts[0]?.projects.map((p) => p.projectId) ?? [];

  return (
    <div className="bureau-stack">
      <section className="bureau-card" aria-labelledby="results-import-h">
        <h2 id="results-import-h" className="bureau-h2">
          {t.bureau.results.importTitle}
        </h2>
        <DropZone className="bureau-drop" onFiles={(files) => void importFiles(files)} testId="results-drop">
          <Icon name="upload" size={22} />
          <span>{t.bureau.results.drop}</span>
          <FileButton
            className="btn btn-primary"
            multiple
            accept=".json"
            onFiles={(files) => void importFiles(files)}
            testId="results-input"
          >
            {t.bureau.results.choose}
          </FileButton>
          {nativeDialogs && (
            <button type="button" className="btn" onClick={() => void importFolder()} data-testid="results-folder">
              {t.bureau.results.chooseFolder}
            </button>
          )}
        </DropZone>
        {importing !== null && (
          <div className="bureau-progress" role="status" data-testid="results-progress">
            <span>{t.bureau.results.importing(importing)}</span>
            <span className="progress" role="progressbar" aria-label={t.bureau.results.importTitle}>
              <span className="progress-bar progress-indeterminate" />
            </span>
          </div>
        )}
        {outcomes.length > 0 && (
          <table className="bureau-table" data-testid="results-outcomes">
            <thead>
              <tr>
                <th>{t.bureau.results.file}</th>
                <th>{t.bureau.results.outcome}</th>
                <th>{t.bureau.results.detail}</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((o, i) => (
                <tr key={`${o.file}-${i}`} className={`outcome-${o.status}`} data-testid="result-outcome" data-status={o.status}>
                  <td>{o.file}</td>
                  <td>
                    <span className={`bureau-chip chip-${o.status}`}>{t.bureau.results.statuses[o.status]}</span>
                  </td>
                  <td>{o.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="bureau-card" aria-labelledby="results-board-h" data-testid="status-board">
        <div className="bureau-toolbar">
          <h2 id="results-board-h" className="bureau-h2">
            {t.bureau.results.boardTitle}
          </h2>
          <button type="button" className="btn btn-small" onClick={load}>
            {t.common.reload}
          </button>
        </div>
        {!board ? (
          <p className="panel-message">{t.common.loading}</p>
        ) : (
          <>
            <p className={board.missing.length ? 'bureau-warning' : 'bureau-ok'} data-testid="board-missing">
              {board.missing.length ? t.bureau.results.missing(board.missing.join('、')) : t.bureau.results.allIn}
            </p>
            {board.conflicts.length > 0 && (
              <ul className="bureau-conflicts" data-testid="board-conflicts">
                {board.conflicts.map((c) => (
                  <li key={c.projectId}>{t.bureau.results.conflict(c.name, c.experts.join('、'))}</li>
                ))}
              </ul>
            )}
            {board.experts.some((e) => e.pending.length > 0) && (
              <section aria-labelledby="results-pending-h" data-testid="pending-keys">
                <h3 id="results-pending-h" className="bureau-h3">
                  {t.bureau.results.pendingTitle}
                </h3>
                <p className="bureau-warning">{t.bureau.results.pendingHint}</p>
                <ul className="pending-keys">
                  {board.experts.flatMap((e) =>
                    e.pending.map((p) => (
                      <li key={p.id} data-testid="pending-key" data-expert={e.name}>
                        <div>{t.bureau.results.pendingOf(e.name, formatDateTime(p.signedAt), p.fileName)}</div>
                        <ol className="fingerprint" aria-label={`${e.name} 证书指纹`} data-testid="pending-fingerprint">
                          {fingerprintGroups(p.fingerprint).map((g, i) => (
                            // Groups are positional: the same four digits may repeat.
                            <li key={`${i}-${g}`}>{g}</li>
                          ))}
                        </ol>
                        <button
                          type="button"
                          className="btn btn-primary btn-small"
                          disabled={confirming !== null}
                          onClick={() => void confirmKey(p.id)}
                          data-testid="confirm-key"
                        >
                          {confirming === p.id ? t.bureau.results.confirming : t.bureau.results.confirmKey}
                        </button>
                      </li>
                    )),
                  )}
                </ul>
              </section>
            )}
            <table className="bureau-table" data-testid="board-table">
              <thead>
                <tr>
                  <th>{t.bureau.results.expert}</th>
                  <th>{t.bureau.results.submitted}</th>
                  <th>{t.bureau.results.version}</th>
                  {projects.map((p, i) => (
                    <th key={p} title={p}>
                      {t.bureau.results.projectCol(i + 1)}
                    </th>
                  ))}
                  <th>{t.bureau.results.history}</th>
                </tr>
              </thead>
              <tbody>
                {board.experts.map((e) => (
                  <tr key={e.position} data-testid="board-row" data-submitted={e.submitted ? 'yes' : 'no'}>
                    <td>
                      {e.name}
                      {e.isChair && <span className="bureau-chip">{t.bureau.results.chair}</span>}
                    </td>
                    <td>
                      {e.submitted ? (
                        t.bureau.results.submittedAt(formatDateTime(e.submitted.signedAt), formatDateTime(e.submitted.receivedAt))
                      ) : (
                        <span className="text-error">{t.bureau.results.notSubmitted}</span>
                      )}
                    </td>
                    <td className="num">{e.submitted ? t.bureau.results.versionN(e.submitted.version) : t.common.none}</td>
                    {e.projects.map((p) => (
                      <td key={p.projectId} className={`state-${p.state}`}>
                        {t.bureau.results.states[p.state]}
                      </td>
                    ))}
                    <td>
                      {e.history.length > 1 ? (
                        <details>
                          <summary>{t.bureau.results.submissions(e.submissions)}</summary>
                          <ol>
                            {e.history.map((h) => (
                              <li key={h.fileSha256}>{`${formatDateTime(h.signedAt)} · ${h.fileName}`}</li>
                            ))}
                          </ol>
                        </details>
                      ) : (
                        t.bureau.results.submissions(e.submissions)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
