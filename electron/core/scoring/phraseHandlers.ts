// Owns the phrase-library calls (常用评审意见): list the personal phrases with the starter set (a session's: its jurisdiction's
// and the neutral ones only), save, delete and reorder personal ones.
import { phrasesFor, starterPhrases } from '../../../shared/phrases';
import type { PhraseLibrary } from '../../../shared/scoring';
import { AppError } from '../kernel/errors';
import type { HandlerMap } from '../kernel/handlers';
import type { WriteDb } from '../store/access';
import { deletePersonalPhrase, listPersonalPhrases, phraseRowId, reorderPersonalPhrases, savePersonalPhrase } from '../store/phrases';
import { getSessionSummary } from '../store/sessions';

type PhraseMethod = 'phrases.list' | 'phrases.save' | 'phrases.delete' | 'phrases.reorder';

const gone = () => new AppError('not-found', '该常用意见已不存在（可能已被删除），请刷新列表后再试。');

/** A personal phrase's row id; starter phrases cannot be changed (copy one into the personal library instead). */
function rowIdOf(id: string): number {
  const rowId = phraseRowId(id);
  if (rowId === null) throw new AppError('invalid-input', '内置常用意见不能修改或删除，可将其添加为个人常用意见后再修改。');
  return rowId;
}

export function phraseHandlers(db: WriteDb, now: () => Date): HandlerMap<PhraseMethod> {
  const library = (): PhraseLibrary => ({ personal: listPersonalPhrases(db), starter: [...starterPhrases] });
  return {
    'phrases.list'({ sessionId }) {
      if (sessionId === undefined) return library();
      const session = getSessionSummary(db, sessionId);
      if (!session) throw new AppError('not-found', '该评审会不存在（可能已被删除）。');
      return { personal: listPersonalPhrases(db), starter: phrasesFor(session.jurisdiction) };
    },
    'phrases.save'({ id, group, text }) {
      if (!savePersonalPhrase(db, id === null ? null : rowIdOf(id), group, text.trim(), now().toISOString())) throw gone();
      return library();
    },
    'phrases.delete'({ id }) {
      if (!deletePersonalPhrase(db, rowIdOf(id))) throw gone();
      return library();
    },
    'phrases.reorder'({ ids }) {
      if (!reorderPersonalPhrases(db, ids.map(rowIdOf)))
        throw new AppError('stale-version', '常用意见列表已在别处更改，未调整顺序。请刷新列表后再试。');
      return library();
    },
  };
}
