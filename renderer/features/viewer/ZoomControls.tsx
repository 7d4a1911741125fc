// Owns the zoom buttons shared by the PDF, Word and image viewers: 缩小, the level picker, 放大, 适合宽度.
import type { ChangeEvent } from 'react';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { useViewer } from './store';

const PRESETS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];
const FIT = 'fit';

export function ZoomControls() {
  const zoom = useViewer((s) => s.zoom);
  const fitWidth = useViewer((s) => s.fitWidth);
  const zoomBy = useViewer((s) => s.zoomBy);
  const setZoom = useViewer((s) => s.setZoom);
  const setFitWidth = useViewer((s) => s.setFitWidth);
  const percent = Math.round(zoom * 100);
  const presets = PRESETS.some((p) => Math.round(p * 100) === percent) ? PRESETS : [...PRESETS, zoom].sort((a, b) => a - b);

  const onPick = (e: ChangeEvent<HTMLSelectElement>) => {
    if (e.target.value === FIT) setFitWidth(true);
    else setZoom(Number(e.target.value));
  };

  return (
    <div className="toolbar-group" role="group" aria-label={t.viewer.zoomLevel}>
      <button
        type="button"
        className="tool-btn"
        onClick={() => zoomBy(-1)}
        title={t.viewer.zoomOut}
        aria-label={t.viewer.zoomOut}
        data-testid="zoom-out"
      >
        <Icon name="minus" />
      </button>
      <select
        className="zoom-select"
        value={fitWidth ? FIT : String(zoom)}
        onChange={onPick}
        aria-label={t.viewer.zoomLevel}
        data-testid="zoom-level"
        data-zoom={percent}
      >
        <option value={FIT}>{fitWidth ? `${t.viewer.fitWidthShort}（${percent}%）` : t.viewer.fitWidthShort}</option>
        {presets.map((p) => (
          <option key={p} value={String(p)}>
            {Math.round(p * 100)}%
          </option>
        ))}
      </select>
      <button
        type="button"
        className="tool-btn"
        onClick={() => zoomBy(1)}
        title={t.viewer.zoomIn}
        aria-label={t.viewer.zoomIn}
        data-testid="zoom-in"
      >
        <Icon name="plus" />
      </button>
      <button
        type="button"
        className={`tool-btn${fitWidth ? ' active' : ''}`}
        onClick={() => setFitWidth(true)}
        title={t.viewer.fitWidth}
        aria-label={t.viewer.fitWidth}
        aria-pressed={fitWidth}
        data-testid="zoom-fit"
      >
        <Icon name="fitWidth" />
      </button>
    </div>
  );
}
