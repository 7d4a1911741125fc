// Owns the app shell: start-up (app.info, restoring the last place), the screen switch with each screen a history entry,
// and the overlays every screen shares.
import { useEffect } from 'react';
import { BureauScreen } from '../features/bureau/BureauScreen';
import { useBureau } from '../features/bureau/store';
import { ExpertSetup } from '../features/expert/ExpertSetup';
import { useExpert } from '../features/expert/store';
import { HelpOverlay } from '../features/help/HelpOverlay';
import { DropTarget } from '../features/import/DropTarget';
import { ImportDialog } from '../features/import/ImportDialog';
import { PackageInput } from '../features/import/PackageInput';
import { useShell } from '../kernel/shell';
import { reportError } from '../kernel/notices';
import { useSession } from '../kernel/sessionStore';
import { Toasts } from '../kernel/Toasts';
import { t } from '../locale/zh-CN';
import { SessionScreen } from './session/SessionScreen';
import { StartScreen } from './StartScreen';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useHistoryRouter } from './useHistoryRouter';
import { usePlacePersistence } from './usePlacePersistence';

export function App() {
  const restored = useSession((s) => s.restored);
  const sessionId = useSession((s) => s.sessionId);
  const profile = useExpert((s) => s.profile);
  const bureau = useBureau((s) => s.open);
  usePlacePersistence();
  useHistoryRouter();
  useGlobalShortcuts();

  useEffect(() => {
    void useExpert.getState().load();
    void useShell.getState().load();
    const onRejection = (e: PromiseRejectionEvent) => reportError(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, []);

  return (
    <>
      {!restored || profile === undefined ? (
        <div className="splash" aria-busy="true">
          {t.common.loading}
        </div>
      ) : profile === null ? (
        <ExpertSetup />
      ) : bureau ? (
        <BureauScreen />
      ) : sessionId ? (
        <SessionScreen sessionId={sessionId} />
      ) : (
        <StartScreen />
      )}
      <PackageInput />
      {/* The bureau's screens take their own drops (documents, result files). */}
      {!bureau && <DropTarget />}
      <ImportDialog />
      <HelpOverlay />
      <Toasts />
    </>
  );
}
