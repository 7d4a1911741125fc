// Owns the image viewer: the bytes as a blob URL with the right MIME type, fit to the pane or zoomed, scroll remembered.
import { useEffect, useRef, useState } from 'react';
import { fileExtension } from '../../../lib/format';
import { useRemote } from '../../../lib/useRemote';
import { t } from '../../../locale/zh-CN';
import type { ViewerProps } from '../types';
import { usePaneZoom } from '../usePaneZoom';
import { useViewerShortcuts } from '../useViewerShortcuts';
import { ViewerError } from '../ViewerError';
import { ViewerFrame, ViewerMessage } from '../ViewerFrame';
import { ZoomControls } from '../ZoomControls';

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.bmp': 'image/bmp',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.svg': 'image/svg+xml',
};

export function ImageViewer(props: ViewerProps) {
  const { document } = props;
  const bytes = useRemote('document.content', { documentKey: document.key });
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    if (bytes.state !== 'ready') return;
    const type = MIME[fileExtension(document.path)] ?? 'application/octet-stream';
    const objectUrl = URL.createObjectURL(new Blob([bytes.value], { type }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [bytes, document.path]);

  if (bytes.state === 'error') return <ViewerError document={document} error={bytes.error} />;
  if (!url) {
    return (
      <ViewerFrame document={document}>
        <ViewerMessage busy>{t.viewer.opening}</ViewerMessage>
      </ViewerFrame>
    );
  }
  return <Picture {...props} url={url} />;
}

function Picture({ document, initial, onPosition, url }: ViewerProps & { url: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const [broken, setBroken] = useState(false);
  const { zoom, savedZoom } = usePaneZoom(scrollRef, natural?.width ?? 0, 1);
  useViewerShortcuts({ zoom: true, find: false });

  useEffect(() => {
    if (natural && scrollRef.current && initial?.scrollTop) scrollRef.current.scrollTop = initial.scrollTop;
  }, [natural, initial]);

  if (broken) return <ViewerError document={document} error={null} />;
  return (
    <ViewerFrame document={document} toolbar={<ZoomControls />}>
      <div
        ref={scrollRef}
        className="image-scroll"
        tabIndex={0}
        onScroll={(e) => natural && onPosition({ zoom: savedZoom, scrollTop: e.currentTarget.scrollTop })}
        data-testid="image-scroll"
      >
        <img
          className="image-view"
          src={url}
          alt={t.viewer.imageAlt(document.title)}
          onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
          onError={() => setBroken(true)}
          style={natural ? { width: natural.width * zoom, height: natural.height * zoom } : { visibility: 'hidden' }}
          data-testid="image-view"
        />
      </div>
    </ViewerFrame>
  );
}
