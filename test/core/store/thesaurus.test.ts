// The domain thesaurus: which words a query expands to, and a search that finds pages by any word of the group, each page once, saying what else it searched.
import { describe, expect, it } from 'vitest';
import { saveDocumentText } from '../../../electron/core/store/texts';
import { expandQuery, searchWithThesaurus } from '../../../electron/core/store/thesaurus';
import { thesaurusGroups } from '../../../electron/core/store/thesaurusTerms';
import { sessionDbAt } from './migrationDb';

describe('expandQuery', () => {
  it.each([
    ['等保', ['等级保护']],
    ['等级保护', ['等保']],
    ['网络安全等级保护', ['等保', '等级保护']],
    ['等保测评', ['等级测评', '等级保护测评']],
    ['密评', ['密码应用安全性评估', '密码测评']],
    ['可研', ['可行性研究']],
    ['电子政务外网', ['政务外网']],
    ['政务外网', []], // 电子政务外网 contains it: searching 政务外网 finds both
    ['信创产品', ['信息技术应用创新产品']],
    ['集约化建设', []],
  ])('%s → %j', (query, words) => {
    expect(expandQuery(query)).toEqual(words);
  });

  it('keeps every group to distinct, non-empty words that belong to one group only', () => {
    const all = thesaurusGroups.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const g of thesaurusGroups) expect(g.length).toBeGreaterThanOrEqual(2);
  });
});

describe('searchWithThesaurus', () => {
  it('finds 等级保护 and 网络安全等级保护 for 等保, lists each page once, and marks the word found', () => {
    const db = sessionDbAt(2);
    db.prepare(
      `INSERT INTO documents (session_id, project_id, id, position, kind, title, path, sha256, bytes) VALUES ('s', 'p', 'd', 0, 'proposal', '建设方案', 'a.pdf', 'x', 1)`,
    ).run();
    const pages = [
      '系统按等保二级要求建设。',
      '落实网络安全等级保护制度。',
      '等保测评与等级保护备案同步开展。',
      '商用密码应用安全性评估。',
    ];
    saveDocumentText(db, 1, { documentId: 'd', pages: pages.map((text, i) => ({ page: i + 1, text })), headings: [] }, 'ok', null, 'now');

    const { hits, alsoSearched } = searchWithThesaurus(db, 's', '等保');
    expect(alsoSearched).toEqual(['等级保护']);
    expect(hits.map((h) => [h.page, h.term, h.snippet])).toEqual([
      [1, undefined, expect.stringContaining('【等保】')],
      [3, undefined, expect.stringContaining('【等保】')],
      [2, '等级保护', expect.stringContaining('网络安全【等级保护】')],
    ]);
    expect(searchWithThesaurus(db, 's', '密评').hits.map((h) => [h.page, h.term])).toEqual([[4, '密码应用安全性评估']]);
    expect(searchWithThesaurus(db, 's', '备案')).toEqual({ hits: [expect.objectContaining({ page: 3 })], alsoSearched: [] });
  });
});
