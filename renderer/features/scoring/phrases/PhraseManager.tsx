// Owns the dialog that manages the personal phrase library (个人常用评审意见): add, edit, delete and reorder.
import { useEffect, useState } from 'react';
import { phraseGroups } from '../../../../shared/phrases';
import { userMessage } from '../../../lib/errors';
import { t } from '../../../locale/zh-CN';
import { Modal } from '../../../ui/Modal';
import { showError } from '../../../kernel/notices';
import { usePhrases } from './store';

export function PhraseManager({ group, onClose }: { group: string; onClose(): void }) {
  const library = usePhrases((s) => s.library);
  const personal = library?.personal ?? [];
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState({ group, text: '' });
  const [busy, setBusy] = useState(false);

  const run = (action: () => Promise<void>) => {
    setBusy(true);
    action()
      .catch((e: unknown) => showError(userMessage(e)))
      .finally(() => setBusy(false));
  };

  useEffect(() => run(() => usePhrases.getState().ensure()), []);

  const submit = () =>
    run(async () => {
      await usePhrases.getState().save(editing, draft.group, draft.text);
      setEditing(null);
      setDraft({ group: draft.group, text: '' });
    });

  const footer = (
    <button type="button" className="btn" onClick={onClose}>
      {t.phrases.done}
    </button>
  );
  return (
    <Modal title={t.phrases.manageTitle} onEscape={onClose} footer={footer} wide testId="phrase-manager">
      {personal.length === 0 && <p className="muted">{t.phrases.none}</p>}
      <ol className="phrase-manage-list">
        {personal.map((p, i) => (
          <li key={p.id} className={`phrase-manage-item${editing === p.id ? ' editing' : ''}`} data-testid="phrase-personal">
            <span className="phrase-manage-group">{phraseGroups[p.group] ?? p.group}</span>
            <span className="phrase-manage-text">{p.text}</span>
            <span className="phrase-manage-actions">
              <button
                type="button"
                className="btn btn-small"
                disabled={busy || i === 0}
                onClick={() => run(() => usePhrases.getState().move(p.id, -1))}
              >
                {t.phrases.moveUp}
              </button>
              <button
                type="button"
                className="btn btn-small"
                disabled={busy || i === personal.length - 1}
                onClick={() => run(() => usePhrases.getState().move(p.id, 1))}
              >
                {t.phrases.moveDown}
              </button>
              <button
                type="button"
                className="btn btn-small"
                disabled={busy}
                onClick={() => {
                  setEditing(p.id);
                  setDraft({ group: p.group, text: p.text });
                }}
              >
                {t.phrases.edit}
              </button>
              <button
                type="button"
                className="btn btn-small phrase-delete"
                disabled={busy}
                onClick={() => run(() => usePhrases.getState().remove(p.id))}
              >
                {t.phrases.delete}
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="phrase-manage-form">
        <label>
          <span>{t.phrases.group}</span>
          <select value={draft.group} onChange={(e) => setDraft({ ...draft, group: e.target.value })} data-testid="phrase-group">
            {Object.entries(phraseGroups).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.phrases.text}</span>
          <textarea
            rows={3}
            value={draft.text}
            data-autofocus
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
            data-testid="phrase-text"
          />
        </label>
        <div className="phrase-manage-buttons">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || draft.text.trim() === ''}
            onClick={submit}
            data-testid="phrase-submit"
          >
            {editing ? t.phrases.save : t.phrases.add}
          </button>
          {editing && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                setEditing(null);
                setDraft({ group: draft.group, text: '' });
              }}
            >
              {t.phrases.cancelEdit}
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}
