// Owns 专家组意见 of one project: per section (each dimension, each required chapter, the overall opinion) the members' opinions side by side and the chair's collective wording — starting from the merged draft (合并稿: shared points once, the rest under “待组长确定：”) until the chair saves it, which confirms the section; read-only while the opinion is frozen (定稿).
import { useEffect, useState } from 'react';
import type { PanelOpinionSection, PanelOpinionText } from '../../../shared/bureau';
import { reportError } from '../../kernel/notices';
import { formatDateTime } from '../../lib/format';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { useFrozen, usePanel } from './panelStore';

export function PanelOpinionEditor({ sessionId, projectId }: { sessionId: string; projectId: string }) {
  const frozenHere = useFrozen(projectId);
  const fetched = useRemote('bureau.panel.opinionText.get', { sessionId, projectId }, [frozenHere]);
  // The text as fetched, replaced by each section's save (which answers with the whole text) until the next fetch.
  const [data, setData] = useState<PanelOpinionText | null>(null);
  useEffect(() => {
    setData(fetched.state === 'ready' ? fetched.value : null);
    if (fetched.state === 'error') reportError(fetched.error);
  }, [fetched]);
  if (!data || data.projectId !== projectId) return null;
  const frozen = frozenHere || data.frozen;
  return (
    <section className="bureau-card" aria-labelledby="panel-opinion-h" data-testid="panel-opinion-text" data-frozen={frozen ? 'yes' : 'no'}>
      <h2 id="panel-opinion-h" className="bureau-h2">
        {t.bureau.opinionText.title}
      </h2>
      <p className="muted">{t.bureau.opinionText.hint}</p>
      {frozen && (
        <p className="bureau-warning" role="status">
          {t.bureau.opinionText.frozen}
        </p>
      )}
      {data.sections.map((s) => (
        <SectionEditor
          key={`${projectId}:${s.section}`}
          sessionId={sessionId}
          projectId={projectId}
          section={s}
          frozen={frozen}
          onSaved={setData}
        />
      ))}
    </section>
  );
}

function SectionEditor({
  sessionId,
  projectId,
  section,
  frozen,
  onSaved,
}: {
  sessionId: string;
  projectId: string;
  section: PanelOpinionSection;
  frozen: boolean;
  onSaved: (v: PanelOpinionText) => void;
}) {
  const stored = section.panel?.text ?? '';
  // Until the chair has saved the section, the editor starts from the merged draft.
  const [text, setText] = useState(stored || section.draft);
  const [busy, setBusy] = useState(false);
  const dirty = text.trim() !== stored;
  const written = section.members.filter((m) => m.text);
  const merge = () => setText(section.draft);
  const unsettled = text.includes(t.bureau.opinionText.unsettledHeading);
  const save = async () => {
    setBusy(true);
    try {
      const next = await usePanel
        .getState()
        .saveOpinionText({ sessionId, projectId, section: section.section, text, baseVersion: section.version });
      setText(next.sections.find((s) => s.section === section.section)?.panel?.text ?? '');
      onSaved(next);
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  };
  const id = `panel-text-${section.section.replace(/[^\w-]/g, '_')}`;
  return (
    <div className="bureau-opinion-section" data-testid="panel-opinion-section" data-section={section.section}>
      <h3 className="bureau-h3">
        <span className="bureau-chip">{t.bureau.opinionText.section[section.kind]}</span> {section.title}
      </h3>
      {section.members.length === 0 ? (
        <p className="muted">{t.bureau.opinionText.noMembers}</p>
      ) : (
        <ul className="bureau-opinion-members" aria-label={t.bureau.opinionText.members}>
          {section.members.map((m) => (
            <li key={m.name} data-testid="panel-opinion-member" data-expert={m.name}>
              <strong>{m.name}</strong>
              <p className={m.text ? undefined : 'muted'}>{m.text ?? t.bureau.opinionText.noText}</p>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className="bureau-opinion-label">
        {t.bureau.opinionText.label(section.title)}
      </label>
      <textarea
        id={id}
        rows={3}
        value={text}
        disabled={frozen || busy}
        onChange={(e) => setText(e.target.value)}
        data-testid="panel-opinion-input"
      />
      <div className="bureau-opinion-actions">
        <button
          type="button"
          className="btn btn-small"
          disabled={frozen || busy || written.length === 0 || text === section.draft}
          title={t.bureau.opinionText.mergeHint}
          onClick={merge}
          data-testid="panel-opinion-merge"
        >
          {t.bureau.opinionText.merge}
        </button>
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={frozen || busy || !text.trim() || unsettled || (!dirty && section.confirmed)}
          title={unsettled ? t.bureau.opinionText.settleFirst : undefined}
          onClick={() => void save()}
          data-testid="panel-opinion-save"
        >
          {busy ? t.bureau.opinionText.saving : section.panel ? t.bureau.opinionText.save : t.bureau.opinionText.confirm}
        </button>
        <span
          className={dirty || !section.confirmed ? 'bureau-warning' : 'muted'}
          role="status"
          data-testid="panel-opinion-state"
          data-state={
            section.panel?.text && !dirty ? 'saved' : section.confirmed && !dirty ? 'empty' : dirty && section.panel ? 'dirty' : 'draft'
          }
        >
          {section.panel?.text && !dirty
            ? t.bureau.opinionText.saved(section.panel.savedBy, formatDateTime(section.panel.savedAt))
            : section.confirmed && !dirty
              ? t.bureau.opinionText.empty
              : unsettled
                ? t.bureau.opinionText.settleFirst
                : section.panel
                  ? t.bureau.opinionText.unsaved
                  : t.bureau.opinionText.draft}
        </span>
      </div>
    </div>
  );
}
