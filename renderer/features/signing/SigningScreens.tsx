// Owns where the signing screens open: the one screen open at a time (签名身份, 导出签名文件, 验证) and the buttons that open them.
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

/** 签名身份 and 验证 (and, inside a session, 导出签名文件) buttons in the style of their bar. */
export function SigningButtons({ className, sessionId }: { className: string; sessionId: string | null }) {
  const open = useSigning((s) => s.open);
  return (
    <>
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
