// End to end in Debian Chromium through `npm run web`: open a sample package, read PDF/DOCX/XLSX, search, restore after restart.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
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

const sample = path.join(root, 'resources/samples/wulong-2027.rpkg');
const defects = path.join(root, 'resources/samples/donghe-2027-defects.rpkg');
let browser: Browser;

/** The app may restore to the start screen or to a session; from either, open the imported session. */
async function openSession(page: import('playwright-core').Page, title: RegExp): Promise<void> {
  await page.locator('[data-testid="project-item"], [data-testid="session-item"]').first().waitFor({ timeout: 30_000 });
  if (
    (await page.getByTestId('session-title').count()) === 0 ||
    !title.test((await page.getByTestId('session-title').textContent()) ?? '')
  ) {
    if ((await page.getByTestId('go-home').count()) > 0) await page.getByTestId('go-home').click();
    await page.getByTestId('session-item').filter({ hasText: title }).first().click();
  }
  await page.getByTestId('project-item').first().waitFor();
}

async function goHome(page: import('playwright-core').Page): Promise<void> {
  await page.locator('[data-testid="go-home"], [data-testid="open-package"]').first().waitFor({ timeout: 30_000 });
  if ((await page.getByTestId('go-home').count()) > 0) await page.getByTestId('go-home').click();
  await page.getByTestId('open-package').waitFor();
}
let app: WebApp;
const dataDir = tempDir('rd-e2e-');

describe.skipIf(!existsSync(chromiumPath))('reading a package in the browser', () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    app = await startWebApp(dataDir);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens a sample package, reads a PDF and finds a word in it', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(app.url);
    await saveExpertProfile(page);
    await page.getByTestId('open-package').waitFor();
    expect(new URL(page.url()).search).not.toContain('token'); // the token leaves the address bar
    await shot(page, '01-start');

    await page.getByTestId('package-file-input').setInputFiles(sample);
    await page.getByTestId('session-title').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('session-title').textContent()).toContain('武隆区');
    expect(await page.getByTestId('project-item').count()).toBe(3);
    await shot(page, '02-session');

    await page.getByTestId('project-item').first().click();
    await page.getByTestId('document-item').filter({ hasText: '建设方案' }).first().click();
    await page.locator('[data-testid="pdf-page"][data-rendered="true"]').first().waitFor({ timeout: 30_000 });
    expect(Number((await page.getByTestId('page-count').textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(10);
    await shot(page, '03-pdf');

    await page.getByTestId('search-input').fill('数据资源共享');
    await page.getByTestId('search-input').press('Enter');
    await expect
      .poll(async () => Number((await page.getByTestId('search-count').textContent())?.match(/\d+/)?.[0] ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const hit = page.getByTestId('search-hit').first();
    await hit.waitFor({ timeout: 30_000 });
    expect(await hit.textContent()).toMatch(/数据|资源|共享/);
    await shot(page, '04-pdf-search');

    await page.getByTestId('page-input').fill('5');
    await page.getByTestId('page-input').press('Enter');
    await page.locator('[data-testid="pdf-page"][data-page-number="5"][data-rendered="true"]').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  }, 180_000);

  it('shows a DOCX as a document, an XLSX as a sheet and an OFD as its pages', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(app.url);
    await openSession(page, /武隆区/);
    const docs = page.getByTestId('document-item');

    await docs
      .filter({ hasText: /初步设计|可行性/ })
      .first()
      .click();
    const article = page.getByTestId('docx-article');
    await article.waitFor({ timeout: 30_000 });
    expect(await article.locator('h1, h2').count()).toBeGreaterThan(2);
    expect(await article.locator('table').count()).toBeGreaterThan(0);
    expect(await article.locator('img').count()).toBeGreaterThan(0);
    await shot(page, '05-docx');

    await docs.filter({ hasText: '概算表' }).first().click();
    await page.getByTestId('sheet-grid').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('sheet-grid').textContent()).toMatch(/合计/);
    await shot(page, '06-xlsx');

    // The 年度计划通知 is an OFD (GB/T 33190): its page shows with its text where the file places it.
    await page.getByTestId('project-item').nth(1).click();
    await page
      .getByTestId('document-item')
      .filter({ hasText: /OFD版式/ })
      .first()
      .click();
    await page.getByTestId('ofd-page').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('ofd-page').first().textContent()).toMatch(/特此通知/);
    await shot(page, '07-ofd');
    expect(errors).toEqual([]);
  }, 120_000);

  it('refuses a tampered package with a Chinese explanation and imports nothing', async () => {
    const { page } = await newPage(browser);
    await page.goto(app.url);
    await goHome(page);
    const { makeHostileFixtures } = await import('../../scripts/make-hostile-fixtures');
    const dir = tempDir();
    await makeHostileFixtures(dir);
    await page.getByTestId('package-file-input').setInputFiles(path.join(dir, 'hash-mismatch.rpkg'));
    const message = page.getByTestId('import-error-message');
    await message.waitFor({ timeout: 30_000 });
    // One problem: the headline names it (SHA-256 and the file by its title in the manifest, not its path inside the
    // package), so no separate list repeats it.
    expect(await message.textContent()).toMatch(/SHA-256.*《申报材料 2》$/);
    await shot(page, '08-refused');
    expect(await page.getByTestId('session-item').count()).toBe(1);
  }, 60_000);

  it('after a restart, reopens the session, project, document and page where the reader left off', async () => {
    const { page } = await newPage(browser);
    await page.goto(app.url);
    await openSession(page, /武隆区/);
    await page.getByTestId('project-item').first().click();
    await page.getByTestId('document-item').filter({ hasText: '建设方案' }).first().click();
    await page.locator('[data-testid="pdf-page"][data-rendered="true"]').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('page-input').fill('8');
    await page.getByTestId('page-input').press('Enter');
    await page.locator('[data-testid="pdf-page"][data-page-number="8"][data-rendered="true"]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500); // the position is saved 500 ms after scrolling stops
    await page.close();

    await app.stop();
    app = await startWebApp(dataDir);
    const again = await newPage(browser);
    await again.page.goto(app.url);
    await again.page.locator('[data-testid="pdf-page"][data-rendered="true"]').first().waitFor({ timeout: 30_000 });
    await expect.poll(async () => Number(await again.page.getByTestId('page-input').inputValue()), { timeout: 15_000 }).toBe(8);
    await shot(again.page, '09-restored');
  }, 120_000);

  it('opens the defects sample too', async () => {
    const { page } = await newPage(browser);
    await page.goto(app.url);
    await goHome(page);
    await page.getByTestId('package-file-input').setInputFiles(defects);
    await expect.poll(() => page.getByTestId('session-title').textContent(), { timeout: 60_000 }).toContain('东河区');
    expect(await page.getByTestId('project-item').count()).toBe(2);
  }, 90_000);
});
