// Owns the 签名身份 screen: create the identity, or show it (subject, algorithm, fingerprint in groups for reading aloud, roster warning) with the handwritten signature pad.
import { useState } from 'react';
import { fingerprintGroups, type IdentityView } from '../../../shared/signing';
import { formatDateTime } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { Modal } from '../../ui/Modal';
import { CreateIdentityForm } from './CreateIdentityForm';
import { SignaturePadField } from './SignaturePadField';
import { useSigning } from './store';

export function FingerprintGroups({ fingerprint, testId }: { fingerprint: string; testId?: string }) {
  return (
    <ol className="fingerprint" aria-label={t.signing.fingerprint} data-testid={testId}>
      {fingerprintGroups(fingerprint).map((g, i) => (
        // Groups are positional: the same four digits may repeat.
        <li key={`${i}-${g}`}>{g}</li>
      ))}
    </ol>
  );
}

export function RosterWarning({ warning }: { warning: string | null }) {
  if (!warning) return null;
  return (
    <p className="signing-warning" role="alert" data-testid="roster-warning">
      {warning}
    </p>
  );
}

function IdentityDetails({ identity, onReplace }: { identity: IdentityView; onReplace(): void }) {
  return (
    <section className="signing-section" data-testid="identity-details">
      <dl className="signing-facts">
        <dt>{t.signing.subject}</dt>
        <dd data-testid="identity-subject">{[identity.name, identity.title, identity.employer].filter(Boolean).join(' · ')}</dd>
        <dt>{t.signing.algorithm}</dt>
        <dd>{t.signing.algorithms[identity.algorithm].label}</dd>
        <dt>{t.signing.created}</dt>
        <dd>{formatDateTime(identity.createdAt)}</dd>
      </dl>
      <h3 className="signing-heading">{t.signing.fingerprint}</h3>
      <FingerprintGroups fingerprint={identity.fingerprint} testId="identity-fingerprint" />
      <p className="muted">{t.signing.fingerprintHint}</p>
      <RosterWarning warning={identity.rosterWarning} />
      <button type="button" className="link-btn" onClick={onReplace} data-testid="identity-replace">
        {t.signing.replace}
      </button>
    </section>
  );
}

export function IdentityScreen() {
  const identity = useSigning((s) => s.identity);
  const close = useSigning((s) => s.close);
  const [replacing, setReplacing] = useState(false);
  let body;
  if (identity === undefined) body = <p aria-busy="true">{t.common.loading}</p>;
  else if (identity === null) body = <CreateIdentityForm replace={false} />;
  else if (replacing) body = <CreateIdentityForm replace onCancel={() => setReplacing(false)} onDone={() => setReplacing(false)} />;
  else {
    body = (
      <>
        <IdentityDetails identity={identity} onReplace={() => setReplacing(true)} />
        <SignaturePadField saved={identity.signatureImage} />
      </>
    );
  }
  return (
    <Modal
      title={t.signing.identityTitle}
      onEscape={close}
      wide
      testId="identity-screen"
      footer={
        <button type="button" className="btn" onClick={close} data-testid="identity-close">
          {t.common.close}
        </button>
      }
    >
      {body}
    </Modal>
  );
}
