// Owns handing requests to show a place (page, text to find) to a viewer whose document is already open.
import { useEffect, useRef } from 'react';
import { usePendingPlace, type PlaceRequest } from '../../kernel/showPlace';

/**
 * A request made before the document opened is applied by DocumentViewer as the opening place; this takes the ones
 * made later, from the moment the viewer is `ready` to move (e.g. the PDF knows its page layout).
 */
export function usePlaceRequests(documentKey: number, ready: boolean, onRequest: (request: PlaceRequest) => void): void {
  const handler = useRef(onRequest);
  handler.current = onRequest;

  useEffect(() => {
    if (!ready) return;
    const take = () => {
      const request = usePendingPlace.getState().take(documentKey);
      if (request) handler.current(request);
    };
    take();
    return usePendingPlace.subscribe((now, before) => {
      if (now.request && now.request !== before.request) take();
    });
  }, [documentKey, ready]);
}
