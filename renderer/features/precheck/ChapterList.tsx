// Owns the 必备篇章 list: each chapter the regulations require, where it was found (opens the document at that page) or 未找到,
// and whether the expert must give an opinion on it (需出具意见).
import type { ProjectInfo } from '../../../shared/domain';
import type { PrecheckReport } from '../../../shared/precheck';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { findDocument, placeLabel, showPlace } from '../../kernel/showPlace';

type Chapter = PrecheckReport['chapters'][number];

export function ChapterList({ chapters, projects }: { chapters: Chapter[]; projects: ProjectInfo[] }) {
  if (chapters.length === 0) return <p className="muted">{t.precheck.chaptersEmpty}</p>;
  return (
    <ul className="chapter-list">
      {chapters.map((c) => {
        const document = findDocument(projects, c.documentKey);
        return (
          <li key={c.chapterId} className={`chapter-row${c.found ? ' found' : ' missing'}`} data-testid="chapter-row" data-found={c.found}>
            <span className="chapter-mark" aria-hidden="true">
              <Icon name={c.found ? 'check' : 'close'} size={15} />
            </span>
            <span className="chapter-text">
              <span className="chapter-title">
                {c.title}
                {c.opinionRequired && <span className="opinion-tag">{t.precheck.opinionRequired}</span>}
              </span>
              {!c.found ? (
                <span className="chapter-where missing">{t.precheck.chapterMissing}</span>
              ) : document ? (
                <button
                  type="button"
                  className="chapter-where link-btn"
                  onClick={() => showPlace(projects, { documentKey: document.key, page: c.page })}
                  title={c.heading ? t.precheck.chapterFoundTitle(c.heading) : t.precheck.openEvidence}
                >
                  {placeLabel(document.title, c.page, document)}
                </button>
              ) : (
                c.heading && <span className="chapter-where">{c.heading}</span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
