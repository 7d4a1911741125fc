// Owns the panel's conclusion of one project: the votes, the conclusion the profile's rule gives (多数意见 / 组长裁决平票), the chair's override with its reason, and each member's dissent (保留意见).
import { useState } from 'react';
import type { ProjectAggregate } from '../../../shared/panelAggregate';
import type { PanelView } from '../../../shared/bureau';
import { conclusions, type Conclusion } from '../../../shared/profile';
import { t } from '../../locale/zh-CN';
import { useFrozen, usePanel } from './panelStore';

type Decided = PanelView['projects'][number];

export function ConclusionPanel({
  projectId,
  decided,
  roster,
  roll,
}: {
  projectId: string;
  decided: Decided;
  roster: string[];
  roll: ProjectAggregate['roster'];
}) {
  const c = decided.conclusion;
  const [choice, setChoice] = useState<Conclusion>(c.conclusion ?? 'approve');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const frozen = useFrozen(projectId);
  const override = async () => {
    if (!reason.trim()) return setError(t.bureau.chairReasonMissing);
    setError(null);
    if (await usePanel.getState().setConclusion(projectId, choice, reason.trim())) setReason('');
  };
  return (
    <section className="bureau-card" aria-labelledby="conclusion-h" data-testid="panel-conclusion">
      <h2 id="conclusion-h" className="bureau-h2">
        {t.bureau.conclusion.title}
      </h2>
      <p className="bureau-verdict" data-testid="conclusion-value" data-source={c.source}>
        <strong>{c.label ?? t.bureau.panel.undecided}</strong>
        <span className="bureau-chip">{t.bureau.conclusion.sources[c.source]}</span>
      </p>
      <p className="muted" data-testid="conclusion-votes">
        {t.bureau.conclusion.votes(conclusions.map((x) => `${t.overview.conclusions[x]} ${c.votes[x]} 票`).join('，'))}
        {c.reason && `；${c.reason}`}
      </p>
      {frozen && <p className="bureau-warning">{t.bureau.signing.decisionsLocked}</p>}
      <form
        hidden={frozen}
        className="bureau-override"
        onSubmit={(e) => {
          e.preventDefault();
          void override();
        }}
      >
        <label className="bureau-inline">
          {t.bureau.conclusion.override}
          <select value={choice} onChange={(e) => setChoice(e.target.value as Conclusion)} data-testid="conclusion-choice">
            {conclusions.map((x) => (
              <option key={x} value={x}>
                {t.overview.conclusions[x]}
              </option>
            ))}
          </select>
        </label>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t.bureau.chairReason}
          aria-label={t.bureau.chairReason}
          data-testid="conclusion-reason"
        />
        <button type="submit" className="btn btn-small btn-primary" data-testid="conclusion-override">
          {t.bureau.conclusion.apply}
        </button>
        {c.source === 'chair-override' && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void usePanel.getState().setConclusion(projectId, null, null)}
            data-testid="conclusion-clear"
          >
            {t.bureau.conclusion.clear}
          </button>
        )}
        {error && (
          <span className="bureau-error" role="alert">
            {error}
          </span>
        )}
      </form>

      <h3 className="bureau-h3">{t.bureau.dissent.title}</h3>
      <ul className="bureau-dissents" data-testid="dissents">
        {roll
          .filter((m) => !m.recused && decided.members.includes(m.name))
          .map((m) => (
            <Dissent
              key={m.expertId}
              frozen={frozen}
              projectId={projectId}
              name={m.name}
              position={roster.indexOf(m.name)}
              recorded={decided.dissents.find((d) => d.expert === m.name)?.reason ?? null}
            />
          ))}
      </ul>
    </section>
  );
}

function Dissent({
  frozen,
  projectId,
  name,
  position,
  recorded,
}: {
  frozen: boolean;
  projectId: string;
  name: string;
  position: number;
  recorded: string | null;
}) {
  const [text, setText] = useState(recorded ?? '');
  const [open, setOpen] = useState(false);
  if (position < 0) return null;
  return (
    <li data-testid="dissent" data-expert={name}>
      <strong>{name}</strong>
      {recorded && !open && <span className="bureau-dissent-text">{t.bureau.dissent.recorded(recorded)}</span>}
      {frozen ? null : open ? (
        <form
          className="bureau-override"
          onSubmit={async (e) => {
            e.preventDefault();
            if (text.trim() && (await usePanel.getState().setDissent(projectId, position, text.trim()))) setOpen(false);
          }}
        >
          <textarea
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-label={t.bureau.dissent.reason(name)}
            autoFocus
            data-testid="dissent-reason"
          />
          <button type="submit" className="btn btn-small btn-primary" disabled={!text.trim()} data-testid="dissent-save">
            {t.bureau.save}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
            {t.common.cancel}
          </button>
        </form>
      ) : (
        <>
          <button type="button" className="btn btn-small" onClick={() => setOpen(true)} data-testid="dissent-open">
            {recorded ? t.bureau.dissent.edit : t.bureau.dissent.add}
          </button>
          {recorded && (
            <button type="button" className="btn btn-small" onClick={() => void usePanel.getState().setDissent(projectId, position, null)}>
              {t.bureau.dissent.withdraw}
            </button>
          )}
        </>
      )}
    </li>
  );
}
