// End to end in Chromium through `npm run web`, at 1366×768: a package whose 建设方案 is a scan, and which also carries a
// page of it as a picture, is recognised in the background; a session search hit on the scanned page, or on the
// picture, opens it with the words marked over where the image shows them, says its text was recognised, and the
// recognised text can be selected.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFile } from '../../electron/core/package/write';
import type { SessionDetail, SessionSearchResult, SessionSummary } from '../../shared/domain';
import { manifestSchema } from '../../shared/manifest';
import { pageAsPicture, scanPackage } from '../../scripts/make-scan-corpus';
import { tempDir } from '../helpers/core';
import {
  callApi,
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

const sampleFolder = path.join(root, 'resources/samples/wulong-2027');
const SOURCE = 'documents/wl-2027-01/建设方案.pdf';
/** Page 2 of SOURCE as a photographed page (a picture sent as its own document). */
const PICTURE = 'documents/wl-2027-01/目录照片.png';
const PHRASE = '网络安全保护措施';
let browser: Browser;
let app: WebApp;
let page: Page;
let errors: string[];
let session: SessionDetail;

/** Where poppler finds `phrase` on page 2 of the text PDF the scan and the picture were made from, as fractions of the page. */
function phraseBox(phrase: string): { left: number; top: number; right: number; bottom: number } {
  const html = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-bbox', path.join(sampleFolder, ...SOURCE.split('/')), '-'], {
    encoding: 'utf8',
  });
  const [, w, h] = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html)!.map(Number) as [number, number, number];
  const word = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${phrase}`).exec(html)!;
  const [, x0, y0, x1, y1] = word.map(Number) as [number, number, number, number, number];
  return { left: x0 / w, top: y0 / h, right: x1 / w, bottom: y1 / h };
}

/** A copy of the sample whose first project also sends page 2 of its 建设方案 as a picture. */
async function sampleWithPicture(dir: string): Promise<string> {
  const folder = path.join(dir, 'wulong-picture');
  cpSync(sampleFolder, folder, { recursive: true });
  const file = path.join(folder, ...PICTURE.split('/'));
  pageAsPicture(path.join(folder, ...SOURCE.split('/')), 2, file);
  const manifestFile = path.join(folder, 'manifest.json');
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
  const project = manifest.projects[0]!;
  project.documents.push({ id: `${project.id}-photo`, kind: 'other', title: '目录照片', ...(await describeFile(file, PICTURE)) });
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return folder;
}

/** Opens the session search hit of PHRASE in `documentKey` at `pageNumber`, once recognition has put the words there. */
async function openHit(documentKey: number, pageNumber: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const { hits } = await callApi<SessionSearchResult>(app.url, 'search.session', { sessionId: session.id, query: PHRASE });
        return hits.some((h) => h.documentKey === documentKey && h.page === pageNumber);
      },
      { timeout: 150_000, interval: 2_000 },
    )
    .toBe(true);
  await page.getByTestId('session-search').fill(PHRASE);
  const row = page.locator(`[data-testid="session-search-result"][data-document-key="${documentKey}"][data-page="${pageNumber}"]`);
  await row.waitFor({ timeout: 30_000 });
  await row.click();
}

/**
 * The mark lies over the phrase where the image shows it: within 1.5 % of the page (the scan is turned by under 1°), and
 * about as wide.
 */
async function expectMarkOverPhrase(pageBox: Locator, hit: Locator): Promise<{ box: { width: number } }> {
  const want = phraseBox(PHRASE);
  const box = (await pageBox.boundingBox())!;
  const mark = (await hit.boundingBox())!;
  const fx = (x: number) => (x - box.x) / box.width;
  const fy = (y: number) => (y - box.y) / box.height;
  expect(Math.abs(fx(mark.x + mark.width / 2) - (want.left + want.right) / 2)).toBeLessThan(0.015);
  expect(Math.abs(fy(mark.y + mark.height / 2) - (want.top + want.bottom) / 2)).toBeLessThan(0.015);
  expect(mark.width / box.width / (want.right - want.left)).toBeGreaterThan(0.8);
  expect(mark.width / box.width / (want.right - want.left)).toBeLessThan(1.25);
  return { box };
}

/** Dragging across the marked words selects the recognised text, as on a text page. */
async function expectSelectable(hit: Locator): Promise<void> {
  const mark = (await hit.boundingBox())!;
  await page.mouse.move(mark.x + 2, mark.y + mark.height / 2);
  await page.mouse.down();
  await page.mouse.move(mark.x + mark.width - 2, mark.y + mark.height / 2, { steps: 5 });
  await page.mouse.up();
  expect(await page.evaluate<string>('String(window.getSelection())')).toContain('安全保护');
}

describe.skipIf(!existsSync(chromiumPath))('recognised text in the browser', () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    const work = tempDir('rd-e2e-scan-src-');
    // The 建设方案's cover and two pages of contents as a scan; the other files keep their text.
    const rpkg = await scanPackage(await sampleWithPicture(work), work, 'wulong-scanned', (rel) => (rel === SOURCE ? 3 : null));
    app = await startWebApp(tempDir('rd-e2e-scan-'));
    browser = await launchChromium();
    ({ page, errors } = await newPage(browser));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.url);
    await saveExpertProfile(page);
    // Opening the session starts extraction, and recognition after it (a few seconds a page here).
    await page.getByTestId('package-file-input').setInputFiles(rpkg);
    await page.getByTestId('session-title').waitFor({ timeout: 60_000 });
    const [summary] = await callApi<SessionSummary[]>(app.url, 'session.list', {});
    session = await callApi<SessionDetail>(app.url, 'session.get', { sessionId: summary!.id });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const documentAt = (rel: string) => session.projects.flatMap((p) => p.documents).find((d) => d.path === rel)!;

  it('marks a hit on a scanned PDF page over the words on the image, at any zoom, and the text can be selected', async () => {
    await openHit(documentAt(SOURCE).key, 2);
    const pageBox = page.locator('[data-testid="pdf-page"][data-page-number="2"]');
    const layer = pageBox.getByTestId('recognised-lines');
    const hit = layer.getByTestId('search-hit').first();
    await hit.waitFor({ timeout: 30_000 });
    expect(await hit.textContent()).toBe(PHRASE);
    expect(await layer.getByTestId('recognised-note').textContent()).toBe('本页文字由识别得到，可能有误');
    await page.waitForTimeout(300); // the scroll to the hit settles
    await shot(page, '40-recognised-search');
    const fitted = await expectMarkOverPhrase(pageBox, hit);

    await page.getByTestId('zoom-in').click();
    await expect.poll(async () => (await pageBox.boundingBox())!.width, { timeout: 10_000 }).toBeGreaterThan(fitted.box.width * 1.05);
    await hit.scrollIntoViewIfNeeded();
    await expectMarkOverPhrase(pageBox, hit);
    await shot(page, '41-recognised-zoomed');
    await expectSelectable(hit);
    expect(errors).toEqual([]);
  }, 240_000);

  it('marks a hit on a recognised picture the same way, with find in it', async () => {
    await openHit(documentAt(PICTURE).key, 1);
    const picture = page.locator('.image-page');
    const hit = picture.getByTestId('recognised-lines').getByTestId('search-hit').first();
    await hit.waitFor({ timeout: 30_000 });
    expect(await hit.textContent()).toBe(PHRASE);
    expect(await page.getByTestId('search-count').textContent()).toMatch(/^共 1 处/);
    await expect.poll(async () => hit.isVisible()).toBe(true);
    await page.waitForTimeout(300);
    await shot(page, '42-recognised-picture');
    await expectMarkOverPhrase(picture, hit);
    await expectSelectable(hit);
    expect(errors).toEqual([]);
  }, 240_000);
});
