// End to end in Chromium: the 武隆 sample as bureaus receive it (scripts/make-legacy-corpus.ts: .doc, .wps, .xls, .et,
// OFD, a PNG) imports, and each format opens in the app: Word 97/WPS as paragraphs with headings and tables, .xls/.et as
// sheets, OFD as pages; search finds text inside a .doc.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLegacyCorpus, sofficePath } from '../../scripts/make-legacy-corpus';
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
let rpkg: string;

describe.skipIf(!existsSync(chromiumPath))('reading legacy and national formats in the browser', () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    expect(sofficePath()).not.toBeNull(); // CI installs LibreOffice Writer and Calc
    rpkg = (await makeLegacyCorpus(tempDir('rd-legacy-corpus-'))).legacy.rpkg;
    app = await startWebApp(tempDir('rd-e2e-legacy-'));
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens .doc, .wps, .xls, .et and OFD documents and searches inside a .doc', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(app.url);
    await saveExpertProfile(page);
    await page.getByTestId('package-file-input').setInputFiles(rpkg);
    await page.getByTestId('session-title').waitFor({ timeout: 60_000 });
    const docs = page.getByTestId('document-item');

    await page.getByTestId('project-item').first().click();
    await docs.filter({ hasText: '初步设计' }).first().click();
    const article = page.getByTestId('docx-article');
    await article.waitFor({ timeout: 30_000 });
    expect(await article.locator('h1').first().textContent()).toBe('第一章 项目概述');
    expect(await article.locator('table').count()).toBeGreaterThan(0);
    await shot(page, 'legacy-01-doc');

    await page.getByTestId('search-input').fill('结案率');
    await page.getByTestId('search-input').press('Enter');
    await expect
      .poll(async () => Number((await page.getByTestId('search-count').textContent())?.match(/\d+/)?.[0] ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(0);

    await docs.filter({ hasText: '概算表' }).first().click();
    await page.getByTestId('sheet-grid').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('sheet-grid').textContent()).toMatch(/合计/);
    await shot(page, 'legacy-02-xls');

    await docs.filter({ hasText: '绩效目标' }).first().click();
    await expect.poll(() => page.getByTestId('sheet-grid').textContent(), { timeout: 30_000 }).toMatch(/绩效/);

    await docs.filter({ hasText: '密码应用方案' }).first().click();
    await page.getByTestId('ofd-page').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('ofd-page').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('ofd-scroll').textContent()).toMatch(/密码/);
    await shot(page, 'legacy-03-ofd');

    // A picture sent as a document opens as one (its text, if any, comes from OCR).
    await docs.filter({ hasText: '现场照片' }).first().click();
    await page.locator('[data-testid="image-view"]:visible').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('image-view').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(640);

    await page.getByTestId('project-item').nth(2).click();
    await docs.filter({ hasText: '可行性研究报告' }).first().click();
    await expect.poll(() => page.getByTestId('docx-article').textContent(), { timeout: 30_000 }).toMatch(/可行性/);
    await shot(page, 'legacy-04-wps');
    expect(errors).toEqual([]);
  }, 240_000);
});
