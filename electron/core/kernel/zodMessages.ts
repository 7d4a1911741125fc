// Owns the one Chinese error map for zod: every schema whose messages reach a user parses with it.
import { z } from 'zod';

const zhCN = z.locales.zhCN().localeError;

/** zod's Chinese locale still names JSON types in English ("期望 number，实际接收 string"): said in Chinese here… */
const typeWords: Record<string, string> = {
  number: '数字',
  string: '文字',
  boolean: '是/否',
  bigint: '整数',
  object: '对象',
  array: '数组',
  null: '空值',
  undefined: '未填写',
  date: '日期',
  int: '整数',
  nan: '非数字',
};
const englishType = new RegExp(`(?<![A-Za-z_])(${Object.keys(typeWords).join('|')})(?![A-Za-z_])`, 'g');

/** …and bounds as "<=1000": said as words. */
const bounds: [RegExp, string][] = [
  [/\s*<=\s*/g, '不超过 '],
  [/\s*>=\s*/g, '不少于 '],
  [/\s*<\s*/g, '小于 '],
  [/\s*>\s*/g, '大于 '],
];

const inChinese = (message: string) =>
  bounds.reduce(
    (m, [pattern, words]) => m.replace(pattern, words),
    message.replace(englishType, (word) => typeWords[word]!),
  );

/** zod 4's own Simplified Chinese messages (`z.locales.zhCN`) with the type names in Chinese, as the parse's error map. */
export const chineseMessages = {
  error: (issue: Parameters<typeof zhCN>[0]) => {
    const said = zhCN(issue);
    if (typeof said === 'string') return inChinese(said);
    return said?.message === undefined ? said : { ...said, message: inChinese(said.message) };
  },
};
