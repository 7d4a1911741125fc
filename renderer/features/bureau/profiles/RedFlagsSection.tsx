// Owns the 风险提示 section (red flags): text patterns with their exceptions and the statements a sound proposal makes, and the special checks (annual plan, small upgrades, free maintenance, 立项) with their own fields.
import { projectTypes, type ProjectType } from '../../../../shared/manifest';
import type { Profile, RedFlag } from '../../../../shared/profile';
import { t } from '../../../locale/zh-CN';
import { ChipsCell, CitationCell, ListCell, TextCell } from './cells';
import { freshId, removeAt, replaceAt } from './profileEdits';
import { RowProblems, RowTools, SectionFrame } from './RuleTable';
import { useProfiles } from './store';

type Exception = { id: string; title: string; patterns: string[]; citation: string };
type PatternKey = 'patterns' | 'upgradePatterns' | 'replacementPatterns' | 'developmentPatterns' | 'termPatterns' | 'approvalPatterns';
const patternKeys: PatternKey[] = [
  'patterns',
  'upgradePatterns',
  'replacementPatterns',
  'developmentPatterns',
  'termPatterns',
  'approvalPatterns',
];

export function RedFlagsSection({ profile }: { profile: Profile }) {
  const edit = useProfiles((s) => s.edit);
  const list = profile.redFlags;
  const set = (next: RedFlag[]) => edit((p) => ({ ...p, redFlags: next }));
  const add = () =>
    set([
      {
        id: freshId('flag', list),
        title: '',
        check: 'patterns',
        scope: 'text',
        patterns: [],
        status: 'judge',
        exceptions: [],
        expect: [],
        passMessage: '',
        explanation: '',
        citation: '',
      },
      ...list,
    ]);
  return (
    <SectionFrame title={t.profiles.sections.redFlags} hint={t.profiles.hints.redFlags} onAdd={add} testId="profile-red-flags">
      <table className="bureau-table profile-table">
        <thead>
          <tr>
            <th className="w-id">{t.profiles.col.id}</th>
            <th className="w-title">{t.profiles.col.title}</th>
            <th className="w-title">{t.profiles.col.check}</th>
            <th className="w-narrow">{t.profiles.col.status}</th>
            <th>{t.profiles.col.projectTypes}</th>
            <th className="w-tools" />
          </tr>
        </thead>
        {list.map((r, i) => (
          <FlagRow
            key={i}
            flag={r}
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

function FlagRow({
  flag: r,
  index: i,
  profile,
  onChange,
  onRemove,
}: {
  flag: RedFlag;
  index: number;
  profile: Profile;
  onChange(f: RedFlag): void;
  onRemove(): void;
}) {
  const what = t.profiles.ruleN(i + 1);
  const patch = (p: Partial<RedFlag>) => onChange({ ...r, ...p } as RedFlag);
  const types: { key: 'projectTypes' | 'exemptTypes'; values: readonly ProjectType[] } | null =
    r.check === 'annual-plan' ? { key: 'exemptTypes', values: r.exemptTypes } : { key: 'projectTypes', values: r.projectTypes ?? [] };
  const lists = patternKeys.filter((k) => k in r);
  return (
    <tbody className="profile-rule" data-testid="profile-flag-row" data-flag-id={r.id}>
      <tr>
        <td className="profile-id">
          <TextCell value={r.id} onChange={(id) => patch({ id })} label={`${what}${t.profiles.col.id}`} testId="flag-id" />
        </td>
        <td>
          <TextCell value={r.title} onChange={(title) => patch({ title })} label={`${what}${t.profiles.col.title}`} testId="flag-title" />
        </td>
        <td>
          {t.profiles.checks[r.check]}
          {r.check === 'patterns' && (
            <select
              value={r.scope}
              onChange={(e) => patch({ scope: e.target.value as 'text' | 'applicant' })}
              aria-label={`${what}${t.profiles.col.scope}`}
              className="profile-small"
            >
              <option value="text">{t.profiles.scopes.text}</option>
              <option value="applicant">{t.profiles.scopes.applicant}</option>
            </select>
          )}
          {'threshold' in r && (
            <select
              value={r.threshold}
              onChange={(e) => patch({ threshold: e.target.value })}
              aria-label={`${what}${t.profiles.col.threshold}`}
              className="profile-small"
            >
              {!profile.thresholds.some((th) => th.id === r.threshold) && <option value={r.threshold}>{r.threshold}</option>}
              {profile.thresholds.map((th) => (
                <option key={th.id} value={th.id}>
                  {th.title}
                </option>
              ))}
            </select>
          )}
        </td>
        <td>
          {'status' in r ? (
            <select
              value={r.status}
              onChange={(e) => patch({ status: e.target.value as 'fail' | 'judge' })}
              aria-label={`${what}${t.profiles.col.status}`}
              data-testid="flag-status"
            >
              <option value="fail">{t.precheck.statuses.fail}</option>
              <option value="judge">{t.precheck.statuses.judge}</option>
            </select>
          ) : (
            <span className="muted">{t.profiles.builtInStatus}</span>
          )}
        </td>
        <td>
          <ChipsCell
            values={types.values}
            options={projectTypes}
            labels={t.labels.projectTypes}
            onChange={(v) => patch({ [types.key]: r.check === 'patterns' && v.length === 0 ? undefined : v } as Partial<RedFlag>)}
            label={`${what}${types.key === 'exemptTypes' ? t.profiles.col.exemptTypes : t.profiles.col.projectTypes}`}
            empty={types.key === 'exemptTypes' ? t.profiles.noExemptTypes : t.profiles.allTypes}
          />
        </td>
        <td rowSpan={3}>
          <RowTools index={i} count={profile.redFlags.length} onRemove={onRemove} what={what} />
        </td>
      </tr>
      <tr>
        <td colSpan={3}>
          {lists.map((k) => (
            <label key={k} className="profile-stacked">
              <span>{t.profiles.patternLists[k]}</span>
              <ListCell
                lines
                values={(r as unknown as Record<PatternKey, string[]>)[k]}
                onChange={(v) => patch({ [k]: v } as Partial<RedFlag>)}
                label={`${what}${t.profiles.patternLists[k]}`}
                testId={`flag-${k}`}
              />
            </label>
          ))}
        </td>
        <td colSpan={2}>
          {'exceptions' in r && <Exceptions list={r.exceptions} onChange={(exceptions) => patch({ exceptions })} what={what} />}
          {r.check === 'patterns' && <Expectations list={r.expect} onChange={(expect) => patch({ expect })} what={what} />}
        </td>
      </tr>
      <tr>
        <td colSpan={3}>
          <TextCell
            value={r.explanation}
            onChange={(explanation) => patch({ explanation })}
            label={`${what}${t.profiles.col.explanation}`}
            placeholder={t.profiles.col.explanation}
            testId="flag-explanation"
          />
          {r.check === 'patterns' && (
            <TextCell
              value={r.passMessage}
              onChange={(passMessage) => patch({ passMessage })}
              label={`${what}${t.profiles.col.passMessage}`}
              placeholder={t.profiles.col.passMessage}
              testId="flag-pass"
            />
          )}
        </td>
        <td colSpan={2}>
          <CitationCell
            value={r.citation}
            onChange={(citation) => patch({ citation })}
            label={`${what}${t.profiles.col.citation}`}
            testId="flag-citation"
          />
        </td>
      </tr>
      <RowProblems prefix={`redFlags[${i}]`} colSpan={6} />
    </tbody>
  );
}

/** 例外: words that turn a failing finding into 需专家判断 (the expert verifies the exception), each with its own article. */
function Exceptions({ list, onChange, what }: { list: Exception[]; onChange(v: Exception[]): void; what: string }) {
  return (
    <div className="profile-sub">
      <div className="profile-sub-head">
        <span>{t.profiles.exceptions}</span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange([...list, { id: freshId('exception', list), title: '', patterns: [], citation: '' }])}
        >
          {t.profiles.addException}
        </button>
      </div>
      {list.map((e, j) => {
        const label = `${what}${t.profiles.exceptionN(j + 1)}`;
        const change = (x: Partial<Exception>) => onChange(replaceAt(list, j, { ...e, ...x }));
        return (
          <div key={j} className="profile-sub-row">
            <TextCell
              value={e.title}
              onChange={(title) => change({ title })}
              label={`${label}${t.profiles.col.title}`}
              placeholder={t.profiles.col.title}
            />
            <ListCell
              lines
              values={e.patterns}
              onChange={(patterns) => change({ patterns })}
              label={`${label}${t.profiles.patternLists.patterns}`}
            />
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => onChange(removeAt(list, j))}
              aria-label={t.profiles.remove(label)}
            >
              ×
            </button>
            <div className="profile-sub-wide">
              <CitationCell value={e.citation} onChange={(citation) => change({ citation })} label={`${label}${t.profiles.col.citation}`} />
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** 应有表述: groups of patterns a sound proposal matches; a group with no match makes the finding 需专家判断 with its message. */
function Expectations({
  list,
  onChange,
  what,
}: {
  list: { patterns: string[]; message: string }[];
  onChange(v: { patterns: string[]; message: string }[]): void;
  what: string;
}) {
  return (
    <div className="profile-sub">
      <div className="profile-sub-head">
        <span>{t.profiles.expectations}</span>
        <button type="button" className="btn btn-small" onClick={() => onChange([...list, { patterns: [], message: '' }])}>
          {t.profiles.addExpectation}
        </button>
      </div>
      {list.map((e, j) => {
        const label = `${what}${t.profiles.expectationN(j + 1)}`;
        return (
          <div key={j} className="profile-sub-row">
            <ListCell
              lines
              values={e.patterns}
              onChange={(patterns) => onChange(replaceAt(list, j, { ...e, patterns }))}
              label={`${label}${t.profiles.patternLists.patterns}`}
            />
            <TextCell
              value={e.message}
              onChange={(message) => onChange(replaceAt(list, j, { ...e, message }))}
              label={`${label}${t.profiles.col.message}`}
              placeholder={t.profiles.col.message}
            />
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => onChange(removeAt(list, j))}
              aria-label={t.profiles.remove(label)}
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
