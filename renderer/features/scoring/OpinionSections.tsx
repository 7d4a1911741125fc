// Owns the form's judgement sections after the dimensions: the vetoes (一票否决项) with the expert's ruling, the chapter opinions (篇章意见), and the overall opinion.
import type { Review, VetoState } from '../../../shared/scoring';
import { opinionLimits } from '../../../shared/scoreInput';
import { t } from '../../locale/zh-CN';
import { OpinionField } from './phrases/OpinionField';
import { patch, setVetoRuling } from './edits';
import { useScoring } from './store';

const rulingValue = (ruling: boolean | undefined) => (ruling === undefined ? '' : ruling ? 'hit' : 'clear');

export function VetoSection({ vetoes, rulings, disabled }: { vetoes: VetoState[]; rulings: Review['vetoRulings']; disabled: boolean }) {
  const edit = useScoring((s) => s.edit);
  if (vetoes.length === 0) return null;
  return (
    <section className="panel-section">
      <h3 className="panel-heading">{t.scoring.vetoTitle}</h3>
      <ul className="veto-list">
        {vetoes.map(({ veto, state, decidedBy }) => (
          <li key={veto.id} className={`veto veto-${state}`} data-testid="veto" data-veto={veto.id} data-state={state}>
            <div className="veto-head">
              <span className="veto-title" title={veto.description}>
                {veto.title}
              </span>
              <span className={`veto-state veto-state-${state}`}>
                {t.scoring.vetoStates[state]}
                {decidedBy && <small> · {t.scoring.vetoBy[decidedBy]}</small>}
              </span>
            </div>
            <p className="veto-citation">{veto.citation}</p>
            <label className="veto-ruling">
              <span>{t.scoring.vetoRuling}</span>
              <select
                value={rulingValue(rulings[veto.id])}
                disabled={disabled}
                onChange={(e) => edit(setVetoRuling(veto.id, e.target.value === '' ? null : e.target.value === 'hit'), `veto.${veto.id}`)}
                data-testid="veto-ruling"
                data-veto={veto.id}
              >
                <option value="">{t.scoring.vetoFollow}</option>
                <option value="clear">{t.scoring.vetoStates.clear}</option>
                <option value="hit">{t.scoring.vetoStates.hit}</option>
              </select>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ChapterOpinions({
  chapters,
  opinions,
  disabled,
}: {
  chapters: { id: string; title: string }[];
  opinions: Review['chapterOpinions'];
  disabled: boolean;
}) {
  const edit = useScoring((s) => s.edit);
  if (chapters.length === 0) return null;
  return (
    <section className="panel-section">
      <h3 className="panel-heading">{t.scoring.chaptersTitle}</h3>
      {chapters.map((c) => (
        <OpinionField
          key={c.id}
          group={`chapter.${c.id}`}
          label={c.title}
          value={opinions[c.id] ?? ''}
          disabled={disabled}
          onChange={(text) => edit((r) => ({ ...r, chapterOpinions: { ...r.chapterOpinions, [c.id]: text } }), `chapter.${c.id}`)}
          data={{ 'data-testid': 'chapter-opinion', 'data-chapter': c.id }}
        />
      ))}
    </section>
  );
}

export function OverallOpinion({ text, disabled }: { text: string; disabled: boolean }) {
  const edit = useScoring((s) => s.edit);
  return (
    <section className="panel-section">
      <h3 className="panel-heading">{t.scoring.overallTitle}</h3>
      <OpinionField
        group="overall"
        className="overall-opinion"
        rows={4}
        maxChars={opinionLimits.overall}
        value={text}
        disabled={disabled}
        ariaLabel={t.scoring.overallTitle}
        onChange={(next) => edit(patch({ overallOpinion: next }), 'overall')}
        data={{ 'data-testid': 'overall-opinion' }}
      />
    </section>
  );
}
