// Owns the phrase-library calls (常用评审意见): list the personal phrases with the starter set, save, delete and reorder personal ones.
import { starterPhrases } from '../../../shared/phrases';
import type { PhraseLibrary } from '../../../shared/scoring';
import { AppError } from '../api/errors';
import type { HandlerMap } from '../api/handlers';
import type { Db } from '../store/db';
import { deletePersonalPhrase, listPersonalPhrases, phraseRowId, reorderPersonalPhrases, savePersonalPhrase } from '../store/phrases';

type PhraseMethod = 'phrases.list' | 'phrases.save' | 'phrases.delete' | 'phrases.reorder';

const gone = () => new AppError('not-found', '该常用意见已不存在（可能已被删除），请刷新列表后再试。');

/** A personal phrase's row id; starter phrases cannot be changed (copy one into the personal library instead). */
function rowIdOf(id: string): number {
  const rowId = phraseRowId(id);
  if (rowId === null) throw new AppError('invalid-input', '内置常用意见不能修改或删除，可将其添加为个人常用意见后再修改。');
  return rowId;
}

export function phraseHandlers(db: Db, now: () => Date): HandlerMap<PhraseMethod> {
  const library = (): PhraseLibrary => ({ personal: listPersonalPhrases(db), starter: [...starterPhrases] });
  return {
    'phrases.list'() {
      return library();
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
      if (!reorderPersonalPhrases(db, ids.map(rowIdOf))) throw new AppError('stale-version', '常用意见列表已在别处更改，未调整顺序。请刷新列表后再试。');
      return library();
    },
  };
}
