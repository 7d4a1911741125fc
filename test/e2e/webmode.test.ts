// E2E: the web mode behaves like a web page. The printed URL's token becomes a cookie and leaves the address; screens
// are history entries (Back and Forward stay in the app); a reload and a new tab from the address bar keep the session;
// a file the core wrote downloads under its Chinese name; the date is typed or picked in Chinese by keyboard; tabbing
// through the bureau's buttons never lands on a hidden file input or scrolls the page.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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

let app: WebApp;
let browser: Browser;
let page: Page;
let errors: string[];
let dataDir: string;
let origin: string;

const selectedTab = (p: Page) => p.locator('[role="tab"][aria-selected="true"]').first().getAttribute('id');

describe.skipIf(!existsSync(chromiumPath))('web mode in the browser', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    dataDir = tempDir('rd-e2e-webmode-');
    app = await startWebApp(dataDir);
    origin = new URL(app.url).origin;
    browser = await launchChromium();
    ({ page, errors } = await newPage(browser));
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('exchanges the token for a cookie the page cannot read, and strips it from the address', async () => {
    await page.goto(app.url);
    await saveExpertProfile(page);
    expect(page.url()).toBe(`${origin}/`);
    const cookies = await page.context().cookies(origin);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', domain: '127.0.0.1', path: '/' });
    expect(await page.evaluate('document.cookie')).toBe('');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  });

  it('makes each screen a history entry: Back and Forward move inside the app', async () => {
    await page.getByTestId('open-package').waitFor();
    await page.getByTestId('package-file-input').setInputFiles(path.join(root, 'resources/samples/wulong-2027.rpkg'));
    await page.getByTestId('project-item').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('project-item').nth(1).click();
    await page.getByTestId('panel-tab-precheck').click();
    expect(await selectedTab(page)).toBe('panel-tab-precheck');

    await page.goBack();
    await expect.poll(() => selectedTab(page)).toBe('panel-tab-info');
    await page.goBack();
    await page.goBack();
    await page.getByTestId('open-package').waitFor();
    expect(page.url()).toBe(`${origin}/`);
    await shot(page, 'webmode-back-to-start');

    await page.goForward();
    await page.getByTestId('session-title').waitFor();
    await page.goForward();
    await page.goForward();
    await expect.poll(() => selectedTab(page)).toBe('panel-tab-precheck');
    expect(await page.getByTestId('project-item').nth(1).getAttribute('aria-current')).toBeTruthy();
  });

  it('keeps the session across a reload and in a new tab opened from the address bar', async () => {
    await page.reload();
    await page.getByTestId('session-title').waitFor({ timeout: 20_000 });
    expect(await selectedTab(page)).toBe('panel-tab-precheck');
    // Back after the reload still goes to the screen before.
    await page.goBack();
    await expect.poll(() => selectedTab(page)).toBe('panel-tab-info');

    // A new tab of the same browser: the same cookie jar (harness pages have a context of their own, hence the copy).
    const sameBrowser = await browser.newContext();
    await sameBrowser.addCookies(await page.context().cookies());
    const tab = await sameBrowser.newPage();
    await tab.goto(`${origin}/`);
    await tab.getByTestId('session-title').waitFor({ timeout: 20_000 });
    expect(await tab.getByTestId('expert-name').count()).toBe(0);
    await sameBrowser.close();

    // Another browser profile (no cookie) is refused by the API, whatever the page shows.
    const stranger = await browser.newPage();
    const response = await stranger.goto(`${origin}/api/events`);
    expect(response?.status()).toBe(401);
    await stranger.close();
  });

  it('downloads a file the core wrote, under its Chinese name, and only from the output folders', async () => {
    const folder = path.join(dataDir, 'exports', '武隆区评审会');
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, '专家个人评审意见表-智慧城管（二期）.pdf');
    writeFileSync(file, '%PDF-1.7\n%%EOF\n');
    const href = `/api/file?path=${encodeURIComponent(file)}`;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(
        `(() => { const a = document.createElement('a'); a.href = ${JSON.stringify(href)}; a.download = ''; document.body.append(a); a.click(); a.remove(); })()`,
      ),
    ]);
    expect(download.suggestedFilename()).toBe('专家个人评审意见表-智慧城管（二期）.pdf');
    const outside = await page.request.get(`${origin}/api/file?path=${encodeURIComponent(path.join(dataDir, 'review-desk.db'))}`);
    expect(outside.status()).toBe(404);
    errors.splice(0, errors.length, ...errors.filter((e) => !e.endsWith('/api/file')));
  });

  it('enters the date as YYYY-MM-DD or from a Chinese calendar, by keyboard', async () => {
    await page.getByTestId('go-home').click();
    await page.getByTestId('bureau-enter').click();
    await page.getByTestId('bureau-new').click();
    await page.getByTestId('session-date').fill('2027-03-18');
    await page.getByTestId('session-date-picker').press('Enter');
    const calendar = page.getByRole('dialog', { name: '选择日期' });
    await calendar.waitFor();
    expect(await calendar.textContent()).toContain('2027年3月');
    expect(await calendar.locator('[role="columnheader"]').allTextContents()).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    await shot(page, 'webmode-date-picker');
    // The focused day is the field's date; arrows move it, PageDown goes a month on, Enter picks.
    expect(await page.evaluate('document.activeElement.getAttribute("data-date")')).toBe('2027-03-18');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('PageDown');
    expect(await calendar.textContent()).toContain('2027年4月');
    await page.keyboard.press('Enter');
    await calendar.waitFor({ state: 'detached' });
    expect(await page.getByTestId('session-date').inputValue()).toBe('2027-04-26');
    expect(await page.evaluate('document.activeElement.dataset.testid')).toBe('session-date-picker');
    await page.getByTestId('session-date-picker').press('Enter');
    await page.keyboard.press('Escape');
    await calendar.waitFor({ state: 'detached' });
    expect(await page.getByTestId('session-date').inputValue()).toBe('2027-04-26');
  });

  it('tabs through the bureau page without landing on a hidden file input or scrolling it', async () => {
    await page.getByTestId('bureau-leave').click();
    await page.getByTestId('bureau-enter').click();
    await page.getByTestId('bureau-new').waitFor();
    const scrolled = `Array.from(document.querySelectorAll('*')).reduce((n, el) => n + el.scrollTop, window.scrollY)`;
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.type')).not.toBe('file');
      expect(await page.evaluate(scrolled)).toBe(0);
    }
    // The file chooser is still reached: as a button, by keyboard.
    const chooser = page.getByRole('button', { name: '打开评审包继续编辑' });
    expect(await chooser.count()).toBe(1);
  });

  it('hides what only the desktop can do and leaves no error behind', async () => {
    // The bureau is a history entry too: Back leaves it, Forward returns.
    await page.goBack();
    await page.getByTestId('open-package').waitFor();
    await page.goForward();
    await page.getByTestId('bureau-new').waitFor();
    await page.getByTestId('bureau-leave').click();
    await page.getByTestId('open-package').waitFor();
    expect(await page.getByTestId('open-folder').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
