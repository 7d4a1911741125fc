// Owns the PDF toolbar: thumbnails toggle, 第 _ / N 页 page box and zoom controls.
import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../../locale/zh-CN';
import { Icon } from '../../../ui/Icon';
import { useViewer } from '../store';
import { ZoomControls } from '../ZoomControls';

export function PdfToolbar({ onGoTo }: { onGoTo: (page: number) => void }) {
  const thumbnails = useViewer((s) => s.thumbnails);
  const toggleThumbnails = useViewer((s) => s.toggleThumbnails);
  return (
    <>
      <button
        type="button"
        className={`tool-btn${thumbnails ? ' active' : ''}`}
        onClick={toggleThumbnails}
        aria-pressed={thumbnails}
        title={t.viewer.thumbnailsToggle}
        aria-label={t.viewer.thumbnailsToggle}
        data-testid="thumbnails-toggle"
      >
        <Icon name="thumbnails" />
      </button>
      <PageBox onGoTo={onGoTo} />
      <span className="toolbar-divider" />
      <ZoomControls />
    </>
  );
}

function PageBox({ onGoTo }: { onGoTo: (page: number) => void }) {
  const page = useViewer((s) => s.page);
  const pageCount = useViewer((s) => s.pageCount);
  const [draft, setDraft] = useState(String(page));
  useEffect(() => setDraft(String(page)), [page]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number.parseInt(draft, 10);
    if (Number.isFinite(n)) onGoTo(Math.min(pageCount, Math.max(1, n)));
    else setDraft(String(page));
  };

  return (
    <form className="toolbar-group page-box" onSubmit={submit}>
      <button
        type="button"
        className="tool-btn"
        onClick={() => onGoTo(page - 1)}
        disabled={page <= 1}
        title={t.viewer.prevPage}
        aria-label={t.viewer.prevPage}
      >
        <Icon name="up" />
      </button>
      <label className="page-label">
        {t.viewer.pageLabelBefore}
        <input
          className="page-input"
          value={draft}
          inputMode="numeric"
          onChange={(e) => setDraft(e.target.value.replace(/[^\d]/g, ''))}
          onBlur={() => setDraft(String(page))}
          onFocus={(e) => e.target.select()}
          aria-label={t.viewer.pageInput}
          data-testid="page-input"
        />
        <span data-testid="page-count">{t.viewer.pageLabelAfter(pageCount)}</span>
      </label>
      <button
        type="button"
        className="tool-btn"
        onClick={() => onGoTo(page + 1)}
        disabled={page >= pageCount}
        title={t.viewer.nextPage}
        aria-label={t.viewer.nextPage}
      >
        <Icon name="down" />
      </button>
    </form>
  );
}
