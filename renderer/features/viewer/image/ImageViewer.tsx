// Owns the image viewer: the bytes as a blob URL with the right MIME type, fit to the pane or zoomed, scroll remembered, and
// a recognised (OCR) picture's text over it, selectable and searchable.
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useExtract } from '../../../kernel/extract';
import { fileExtension } from '../../../lib/format';
import { useRemote } from '../../../lib/useRemote';
import { t } from '../../../locale/zh-CN';
import { RecognisedLines } from '../RecognisedLines';
import { SearchBox } from '../SearchBox';
import { useViewer } from '../store';
import type { ViewerProps } from '../types';
import { usePaneZoom } from '../usePaneZoom';
import { usePlaceRequests } from '../usePlaceRequests';
import { useViewerShortcuts } from '../useViewerShortcuts';
import { ViewerError } from '../ViewerError';
import { ViewerFrame, ViewerMessage } from '../ViewerFrame';
import { ZoomControls } from '../ZoomControls';
import { useLinesFind } from './useLinesFind';

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
  // A picture is recognised in the background, after the session's text: asked again when recognition has read more.
  const textRevision = useExtract((s) => s.revision);
  const recognised = useRemote('document.recognisedLines', { documentKey: document.key, page: 1 }, [textRevision]);
  const lines = recognised.state === 'ready' ? recognised.value : recognised.previous;
  const find = useLinesFind(lines, scrollRef);
  useViewerShortcuts({ zoom: true, find: lines !== null });
  // A picture is one page: a request only brings its text.
  usePlaceRequests(document.key, true, (request) => {
    if (request.query) useViewer.getState().setQuery(request.query);
  });

  useEffect(() => {
    if (natural && scrollRef.current && initial?.scrollTop) scrollRef.current.scrollTop = initial.scrollTop;
  }, [natural, initial]);

  if (broken) return <ViewerError document={document} error={null} />;
  return (
    <ViewerFrame document={document} toolbar={<ZoomControls />} search={lines && <SearchBox />}>
      <div
        ref={scrollRef}
        className="image-scroll"
        tabIndex={0}
        onScroll={(e) => natural && onPosition({ zoom: savedZoom, scrollTop: e.currentTarget.scrollTop })}
        data-testid="image-scroll"
      >
        <div
          className="image-page"
          style={
            natural
              ? ({ width: natural.width * zoom, height: natural.height * zoom, '--total-scale-factor': zoom } as CSSProperties)
              : { visibility: 'hidden' }
          }
        >
          <img
            className="image-view"
            src={url}
            alt={t.viewer.imageAlt(document.title)}
            onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
            onError={() => setBroken(true)}
            data-testid="image-view"
          />
          {lines && natural && <RecognisedLines lines={lines} size={natural} hits={find.hits} currentHit={find.current} />}
        </div>
      </div>
    </ViewerFrame>
  );
}
