// Owns a drop area for files: highlighted while files are dragged over it, and kept from the app-wide drop target.
import { useState, type ReactNode } from 'react';

interface DropZoneProps {
  children: ReactNode;
  onFiles(files: File[]): void;
  className: string;
  testId?: string;
}

export function DropZone({ children, onFiles, className, testId }: DropZoneProps) {
  const [over, setOver] = useState(false);
  const hold = (e: React.DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div
      className={`${className}${over ? ' over' : ''}`}
      onDragEnter={(e) => {
        hold(e);
        setOver(true);
      }}
      onDragOver={hold}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        hold(e);
        setOver(false);
        onFiles(Array.from(e.dataTransfer.files));
      }}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
