// Owns the 验证 screen: choose a signed PDF, a DOCX with its .sig.json, or a result file; shows 有效/无效, signer, fingerprint, time and each check.
import { useState } from 'react';
import type { VerificationView } from '../../../shared/signing';
import { userMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { readBytes } from '../../lib/upload';
import { t } from '../../locale/zh-CN';
import { FileButton } from '../../ui/FileButton';
import { Modal } from '../../ui/Modal';
import { FingerprintGroups, RosterWarning } from './IdentityScreen';
import { useSigning } from './store';

const SIGNATURE_SUFFIX = '.sig.json';

async function verifyFiles(files: File[], sessionId: string | null): Promise<{ name: string; report: VerificationView }> {
  const signature = files.find((f) => f.name.toLowerCase().endsWith(SIGNATURE_SUFFIX));
  const main = files.find((f) => f !== signature);
  if (!main) throw new Error(t.signing.verifyOnlySignature);
  const bytes = await readBytes(main);
  const sig = signature ? { name: signature.name, bytes: await readBytes(signature) } : undefined;
  return {
    name: main.name,
    report: await useSigning.getState().verify({ sessionId, source: { kind: 'upload', name: main.name, bytes, signature: sig } }),
  };
}

function Report({ name, report }: { name: string; report: VerificationView }) {
  return (
    <div className={`verify-report ${report.valid ? 'is-valid' : 'is-invalid'}`} data-testid="verify-report">
      <p className="verify-verdict" data-testid="verify-verdict">
        {report.valid ? t.signing.valid : t.signing.invalid}
      </p>
      <p>{report.valid ? t.signing.validLong : t.signing.invalidLong}</p>
      <dl className="signing-facts">
        <dt>{t.signing.file}</dt>
        <dd>
          {name}（{t.signing.kinds[report.kind]}）
        </dd>
        <dt>{t.signing.signer}</dt>
        <dd data-testid="verify-signer">
          {report.signer
            ? [report.signer.name, report.signer.title, report.signer.employer].filter(Boolean).join(' · ')
            : t.signing.unknown}
        </dd>
        <dt>{t.signing.signedAt}</dt>
        <dd>{report.signedAt ? formatDateTime(report.signedAt) : t.signing.unknown}</dd>
        {report.signer && (
          <>
            <dt>{t.signing.algorithm}</dt>
            <dd>{t.signing.algorithms[report.signer.algorithm].label}</dd>
          </>
        )}
      </dl>
      {report.signer && (
        <>
          <h3 className="signing-heading">{t.signing.fingerprint}</h3>
          <FingerprintGroups fingerprint={report.signer.fingerprint} />
        </>
      )}
      <RosterWarning warning={report.rosterWarning ?? null} />
      <h3 className="signing-heading">{t.signing.checks}</h3>
      <ul className="verify-checks">
        {report.checks.map((c) => (
          <li key={c.id} className={c.ok ? 'check-ok' : 'check-failed'} data-testid="verify-check" data-ok={c.ok}>
            <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span> {c.message || c.id}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function VerifyScreen() {
  const close = useSigning((s) => s.close);
  const sessionId = useSigning((s) => s.sessionId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ name: string; report: VerificationView } | null>(null);

  const onChoose = async (files: File[]) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await verifyFiles(files, sessionId));
    } catch (err) {
      setError(err instanceof Error && err.message === t.signing.verifyOnlySignature ? err.message : userMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t.signing.verifyTitle}
      onEscape={close}
      wide
      testId="verify-screen"
      footer={
        <button type="button" className="btn" onClick={close} data-testid="verify-close">
          {t.common.close}
        </button>
      }
    >
      <div className="signing-section">
        <p className="muted">{t.signing.verifyPrompt}</p>
        <FileButton
          className="btn btn-primary"
          multiple
          accept=".pdf,.docx,.json"
          onFiles={(files) => void onChoose(files)}
          disabled={busy}
          testId="verify-input"
        >
          {busy ? t.signing.verifying : t.signing.chooseFile}
        </FileButton>
        {error && (
          <p className="score-error" role="alert">
            {error}
          </p>
        )}
        {result && <Report name={result.name} report={result.report} />}
      </div>
    </Modal>
  );
}
