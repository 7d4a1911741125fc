// Owns the 阈值 and 预算规则 sections: the numbers a regulation fixes (money in 元 as the article writes it, percentages, months, working days), and the ordered budget-line classifier (纳入 / 不纳入 / 经评估可纳入 by keywords, first match wins).
import { budgetVerdicts } from '../../../../shared/precheck';
import type { BudgetRule, Profile, Threshold } from '../../../../shared/profile';
import { t } from '../../../locale/zh-CN';
import { CitationCell, ListCell, NumberCell, TextCell } from './cells';
import { freshId, move, removeAt, replaceAt } from './profileEdits';
import { RowProblems, RowTools, RuleNoteRow, SectionFrame } from './RuleTable';
import { useProfiles } from './store';

const units = ['yuan', 'percent', 'months', 'workdays'] as const;

export function ThresholdsSection({ profile }: { profile: Profile }) {
  const edit = useProfiles((s) => s.edit);
  const list = profile.thresholds;
  const set = (next: Threshold[]) => edit((p) => ({ ...p, thresholds: next }));
  const add = () => set([...list, { id: freshId('threshold', list), title: '', value: 0, unit: 'yuan', explanation: '', citation: '' }]);
  return (
    <SectionFrame title={t.profiles.sections.thresholds} hint={t.profiles.hints.thresholds} onAdd={add} testId="profile-thresholds">
      <table className="bureau-table profile-table">
        <thead>
          <tr>
            <th className="w-id">{t.profiles.col.id}</th>
            <th className="w-title">{t.profiles.col.title}</th>
            <th className="num">{t.profiles.col.value}</th>
            <th className="num">{t.profiles.col.max}</th>
            <th>{t.profiles.col.unit}</th>
            <th>{t.profiles.col.citation}</th>
            <th className="w-tools" />
          </tr>
        </thead>
        {list.map((r, i) => {
          const what = t.profiles.ruleN(i + 1);
          const change = (x: Threshold) => set(replaceAt(list, i, x));
          return (
            <tbody key={i} className="profile-rule" data-testid="profile-threshold-row">
              <tr>
                <td className="profile-id">
                  <TextCell value={r.id} onChange={(id) => change({ ...r, id })} label={`${what}${t.profiles.col.id}`} />
                </td>
                <td>
                  <TextCell value={r.title} onChange={(title) => change({ ...r, title })} label={`${what}${t.profiles.col.title}`} />
                </td>
                <td className="profile-num">
                  <NumberCell
                    value={r.value}
                    onChange={(value) => change({ ...r, value: value as number })}
                    label={`${what}${t.profiles.col.value}`}
                  />
                </td>
                <td className="profile-num">
                  <NumberCell value={r.max} onChange={(max) => change({ ...r, max })} label={`${what}${t.profiles.col.max}`} />
                </td>
                <td>
                  <select
                    value={r.unit}
                    onChange={(e) => change({ ...r, unit: e.target.value as Threshold['unit'] })}
                    aria-label={`${what}${t.profiles.col.unit}`}
                  >
                    {units.map((u) => (
                      <option key={u} value={u}>
                        {t.profiles.units[u]}
                      </option>
                    ))}
                  </select>
                </td>
                <td rowSpan={2}>
                  <CitationCell
                    value={r.citation}
                    onChange={(citation) => change({ ...r, citation })}
                    label={`${what}${t.profiles.col.citation}`}
                  />
                </td>
                <td rowSpan={2}>
                  <RowTools index={i} count={list.length} onRemove={() => set(removeAt(list, i))} what={what} />
                </td>
              </tr>
              <tr>
                <td colSpan={5}>
                  <TextCell
                    value={r.explanation}
                    onChange={(explanation) => change({ ...r, explanation })}
                    label={`${what}${t.profiles.col.explanation}`}
                    placeholder={t.profiles.col.explanation}
                  />
                </td>
              </tr>
              <RowProblems prefix={`thresholds[${i}]`} colSpan={7} />
            </tbody>
          );
        })}
      </table>
    </SectionFrame>
  );
}

export function BudgetSection({ profile }: { profile: Profile }) {
  const edit = useProfiles((s) => s.edit);
  const list = profile.budgetRules;
  const set = (next: BudgetRule[]) => edit((p) => ({ ...p, budgetRules: next }));
  // A new rule goes first: the district's own rules are tried before the inherited generic ones.
  const add = () =>
    set([
      { id: freshId('budget', list), title: '', verdict: 'ineligible', keywords: [], excludeKeywords: [], explanation: '', citation: '' },
      ...list,
    ]);
  return (
    <SectionFrame title={t.profiles.sections.budget} hint={t.profiles.hints.budget} onAdd={add} testId="profile-budget">
      <table className="bureau-table profile-table">
        <thead>
          <tr>
            <th className="num">#</th>
            <th className="w-id">{t.profiles.col.id}</th>
            <th className="w-title">{t.profiles.col.title}</th>
            <th>{t.profiles.col.verdict}</th>
            <th>{t.profiles.col.keywords}</th>
            <th>{t.profiles.col.excludeKeywords}</th>
            <th className="w-tools" />
          </tr>
        </thead>
        {list.map((r, i) => {
          const what = t.profiles.ruleN(i + 1);
          const change = (x: BudgetRule) => set(replaceAt(list, i, x));
          return (
            <tbody key={i} className="profile-rule" data-testid="profile-budget-row">
              <tr>
                <td className="num" rowSpan={2}>
                  {i + 1}
                </td>
                <td className="profile-id">
                  <TextCell value={r.id} onChange={(id) => change({ ...r, id })} label={`${what}${t.profiles.col.id}`} />
                </td>
                <td>
                  <TextCell value={r.title} onChange={(title) => change({ ...r, title })} label={`${what}${t.profiles.col.title}`} />
                </td>
                <td>
                  <select
                    value={r.verdict}
                    onChange={(e) => change({ ...r, verdict: e.target.value as BudgetRule['verdict'] })}
                    aria-label={`${what}${t.profiles.col.verdict}`}
                  >
                    {budgetVerdicts.map((v) => (
                      <option key={v} value={v}>
                        {t.precheck.verdicts[v]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <ListCell
                    values={r.keywords}
                    onChange={(keywords) => change({ ...r, keywords })}
                    label={`${what}${t.profiles.col.keywords}`}
                  />
                </td>
                <td>
                  <ListCell
                    values={r.excludeKeywords}
                    onChange={(excludeKeywords) => change({ ...r, excludeKeywords })}
                    label={`${what}${t.profiles.col.excludeKeywords}`}
                  />
                </td>
                <td rowSpan={2}>
                  <RowTools
                    index={i}
                    count={list.length}
                    onMove={(by) => set(move(list, i, by))}
                    onRemove={() => set(removeAt(list, i))}
                    what={what}
                  />
                </td>
              </tr>
              <RuleNoteRow rule={r} onChange={change} what={what} citationSpan={2} />
              <RowProblems prefix={`budgetRules[${i}]`} colSpan={7} />
            </tbody>
          );
        })}
      </table>
    </SectionFrame>
  );
}
