// Owns the 基本信息 and 意见函 sections: the profile's names (the regulation's full title and the name citations use, which every citation follows when it changes), the place, the organiser and approving bodies with their articles, the panel's aggregation rule, and the wording of the 评审意见函.
import { letterPlaceholders, type Profile, type ProfileLetter } from '../../../../shared/profile';
import { t } from '../../../locale/zh-CN';
import { CitationCell, NumberCell, TextCell } from './cells';
import { renameCiteAs } from './profileEdits';
import { RowProblems, SectionFrame } from './RuleTable';
import { useProfiles } from './store';

export function BasicsSection({ profile }: { profile: Profile }) {
  const edit = useProfiles((s) => s.edit);
  const outline = useProfiles((s) => s.detail?.regulation?.outline ?? null);
  const patch = (p: Partial<Profile>) => edit((x) => ({ ...x, ...p }));
  const body = (key: 'organiser' | 'approver', p: Partial<Profile['bodies']['organiser']>) =>
    edit((x) => ({ ...x, bodies: { ...x.bodies, [key]: { ...x.bodies[key], ...p } } }));
  const aggregation = profile.aggregation;
  return (
    <>
      <SectionFrame title={t.profiles.sections.basics} hint={t.profiles.hints.basics} testId="profile-basics">
        <table className="bureau-table profile-table profile-form-table">
          <tbody>
            <tr>
              <th>{t.profiles.fields.id}</th>
              <td>
                <code>{profile.id}</code>
              </td>
              <th>{t.profiles.fields.name}</th>
              <td>
                <TextCell value={profile.name} onChange={(name) => patch({ name })} label={t.profiles.fields.name} testId="profile-name" />
              </td>
            </tr>
            <tr>
              <th>{t.profiles.fields.regulation}</th>
              <td colSpan={3}>
                <TextCell
                  value={profile.regulation}
                  onChange={(regulation) => patch({ regulation })}
                  label={t.profiles.fields.regulation}
                  testId="profile-regulation"
                />
              </td>
            </tr>
            <tr>
              <th>{t.profiles.fields.citeAs}</th>
              <td>
                <TextCell
                  value={profile.citeAs}
                  onChange={(citeAs) => edit((x) => renameCiteAs(x, citeAs))}
                  label={t.profiles.fields.citeAs}
                  testId="profile-cite-as"
                />
                {outline?.title && outline.title !== profile.citeAs && (
                  <button
                    type="button"
                    className="link-btn"
                    onClick={() =>
                      edit((x) => ({ ...renameCiteAs(x, outline.title), regulation: x.regulation || `${outline.title}${outline.status}` }))
                    }
                    data-testid="profile-take-title"
                  >
                    {t.profiles.takeTitle(outline.title)}
                  </button>
                )}
              </td>
              <th>{t.profiles.fields.place}</th>
              <td>
                <TextCell
                  value={profile.place}
                  onChange={(place) => patch({ place })}
                  label={t.profiles.fields.place}
                  testId="profile-place"
                />
              </td>
            </tr>
            {(['organiser', 'approver'] as const).map((key) => (
              <tr key={key}>
                <th>{t.profiles.fields[key]}</th>
                <td>
                  <TextCell
                    value={profile.bodies[key].name}
                    onChange={(name) => body(key, { name })}
                    label={t.profiles.fields[key]}
                    testId={`profile-${key}`}
                  />
                </td>
                <th>{t.profiles.col.citation}</th>
                <td>
                  <CitationCell
                    value={profile.bodies[key].citation}
                    onChange={(citation) => body(key, { citation })}
                    label={`${t.profiles.fields[key]}${t.profiles.col.citation}`}
                    testId={`profile-${key}-citation`}
                  />
                </td>
              </tr>
            ))}
            <RowProblems prefix="bodies" colSpan={4} />
          </tbody>
        </table>
      </SectionFrame>
      <SectionFrame title={t.profiles.aggregation} hint={t.profiles.hints.aggregation}>
        <table className="bureau-table profile-table profile-form-table">
          <tbody>
            <tr>
              <th>{t.profiles.fields.trimAtLeast}</th>
              <td className="profile-num">
                <NumberCell
                  value={aggregation.trimAtLeast}
                  onChange={(v) => patch({ aggregation: { ...aggregation, trimAtLeast: v as number } })}
                  label={t.profiles.fields.trimAtLeast}
                />
              </td>
              <th>{t.profiles.fields.deviationShare}</th>
              <td className="profile-num">
                <NumberCell
                  value={aggregation.deviationShare}
                  onChange={(v) => patch({ aggregation: { ...aggregation, deviationShare: v as number } })}
                  label={t.profiles.fields.deviationShare}
                />
              </td>
            </tr>
            <tr>
              <th>{t.profiles.fields.approved}</th>
              <td>
                <select
                  value={aggregation.approved}
                  onChange={(e) => patch({ aggregation: { ...aggregation, approved: e.target.value as 'median' | 'mean' } })}
                  aria-label={t.profiles.fields.approved}
                >
                  <option value="median">{t.profiles.approved.median}</option>
                  <option value="mean">{t.profiles.approved.mean}</option>
                </select>
              </td>
              <th>{t.profiles.fields.decimals}</th>
              <td className="profile-num">
                <NumberCell
                  value={aggregation.decimals}
                  onChange={(v) => patch({ aggregation: { ...aggregation, decimals: v as number } })}
                  label={t.profiles.fields.decimals}
                />
              </td>
            </tr>
            <RowProblems prefix="aggregation" colSpan={4} />
          </tbody>
        </table>
      </SectionFrame>
    </>
  );
}

const letterFields = ['title', 'salutation', 'opening', 'closing'] as const;

export function LetterSection({ profile }: { profile: Profile }) {
  const edit = useProfiles((s) => s.edit);
  const set = (p: Partial<ProfileLetter>) => edit((x) => ({ ...x, letter: { ...x.letter, ...p } }));
  return (
    <SectionFrame
      title={t.profiles.sections.letter}
      hint={t.profiles.hints.letter(letterPlaceholders.map((p) => `{${p}}`).join(' '))}
      testId="profile-letter"
    >
      <table className="bureau-table profile-table profile-form-table">
        <tbody>
          {letterFields.map((key) => (
            <tr key={key}>
              <th>{t.profiles.letterFields[key]}</th>
              <td>
                <TextCell
                  multiline={key === 'opening' || key === 'closing'}
                  value={profile.letter[key]}
                  onChange={(v) => set({ [key]: v })}
                  label={t.profiles.letterFields[key]}
                  testId={`profile-letter-${key}`}
                />
              </td>
            </tr>
          ))}
          <RowProblems prefix="letter" colSpan={2} />
        </tbody>
      </table>
    </SectionFrame>
  );
}
