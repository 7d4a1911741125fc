// End to end in Chromium: 文书字体 on the start screen lists each font role of the documents with the face that serves
// it and where it comes from — 系统字体 for the 仿宋 installed in the test's font folder, 内置字体 for the rest.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontDirsVariable } from '../../electron/core/output/fonts/systemFonts';
import { renamedFont } from '../core/output/fonts/fontFixture';
import { tempDir } from '../helpers/core';
import {
  chromiumPath,
  ensureBuiltWithSamples,
  launchChromium,
  newPage,
  saveExpertProfile,
  shot,
  startWebApp,
  type WebApp,
} from './harness';

let browser: Browser;
let app: WebApp;
let page: Page;
let errors: string[];

describe.skipIf(!existsSync(chromiumPath))('文书字体 in the browser', () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    const fonts = tempDir('rd-e2e-fonts-');
    mkdirSync(fonts, { recursive: true });
    writeFileSync(path.join(fonts, 'simfang.ttf'), renamedFont({ family: ['FangSong', '仿宋'], postscript: 'FangSong' }));
    // The web app (a child process) inherits the folder to search instead of the system's.
    process.env[fontDirsVariable] = fonts;
    app = await startWebApp(tempDir('rd-e2e-fonts-data-'));
    delete process.env[fontDirsVariable];
    browser = await launchChromium();
    ({ page, errors } = await newPage(browser));
    await page.goto(app.url);
    await saveExpertProfile(page);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows each role’s face and source', async () => {
    await page.getByTestId('fonts-open').click();
    const rows = page.getByTestId('font-role');
    await expect.poll(() => rows.count()).toBe(4);
    const fangsong = page.locator('[data-testid="font-role"][data-role="fangsong"]');
    await expect.poll(() => fangsong.getAttribute('data-source')).toBe('system');
    expect(await fangsong.innerText()).toMatch(/正文、表格（仿宋）\s*仿宋[\s\S]*系统字体\s*仿宋_GB2312/);
    const title = page.locator('[data-testid="font-role"][data-role="xiaobiaosong"]');
    expect(await title.getAttribute('data-source')).toBe('bundled');
    expect(await title.innerText()).toContain('内置字体');
    // The dialog fades in: the picture is taken once it has.
    await page.evaluate('Promise.all(document.getAnimations().map((a) => a.finished))');
    await shot(page, 'fonts-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('fonts-dialog').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
