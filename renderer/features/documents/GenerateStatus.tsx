// Owns what a generation shows while and after it runs: the progress bar with the file being made and 取消, then the
// folder written to with 打开文件夹 (desktop) and the files made (links that download them in web mode).
import { useState } from 'react';
import { t } from '../../locale/zh-CN';
import { reportError } from '../../kernel/notices';
import { useDesktop } from '../../kernel/shell';
import { FileLink } from '../../ui/FileLink';
import { GenerationProgress } from '../../ui/GenerationProgress';
import { useDocuments } from './store';

export function GenerateStatus({ sessionId }: { sessionId: string }) {
  const running = useDocuments((s) => s.jobId !== null);
  const progress = useDocuments((s) => s.progress);
  const cancelling = useDocuments((s) => s.cancelling);
  const result = useDocuments((s) => s.result);
  const [notOpened, setNotOpened] = useState(false);
  const desktop = useDesktop();

  if (running)
    return (
      <GenerationProgress
        progress={progress}
        cancelling={cancelling}
        onCancel={() => useDocuments.getState().cancel()}
        testId="generate-progress"
        cancelTestId="generate-cancel"
      />
    );
  if (!result || result.folder === null) return null;
  const folder = result.folder;
  const open = async () => {
    try {
      const opened = await useDocuments.getState().openFolder(sessionId, folder);
      setNotOpened(!opened);
    } catch (err) {
      reportError(err);
    }
  };
  return (
    <div className="documents-result" role="status" data-testid="generate-result" data-count={result.files.length}>
      <p>
        {t.documents.done(result.files.length)}
        {desktop && (
          <code className="documents-folder" data-testid="generate-folder">
            {folder}
          </code>
        )}
      </p>
      {desktop && (
        <button type="button" className="btn btn-small" onClick={() => void open()} data-testid="open-folder">
          {t.documents.openFolder}
        </button>
      )}
      {notOpened && <p className="muted">{t.documents.folderNotOpened}</p>}
      <ul className="documents-files" data-testid="generated-files">
        {result.files.map((f) => (
          <li key={f.id} data-testid="generated-file">
            <FileLink file={f.path} />
          </li>
        ))}
      </ul>
      {result.skipped.length > 0 && (
        <>
          <p className="documents-skipped-title">{t.documents.skipped(result.skipped.length)}</p>
          <ul className="documents-files documents-skipped" data-testid="skipped-files">
            {result.skipped.map((s) => (
              <li key={s.name} title={s.reason} data-testid="skipped-file">
                {s.name}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
