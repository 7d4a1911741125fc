// Negated and rejected matches (“不新建机房”, “方案一：自建机房……，不推荐”) are judged from clause breaks and words indexed
// once per text: the same verdicts as reading each match's clause afresh (the definition, written out below as the
// oracle), on random texts built from the words that matter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMatches, normalizeText } from '../../../electron/core/precheck/rules/text';

const BREAK = /[，,。；;：:！!？?]/u;
const NEGATION = /不|未|无需|无须|没有|避免|杜绝|禁止|严禁|防止|减少|消除/u;
const REJECTION = /不推荐|不采用|不予采用|不可行|否决|淘汰/u;

/** The definition: negated earlier in its clause, or rejected in its clause or the next two of its sentence. */
function negatedByDefinition(text: string, index: number, length: number): boolean {
  let start = index;
  while (start > 0 && !BREAK.test(text[start - 1]!)) start--;
  if (NEGATION.test(text.slice(start, index))) return true;
  const clauseEnd = (i: number) => {
    while (i < text.length && !BREAK.test(text[i]!)) i++;
    return i;
  };
  let end = clauseEnd(index + length);
  for (let i = 0; i < 2 && end < text.length && text[end] !== '。'; i++) end = clauseEnd(end + 1);
  return REJECTION.test(text.slice(start, end));
}

const pieces = [
  '自建机房',
  '机房',
  '不',
  '未',
  '无需',
  '避免',
  '减少',
  '不推荐',
  '不予采用',
  '不可行',
  '淘汰',
  '采用',
  '，',
  '。',
  '；',
  '：',
  '方案',
  '云',
  ' ',
];

describe('negated matches', () => {
  it('are exactly those the clause-by-clause definition negates', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (words) => {
        const text = normalizeText(words.join(''));
        const expected = [...text.matchAll(/机房/gu)].filter((m) => !negatedByDefinition(text, m.index, m[0].length)).map((m) => m.index);
        expect(findMatches([{ documentTitle: '方案', text }], '机房').map((m) => m.index)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
