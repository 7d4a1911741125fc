// Owns the 规则配置 editor of one profile: the bar (name, version picker, unsaved state, 保存 with a note, 导出 .json), what the last save was refused for, the regulation pane, and the section tabs with the section shown. A built-in profile is read-only.
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format';
import { t } from '../../../locale/zh-CN';
import { Icon } from '../../../ui/Icon';
import { BasicsSection, LetterSection } from './BasicsSection';
import { ChaptersSection, DocumentsSection } from './DocumentsSection';
import { BudgetSection, ThresholdsSection } from './NumbersSection';
import { RedFlagsSection } from './RedFlagsSection';
import { RegulationPane } from './RegulationPane';
import { RubricSection } from './RubricSection';
import { profileSections, useProfiles } from './store';
import { TrialSection } from './TrialSection';

export function ProfileEditor() {
  const detail = useProfiles((s) => s.detail)!;
  const working = useProfiles((s) => s.working)!;
  const dirty = useProfiles((s) => s.dirty);
  const busy = useProfiles((s) => s.busy);
  const section = useProfiles((s) => s.section);
  const problems = useProfiles((s) => s.problems);
  const [note, setNote] = useState('');
  const editable = !detail.builtIn;
  const counts: Partial<Record<(typeof profileSections)[number], number>> = {
    documents: working.requiredDocuments.length,
    chapters: working.requiredChapters.length,
    thresholds: working.thresholds.length,
    redFlags: working.redFlags.length,
    budget: working.budgetRules.length,
  };
  const save = async () => {
    if (await useProfiles.getState().save(note)) setNote('');
  };

  return (
    <div className="profile-editor" data-testid="profile-editor">
      <div className="profile-bar">
        <button type="button" className="btn btn-small" onClick={() => useProfiles.getState().close()} data-testid="profile-back">
          <Icon name="left" size={14} />
          {t.profiles.backToList}
        </button>
        <h2 className="bureau-h2 profile-title">
          {detail.name}
          <code className="muted">{detail.id}</code>
        </h2>
        {detail.builtIn ? (
          <span className="bureau-chip">{t.profiles.builtInVersion(detail.version)}</span>
        ) : (
          <select
            value={detail.version}
            onChange={(e) => void useProfiles.getState().open(detail.id, Number(e.target.value) || null)}
            aria-label={t.profiles.versionPicker}
            data-testid="profile-version"
          >
            {detail.version === 0 && <option value={0}>{t.profiles.unsavedVersion}</option>}
            {detail.versions.map((v) => (
              <option key={v.version} value={v.version}>
                {t.profiles.versionOption(v.version, formatDateTime(v.savedAt), v.note)}
              </option>
            ))}
          </select>
        )}
        {dirty && (
          <span className="profile-dirty" data-testid="profile-dirty">
            {t.profiles.dirty}
          </span>
        )}
        {editable && (
          <>
            <input
              className="profile-note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t.profiles.notePlaceholder}
              aria-label={t.profiles.note}
              maxLength={500}
              data-testid="profile-note"
            />
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={busy || !dirty}
              onClick={() => void save()}
              data-testid="profile-save"
            >
              {t.profiles.save}
            </button>
          </>
        )}
        <button
          type="button"
          className="btn btn-small"
          disabled={!detail.builtIn && detail.version === 0}
          onClick={() => void useProfiles.getState().exportVersion()}
          title={t.profiles.exportTitle}
          data-testid="profile-export"
        >
          {t.profiles.export}
        </button>
      </div>
      {detail.builtIn && <p className="bureau-warning profile-small">{t.profiles.readOnly}</p>}
      {problems.length > 0 && (
        <div className="bureau-problems profile-problems" role="alert" data-testid="profile-problems">
          <p>{t.profiles.problems(problems.length)}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="profile-columns">
        <RegulationPane editable={editable} />
        <div className="profile-main">
          <nav className="profile-tabs" role="tablist" aria-label={t.profiles.sectionsLabel}>
            {profileSections.map((s) => (
              <button
                key={s}
                type="button"
                role="tab"
                aria-selected={section === s}
                className={`profile-tab${section === s ? ' current' : ''}`}
                onClick={() => useProfiles.getState().setSection(s)}
                data-testid={`profile-tab-${s}`}
              >
                {t.profiles.sections[s]}
                {counts[s] !== undefined && <span className="profile-tab-count">{counts[s]}</span>}
              </button>
            ))}
          </nav>
          <div className="profile-section-body">
            {section === 'trial' ? (
              <TrialSection />
            ) : (
              // A built-in profile can be read and test-run, not changed: every input of the sections is disabled.
              <fieldset key={`${detail.id}-${detail.version}`} className="profile-fieldset" disabled={!editable}>
                {section === 'basics' && <BasicsSection profile={working} />}
                {section === 'documents' && <DocumentsSection profile={working} />}
                {section === 'chapters' && <ChaptersSection profile={working} />}
                {section === 'thresholds' && <ThresholdsSection profile={working} />}
                {section === 'redFlags' && <RedFlagsSection profile={working} />}
                {section === 'budget' && <BudgetSection profile={working} />}
                {section === 'rubric' && <RubricSection profile={working} />}
                {section === 'letter' && <LetterSection profile={working} />}
              </fieldset>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
