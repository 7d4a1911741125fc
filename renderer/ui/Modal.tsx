// Owns the one dialog frame: backdrop, title, Escape to close, focus moved in on open and given back on close.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  /** Called on Escape; omit to make the dialog impossible to dismiss that way. */
  onEscape?: () => void;
  children: ReactNode;
  footer?: ReactNode;
  tone?: 'normal' | 'danger';
  wide?: boolean;
  testId?: string;
}

export function Modal({ title, onEscape, children, footer, tone = 'normal', wide, testId }: ModalProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const dialog = dialogRef.current;
    const first = dialog?.querySelector<HTMLElement>('[data-autofocus], button, [href], input, [tabindex]:not([tabindex="-1"])');
    (first ?? dialog)?.focus();
    return () => previous?.focus?.();
  }, []);

  useEffect(() => {
    if (!onEscape) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        onEscape();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onEscape]);

  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className={`modal modal-${tone}${wide ? ' modal-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <div className="modal-body">{children}</div>
        {footer && <div className="modal-footer">{footer}</div>}
      </div>
    </div>
  );
}
