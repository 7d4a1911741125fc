// The phrase-library calls through the dispatcher on a real store: the starter set, add, edit, reorder, delete, refusals, and persistence across restarts.
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/app';
import type { Envelope } from '../../../shared/api';
import { phrasesFor, starterPhrases } from '../../../shared/phrases';
import type { PhraseLibrary } from '../../../shared/scoring';
import { quietHost, tempDir } from '../../helpers/core';
import { foreignNames } from '../../helpers/regulations';
import { reissued } from '../sampleSession';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function start(dataDir: string): Promise<Core> {
  const core = await openCore(quietHost(dataDir));
  cores.push(core);
  return core;
}

async function call(core: Core, name: string, input: unknown): Promise<Envelope<PhraseLibrary>> {
  return (await core.dispatch(name, input)) as Envelope<PhraseLibrary>;
}

async function ok(core: Core, name: string, input: unknown): Promise<PhraseLibrary> {
  const res = await call(core, name, input);
  if (!res.ok) throw new Error(`${name}: ${res.error.code} ${res.error.message}`);
  return res.value;
}

const texts = (lib: PhraseLibrary) => lib.personal.map((p) => `${p.group}:${p.text}`);

describe('phrases calls', () => {
  it('lists the starter set, then adds, edits, reorders and deletes personal phrases that survive a restart', async () => {
    const dataDir = tempDir();
    let core = await start(dataDir);
    expect(await ok(core, 'phrases.list', {})).toEqual({ personal: [], starter: starterPhrases });

    await ok(core, 'phrases.save', { id: null, group: 'overall', text: '  同意通过评审。 ' });
    await ok(core, 'phrases.save', { id: null, group: 'necessity', text: '建设依据充分。' });
    let lib = await ok(core, 'phrases.save', { id: null, group: 'chapter.crypto', text: '密码方案完整。' });
    expect(texts(lib)).toEqual(['overall:同意通过评审。', 'necessity:建设依据充分。', 'chapter.crypto:密码方案完整。']);
    const [a, b, c] = lib.personal.map((p) => p.id);

    await ok(core, 'phrases.save', { id: b, group: 'necessity', text: '建设依据较为充分。' });
    lib = await ok(core, 'phrases.reorder', { ids: [c, a, b] });
    expect(texts(lib)).toEqual(['chapter.crypto:密码方案完整。', 'overall:同意通过评审。', 'necessity:建设依据较为充分。']);
    lib = await ok(core, 'phrases.delete', { id: a });
    expect(lib.personal.map((p) => p.id)).toEqual([c, b]);

    core.close();
    cores.pop();
    core = await start(dataDir);
    expect(texts(await ok(core, 'phrases.list', {}))).toEqual(['chapter.crypto:密码方案完整。', 'necessity:建设依据较为充分。']);
    // A new phrase goes after the reordered ones.
    expect(texts(await ok(core, 'phrases.save', { id: null, group: 'cost', text: '单价合理。' })).at(-1)).toBe('cost:单价合理。');
  });

  it('in a session, lists that jurisdiction’s starter phrases and the neutral ones only, the personal ones always', async () => {
    for (const jurisdiction of ['wulong', 'donghe'] as const) {
      const core = await start(tempDir());
      await ok(core, 'phrases.save', { id: null, group: 'overall', text: '同意。' });
      const res = (await core.dispatch('package.import', {
        jobId: jurisdiction,
        source: { kind: 'path', path: reissued(jurisdiction) },
      })) as Envelope<{ id: string }>;
      if (!res.ok) throw new Error(res.error.message);
      const lib = await ok(core, 'phrases.list', { sessionId: res.value.id });
      expect(lib.starter).toEqual(phrasesFor(jurisdiction));
      expect(lib.personal.map((p) => p.text)).toEqual(['同意。']);
      for (const p of lib.starter) expect(foreignNames(`${p.text}${p.citation ?? ''}`, jurisdiction), p.text).toEqual([]);
      expect(lib.starter.some((p) => p.citation)).toBe(true);
      expect((await call(core, 'phrases.list', { sessionId: 'no-such-session' })).ok).toBe(false);
    }
  });

  it('refuses unknown groups, empty text, starter phrases, missing phrases and a reorder that does not name every phrase', async () => {
    const core = await start(tempDir());
    const lib = await ok(core, 'phrases.save', { id: null, group: 'overall', text: '同意。' });
    const id = lib.personal[0]!.id;
    const code = async (name: string, input: unknown) => {
      const res = await call(core, name, input);
      return res.ok ? 'ok' : res.error.code;
    };
    expect(await code('phrases.save', { id: null, group: 'nope', text: '文本' })).toBe('invalid-input');
    expect(await code('phrases.save', { id: null, group: 'overall', text: '   ' })).toBe('invalid-input');
    expect(await code('phrases.save', { id: starterPhrases[0]!.id, group: 'overall', text: '改' })).toBe('invalid-input');
    expect(await code('phrases.delete', { id: starterPhrases[0]!.id })).toBe('invalid-input');
    expect(await code('phrases.delete', { id: 'personal-999' })).toBe('not-found');
    expect(await code('phrases.save', { id: 'personal-999', group: 'overall', text: '改' })).toBe('not-found');
    expect(await code('phrases.reorder', { ids: [] })).toBe('stale-version');
    expect(await code('phrases.reorder', { ids: [id, id] })).toBe('stale-version');
    expect(texts(await ok(core, 'phrases.list', {}))).toEqual(['overall:同意。']);
  });
});
