// Owns the 评分标准 section: the six dimensions with their sub-criteria (points entered per sub-criterion; each dimension's maximum, the total and the weights follow), the vetoes (一票否决) with the rules that reveal them, and the conclusion bands.
import { conclusions, type Conclusion, type Profile, type RubricDimension, type Veto } from '../../../../shared/profile';
import { t } from '../../../locale/zh-CN';
import { ChipsCell, CitationCell, NumberCell, TextCell } from './cells';
import { freshId, removeAt, replaceAt, vetoRuleIds, withRubricTotals } from './profileEdits';
import { RowProblems, RowTools, SectionFrame } from './RuleTable';
import { useProfiles } from './store';

type Rubric = Profile['rubric'];
type SubCriterion = RubricDimension['subCriteria'][number];

export function RubricSection({ profile }: { profile: Profile }) {
  const edit = useProfiles((s) => s.edit);
  const rubric = profile.rubric;
  const set = (next: Rubric) => edit((p) => ({ ...p, rubric: withRubricTotals(next) }));
  const setDimension = (i: number, d: RubricDimension) => set({ ...rubric, dimensions: replaceAt(rubric.dimensions, i, d) });
  return (
    <>
      <SectionFrame title={t.profiles.sections.rubric} hint={t.profiles.hints.rubric(rubric.totalPoints)} testId="profile-rubric">
        <table className="bureau-table profile-table">
          <thead>
            <tr>
              <th className="w-id">{t.profiles.col.id}</th>
              <th className="w-title">{t.profiles.col.criterion}</th>
              <th className="num">{t.profiles.col.points}</th>
              <th>{t.profiles.col.guidance}</th>
              <th className="w-title">{t.profiles.col.citation}</th>
              <th className="w-tools" />
            </tr>
          </thead>
          {rubric.dimensions.map((d, i) => (
            <tbody key={d.id} className="profile-rule" data-testid="profile-dimension">
              <tr className="profile-dimension-head">
                <td>{d.id}</td>
                <td>
                  <TextCell value={d.name} onChange={(name) => setDimension(i, { ...d, name })} label={t.profiles.dimensionName(d.id)} />
                </td>
                <td className="num">{t.profiles.dimensionPoints(d.maxPoints, d.weight)}</td>
                <td colSpan={2}>
                  <TextCell
                    value={d.guidance}
                    onChange={(guidance) => setDimension(i, { ...d, guidance })}
                    label={t.profiles.dimensionGuidance(d.name)}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() =>
                      setDimension(i, {
                        ...d,
                        subCriteria: [
                          ...d.subCriteria,
                          { id: freshId(d.id, d.subCriteria), name: '', maxPoints: 1, guidance: '', citation: '' },
                        ],
                      })
                    }
                  >
                    {t.profiles.addCriterion}
                  </button>
                </td>
              </tr>
              {d.subCriteria.map((c, j) => {
                const what = `${d.name}${t.profiles.criterionN(j + 1)}`;
                const change = (x: SubCriterion) => setDimension(i, { ...d, subCriteria: replaceAt(d.subCriteria, j, x) });
                return (
                  <tr key={j}>
                    <td className="profile-id">
                      <TextCell value={c.id} onChange={(id) => change({ ...c, id })} label={`${what}${t.profiles.col.id}`} />
                    </td>
                    <td>
                      <TextCell value={c.name} onChange={(name) => change({ ...c, name })} label={`${what}${t.profiles.col.criterion}`} />
                    </td>
                    <td className="profile-num">
                      <NumberCell
                        value={c.maxPoints}
                        onChange={(maxPoints) => change({ ...c, maxPoints: maxPoints as number })}
                        label={`${what}${t.profiles.col.points}`}
                      />
                    </td>
                    <td>
                      <TextCell
                        value={c.guidance}
                        onChange={(guidance) => change({ ...c, guidance })}
                        label={`${what}${t.profiles.col.guidance}`}
                      />
                    </td>
                    <td>
                      <CitationCell
                        value={c.citation}
                        onChange={(citation) => change({ ...c, citation })}
                        label={`${what}${t.profiles.col.citation}`}
                      />
                    </td>
                    <td>
                      <RowTools
                        index={j}
                        count={d.subCriteria.length}
                        onRemove={() => setDimension(i, { ...d, subCriteria: removeAt(d.subCriteria, j) })}
                        what={what}
                      />
                    </td>
                  </tr>
                );
              })}
              <RowProblems prefix={`rubric.dimensions[${i}]`} colSpan={6} />
            </tbody>
          ))}
        </table>
      </SectionFrame>
      <Vetoes profile={profile} set={set} />
      <Bands rubric={rubric} set={set} />
    </>
  );
}

function Vetoes({ profile, set }: { profile: Profile; set(r: Rubric): void }) {
  const rubric = profile.rubric;
  const list = rubric.vetoes;
  const setList = (vetoes: Veto[]) => set({ ...rubric, vetoes });
  const rules = vetoRuleIds(profile);
  const ruleLabels = Object.fromEntries(rules.map((r) => [r.id, `${r.title}（${r.id}）`]));
  return (
    <SectionFrame
      title={t.profiles.vetoes}
      hint={t.profiles.hints.vetoes}
      onAdd={() => setList([...list, { id: freshId('veto', list), title: '', description: '', rules: [], citation: '' }])}
      testId="profile-vetoes"
    >
      <table className="bureau-table profile-table">
        <thead>
          <tr>
            <th>{t.profiles.col.id}</th>
            <th>{t.profiles.col.title}</th>
            <th>{t.profiles.col.description}</th>
            <th>{t.profiles.col.vetoRules}</th>
            <th>{t.profiles.col.citation}</th>
            <th />
          </tr>
        </thead>
        {list.map((v, i) => {
          const what = t.profiles.vetoN(i + 1);
          const change = (x: Veto) => setList(replaceAt(list, i, x));
          return (
            <tbody key={i} className="profile-rule">
              <tr>
                <td className="profile-id">
                  <TextCell value={v.id} onChange={(id) => change({ ...v, id })} label={`${what}${t.profiles.col.id}`} />
                </td>
                <td>
                  <TextCell value={v.title} onChange={(title) => change({ ...v, title })} label={`${what}${t.profiles.col.title}`} />
                </td>
                <td>
                  <TextCell
                    multiline
                    value={v.description}
                    onChange={(description) => change({ ...v, description })}
                    label={`${what}${t.profiles.col.description}`}
                  />
                </td>
                <td>
                  <ChipsCell
                    values={v.rules}
                    options={rules.map((r) => r.id)}
                    labels={ruleLabels}
                    onChange={(r) => change({ ...v, rules: r })}
                    label={`${what}${t.profiles.col.vetoRules}`}
                  />
                </td>
                <td>
                  <CitationCell
                    value={v.citation}
                    onChange={(citation) => change({ ...v, citation })}
                    label={`${what}${t.profiles.col.citation}`}
                  />
                </td>
                <td>
                  <RowTools index={i} count={list.length} onRemove={() => setList(removeAt(list, i))} what={what} />
                </td>
              </tr>
              <RowProblems prefix={`rubric.vetoes[${i}]`} colSpan={6} />
            </tbody>
          );
        })}
      </table>
    </SectionFrame>
  );
}

function Bands({ rubric, set }: { rubric: Rubric; set(r: Rubric): void }) {
  const list = rubric.bands;
  const setList = (bands: Rubric['bands']) => set({ ...rubric, bands });
  return (
    <SectionFrame title={t.profiles.bands} hint={t.profiles.hints.bands}>
      <table className="bureau-table profile-table profile-narrow">
        <thead>
          <tr>
            <th>{t.profiles.col.conclusion}</th>
            <th>{t.profiles.col.label}</th>
            <th className="num">{t.profiles.col.minScore}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((b, i) => (
            <tr key={i}>
              <td>
                <select
                  value={b.conclusion}
                  onChange={(e) => setList(replaceAt(list, i, { ...b, conclusion: e.target.value as Conclusion }))}
                  aria-label={`${t.profiles.bandN(i + 1)}${t.profiles.col.conclusion}`}
                >
                  {conclusions.map((c) => (
                    <option key={c} value={c}>
                      {t.profiles.conclusions[c]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <TextCell
                  value={b.label}
                  onChange={(label) => setList(replaceAt(list, i, { ...b, label }))}
                  label={`${t.profiles.bandN(i + 1)}${t.profiles.col.label}`}
                />
              </td>
              <td className="profile-num">
                <NumberCell
                  value={b.minScore}
                  onChange={(minScore) => setList(replaceAt(list, i, { ...b, minScore: minScore as number }))}
                  label={`${t.profiles.bandN(i + 1)}${t.profiles.col.minScore}`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <RowProblemsBlock prefix="rubric.bands" />
    </SectionFrame>
  );
}

function RowProblemsBlock({ prefix }: { prefix: string }) {
  return (
    <table className="profile-problems-table">
      <tbody>
        <RowProblems prefix={prefix} colSpan={1} />
      </tbody>
    </table>
  );
}
