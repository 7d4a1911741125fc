// Owns the header's 更多 menu: a disclosure button and the secondary actions under it, closed by Escape, a click or Tab
// outside, or a pick. The items stay mounted while closed (only hidden), so a dialog an item opened (专家信息) outlives the menu.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { t } from '../../locale/zh-CN';

export function HeaderMore({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLButtonElement>('.header-more-list > button')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      ref.current?.querySelector<HTMLButtonElement>('.header-more-toggle')?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div
      className="header-more"
      ref={ref}
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        type="button"
        className="btn btn-header header-more-toggle"
        aria-expanded={open}
        aria-controls="header-more-list"
        title={t.desk.moreTitle}
        onClick={() => setOpen(!open)}
        data-testid="header-more"
      >
        {t.desk.more}
        <span aria-hidden="true">▾</span>
      </button>
      <div
        id="header-more-list"
        className={`header-more-list${open ? ' open' : ''}`}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('button')) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}
