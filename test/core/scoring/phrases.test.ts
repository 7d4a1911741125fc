// The starter phrase library: about thirty phrases, every group known, citations in the profiles' form, and search by words, group and citation.
import { describe, expect, it } from 'vitest';
import { rubricDimensionIds, citationPartPattern } from '../../../shared/profile';
import { jurisdictions } from '../../../shared/manifest';
import { phraseSchema } from '../../../shared/scoring';
import { loadProfile } from '../../../electron/core/precheck/profiles';
import { phraseGroups, searchPhrases, starterPhrases } from '../../../shared/phrases';

describe('starterPhrases', () => {
  it('has about thirty valid phrases with unique ids and texts, each in a known group', () => {
    expect(starterPhrases.length).toBeGreaterThanOrEqual(30);
    for (const p of starterPhrases) {
      expect(phraseSchema.parse(p)).toEqual(p);
      expect(Object.keys(phraseGroups)).toContain(p.group);
      expect(p.text).toMatch(/。$/);
    }
    expect(new Set(starterPhrases.map((p) => p.id)).size).toBe(starterPhrases.length);
    expect(new Set(starterPhrases.map((p) => p.text)).size).toBe(starterPhrases.length);
  });

  it('covers every dimension, and every chapter group names a chapter some profile requires', () => {
    for (const id of rubricDimensionIds) expect(starterPhrases.some((p) => p.group === id), id).toBe(true);
    const chapterIds = new Set(jurisdictions.flatMap((j) => loadProfile(j).requiredChapters.map((c) => c.id)));
    for (const group of Object.keys(phraseGroups).filter((g) => g.startsWith('chapter.'))) {
      expect(chapterIds.has(group.slice('chapter.'.length)), group).toBe(true);
      expect(starterPhrases.some((p) => p.group === group), group).toBe(true);
    }
  });

  it('cites articles in the profiles’ form', () => {
    for (const p of starterPhrases.filter((x) => x.citation)) {
      for (const part of p.citation!.split('；')) expect(part, p.text).toMatch(citationPartPattern);
    }
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
    expect(results[0].group).toBe('chapter.crypto');
    expect(results.length).toBeGreaterThan(1);
    expect(new Set(results)).toEqual(new Set(searchPhrases('密码')));
  });

  it('searches a personal library when given one', () => {
    const mine = [{ id: 'm1', group: 'overall', text: '同意立项。' }];
    expect(searchPhrases('立项', { phrases: mine })).toEqual(mine);
    expect(searchPhrases('总体意见', { phrases: mine })).toEqual(mine);
  });
});
