// Owns the expert-profile form (专家信息): name, 职称, 工作单位, phone; shown on first run and from the header's 专家信息 button.
import { useState, type FormEvent } from 'react';
import type { ExpertProfile } from '../../../shared/expert';
import { userMessage } from '../../lib/errors';
import { t } from '../../locale/zh-CN';
import { useExpert } from './store';

const fields = ['name', 'title', 'employer', 'phone'] as const;
const empty: ExpertProfile = { name: '', title: '', employer: '', phone: '' };

export function ExpertForm({ onCancel }: { onCancel?: () => void }) {
  const [draft, setDraft] = useState<ExpertProfile>(useExpert.getState().profile ?? empty);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    useExpert
      .getState()
      .save(draft)
      .catch((err: unknown) => setError(userMessage(err)));
  };
  return (
    <form className="expert-form" onSubmit={submit} data-testid="expert-form">
      {fields.map((f, i) => (
        <label key={f} className="score-text-field">
          <span className={f === 'name' ? 'required-label' : undefined}>{t.expert.fields[f]}</span>
          <input
            type={f === 'phone' ? 'tel' : 'text'}
            value={draft[f]}
            autoFocus={i === 0}
            onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
            data-testid={`expert-${f}`}
          />
        </label>
      ))}
      {error && (
        <p className="score-error" role="alert">
          {error}
        </p>
      )}
      <div className="expert-form-actions">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t.common.cancel}
          </button>
        )}
        <button type="submit" className="btn btn-primary" data-testid="expert-save">
          {t.expert.save}
        </button>
      </div>
    </form>
  );
}
