// The one Chinese error map for zod: no English type names or comparison signs reach the user.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chineseMessages } from '../../../electron/core/kernel/zodMessages';

describe('chineseMessages', () => {
  it('says types and bounds in Chinese where the zhCN locale of zod 4 leaves them in English', () => {
    const schema = z.object({ amount: z.number().max(1000), name: z.string().min(3), lines: z.array(z.number()), final: z.boolean() });
    const result = schema.safeParse({ amount: 2000, name: 'ab', lines: 'x', final: 'yes' }, chineseMessages);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toEqual([
      '数值过大：期望 数字不超过 1000',
      '数值过小：期望 文字不少于 3 字符',
      '无效输入：期望 数组，实际接收 文字',
      '无效输入：期望 是/否，实际接收 文字',
    ]);
    for (const m of messages) expect(m).not.toMatch(/[A-Za-z<>=]/);
  });
});
