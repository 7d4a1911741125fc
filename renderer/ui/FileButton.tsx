// Owns the one "choose a file" button: a real button that opens a hidden file input. The input is `hidden` (not
// rendered), so Tab reaches only the button and focusing never scrolls the page to an off-screen input; the input's
// value is cleared after each choice, so the same file can be chosen twice.
import { useRef, type ReactNode } from 'react';

interface FileButtonProps {
  children: ReactNode;
  /** Called only when at least one file was chosen. */
  onFiles(files: [File, ...File[]]): void;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  className?: string;
  testId?: string;
}

export function FileButton({ children, onFiles, accept, multiple, disabled, className = 'btn', testId }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        hidden
        onChange={(e) => {
          const [first, ...rest] = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (first) onFiles([first, ...rest]);
        }}
        data-testid={testId}
      />
    </>
  );
}
