// Owns the drag handle between the document pane and the form column: drag (pointer) or ← / → (16 px, Shift 64 px) sets the
// form's width, clamped to what the window can give, and the width is remembered (deskLayout.ts).
import type { KeyboardEvent, PointerEvent } from 'react';
import { t } from '../../locale/zh-CN';
import { clampFormWidth, FORM_MIN, useDeskLayout } from './deskLayout';

export function PaneResizer() {
  const width = useDeskLayout((s) => s.formWidth);
  const collapsed = useDeskLayout((s) => s.sidebarCollapsed);
  const setFormWidth = useDeskLayout((s) => s.setFormWidth);
  const clamp = (w: number) => clampFormWidth(w, window.innerWidth, collapsed);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startWidth = width;
    // The form is on the right: dragging left widens it.
    const widthAt = (x: number) => clamp(startWidth + startX - x);
    const move = (ev: globalThis.PointerEvent) => setFormWidth(widthAt(ev.clientX), false);
    const up = (ev: globalThis.PointerEvent) => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
      setFormWidth(widthAt(ev.clientX), true);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const step = e.shiftKey ? 64 : 16;
    setFormWidth(clamp(width + (e.key === 'ArrowLeft' ? step : -step)), true);
  };

  return (
    <div
      className="pane-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={t.desk.resizeForm}
      aria-valuenow={width}
      aria-valuemin={FORM_MIN}
      aria-valuemax={clamp(Number.MAX_SAFE_INTEGER)}
      title={t.desk.resizeForm}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      data-testid="pane-resizer"
    />
  );
}
