// End to end in Chromium: insert 常用评审意见 from the keyboard and see it saved, manage a personal phrase, then open the session overview with its radar charts and go from a row to that project's 评分 tab.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import {
  openScoreTab,
  chromiumPath,
  ensureBuiltWithSamples,
  launchChromium,
  newPage,
  root,
  saveExpertProfile,
  shot,
  startWebApp,
  type WebApp,
  headerAction,
} from './harness';

let browser: Browser;
let app: WebApp;
let page: Page;
let errors: string[];

const saved = () =>
  expect.poll(async () => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toMatch(/^已保存 \d{2}:\d{2}:\d{2}$/);

describe.skipIf(!existsSync(chromiumPath))('phrases and overview in the browser', () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    app = await startWebApp(tempDir('rd-e2e-overview-'));
    browser = await launchChromium();
    ({ page, errors } = await newPage(browser));
    await page.goto(app.url);
    await saveExpertProfile(page);
    await page.getByTestId('package-file-input').setInputFiles(path.join(root, 'resources/samples/wulong-2027.rpkg'));
    await page.getByTestId('project-item').first().waitFor({ timeout: 60_000 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('inserts a phrase at the caret with Ctrl+Space, search and Enter, and saves it', async () => {
    await openScoreTab(page);
    await page.getByTestId('conflict-none').focus();
    await page.keyboard.press('Enter');
    const opinion = page.locator('[data-testid="dimension-opinion"][data-dimension="necessity"]');
    await opinion.focus();
    await page.keyboard.type('经审查，');
    await page.keyboard.press('Control+Space');
    await page.getByTestId('phrase-search').waitFor();
    // Without a query the picker lists this dimension's phrases of the session's district (武隆) and the neutral ones only:
    // one 武隆 phrase and one neutral phrase for 必要性; other districts' phrases never appear.
    await expect.poll(() => page.getByTestId('phrase-item').count()).toBe(2); // the library loads after the picker opens
    const listed = await page.getByTestId('phrase-popover').innerText();
    for (const foreign of ['三重一大', '数字达拉特规划', '只减不增', '一部门一系统']) expect(listed).not.toContain(foreign);
    await page.keyboard.type('依据充分');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await opinion.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, '24-phrases');
    await page.keyboard.press('Enter');
    const phrase = '项目建设依据充分，符合区级政务信息化建设规划和部门信息化整合建设总体方案。';
    expect(await opinion.inputValue()).toBe(`经审查，${phrase}`);
    expect(await opinion.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.type('同意。');
    expect(await opinion.inputValue()).toBe(`经审查，${phrase}同意。`);
    await saved();

    await page.reload();
    await page.getByTestId('project-item').first().waitFor({ timeout: 30_000 });
    await openScoreTab(page);
    expect(await page.locator('[data-testid="dimension-opinion"][data-dimension="necessity"]').inputValue()).toBe(
      `经审查，${phrase}同意。`,
    );
  }, 120_000);

  it('adds and reorders personal phrases, which the picker lists first in that order', async () => {
    const overall = page.getByTestId('overall-opinion');
    await overall.scrollIntoViewIfNeeded();
    await overall.locator('xpath=following-sibling::button[@data-testid="phrase-open"]').click();
    await page.getByTestId('phrase-manage').click();
    await page.getByTestId('phrase-manager').waitFor();
    await page.getByTestId('phrase-text').fill('项目总体可行，请按专家意见补充完善后报批。');
    await page.getByTestId('phrase-submit').click();
    await expect.poll(() => page.getByTestId('phrase-personal').count()).toBe(1);
    // A second phrase, moved above the first.
    await page.getByTestId('phrase-text').fill('同意该项目建设。');
    await page.getByTestId('phrase-submit').click();
    const personal = page.getByTestId('phrase-personal');
    await expect.poll(() => personal.count()).toBe(2);
    await personal.nth(1).getByRole('button', { name: '上移' }).click();
    await expect.poll(() => personal.first().locator('.phrase-manage-text').textContent()).toBe('同意该项目建设。');
    await shot(page, '25-phrases-manage');
    await page.keyboard.press('Escape');
    await overall.focus();
    await page.keyboard.press('Control+Space');
    const items = page.getByTestId('phrase-item');
    expect(await items.nth(0).locator('.phrase-text').textContent()).toBe('同意该项目建设。');
    expect(await items.nth(1).locator('.phrase-text').textContent()).toBe('项目总体可行，请按专家意见补充完善后报批。');
    await items.nth(1).click();
    expect(await overall.inputValue()).toBe('项目总体可行，请按专家意见补充完善后报批。');
    await saved();
  }, 60_000);

  it('shows the overview with each project state and a radar chart, and a row opens its 评分 tab', async () => {
    // Scores at different shares of each maximum give the chart a shape.
    const inputs = await page.getByTestId('score-input').all();
    for (const [i, input] of inputs.entries()) {
      const max = Number((await input.locator('xpath=following-sibling::span').textContent())!.replace(/[^\d.]/g, ''));
      await input.fill(String(Math.floor(max * (0.5 + 0.1 * (i % 5)) * 2) / 2));
    }
    await saved();
    // Leave the panel on another tab: a row of the overview must still open its project's 评分 tab.
    await page.getByTestId('panel-tab-info').click();
    await headerAction(page, 'overview-open');
    const rows = page.getByTestId('overview-row');
    await rows.first().waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBe(await page.getByTestId('project-item').count());
    expect(await rows.first().getAttribute('data-state')).toBe('in-progress');
    expect(await rows.first().getByTestId('overview-state').textContent()).toBe('评审中');
    expect(await rows.nth(1).getByTestId('overview-state').textContent()).toBe('未开始');
    await rows.first().getByTestId('radar-chart').waitFor();
    expect(Number(await rows.first().getByTestId('overview-total').getAttribute('data-total'))).toBeGreaterThan(40);
    expect(await rows.first().locator('.radar-label').count()).toBe(6);
    await shot(page, '23-overview');
    // Printed, the overview stands alone: no header, project list or side panel.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.session-header').isVisible()).toBe(false);
    expect(await page.getByTestId('side-panel').isVisible()).toBe(false);
    expect(await rows.first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    // On screen the overview takes the whole work area (the side panel comes back with the project), its charts whole.
    const chart = (await rows.first().getByTestId('radar-chart').boundingBox())!;
    const area = (await page.getByTestId('overview').boundingBox())!;
    expect(chart.x + chart.width).toBeLessThanOrEqual(area.x + area.width);
    await page.setViewportSize({ width: 1366, height: 768 });
    const narrow = (await rows.first().getByTestId('radar-chart').boundingBox())!;
    const narrowArea = (await page.getByTestId('overview').boundingBox())!;
    expect(narrow.x + narrow.width).toBeLessThanOrEqual(narrowArea.x + narrowArea.width);
    await shot(page, '23b-overview-1366');

    await rows.nth(1).click();
    await page.getByTestId('overview').waitFor({ state: 'detached' });
    await page.getByTestId('score-form').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('panel-tab-score').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('project-item').nth(1).getAttribute('aria-current')).toBe('true');
    expect(errors).toEqual([]);
  }, 60_000);
});
