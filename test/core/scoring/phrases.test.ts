// The starter phrase library: phrases in every group, each citing phrase belonging to the jurisdiction whose article it
// cites (the article checked against the regulation text), a session offered its own jurisdiction's and the neutral ones
// only, and search by words, group and citation.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rubricDimensionIds, citationPartPattern } from '../../../shared/profile';
import { jurisdictions } from '../../../shared/manifest';
import { phraseSchema } from '../../../shared/scoring';
import { loadProfile } from '../../../electron/core/precheck/profiles';
import { phraseGroups, phrasesFor, searchPhrases, starterPhrases } from '../../../shared/phrases';
import { foreignNames, regulations } from '../../helpers/regulations';

describe('starterPhrases', () => {
  it('has about thirty valid phrases with unique ids and texts, each in a known group', () => {
    expect(starterPhrases.length).toBeGreaterThanOrEqual(30);
    for (const p of starterPhrases) {
      const { jurisdiction: _j, ...phrase } = p;
      expect(phraseSchema.parse(p)).toEqual(phrase);
      expect(Object.keys(phraseGroups)).toContain(p.group);
      expect(p.text).toMatch(/。$/);
    }
    expect(new Set(starterPhrases.map((p) => p.id)).size).toBe(starterPhrases.length);
    expect(new Set(starterPhrases.map((p) => p.text)).size).toBe(starterPhrases.length);
  });

  it('covers every dimension, and every chapter group names a chapter some profile requires', () => {
    for (const id of rubricDimensionIds)
      expect(
        starterPhrases.some((p) => p.group === id),
        id,
      ).toBe(true);
    const chapterIds = new Set(jurisdictions.flatMap((j) => loadProfile(j).requiredChapters.map((c) => c.id)));
    for (const group of Object.keys(phraseGroups).filter((g) => g.startsWith('chapter.'))) {
      expect(chapterIds.has(group.slice('chapter.'.length)), group).toBe(true);
      expect(
        starterPhrases.some((p) => p.group === group),
        group,
      ).toBe(true);
    }
  });

  it('cites articles in the profiles’ form', () => {
    for (const p of starterPhrases.filter((x) => x.citation)) {
      for (const part of p.citation!.split('；')) expect(part, p.text).toMatch(citationPartPattern);
    }
  });

  it('a phrase that cites belongs to the jurisdiction it cites; a neutral phrase cites nothing', () => {
    for (const p of starterPhrases) {
      if (!p.jurisdiction) {
        expect(p.citation, p.text).toBeUndefined();
        continue;
      }
      const { citeAs } = regulations[p.jurisdiction as keyof typeof regulations];
      expect(p.citation, p.text).toBeDefined();
      for (const part of p.citation!.split('；')) expect(part.startsWith(`${citeAs} `), `${p.text}: ${part}`).toBe(true);
    }
  });

  // The regulation texts live beside the repository; where present, every article a phrase cites must exist in it.
  const textsDir = path.resolve(__dirname, '../../../../shared/regulations');
  const files: Record<string, string> = {
    donghe: '000_f3dd34714b814b60.txt',
    dalate: '001_b1c1a7cdf67d2899.txt',
    shuocheng: '002_2600143c3cd54ee1.txt',
    wulong: '003_2036707db06e43c1.txt',
    'taizhou-gaogang': '004_cbdc4b492b224e91.txt',
  };
  it.skipIf(!existsSync(textsDir))('every article a phrase cites exists in its regulation text', () => {
    for (const p of starterPhrases.filter((x) => x.jurisdiction)) {
      const text = readFileSync(path.join(textsDir, files[p.jurisdiction!]!), 'utf8');
      for (const part of p.citation!.split('；')) {
        const [, article, item] = /^\S+ (第[^条]+条|附件)(（[^）]+）)?/.exec(part)!;
        if (article === '附件') {
          expect(text, part).toContain('附件');
          continue;
        }
        const bodies = [
          ...text.matchAll(
            new RegExp(`(^|\\n|\\s)${article}[\\s　]([\\s\\S]*?)(?=\\n\\s*第[〇一二三四五六七八九十百\\d]+条[\\s　]|$)`, 'g'),
          ),
        ].map((m) => m[2]);
        expect(bodies.length, part).toBeGreaterThan(0);
        if (item)
          expect(
            bodies.some((b) => b!.includes(item) || b!.includes(`(${item.slice(1, -1)})`)),
            part,
          ).toBe(true);
      }
    }
  });

  it.each([...jurisdictions])('a %s session is offered its own phrases and the neutral ones only, in every dimension', (id) => {
    const offered = phrasesFor(id);
    expect(offered.every((p) => p.jurisdiction === undefined || p.jurisdiction === id)).toBe(true);
    for (const p of offered) expect(foreignNames(`${p.text} ${p.citation ?? ''}`, id), p.text).toEqual([]);
    for (const dim of rubricDimensionIds)
      expect(
        offered.some((p) => p.group === dim),
        `${id} ${dim}`,
      ).toBe(true);
    if (id !== 'national') expect(offered.filter((p) => p.jurisdiction === id).length, id).toBeGreaterThan(10);
    else expect(offered.every((p) => !p.citation)).toBe(true);
  });

  it('includes the 集约性 example in its regulation wording', () => {
    expect(starterPhrases.find((p) => p.text === '建议依托全区统一的政务云平台部署，不再单独采购服务器。')?.group).toBe('intensiveness');
  });
});

describe('searchPhrases', () => {
  it('an empty query returns the whole list, in order', () => {
    expect(searchPhrases('')).toEqual(starterPhrases);
    expect(searchPhrases('  ')).toHaveLength(starterPhrases.length);
  });

  it('requires every word, matching text, group label or citation', () => {
    expect(searchPhrases('政务云 服务器').map((p) => p.text)).toEqual(['建议依托全区统一的政务云平台部署，不再单独采购服务器。']);
    const byLabel = searchPhrases('集约性');
    expect(byLabel.length).toBeGreaterThan(0);
    expect(byLabel.every((p) => p.group === 'intensiveness' || p.text.includes('集约性'))).toBe(true);
    expect(searchPhrases('第十八条').every((p) => p.citation?.includes('第十八条'))).toBe(true);
    expect(searchPhrases('政务云 不存在的词')).toEqual([]);
  });

  it('folds full-width letters and case', () => {
    expect(searchPhrases('ａｐｐ').map((p) => p.group)).toEqual(['intensiveness']);
    expect(searchPhrases('App')).toEqual(searchPhrases('APP'));
  });

  it('puts the group being edited first', () => {
    const results = searchPhrases('密码', { group: 'chapter.crypto' });
    expect(results[0]!.group).toBe('chapter.crypto');
    expect(results.length).toBeGreaterThan(1);
    expect(new Set(results)).toEqual(new Set(searchPhrases('密码')));
  });

  it('with a jurisdiction, leaves out other jurisdictions’ starter phrases but keeps neutral and personal ones', () => {
    const wulong = searchPhrases('', { jurisdiction: 'wulong' });
    expect(wulong).toEqual(phrasesFor('wulong'));
    expect(searchPhrases('APP', { jurisdiction: 'wulong' })).toEqual([]);
    expect(searchPhrases('APP', { jurisdiction: 'taizhou-gaogang' })).toHaveLength(1);
    expect(searchPhrases('密码', { jurisdiction: 'wulong' }).every((p) => p.citation?.startsWith('武隆区'))).toBe(true);
    const mine = [{ id: 'm1', group: 'overall', text: '同意立项。' }, ...starterPhrases];
    expect(searchPhrases('', { phrases: mine, jurisdiction: 'donghe' })[0]).toEqual(mine[0]);
  });

  it('searches a personal library when given one', () => {
    const mine = [{ id: 'm1', group: 'overall', text: '同意立项。' }];
    expect(searchPhrases('立项', { phrases: mine })).toEqual(mine);
    expect(searchPhrases('总体意见', { phrases: mine })).toEqual(mine);
  });
});
