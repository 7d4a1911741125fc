// Owns remembering where the user was: the saved place restored once at start, then saved on every change of session, project or document.
import { useEffect } from 'react';
import { useSession } from '../kernel/sessionStore';

export function usePlacePersistence(): void {
  useEffect(() => {
    void useSession.getState().restoreSaved();
    return useSession.subscribe((now, before) => {
      if (!now.restored || !before.restored) return;
      if (now.sessionId === before.sessionId && now.projectId === before.projectId && now.documentKey === before.documentKey) {
        return;
      }
      void now.savePlace();
    });
  }, []);
}
