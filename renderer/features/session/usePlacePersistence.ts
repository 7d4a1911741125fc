// Owns remembering where the user was: ui.restore once at start, then ui.save on every change of session, project or document.
import { useEffect } from 'react';
import { client } from '../../api';
import { reportError } from '../errors/store';
import { useSession } from './store';

export function usePlacePersistence(): void {
  useEffect(() => {
    let alive = true;
    client
      .call('ui.restore', {})
      .then((place) => alive && useSession.getState().restore(place))
      .catch((err) => {
        reportError(err);
        if (alive) useSession.getState().restore({ sessionId: null, projectId: null, documentKey: null });
      });
    const unsubscribe = useSession.subscribe((now, before) => {
      if (!now.restored || !before.restored) return;
      if (now.sessionId === before.sessionId && now.projectId === before.projectId && now.documentKey === before.documentKey) {
        return;
      }
      client
        .call('ui.save', { sessionId: now.sessionId, projectId: now.projectId, documentKey: now.documentKey })
        .catch(reportError);
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);
}
