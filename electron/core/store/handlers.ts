// Owns the session, reading-position and UI-state calls (reads and small writes against the store).
import { AppError } from '../kernel/errors';
import type { HandlerMap, Host } from '../kernel/handlers';
import type { WriteDb } from './access';
import { getReadingPosition, getUiState, saveReadingPosition, saveUiState } from './preferences';
import { getSession, listSessions } from './sessions';

type StoreMethods = 'app.info' | 'ui.restore' | 'ui.save' | 'session.list' | 'session.get' | 'reading.get' | 'reading.save';

export function storeHandlers(db: WriteDb, host: Host, now: () => Date): HandlerMap<StoreMethods> {
  return {
    'app.info'() {
      return { version: host.version, nativeDialogs: host.choosePath !== null, transport: host.transport };
    },
    'ui.restore'() {
      return getUiState(db);
    },
    'ui.save'(patch) {
      saveUiState(db, patch);
      return null;
    },
    'session.list'() {
      return listSessions(db);
    },
    'session.get'({ sessionId }) {
      const session = getSession(db, sessionId);
      if (!session) throw new AppError('not-found', '找不到该评审会，可能已被移除。请重新导入评审包。');
      return session;
    },
    'reading.get'({ documentKey }) {
      return getReadingPosition(db, documentKey);
    },
    'reading.save'({ documentKey, position }) {
      if (!saveReadingPosition(db, documentKey, position, now().toISOString()))
        throw new AppError('not-found', '找不到该文件，阅读位置未保存。');
      return null;
    },
  };
}
