// Owns the one "choose a file" button: a hidden file input inside a label styled as a button, so the keyboard reaches it and the same file can be chosen twice.
import type { ReactNode } from 'react';

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
  return (
    <label className={className}>
      {children}
      <input
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        className="visually-hidden"
        onChange={(e) => {
          const [first, ...rest] = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (first) onFiles([first, ...rest]);
        }}
        data-testid={testId}
      />
    </label>
  );
}
