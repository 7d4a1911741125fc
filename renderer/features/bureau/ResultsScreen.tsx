// Owns 收集结果: importing the experts' *.rdr.json (several at once, chosen or dropped) with each file's outcome — accepted, replaced or refused with its reason — and the status board (提交情况): who submitted, when, which version, conflicts declared and what is missing.
import { useEffect, useState } from 'react';
import type { Input } from '../../../shared/api';
import type { ResultImportOutcome, StatusBoard } from '../../../shared/bureau';
import { client } from '../../api';
import { formatDateTime } from '../../lib/format';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { DropZone } from '../../ui/DropZone';
import { FileButton } from '../../ui/FileButton';
import { Icon } from '../../ui/Icon';
import { reportError } from '../errors/store';

export function ResultsScreen({ sessionId }: { sessionId: string }) {
  const [board, setBoard] = useState<StatusBoard | null>(null);
  const [outcomes, setOutcomes] = useState<ResultImportOutcome[]>([]);
  const [importing, setImporting] = useState<number | null>(null);
  const info = useRemote(() => client.call('app.info', {}), []);
  const load = () => client.call('bureau.results.status', { sessionId }).then(setBoard, reportError);
  useEffect(() => {
    void load();
  }, [sessionId]);

  const importSources = async (count: number, read: () => Promise<Input<'bureau.results.import'>['sources']>) => {
    if (importing !== null) return;
    setImporting(count);
    try {
      setOutcomes(await client.call('bureau.results.import', { sessionId, sources: await read() }));
      await load();
    } catch (err) {
      reportError(err);
    } finally {
      setImporting(null);
    }
  };
  const importFiles = (files: File[]) =>
    files.length > 0 &&
    importSources(files.length, () => Promise.all(files.map(async (f) => ({ kind: 'upload' as const, name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
  /** 选择文件夹 (desktop only): every *.rdr.json in it, read by the core. */
  const importFolder = async () => {
    try {
      const { path } = await client.call('package.choose', { folder: true });
      if (path) await importSources(0, async () => [{ kind: 'path', path }]);
    } catch (err) {
      reportError(err);
    }
  };
  const projects = board?.experts[0]?.projects.map((p) => p.projectId) ?? [];

  return (
    <div className="bureau-stack">
      <section className="bureau-card" aria-labelledby="results-import-h">
        <h2 id="results-import-h" className="bureau-h2">{t.bureau.results.importTitle}</h2>
        <DropZone className="bureau-drop" onFiles={(files) => void importFiles(files)} testId="results-drop">
          <Icon name="upload" size={22} />
          <span>{t.bureau.results.drop}</span>
          <FileButton className="btn btn-primary" multiple accept=".json" onFiles={(files) => void importFiles(files)} testId="results-input">
            {t.bureau.results.choose}
          </FileButton>
          {info.state === 'ready' && info.value.nativeDialogs && (
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
          <h2 id="results-board-h" className="bureau-h2">{t.bureau.results.boardTitle}</h2>
          <button type="button" className="btn btn-small" onClick={() => void load()}>{t.common.reload}</button>
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
            <table className="bureau-table" data-testid="board-table">
              <thead>
                <tr>
                  <th>{t.bureau.results.expert}</th>
                  <th>{t.bureau.results.submitted}</th>
                  <th>{t.bureau.results.version}</th>
                  {projects.map((p, i) => (
                    <th key={p} title={p}>{t.bureau.results.projectCol(i + 1)}</th>
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
                    <td>{e.submitted ? t.bureau.results.submittedAt(formatDateTime(e.submitted.signedAt), formatDateTime(e.submitted.receivedAt)) : <span className="text-error">{t.bureau.results.notSubmitted}</span>}</td>
                    <td className="num">{e.submitted ? t.bureau.results.versionN(e.submitted.version) : t.common.none}</td>
                    {e.projects.map((p) => (
                      <td key={p.projectId} className={`state-${p.state}`}>{t.bureau.results.states[p.state]}</td>
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
