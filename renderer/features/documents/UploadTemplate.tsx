// Owns uploading the bureau's own .docx template (上传 Word 模板) and showing its placeholders, known and unknown.
import { useRef } from 'react';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { useDocuments } from './store';

export function UploadTemplate() {
  const input = useRef<HTMLInputElement>(null);
  const upload = useDocuments((s) => s.upload);
  return (
    <div className="documents-upload">
      <button
        type="button"
        className="btn"
        onClick={() => input.current?.click()}
        title={t.documents.uploadTitle}
        data-testid="template-upload"
      >
        <Icon name="upload" />
        {t.documents.upload}
      </button>
      <input
        ref={input}
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void useDocuments.getState().uploadTemplate(file);
        }}
        data-testid="template-upload-input"
      />
      {upload && (
        <div className="upload-placeholders" data-testid="upload-placeholders">
          <p className="template-name">{t.documents.uploadDone(upload.template.name, upload.template.version)}</p>
          {upload.placeholders.known.length + upload.placeholders.unknown.length === 0 && (
            <p className="muted">{t.documents.noPlaceholders}</p>
          )}
          {upload.placeholders.known.length > 0 && (
            <>
              <p className="muted">{t.documents.known}</p>
              <p className="placeholder-list" data-testid="placeholders-known">
                {upload.placeholders.known.map((p) => (
                  <code key={p}>{`{{${p}}}`}</code>
                ))}
              </p>
            </>
          )}
          {upload.placeholders.unknown.length > 0 && (
            <>
              <p className="text-error">{t.documents.unknown}</p>
              <p className="placeholder-list placeholder-unknown" data-testid="placeholders-unknown">
                {upload.placeholders.unknown.map((p) => (
                  <code key={p}>{`{{${p}}}`}</code>
                ))}
              </p>
            </>
          )}
        </div>
      )}
    </div>
  );
}
