// Owns editing a built-in template's wording (修改文字): one field per text block, the preview beside it following the
// draft, 保存为新版本 and 放弃修改 above the fields so they stay in reach of a long form.
import { t } from '../../locale/zh-CN';
import { draftEdits, useDocuments } from './store';

export function TemplateEditor() {
  const editing = useDocuments((s) => s.editing);
  if (!editing) return null;
  const { detail, draft, saving } = editing;
  const changed = draftEdits(editing).length;
  return (
    <form
      className="template-editor"
      aria-label={t.documents.editTitle(detail.template.name)}
      data-testid="template-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void useDocuments.getState().saveEdit();
      }}
    >
      <div className="template-editor-head">
        <h3>{t.documents.editTitle(detail.template.name)}</h3>
        <span className="template-version">{t.documents.version(detail.template.version)}</span>
      </div>
      <p className="muted template-editor-hint">{t.documents.editHint}</p>
      <div className="template-editor-actions">
        <button type="submit" className="btn btn-primary" disabled={saving || changed === 0} data-testid="template-save">
          {t.documents.save}
        </button>
        <button type="button" className="btn" onClick={() => useDocuments.getState().discardEdit()} data-testid="template-discard">
          {t.documents.discard}
        </button>
      </div>
      <div className="template-editor-fields">
        {detail.texts.map((text) => (
          <label key={text.path} className={`template-field${draft[text.path] !== text.value ? ' changed' : ''}`}>
            <span className="template-field-label">{text.label}</span>
            {text.multiline ? (
              <textarea
                value={draft[text.path]}
                rows={3}
                onChange={(e) => useDocuments.getState().setDraft(text.path, e.target.value)}
                data-testid="template-text"
                data-path={text.path}
              />
            ) : (
              <input
                type="text"
                value={draft[text.path]}
                onChange={(e) => useDocuments.getState().setDraft(text.path, e.target.value)}
                data-testid="template-text"
                data-path={text.path}
              />
            )}
          </label>
        ))}
      </div>
      <details className="template-placeholders">
        <summary>{t.documents.placeholders}</summary>
        <p className="placeholder-list">
          {detail.placeholders.map((p) => (
            <code key={p}>{`{{${p}}}`}</code>
          ))}
        </p>
      </details>
    </form>
  );
}
