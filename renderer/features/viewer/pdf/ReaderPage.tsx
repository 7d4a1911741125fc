// Owns one page of the PDF reader: the drawn page with its text layer, and over it the recognised text when it is a scan;
// find marks go to whichever text the page's hits were found in.
import { memo, type ComponentProps } from 'react';
import type { PageHit } from '../../../ui/pdf/highlight';
import { PdfPage } from '../../../ui/pdf/PdfPage';
import { RecognisedTextLayer } from './RecognisedTextLayer';
import type { RecognisedTextCache } from './recognisedText';

type Props = Omit<ComponentProps<typeof PdfPage>, 'children'> & {
  recognised: RecognisedTextCache;
  /** Whether `hits` are in the page's recognised lines rather than its text layer. */
  hitsRecognised: boolean;
};

const NO_HITS: PageHit[] = [];

export const ReaderPage = memo(function ReaderPage({ hits, hitsRecognised, currentHit, recognised, ...page }: Props) {
  return (
    <PdfPage {...page} hits={hitsRecognised ? NO_HITS : hits} currentHit={hitsRecognised ? -1 : currentHit}>
      <RecognisedTextLayer
        pageNumber={page.pageNumber}
        size={page.size}
        recognised={recognised}
        watcher={page.watcher}
        hits={hitsRecognised ? hits : NO_HITS}
        currentHit={hitsRecognised ? currentHit : -1}
      />
    </PdfPage>
  );
});
