// Owns the session header bar: the full title (wrapping, never cut), date, issuer, location, the rules in force (适用规则), 全文检索,
// the expert panel (chair marked 组长), the text-extraction progress, the one primary action of the selected project's state,
// 返回首页, and every other action (专家信息, signing, 评审概览, 文书, open package, help) under 更多.
import type { SessionDetail } from '../../../shared/domain';
import { formatDate } from '../../lib/format';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { ExpertButton } from '../../features/expert/ExpertButton';
import { ExtractProgress } from '../../features/extract/ExtractProgress';
import { useHelp } from '../../features/help/store';
import { openPackage } from '../../features/import/openPackage';
import { SessionSearch } from '../../features/search/SessionSearch';
import { HeaderMore } from './HeaderMore';
import { PrimaryAction } from './PrimaryAction';
import { SigningButtons } from '../../features/signing/SigningScreens';
import { useSession } from '../../kernel/sessionStore';

export function SessionHeader({ detail }: { detail: SessionDetail }) {
  const closeSession = useSession((s) => s.closeSession);
  const toggleHelp = useHelp((s) => s.toggle);
  const overviewOpen = useSession((s) => s.overviewOpen);
  const setOverviewOpen = useSession((s) => s.setOverviewOpen);
  const documentsOpen = useSession((s) => s.documentsOpen);
  const setDocumentsOpen = useSession((s) => s.setDocumentsOpen);
  const rules = useRemote('precheck.rules', { sessionId: detail.id });
  return (
    <header className="session-header">
      <div className="session-header-main">
        <span className="brand-mark" aria-hidden="true">
          评
        </span>
        <div className="session-heading">
          <h1 className="session-title" title={detail.title} data-testid="session-title">
            {detail.title}
          </h1>
          <p className="session-meta">
            <span>
              <span className="meta-label">{t.session.date}</span>
              <span data-testid="session-date">{formatDate(detail.date)}</span>
            </span>
            <span>
              <span className="meta-label">{t.session.issuer}</span>
              {detail.issuer}
            </span>
            {detail.location && (
              <span>
                <span className="meta-label">{t.session.location}</span>
                {detail.location}
              </span>
            )}
            {rules.state === 'ready' && (
              <span className="session-meta-rules" title={t.session.rulesTitle(rules.value.name, rules.value.version, rules.value.carried)}>
                <span className="meta-label">{t.session.rules}</span>
                <span data-testid="session-rules" data-profile-id={rules.value.id}>
                  {rules.value.regulation || rules.value.name}
                </span>
              </span>
            )}
          </p>
        </div>
        <SessionSearch detail={detail} />
        <div className="header-actions">
          <PrimaryAction sessionId={detail.id} />
          <HeaderMore>
            <ExpertButton className="btn header-menu-item" />
            <SigningButtons className="btn header-menu-item" sessionId={detail.id} />
            <button
              type="button"
              className={`btn header-menu-item${overviewOpen ? ' active' : ''}`}
              onClick={() => setOverviewOpen(!overviewOpen)}
              aria-pressed={overviewOpen}
              title={t.overview.openTitle}
              data-testid="overview-open"
            >
              {t.overview.open}
            </button>
            <button
              type="button"
              className={`btn header-menu-item${documentsOpen ? ' active' : ''}`}
              onClick={() => setDocumentsOpen(!documentsOpen)}
              aria-pressed={documentsOpen}
              title={t.documents.openTitle}
              data-testid="documents-open"
            >
              {t.documents.open}
            </button>
            <button
              type="button"
              className="btn header-menu-item"
              onClick={() => void openPackage(false)}
              data-testid="header-open-package"
            >
              <Icon name="package" />
              {t.session.openAnother}
            </button>
            <button type="button" className="btn header-menu-item" onClick={toggleHelp}>
              <Icon name="help" />
              {t.help.open}
            </button>
          </HeaderMore>
          <button type="button" className="btn btn-header" onClick={closeSession} title={t.session.homeTitle} data-testid="go-home">
            <Icon name="home" />
            {t.session.home}
          </button>
        </div>
      </div>
      <div className="session-experts" aria-label={t.session.experts}>
        <span className="meta-label">{t.session.experts}</span>
        <ul className="expert-list" data-testid="expert-list">
          {detail.experts.map((e) => (
            <li
              key={`${e.name}-${e.employer}`}
              className={`expert${e.isChair ? ' expert-chair' : ''}`}
              title={[e.title, e.employer].filter(Boolean).join(' · ')}
            >
              {e.name}
              {e.isChair && <span className="chair-badge">{t.session.chair}</span>}
            </li>
          ))}
        </ul>
        <ExtractProgress sessionId={detail.id} />
      </div>
    </header>
  );
}
