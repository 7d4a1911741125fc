// Owns the bureau's first screen: the drafts and exported reviews on this machine, 新建评审会 (the session form), reopening an .rpkg as a draft, and importing an archive.
import { useEffect, useState } from 'react';
import { formatDate, formatDateTime } from '../../lib/format';
import { uploadSource } from '../../lib/upload';
import { t } from '../../locale/zh-CN';
import { FileButton } from '../../ui/FileButton';
import { Icon } from '../../ui/Icon';
import { reportError } from '../../kernel/notices';
import { ArchiveImport } from './ArchiveScreen';
import { SessionForm } from './SessionForm';
import { useBureau } from './store';

export function DraftList() {
  const drafts = useBureau((s) => s.drafts);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    if (drafts === null) void useBureau.getState().loadDrafts();
  }, [drafts]);
  if (creating) {
    return (
      <section className="bureau-card" aria-labelledby="bureau-new-title">
        <h2 id="bureau-new-title" className="bureau-h2">
          {t.bureau.newSession}
        </h2>
        <SessionForm view={null} onDone={() => setCreating(false)} />
      </section>
    );
  }
  const reopen = async (file: File) => {
    try {
      await useBureau.getState().reopenPackage(await uploadSource(file));
    } catch (err) {
      reportError(err);
    }
  };
  return (
    <section className="bureau-card" aria-labelledby="bureau-drafts-title">
      <div className="bureau-toolbar">
        <h2 id="bureau-drafts-title" className="bureau-h2">
          {t.bureau.draftsTitle}
        </h2>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="bureau-new" autoFocus>
          <Icon name="plus" />
          {t.bureau.newSession}
        </button>
        <FileButton accept=".rpkg,.zip" onFiles={([file]) => void reopen(file)} testId="bureau-reopen-input">
          <Icon name="package" />
          {t.bureau.reopenPackage}
        </FileButton>
      </div>
      {drafts === null ? (
        <p className="panel-message">{t.common.loading}</p>
      ) : drafts.length === 0 ? (
        <p className="panel-message" data-testid="bureau-no-drafts">
          {t.bureau.noDrafts}
        </p>
      ) : (
        <table className="bureau-table" data-testid="bureau-drafts">
          <thead>
            <tr>
              <th>{t.bureau.col.title}</th>
              <th>{t.bureau.col.date}</th>
              <th>{t.bureau.col.projects}</th>
              <th>{t.bureau.col.updated}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {drafts.map((d) => (
              <tr key={d.id} data-testid="bureau-draft">
                <td>{d.title}</td>
                <td>{formatDate(d.date)}</td>
                <td className="num">{d.projectCount}</td>
                <td>{formatDateTime(d.updatedAt)}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => void useBureau.getState().openDraft(d.id)}
                    data-testid="bureau-draft-open"
                  >
                    {t.bureau.openDraft}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ArchiveImport />
    </section>
  );
}
