// Owns the bureau mode's frame (评审组织方): the header with 规则配置 and 返回, the 规则配置 screen when chosen, the draft list when nothing is open, else the tabs of the open review (准备 · 收集结果 · 专家组汇总 · 生成文书 · 归档).
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { ArchiveScreen } from './ArchiveScreen';
import { DraftList } from './DraftList';
import { LettersScreen } from './LettersScreen';
import { PanelScreen } from './PanelScreen';
import { PrepareScreen } from './PrepareScreen';
import { ProfilesScreen } from './profiles/ProfilesScreen';
import { useProfiles } from './profiles/store';
import { ResultsScreen } from './ResultsScreen';
import { bureauTabs, useBureau, type BureauTab } from './store';

export function BureauScreen() {
  const draftId = useBureau((s) => s.draftId);
  const sessionId = useBureau((s) => s.sessionId);
  const title = useBureau((s) => s.sessionTitle);
  const tab = useBureau((s) => s.tab);
  const profiles = useProfiles((s) => s.active);
  const opened = !profiles && (draftId !== null || sessionId !== null);
  const enabled = (x: BureauTab) => (x === 'prepare' ? draftId !== null : sessionId !== null);
  return (
    <main className="bureau" data-testid="bureau">
      <header className="bureau-header">
        <span className="brand-mark" aria-hidden="true">
          评
        </span>
        <h1 className="bureau-title">
          {t.bureau.title}
          {opened && (
            <span className="bureau-subtitle" data-testid="bureau-session-title">
              {title}
            </span>
          )}
          {profiles && <span className="bureau-subtitle">{t.profiles.title}</span>}
        </h1>
        {opened && (
          <button type="button" className="btn btn-header" onClick={() => useBureau.getState().backToList()} data-testid="bureau-back-list">
            <Icon name="left" />
            {t.bureau.backToList}
          </button>
        )}
        <button
          type="button"
          className={`btn btn-header${profiles ? ' current' : ''}`}
          aria-pressed={profiles}
          onClick={() => (profiles ? useProfiles.getState().hide() : useProfiles.getState().show())}
          title={t.profiles.enterTitle}
          data-testid="bureau-profiles"
        >
          {t.profiles.enter}
        </button>
        <button
          type="button"
          className="btn btn-header"
          onClick={() => {
            useProfiles.getState().hide();
            if (!useProfiles.getState().active) useBureau.getState().leave();
          }}
          data-testid="bureau-leave"
        >
          <Icon name="home" />
          {t.bureau.leave}
        </button>
      </header>
      {opened && (
        <nav className="bureau-tabs" role="tablist" aria-label={t.bureau.tabsLabel}>
          {bureauTabs.map((x) => (
            <button
              key={x}
              type="button"
              role="tab"
              aria-selected={tab === x}
              className={`bureau-tab${tab === x ? ' current' : ''}`}
              disabled={!enabled(x)}
              title={enabled(x) ? undefined : x === 'prepare' ? t.bureau.tabNoDraft : t.bureau.tabNeedsExport}
              onClick={() => useBureau.getState().setTab(x)}
              data-testid={`bureau-tab-${x}`}
            >
              {t.bureau.tabs[x]}
            </button>
          ))}
        </nav>
      )}
      <div className="bureau-body">
        {profiles && <ProfilesScreen />}
        {!profiles && !opened && <DraftList />}
        {opened && tab === 'prepare' && draftId && <PrepareScreen />}
        {opened && tab === 'results' && sessionId && <ResultsScreen sessionId={sessionId} />}
        {opened && tab === 'panel' && sessionId && <PanelScreen sessionId={sessionId} />}
        {opened && tab === 'letters' && sessionId && <LettersScreen sessionId={sessionId} />}
        {opened && tab === 'archive' && sessionId && <ArchiveScreen sessionId={sessionId} />}
      </div>
    </main>
  );
}
