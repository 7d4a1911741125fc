// Owns 专家组成员签署 of one project's panel opinion: 定稿 (fixing the PDF's bytes) and 撤销定稿, writing the file the
// members sign on their own machines, importing their .sig.json files with each outcome, and who has signed.
import { useEffect, useState } from 'react';
import type { PanelSignatureOutcome } from '../../../shared/bureau';
import { reportError } from '../../kernel/notices';
import { formatDateTime } from '../../lib/format';
import { uploadSources } from '../../lib/upload';
import { t } from '../../locale/zh-CN';
import { FileButton } from '../../ui/FileButton';
import { usePanel } from './panelStore';

export function PanelSigning({ sessionId, projectId }: { sessionId: string; projectId: string }) {
  const status = usePanel((s) => s.opinions.find((o) => o.projectId === projectId) ?? null);
  const [file, setFile] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<PanelSignatureOutcome[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setFile(null);
    setOutcomes([]);
  }, [sessionId, projectId]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  };
  const freeze = () => run(() => usePanel.getState().freeze(sessionId, projectId));
  const unfreeze = () =>
    window.confirm(t.bureau.signing.unfreezeConfirm) &&
    run(async () => {
      await usePanel.getState().unfreeze(sessionId, projectId);
      setFile(null);
      setOutcomes([]);
      await usePanel.getState().load(sessionId);
    });
  const writeFile = () => run(async () => setFile(await usePanel.getState().writeOpinionFile(sessionId, projectId)));
  const importFiles = (files: File[]) =>
    run(async () => {
      setOutcomes(await usePanel.getState().importSignatures(sessionId, await uploadSources(files)));
      await usePanel.getState().loadOpinions();
    });

  if (!status) return null;
  const signed = status.signers.filter((s) => s.signature).length;
  return (
    <section
      className="bureau-card"
      aria-labelledby="panel-signing-h"
      data-testid="panel-signing"
      data-frozen={status.frozen ? 'yes' : 'no'}
      data-complete={status.complete ? 'yes' : 'no'}
    >
      <h2 id="panel-signing-h" className="bureau-h2">
        {t.bureau.signing.title}
      </h2>
      {status.frozen ? (
        <p className={status.complete ? 'bureau-ok' : 'muted'} data-testid="signing-state">
          {status.complete
            ? t.bureau.signing.complete
            : t.bureau.signing.frozen(formatDateTime(status.frozen.frozenAt), signed, status.signers.length)}
        </p>
      ) : (
        <p className="muted">{t.bureau.signing.notFrozen}</p>
      )}
      {status.frozen && (
        <p className="muted">
          {t.bureau.signing.hash}
          <code className="mono">{status.frozen.sha256}</code>
        </p>
      )}
      <div className="bureau-actions">
        {status.frozen ? (
          <>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void writeFile()} data-testid="signing-write">
              {t.bureau.signing.write}
            </button>
            <FileButton multiple accept=".json" onFiles={(files) => void importFiles(files)} testId="signing-input">
              {t.bureau.signing.import}
            </FileButton>
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void unfreeze()} data-testid="signing-unfreeze">
              {t.bureau.signing.unfreeze}
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void freeze()} data-testid="signing-freeze">
            {t.bureau.signing.freeze}
          </button>
        )}
      </div>
      {file && (
        <p className="bureau-path" data-testid="signing-file">
          {t.bureau.signing.written}
          <code>{file}</code>
        </p>
      )}
      {outcomes.length > 0 && (
        <ul className="bureau-outcomes" data-testid="signing-outcomes">
          {outcomes.map((o, i) => (
            <li key={`${o.file}-${i}`} data-testid="signing-outcome" data-status={o.status}>
              <span className={`bureau-chip chip-${o.status}`}>{t.bureau.results.statuses[o.status]}</span>
              {`${o.file}：${o.message}`}
            </li>
          ))}
        </ul>
      )}
      <table className="bureau-table" data-testid="signers">
        <thead>
          <tr>
            <th>{t.bureau.results.expert}</th>
            <th>{t.bureau.signing.signedAt}</th>
          </tr>
        </thead>
        <tbody>
          {status.signers.map((s) => (
            <tr key={s.position} data-testid="signer" data-signed={s.signature ? 'yes' : 'no'}>
              <td>{s.name}</td>
              <td>
                {s.signature ? (
                  t.bureau.signing.signedBy(formatDateTime(s.signature.signedAt), s.signature.fileName)
                ) : (
                  <span className="text-error">{t.bureau.signing.notSigned}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
