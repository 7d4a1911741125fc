// The phrase library as the renderer holds it (renderer/features/scoring/phrases/store.ts) under Node with a fake client: the
// picker is offered only the open session's jurisdiction's and the neutral starter phrases, even after a change whose answer
// carries every jurisdiction's, and even when the change comes before the picker ever loaded the library.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as PhraseStore from '../../renderer/features/scoring/phrases/store';
import type * as SessionStore from '../../renderer/kernel/sessionStore';
import type { MethodName } from '../../shared/api';
import { phrasesFor, starterPhrases } from '../../shared/phrases';
import type { PhraseLibrary } from '../../shared/scoring';

type Call = (name: MethodName, input: unknown) => Promise<unknown>;
const fake = vi.hoisted(() => ({ call: vi.fn<Call>() }));

vi.mock('../../renderer/api', async () => {
  const { ApiError } = await import('../../shared/client');
  return { client: { call: fake.call, on: () => () => undefined }, ApiError };
});

const personal = [{ id: 'mine', group: 'overall', text: '我的常用意见' }];
/** What the core answers: a session's list carries its jurisdiction's starter set; a change answers with every one. */
function core(): void {
  fake.call.mockImplementation(async (name, input) => {
    if (name === 'phrases.list') {
      const { sessionId } = input as { sessionId?: string };
      return { personal, starter: sessionId ? phrasesFor('wulong') : [...starterPhrases] } satisfies PhraseLibrary;
    }
    return { personal, starter: [...starterPhrases] } satisfies PhraseLibrary;
  });
}

let usePhrases: typeof PhraseStore.usePhrases;
let useSession: typeof SessionStore.useSession;

beforeEach(async () => {
  vi.resetModules();
  fake.call.mockReset();
  core();
  ({ usePhrases } = await import('../../renderer/features/scoring/phrases/store'));
  ({ useSession } = await import('../../renderer/kernel/sessionStore'));
  useSession.setState({ sessionId: 's1' });
});

const foreign = () => usePhrases.getState().library!.starter.filter((p) => 'jurisdiction' in p && p.jurisdiction !== 'wulong');

describe('phrase library of a session', () => {
  it('holds only the session jurisdiction and neutral starters, before and after a change', async () => {
    expect(starterPhrases.some((p) => p.jurisdiction !== undefined && p.jurisdiction !== 'wulong')).toBe(true);
    await usePhrases.getState().ensure();
    expect(foreign()).toEqual([]);
    await usePhrases.getState().save(null, 'overall', '新的意见');
    expect(foreign()).toEqual([]);
    expect(usePhrases.getState().library!.starter).toEqual(phrasesFor('wulong'));
  });

  it('a change made before the library was loaded still keeps other districts out', async () => {
    await usePhrases.getState().remove('mine');
    expect(fake.call.mock.calls.map(([name]) => name)).toEqual(['phrases.list', 'phrases.delete']);
    expect(foreign()).toEqual([]);
  });
});
