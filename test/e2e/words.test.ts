// E2E: only the user's words reach the screen. Walks every main screen of both sides at 1366×768 and fails on developer
// identifiers in the visible text, tooltips and placeholders: uuids, dotted ASCII identifiers (an API name such as
// expert.save), file paths, internal ids (p1), standards' numbers (RFC 8785) and English error words; the footer's
// version is package.json's. Screenshots of each screen at 1366×768 and 1920×1080 go to test/artifacts/.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { chromiumPath } from './harness';
import { developerWords, findDeveloperWords } from '../helpers/developerWords';
import { openWalk, shootBothSizes, walkScreens, type Walk } from './screens';

/** Everything a user reads on the page: the visible text, and the tooltips, placeholders and labels of visible elements. */
async function wordsOnScreen(page: Page): Promise<string[]> {
  const attributes = await page
    .locator('[title]:visible, [placeholder]:visible, [aria-label]:visible')
    .evaluateAll((els) => els.flatMap((el) => ['title', 'placeholder', 'aria-label'].map((a) => el.getAttribute(a) ?? '')));
  return [await page.locator('body').innerText(), ...attributes.filter(Boolean)];
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
    const found: Record<string, string[]> = {};
    const unreachable = await walkScreens(walk, async (p, screen) => {
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
