// Owns 专家组意见 of one project: per section (each dimension, each required chapter, the overall opinion) the members' opinions side by side and the chair's collective wording, pre-filled on request from the members' texts, saved per section; read-only while the opinion is frozen (定稿).
import { useEffect, useState } from 'react';
import type { PanelOpinionSection, PanelOpinionText } from '../../../shared/bureau';
import { client } from '../../api';
import { formatDateTime } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { reportError } from '../errors/store';
import { useFrozen } from './panelStore';

export function PanelOpinionEditor({ sessionId, projectId }: { sessionId: string; projectId: string }) {
  const [data, setData] = useState<PanelOpinionText | null>(null);
  const frozenHere = useFrozen(projectId);
  useEffect(() => {
    let live = true;
    setData(null);
    client.call('bureau.panel.opinionText.get', { sessionId, projectId }).then(
      (v) => live && setData(v),
      (err) => live && reportError(err),
    );
    return () => {
      live = false;
    };
  }, [sessionId, projectId, frozenHere]);
  if (!data || data.projectId !== projectId) return null;
  const frozen = frozenHere || data.frozen;
  return (
    <section className="bureau-card" aria-labelledby="panel-opinion-h" data-testid="panel-opinion-text" data-frozen={frozen ? 'yes' : 'no'}>
      <h2 id="panel-opinion-h" className="bureau-h2">{t.bureau.opinionText.title}</h2>
      <p className="muted">{t.bureau.opinionText.hint}</p>
      {frozen && <p className="bureau-warning" role="status">{t.bureau.opinionText.frozen}</p>}
      {data.sections.map((s) => (
        <SectionEditor key={`${projectId}:${s.section}`} sessionId={sessionId} projectId={projectId} section={s} frozen={frozen} onSaved={setData} />
      ))}
    </section>
  );
}

function SectionEditor({ sessionId, projectId, section, frozen, onSaved }: { sessionId: string; projectId: string; section: PanelOpinionSection; frozen: boolean; onSaved: (v: PanelOpinionText) => void }) {
  const stored = section.panel?.text ?? '';
  const [text, setText] = useState(stored);
  const [busy, setBusy] = useState(false);
  const dirty = text.trim() !== stored;
  const written = section.members.filter((m) => m.text);
  const merge = () => setText([...new Set(written.map((m) => m.text!))].join('\n'));
  const save = async () => {
    setBusy(true);
    try {
      const next = await client.call('bureau.panel.opinionText.save', { sessionId, projectId, section: section.section, text, baseVersion: section.version });
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
      <label htmlFor={id} className="bureau-opinion-label">{t.bureau.opinionText.label(section.title)}</label>
      <textarea id={id} rows={3} value={text} disabled={frozen || busy} onChange={(e) => setText(e.target.value)} data-testid="panel-opinion-input" />
      <div className="bureau-opinion-actions">
        <button type="button" className="btn btn-small" disabled={frozen || busy || written.length === 0} title={t.bureau.opinionText.mergeHint} onClick={merge} data-testid="panel-opinion-merge">
          {t.bureau.opinionText.merge}
        </button>
        <button type="button" className="btn btn-small btn-primary" disabled={frozen || busy || !dirty} onClick={() => void save()} data-testid="panel-opinion-save">
          {busy ? t.bureau.opinionText.saving : t.bureau.opinionText.save}
        </button>
        <span className={dirty ? 'bureau-warning' : 'muted'} role="status" data-testid="panel-opinion-state" data-state={dirty ? 'dirty' : section.panel?.text ? 'saved' : 'empty'}>
          {dirty ? t.bureau.opinionText.unsaved : section.panel?.text ? t.bureau.opinionText.saved(section.panel.savedBy, formatDateTime(section.panel.savedAt)) : t.bureau.opinionText.empty}
        </span>
      </div>
    </div>
  );
}
