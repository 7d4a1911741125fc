// Owns where the signing screens open: the one screen open at a time (签名身份, 签名并导出, 验证), the buttons that open them, and 锁定 while the key is unlocked.
import { reportError } from '../../kernel/notices';
import { t } from '../../locale/zh-CN';
import { ExportDialog } from './ExportDialog';
import { IdentityScreen } from './IdentityScreen';
import { useSigning } from './store';
import { VerifyScreen } from './VerifyScreen';

export function SigningScreens() {
  const screen = useSigning((s) => s.screen);
  const sessionId = useSigning((s) => s.sessionId);
  if (screen === 'identity') return <IdentityScreen />;
  if (screen === 'verify') return <VerifyScreen />;
  if (screen === 'export' && sessionId) return <ExportDialog sessionId={sessionId} />;
  return null;
}

/** 签名身份 and 验证 (and, inside a session, 签名并导出; while unlocked, 锁定) buttons in the style of their bar. */
export function SigningButtons({ className, sessionId }: { className: string; sessionId: string | null }) {
  const open = useSigning((s) => s.open);
  const unlocked = useSigning((s) => s.locksAt !== null);
  return (
    <>
      {unlocked && (
        <button
          type="button"
          className={className}
          onClick={() => void useSigning.getState().lock().catch(reportError)}
          title={t.signing.lockTitle}
          data-testid="signing-lock"
        >
          {t.signing.lock}
        </button>
      )}
      <button
        type="button"
        className={className}
        onClick={() => open('identity', sessionId)}
        title={t.signing.identityOpenTitle}
        data-testid="signing-identity-open"
      >
        {t.signing.identityOpen}
      </button>
      {sessionId && (
        <button
          type="button"
          className={className}
          onClick={() => open('export', sessionId)}
          title={t.signing.exportOpenTitle}
          data-testid="signing-export-open"
        >
          {t.signing.exportOpen}
        </button>
      )}
      <button
        type="button"
        className={className}
        onClick={() => open('verify', sessionId)}
        title={t.signing.verifyOpenTitle}
        data-testid="signing-verify-open"
      >
        {t.signing.verifyOpen}
      </button>
    </>
  );
}
