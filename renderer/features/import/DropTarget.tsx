// Owns drag-and-drop import: a .rpkg dropped anywhere on the window is read and imported; an overlay shows while dragging.
import { useEffect, useState } from 'react';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { showError } from '../../kernel/notices';
import { importFile, isPackageFile } from './openPackage';
import { useImport } from './store';

function carriesFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function DropTarget() {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every child element; a counter tells when the pointer really left the window.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // without this the browser would navigate to the dropped file
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (!file || useImport.getState().status === 'running') return;
      if (!isPackageFile(file.name)) {
        showError(t.start.dropWrongType);
        return;
      }
      void importFile(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div className="drop-overlay-card">
        <span className="drop-overlay-icon" aria-hidden="true">
          <Icon name="upload" size={40} />
        </span>
        {t.start.dropActive}
      </div>
    </div>
  );
}
