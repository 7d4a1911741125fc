// Owns the 必备材料 and 必备篇章 sections: documents by project type and investment threshold (any one of the kinds), and the chapters a proposal must contain with their synonyms and whether the review must comment on them.
import { documentKinds, projectTypes } from '../../../../shared/manifest';
import type { Profile, RequiredChapterRule, RequiredDocumentRule } from '../../../../shared/profile';
import { t } from '../../../locale/zh-CN';
import { ChipsCell, ListCell, TextCell } from './cells';
import { freshId, removeAt, replaceAt } from './profileEdits';
import { RowProblems, RowTools, RuleNoteRow, SectionFrame, useHasProblems } from './RuleTable';
import { useProfiles } from './store';

const statuses = ['fail', 'judge'] as const;

function StatusSelect({ value, onChange, label }: { value: 'fail' | 'judge'; onChange(v: 'fail' | 'judge'): void; label: string }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as 'fail' | 'judge')} aria-label={label}>
      {statuses.map((s) => (
        <option key={s} value={s}>
          {t.precheck.statuses[s]}
        </option>
      ))}
    </select>
  );
}

export function DocumentsSection({ profile }: { profile: Profile }) {
  const edit = useProfiles((s) => s.edit);
  const list = profile.requiredDocuments;
  const set = (next: RequiredDocumentRule[]) => edit((p) => ({ ...p, requiredDocuments: next }));
  const add = () =>
    set([
      ...list,
      {
        id: freshId('doc', list),
        title: '',
        kinds: ['proposal'],
        projectTypes: ['new'],
        missingStatus: 'fail',
        explanation: '',
        citation: '',
      } as RequiredDocumentRule,
    ]);
  return (
    <SectionFrame title={t.profiles.sections.documents} hint={t.profiles.hints.documents} onAdd={add} testId="profile-documents">
      <table className="bureau-table profile-table">
        <thead>
          <tr>
            <th className="w-id">{t.profiles.col.id}</th>
            <th className="w-title">{t.profiles.col.title}</th>
            <th>{t.profiles.col.kinds}</th>
            <th>{t.profiles.col.projectTypes}</th>
            <th>{t.profiles.col.investment}</th>
            <th>{t.profiles.col.missing}</th>
            <th className="w-tools" />
          </tr>
        </thead>
        {list.map((r, i) => (
          <DocumentRow
            key={i}
            rule={r}
            index={i}
            profile={profile}
            onChange={(x) => set(replaceAt(list, i, x))}
            onRemove={() => set(removeAt(list, i))}
          />
        ))}
      </table>
    </SectionFrame>
  );
}

function DocumentRow({
  rule: r,
  index: i,
  profile,
  onChange,
  onRemove,
}: {
  rule: RequiredDocumentRule;
  index: number;
  profile: Profile;
  onChange(r: RequiredDocumentRule): void;
  onRemove(): void;
}) {
  const what = t.profiles.ruleN(i + 1);
  const yuanThresholds = profile.thresholds.filter((th) => th.unit === 'yuan');
  const invalid = useHasProblems(`requiredDocuments[${i}]`);
  const investment = r.investment ? `${r.investment.when}:${r.investment.threshold}` : '';
  return (
    <tbody className={`profile-rule${invalid ? ' invalid' : ''}`} data-testid="profile-document-row">
      <tr>
        <td className="profile-id">
          <TextCell value={r.id} onChange={(id) => onChange({ ...r, id })} label={`${what}${t.profiles.col.id}`} />
        </td>
        <td>
          <TextCell value={r.title} onChange={(title) => onChange({ ...r, title })} label={`${what}${t.profiles.col.title}`} />
        </td>
        <td>
          <ChipsCell
            values={r.kinds}
            options={documentKinds}
            labels={t.labels.documentKinds}
            onChange={(kinds) => onChange({ ...r, kinds })}
            label={`${what}${t.profiles.col.kinds}`}
          />
        </td>
        <td>
          <ChipsCell
            values={r.projectTypes}
            options={projectTypes}
            labels={t.labels.projectTypes}
            onChange={(types) => onChange({ ...r, projectTypes: types as RequiredDocumentRule['projectTypes'] })}
            label={`${what}${t.profiles.col.projectTypes}`}
          />
        </td>
        <td>
          <select
            value={investment}
            onChange={(e) => {
              // A chosen option's value is always `when:thresholdId`; only the empty option has no colon.
              const [when, threshold] = e.target.value.split(':');
              onChange({ ...r, investment: e.target.value ? { when: when as 'at-least' | 'below', threshold: threshold! } : undefined });
            }}
            aria-label={`${what}${t.profiles.col.investment}`}
          >
            <option value="">{t.profiles.anyInvestment}</option>
            {yuanThresholds.flatMap((th) =>
              (['at-least', 'below'] as const).map((when) => (
                <option key={`${when}:${th.id}`} value={`${when}:${th.id}`}>
                  {t.profiles.investmentWhen[when](th.title, th.value)}
                </option>
              )),
            )}
          </select>
          <label className="bureau-check profile-small">
            <input
              type="checkbox"
              checked={r.waivedWhenInPlan ?? false}
              onChange={(e) => onChange({ ...r, waivedWhenInPlan: e.target.checked || undefined })}
            />
            {t.profiles.waivedWhenInPlan}
          </label>
        </td>
        <td>
          <StatusSelect
            value={r.missingStatus}
            onChange={(missingStatus) => onChange({ ...r, missingStatus })}
            label={`${what}${t.profiles.col.missing}`}
          />
          <select
            value={r.orChapter ?? ''}
            onChange={(e) => onChange({ ...r, orChapter: e.target.value || undefined })}
            aria-label={`${what}${t.profiles.orChapter}`}
            className="profile-small"
          >
            <option value="">{t.profiles.noOrChapter}</option>
            {profile.requiredChapters.map((c) => (
              <option key={c.id} value={c.id}>
                {t.profiles.orChapterOption(c.title)}
              </option>
            ))}
          </select>
        </td>
        <td rowSpan={2}>
          <RowTools index={i} count={profile.requiredDocuments.length} onRemove={onRemove} what={what} />
        </td>
      </tr>
      <RuleNoteRow rule={r} onChange={onChange} what={what} citationSpan={3} />
      <RowProblems prefix={`requiredDocuments[${i}]`} colSpan={7} />
    </tbody>
  );
}

export function ChaptersSection({ profile }: { profile: Profile }) {
  const edit = useProfiles((s) => s.edit);
  const list = profile.requiredChapters;
  const set = (next: RequiredChapterRule[]) => edit((p) => ({ ...p, requiredChapters: next }));
  const add = () =>
    set([
      ...list,
      {
        id: freshId('chapter', list),
        title: '',
        synonyms: [],
        opinionRequired: false,
        projectTypes: [...projectTypes],
        missingStatus: 'fail',
        explanation: '',
        citation: '',
      } as RequiredChapterRule,
    ]);
  return (
    <SectionFrame title={t.profiles.sections.chapters} hint={t.profiles.hints.chapters} onAdd={add} testId="profile-chapters">
      <table className="bureau-table profile-table">
        <thead>
          <tr>
            <th className="w-id">{t.profiles.col.id}</th>
            <th className="w-title">{t.profiles.col.chapterTitle}</th>
            <th>{t.profiles.col.synonyms}</th>
            <th>{t.profiles.col.projectTypes}</th>
            <th>{t.profiles.col.missing}</th>
            <th className="w-tools" />
          </tr>
        </thead>
        {list.map((r, i) => {
          const what = t.profiles.ruleN(i + 1);
          const change = (x: RequiredChapterRule) => set(replaceAt(list, i, x));
          return (
            <tbody key={i} className="profile-rule" data-testid="profile-chapter-row">
              <tr>
                <td className="profile-id">
                  <TextCell value={r.id} onChange={(id) => change({ ...r, id })} label={`${what}${t.profiles.col.id}`} />
                </td>
                <td>
                  <TextCell value={r.title} onChange={(title) => change({ ...r, title })} label={`${what}${t.profiles.col.chapterTitle}`} />
                  <label className="bureau-check profile-small">
                    <input
                      type="checkbox"
                      checked={r.opinionRequired}
                      onChange={(e) => change({ ...r, opinionRequired: e.target.checked })}
                    />
                    {t.profiles.opinionRequired}
                  </label>
                </td>
                <td>
                  <ListCell
                    values={r.synonyms}
                    onChange={(synonyms) => change({ ...r, synonyms })}
                    label={`${what}${t.profiles.col.synonyms}`}
                  />
                </td>
                <td>
                  <ChipsCell
                    values={r.projectTypes}
                    options={projectTypes}
                    labels={t.labels.projectTypes}
                    onChange={(types) => change({ ...r, projectTypes: types as RequiredChapterRule['projectTypes'] })}
                    label={`${what}${t.profiles.col.projectTypes}`}
                  />
                </td>
                <td>
                  <StatusSelect
                    value={r.missingStatus}
                    onChange={(missingStatus) => change({ ...r, missingStatus })}
                    label={`${what}${t.profiles.col.missing}`}
                  />
                </td>
                <td rowSpan={2}>
                  <RowTools index={i} count={list.length} onRemove={() => set(removeAt(list, i))} what={what} />
                </td>
              </tr>
              <RuleNoteRow rule={r} onChange={change} what={what} citationSpan={2} />
              <RowProblems prefix={`requiredChapters[${i}]`} colSpan={6} />
            </tbody>
          );
        })}
      </table>
    </SectionFrame>
  );
}
