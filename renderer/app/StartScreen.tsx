// Owns the start screen shown when no session is open: open buttons, the drop zone, imported sessions, recent packages and the 专家信息 button.
import { useBureau } from '../features/bureau/store';
import { ExpertButton } from '../features/expert/ExpertButton';
import { FontsButton } from '../features/fonts/FontsButton';
import { importPath, openPackage } from '../features/import/openPackage';
import { SigningButtons, SigningScreens } from '../features/signing/SigningScreens';
import { RecentPackages } from '../features/start/RecentPackages';
import { SessionList } from '../features/start/SessionList';
import { useShell, useNativeDialogs } from '../kernel/shell';
import { t } from '../locale/zh-CN';
import { Icon } from '../ui/Icon';

export function StartScreen() {
  const nativeDialogs = useNativeDialogs();
  const info = useShell((s) => s.info);
  return (
    <main className="start">
      <section className="start-hero">
        <div className="start-brand">
          <span className="brand-mark brand-mark-lg" aria-hidden="true">
            评
          </span>
          <div>
            <h1 className="start-title">{t.appName}</h1>
            <p className="start-tagline">{t.appTagline}</p>
          </div>
        </div>
        <div className="start-actions">
          <button
            type="button"
            className="btn btn-primary btn-xl"
            onClick={() => void openPackage(false)}
            data-testid="open-package"
            autoFocus
          >
            <Icon name="package" size={30} />
            <span className="btn-xl-text">
              {t.start.openPackage}
              <small>{t.start.openHint}</small>
            </span>
          </button>
          {nativeDialogs && (
            <button type="button" className="btn btn-xl btn-secondary" onClick={() => void openPackage(true)} data-testid="open-folder">
              <Icon name="folder" size={30} />
              <span className="btn-xl-text">
                {t.start.openFolder}
                <small>{t.start.openFolderHint}</small>
              </span>
            </button>
          )}
          <button
            type="button"
            className="btn btn-xl btn-secondary"
            onClick={() => useBureau.getState().enter()}
            data-testid="bureau-enter"
          >
            <Icon name="document" size={30} />
            <span className="btn-xl-text">
              {t.bureau.enter}
              <small>{t.bureau.enterHint}</small>
            </span>
          </button>
        </div>
        <div className="drop-zone" data-testid="drop-zone">
          <Icon name="upload" size={28} />
          <div className="drop-zone-text">
            <strong>{t.start.dropTitle}</strong>
            <span className="muted">{t.start.dropHint}</span>
          </div>
        </div>
        <p className="start-shortcuts muted">{t.start.shortcutHint}</p>
      </section>
      <section className="start-lists">
        <SessionList />
        <RecentPackages onOpen={(path) => void importPath(path)} />
      </section>
      <footer className="start-footer muted">
        <ExpertButton className="btn" />
        <SigningButtons className="btn" sessionId={null} />
        <FontsButton className="btn" />
        {info && <span data-testid="app-version">{t.start.version(info.version, info.transport)}</span>}
      </footer>
      <SigningScreens />
    </main>
  );
}
