// Owns the 办法原文 pane of the 规则配置 editor: importing the regulation's text (PDF, DOCX, TXT), what the splitter warns about, and the chapters, articles, items and annexes — each with how many rules cite it, the one picked shown in full.
import { useMemo } from 'react';
import type { RegulationOutline } from '../../../../shared/regulation';
import { formatDateTime } from '../../../lib/format';
import { t } from '../../../locale/zh-CN';
import { FileButton } from '../../../ui/FileButton';
import { Icon } from '../../../ui/Icon';
import { useCitationPlaces } from './cells';
import { citationsIn } from './profileEdits';
import { useProfiles } from './store';

export function RegulationPane({ editable }: { editable: boolean }) {
  const regulation = useProfiles((s) => s.detail?.regulation ?? null);
  const working = useProfiles((s) => s.working);
  const busy = useProfiles((s) => s.busy);
  const articleKey = useProfiles((s) => s.articleKey);
  const places = useCitationPlaces();
  // How many citations of the working copy name each place (an article counts its items' citations too).
  const uses = useMemo(() => {
    const cited = citationsIn(working);
    const counts = new Map<string, number>();
    for (const p of places)
      counts.set(
        p.key,
        cited.filter((c) => c === p.citation || ('article' in p.place && !p.place.item && c.startsWith(`${p.citation}（`))).length,
      );
    return counts;
  }, [working, places]);

  return (
    <aside className="profile-regulation" aria-labelledby="profile-regulation-h" data-testid="regulation-pane">
      <div className="profile-regulation-head">
        <h3 id="profile-regulation-h" className="bureau-h3">
          {t.profiles.regulation.title}
        </h3>
        {editable && (
          <FileButton
            className="btn btn-small"
            accept=".pdf,.docx,.txt"
            disabled={busy}
            onFiles={(files) => void useProfiles.getState().importRegulation(files[0])}
            testId="regulation-input"
          >
            <Icon name="upload" size={14} />
            {regulation ? t.profiles.regulation.reimport : t.profiles.regulation.import}
          </FileButton>
        )}
      </div>
      {!regulation ? (
        <p className="muted profile-hint">{editable ? t.profiles.regulation.none : t.profiles.regulation.builtIn}</p>
      ) : (
        <>
          <p className="muted profile-small" data-testid="regulation-summary">
            {t.profiles.regulation.summary(
              regulation.name,
              formatDateTime(regulation.importedAt),
              regulation.outline.chapters.length,
              regulation.outline.articles.length,
              regulation.outline.annexes.length,
            )}
          </p>
          {regulation.outline.warnings.length > 0 && (
            <details className="profile-warnings">
              <summary>{t.profiles.regulation.warnings(regulation.outline.warnings.length)}</summary>
              {regulation.outline.warnings.map((w) => (
                <p key={w} className="bureau-warning profile-small" data-testid="regulation-warning">
                  {w}
                </p>
              ))}
            </details>
          )}
          <Outline outline={regulation.outline} uses={uses} picked={articleKey} />
        </>
      )}
    </aside>
  );
}

function Outline({ outline, uses, picked }: { outline: RegulationOutline; uses: Map<string, number>; picked: string | null }) {
  const pick = useProfiles((s) => s.pickArticle);
  let chapter: string | null | undefined;
  return (
    <ol className="profile-outline" data-testid="regulation-outline">
      {outline.articles.map((a) => {
        const heading = a.chapter !== chapter ? a.chapter : undefined;
        chapter = a.chapter;
        const open = picked === a.key;
        const n = uses.get(a.key) ?? 0;
        return (
          <li key={a.key} data-testid="regulation-article" data-label={a.label}>
            {heading && <div className="profile-outline-chapter">{heading}</div>}
            <button
              type="button"
              className={`profile-outline-article${open ? ' current' : ''}`}
              onClick={() => pick(open ? null : a.key)}
              aria-expanded={open}
            >
              <strong>{a.label}</strong>
              <span className="profile-outline-text">{a.text.replace(/\s+/g, '')}</span>
              {n > 0 && (
                <span className="bureau-chip" title={t.profiles.regulation.citedTitle(n)}>
                  {t.profiles.regulation.cited(n)}
                </span>
              )}
            </button>
            {open && (
              <div className="profile-outline-full" data-testid="regulation-article-text">
                {a.text}
                {a.items.length > 0 && (
                  <p className="muted profile-small">{t.profiles.regulation.items(a.items.map((i) => i.label).join(''))}</p>
                )}
              </div>
            )}
          </li>
        );
      })}
      {outline.annexes.map((x) => (
        <li key={x.key} data-testid="regulation-annex">
          <div className="profile-outline-chapter">{x.label}</div>
          <button
            type="button"
            className={`profile-outline-article${picked === x.key ? ' current' : ''}`}
            onClick={() => pick(picked === x.key ? null : x.key)}
            aria-expanded={picked === x.key}
          >
            <span className="profile-outline-text">{x.title || t.profiles.regulation.untitledAnnex}</span>
            {(uses.get(x.key) ?? 0) > 0 && <span className="bureau-chip">{t.profiles.regulation.cited(uses.get(x.key)!)}</span>}
          </button>
          {picked === x.key && <div className="profile-outline-full">{x.text}</div>}
        </li>
      ))}
    </ol>
  );
}
