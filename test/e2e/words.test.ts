// E2E: only the user's words reach the screen. Walks every main screen of both sides at 1366×768 and fails on developer
// identifiers in the visible text, tooltips and placeholders: uuids, dotted ASCII identifiers (an API name such as
// expert.save), file paths, internal ids (p1), standards' numbers (RFC 8785) and English error words; the footer's
// version is package.json's. Screenshots of each screen at 1366×768 and 1920×1080 go to test/artifacts/.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { chromiumPath } from './harness';
import { openWalk, shootBothSizes, walkScreens, type Walk } from './screens';

/** Each rule: what it catches, and an example it must catch (so a rule that can never match fails here first). */
export const developerWords: { name: string; pattern: RegExp; example: string }[] = [
  {
    name: 'uuid',
    pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i,
    example: '草稿 3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f',
  },
  {
    name: 'dotted identifier',
    // a.b in ASCII, unless it is a file name the user handles (评审包.rpkg, manifest.json, 结果.rdr.json).
    pattern: /\b[A-Za-z_][A-Za-z0-9_]*\.(?!(?:json|pdf|docx?|xlsx?|rpkg|zip|rarc|ofd|png|jpe?g|bmp|webp|sig|rdr)\b)[A-Za-z_][A-Za-z0-9_]*/,
    example: '保存失败（expert.save）',
  },
  { name: 'file path', pattern: /(?:^|[^\w.])(?:\/[\w.\-\u4e00-\u9fff]+){2,}|\b[A-Za-z]:\\/, example: '已保存到 /tmp/rd/exports/评审会' },
  {
    name: 'relative path',
    pattern: /(?:[\w\u4e00-\u9fff.-]+\/)+[\w\u4e00-\u9fff.（）()-]+\.[A-Za-z0-9]{2,5}\b/,
    example: '提示：documents/建设方案.pdf',
  },
  { name: 'upload name', pattern: /upload-[0-9a-f-]{8,}/i, example: 'upload-3f2b8c1e.rpkg' },
  { name: 'internal id', pattern: /(?<![A-Za-z0-9])p\d+(?![A-Za-z0-9])/, example: '编号 p1' },
  { name: 'line id', pattern: /(?<![A-Za-z0-9])[a-z]{1,6}(?:-\d+)+-[a-z]\d+(?![A-Za-z0-9])/, example: '编号 wl-2027-01-b10' },
  { name: 'standard number', pattern: /\b(?:RFC|ISO)\s*\d+/, example: '按 RFC 8785 规范化' },
  {
    name: 'English error word',
    pattern: /\b(?:error|errors|undefined|null|NaN|exception|failed|invalid|internal|TypeError|stack)\b/i,
    example: 'internal error',
  },
];

/** Everything a user reads on the page: the visible text, and the tooltips, placeholders and labels of visible elements. */
async function wordsOnScreen(page: Page): Promise<string[]> {
  const attributes = await page
    .locator('[title]:visible, [placeholder]:visible, [aria-label]:visible')
    .evaluateAll((els) => els.flatMap((el) => ['title', 'placeholder', 'aria-label'].map((a) => el.getAttribute(a) ?? '')));
  return [await page.locator('body').innerText(), ...attributes.filter(Boolean)];
}

function findDeveloperWords(texts: string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const line of text.split('\n')) {
      for (const rule of developerWords) {
        const m = rule.pattern.exec(line);
        if (m) found.push(`${rule.name}: “${m[0].trim()}” in “${line.trim().slice(0, 120)}”`);
      }
    }
  }
  return found;
}

describe('the developer-word rules', () => {
  it('each catches its example and none fires on ordinary Chinese screen text', () => {
    for (const rule of developerWords) expect(rule.pattern.test(rule.example), rule.name).toBe(true);
    const ordinary = [
      '评审工作台 0.1.0 · 网页模式（仅本机访问）',
      '打开评审包 评审组织方提供的 .rpkg 文件 已解压、含 manifest.json 的文件夹',
      '专家个人评审意见表-武隆区智慧城管.pdf 评审结果-王评审.rdr.json',
      '共 3 个项目 · 第 2 页 / 共 12 页 · 720.00 万元 · 2027-03-18 · GB/T 9704',
    ];
    expect(findDeveloperWords(ordinary)).toEqual([]);
  });
});

describe.skipIf(!existsSync(chromiumPath))('only the user’s words on every main screen', () => {
  let walk: Walk;
  beforeAll(async () => {
    walk = await openWalk();
  }, 120_000);
  afterAll(async () => {
    await walk?.close();
  });

  it('shows no developer identifier on any screen of either side, and package.json’s version', async () => {
    const { page } = walk;
    const found: Record<string, string[]> = {};
    const unreachable = await walkScreens(page, async (p, screen) => {
      const words = findDeveloperWords(await wordsOnScreen(p));
      if (words.length) found[screen] = words;
      if (screen === 'expert-start') expect(await p.getByTestId('app-version').textContent()).toContain(`评审工作台 ${version}`);
      await shootBothSizes(p, 'words', screen);
    });
    expect(found).toEqual({});
    expect(unreachable).toEqual([]);
    expect(walk.errors).toEqual([]);
  }, 600_000);
});
