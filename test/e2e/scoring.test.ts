// End to end in Chromium: score one project of the wulong sample completely from the keyboard, see it saved, reload and find it all, then complete the review.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import {
  acceptCommitment,
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
const typed = new Map<string, string>();

const saved = () =>
  expect.poll(async () => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toMatch(/^已保存 \d{2}:\d{2}:\d{2}$/);

describe.skipIf(!existsSync(chromiumPath))('scoring in the browser', () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    app = await startWebApp(tempDir('rd-e2e-scoring-'));
    browser = await launchChromium();
    ({ page, errors } = await newPage(browser));
    await page.goto(app.url);
    await page.getByTestId('expert-name').waitFor({ timeout: 20_000 });
    await shot(page, '27-expert');
    await saveExpertProfile(page);
    await page.getByTestId('package-file-input').setInputFiles(path.join(root, 'resources/samples/wulong-2027.rpkg'));
    await page.getByTestId('project-item').first().waitFor({ timeout: 60_000 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('asks for the commitment before the form, and shows it signed with the expert name', async () => {
    // 确认身份 first, in the centre pane right after opening: the name on this machine is the roster's 周建国. The 评分 tab then
    // shows it settled (one answer for both gates).
    const identityFirst = page.getByTestId('identity-first');
    await identityFirst.getByTestId('roster-confirm').click();
    await identityFirst.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByTestId('project-item').first().click();
    await page.getByTestId('panel-tab-score').click();
    expect(await page.getByTestId('roster-confirmed').textContent()).toMatch(/^身份已确认：周建国/);
    expect(await page.getByTestId('commitment-text').textContent()).toContain('不得私下接触申报单位');
    expect(await page.getByTestId('score-form').count()).toBe(0);
    await shot(page, '26-commitment');
    await acceptCommitment(page);
    expect(await page.getByTestId('commitment-signed').textContent()).toMatch(/^已签署承诺书 周建国 /);

    // 专家信息 stays editable from the header, validated as on first run.
    await headerAction(page, 'expert-edit');
    expect(await page.getByTestId('expert-name').inputValue()).toBe('周建国');
    await page.getByTestId('expert-phone').fill('023 转 8');
    await page.getByTestId('expert-save').click();
    await page.getByRole('alert').filter({ hasText: '数字和短横线' }).waitFor();
    await page.getByTestId('expert-phone').fill('023-8');
    await page.getByTestId('expert-save').click();
    await page.getByTestId('expert-name').waitFor({ state: 'detached' });
  });

  it('declares no conflict, scores every sub-criterion from the keyboard and saves within moments', async () => {
    await openScoreTab(page);
    await page.getByTestId('conflict-none').focus();
    await page.keyboard.press('Enter');
    // Completing now is refused with the list of what is missing; an item takes the expert to its field.
    await page.getByTestId('complete-review').click();
    const first = page.getByTestId('missing-item').first();
    await first.waitFor({ timeout: 10_000 });
    expect(await first.textContent()).toBe('尚未选择对项目所属领域的熟悉程度');
    await page.getByTestId('missing-list').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await shot(page, '21-scoring-missing');
    await first.click();
    expect(await page.getByTestId('familiarity').evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.getByTestId('familiarity').selectOption('familiar');

    const inputs = page.getByTestId('score-input');
    const count = await inputs.count();
    expect(count).toBeGreaterThan(6);
    await inputs.first().focus();
    for (let i = 0; i < count; i++) {
      const input = inputs.nth(i);
      expect(await input.evaluate((el) => el.matches(':focus'))).toBe(true);
      const max = Number((await input.locator('xpath=following-sibling::span').textContent())!.replace(/[^\d.]/g, ''));
      const score = String(max >= 1 ? max - 0.5 : max);
      await page.keyboard.type(score);
      typed.set(`${await input.getAttribute('data-dimension')}/${await input.getAttribute('data-criterion')}`, score);
      await page.keyboard.press('Enter');
    }
    // A score out of range is refused as typed, and not saved.
    await inputs.first().focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('99');
    await page
      .getByText(/的得分应在 0–/)
      .first()
      .waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typed.values().next().value!);

    // Undo (Ctrl+Z) takes a changed score back, even one typed a moment ago (it is committed first), and redo
    // (Ctrl+Shift+Z) forward again.
    const before = await inputs.first().inputValue();
    const shown = () => expect.poll(() => inputs.first().inputValue(), { timeout: 2_000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await page.keyboard.press('Control+Z');
    await shown().toBe(before);
    await page.keyboard.press('Control+Shift+Z');
    await shown().toBe('1');
    await page.keyboard.press('Control+Z');
    await shown().toBe(before);

    for (const opinion of await page.getByTestId('dimension-opinion').all()) {
      await opinion.focus();
      await page.keyboard.type('论证充分，符合要求。');
    }
    for (const chapter of await page.getByTestId('chapter-opinion').all()) {
      await chapter.focus();
      await page.keyboard.type('篇章内容完整。');
    }
    await page.getByTestId('overall-opinion').focus();
    await page.keyboard.type('同意该项目建设，建议按评审意见修改完善。');
    await saved();
    const total = await page.getByTestId('total-score').getAttribute('data-total');
    const expected = [...typed.values()].reduce((s, v) => s + Number(v), 0);
    expect(Number(total)).toBe(expected);
    await page.getByTestId('suggested-conclusion').waitFor();
    await page.getByTestId('score-dimension').first().scrollIntoViewIfNeeded();
    await shot(page, '20-scoring');

    // The pre-check's verdict on each budget line sits beside it in 投资审核, as in 项目信息.
    const lineVerdicts = page.locator('[data-testid="investment-line"] [data-testid="budget-verdict"]');
    await expect.poll(() => lineVerdicts.count(), { timeout: 15_000 }).toBe(await page.getByTestId('investment-line').count());
    await page.getByTestId('investment-line').first().scrollIntoViewIfNeeded();
    await shot(page, '28-investment-verdicts');
  }, 120_000);

  it('after a reload everything typed is there', async () => {
    await page.reload();
    await page.getByTestId('project-item').first().waitFor({ timeout: 30_000 });
    await openScoreTab(page);
    expect(await page.getByTestId('conflict-none').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('familiarity').inputValue()).toBe('familiar');
    for (const [key, score] of typed) {
      const [dimension, criterion] = key.split('/');
      expect(
        await page.locator(`[data-testid="score-input"][data-dimension="${dimension}"][data-criterion="${criterion}"]`).inputValue(),
      ).toBe(score);
    }
    expect(await page.getByTestId('overall-opinion').inputValue()).toBe('同意该项目建设，建议按评审意见修改完善。');
    expect(await page.getByTestId('dimension-opinion').first().inputValue()).toBe('论证充分，符合要求。');
  }, 60_000);

  it('lists what is missing, then completes the review', async () => {
    await page.getByTestId('complete-review').click();
    const done = page.getByTestId('review-completed');
    const missing = page.getByTestId('missing-list');
    await expect.poll(async () => (await done.count()) + (await missing.count()), { timeout: 15_000 }).toBeGreaterThan(0);
    // Vetoes the pre-check left to the expert need a ruling: rule them not applicable and try again.
    if ((await missing.count()) > 0) {
      for (const ruling of await page.locator('[data-testid="veto"][data-state="pending"] [data-testid="veto-ruling"]').all())
        await ruling.selectOption('clear');
      await saved();
      await page.getByTestId('complete-review').click();
    }
    await done.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('score-form').getAttribute('data-state')).toBe('complete');
    expect(await page.getByTestId('score-input').first().isDisabled()).toBe(true);
    expect(await page.getByTestId('project-item').first().getByTestId('review-state').textContent()).toBe('已完成');
    await done.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await shot(page, '22-scoring-complete');
    expect(errors).toEqual([]);
  }, 60_000);
});
