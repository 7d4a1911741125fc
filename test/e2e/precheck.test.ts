// End to end in Chromium: the 形式审查 tab of the defects sample, marking a finding, and session-wide search opening the hit.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import {
  chromiumPath,
  ensureBuiltWithSamples,
  launchChromium,
  newPage,
  root,
  saveExpertProfile,
  shot,
  startWebApp,
  type WebApp,
} from './harness';

let browser: Browser;
let app: WebApp;
let page: Page;
let errors: string[];

describe.skipIf(!existsSync(chromiumPath))('pre-check in the browser', () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    app = await startWebApp(tempDir('rd-e2e-precheck-'));
    browser = await launchChromium();
    ({ page, errors } = await newPage(browser));
    await page.goto(app.url);
    await saveExpertProfile(page);
    await page.getByTestId('package-file-input').setInputFiles(path.join(root, 'resources/samples/donghe-2027-defects.rpkg'));
    await page.getByTestId('project-item').first().waitFor({ timeout: 60_000 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows failed findings with citations and the missing chapter once text is extracted', async () => {
    await page.getByTestId('project-item').first().click();
    await page.getByTestId('panel-tab-precheck').click();
    await expect
      .poll(async () => page.locator('[data-testid="chapter-row"][data-found="true"]').count(), { timeout: 90_000 })
      .toBeGreaterThan(0);
    const sharing = page.getByTestId('chapter-row').filter({ hasText: '数据资源共享分析' });
    expect(await sharing.getAttribute('data-found')).toBe('false');
    const fails = page.locator('[data-testid="finding"][data-status="fail"]');
    // 东河区's own 办法 fails the missing chapter and document; what only other districts regulate is 参考做法, never 不符合.
    expect(await fails.count()).toBeGreaterThanOrEqual(2);
    expect(await fails.first().textContent()).toMatch(/东河区.*第.+条/);
    const references = page.locator('[data-testid="finding"][data-status="reference"]');
    expect(await references.count()).toBeGreaterThan(0);
    expect(await references.first().textContent()).toContain('本区办法未作规定');
    expect(await page.getByTestId('precheck-totals').textContent()).toMatch(/104\.90/);
    await shot(page, '10-precheck');
  }, 120_000);

  it('records a mark with its note and shows it', async () => {
    const finding = page.locator('[data-testid="finding"][data-status="fail"]').first();
    const ruleId = await finding.getAttribute('data-rule-id');
    await finding.getByTestId('finding-mark-na').click();
    await finding.getByTestId('finding-note').fill('经核实属于上级统一部署任务');
    await finding.getByTestId('finding-mark-save').click();
    const marked = page.locator(`[data-testid="finding"][data-rule-id="${ruleId}"]`);
    await marked.getByTestId('finding-mark-badge').waitFor({ timeout: 15_000 });
    expect(await marked.textContent()).toContain('经核实属于上级统一部署任务');
    await shot(page, '11-precheck-marked');
  }, 60_000);

  it('searches every document of the session and opens a hit at its page', async () => {
    // Typing opens the list (Enter would open the first hit of these words at once).
    await page.getByTestId('session-search').fill('业务专网');
    const result = page.getByTestId('session-search-result').first();
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toMatch(/业务专网/);
    await shot(page, '12-search');
    await result.click();
    await page.getByTestId('viewer').waitFor({ timeout: 30_000 });
    await page.getByTestId('search-hit').first().waitFor({ timeout: 30_000 });
    await shot(page, '13-search-opened');
    expect(errors).toEqual([]);
  }, 90_000);

  it('expands a search with the thesaurus and says so: 等保 also finds 等级保护', async () => {
    // No Enter: it would open the first row of the answer still shown for the previous words.
    await page.getByTestId('session-search').fill('等保');
    const also = page.getByTestId('session-search-also');
    await also.waitFor({ timeout: 30_000 });
    expect(await also.textContent()).toBe('同时检索了 “等级保护”');
    const snippets = await page.getByTestId('session-search-result').allTextContents();
    expect(snippets.some((s) => s.includes('等保'))).toBe(true);
    expect(snippets.some((s) => s.includes('等级保护') && !s.includes('等保'))).toBe(true);
    await shot(page, '13b-search-thesaurus');
    expect(errors).toEqual([]);
  }, 60_000);
});
