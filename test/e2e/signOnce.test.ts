// End to end in Chromium at 1366×768: open a package → pick one's name from its roster (the first-run name is not on it) → score →
// 签名并导出 once (blockers listed before any passphrase, the passphrase asked once) → every project 已导出 in the list; 锁定 asks again.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDetail } from '../../shared/domain';
import type { ExpertProfile } from '../../shared/expert';
import type { ExportResult } from '../../shared/signing';
import { tempDir } from '../helpers/core';
import {
  acceptCommitment,
  callApi,
  chromiumPath,
  ensureBuiltWithSamples,
  headerAction,
  launchChromium,
  newPage,
  root,
  shot,
  startWebApp,
  type WebApp,
} from './harness';
import { completeByApi } from './reviewByApi';

let browser: Browser;
let app: WebApp;
let page: Page;
let errors: string[];
let sessionId: string;
let projects: SessionDetail['projects'];
const passphrase = 'Review-Desk 2027!';

const stagesIn = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluateAll((els) => els.map((el) => el.getAttribute('data-stage') ?? el.getAttribute('data-state')));

function signaturePng(): Uint8Array {
  const png = new PNG({ width: 160, height: 60 });
  png.data.fill(255);
  for (let x = 10; x < 150; x++) png.data.set([20, 20, 80, 255], (30 * 160 + x) * 4);
  return new Uint8Array(PNG.sync.write(png));
}

describe.skipIf(!existsSync(chromiumPath))('who you are first, sign once', () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    app = await startWebApp(tempDir('rd-e2e-sign-once-'));
    browser = await launchChromium();
    ({ page, errors } = await newPage(browser));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.url);
    // First run with a name the package's roster does not have.
    await page.getByTestId('expert-name').fill('李明华');
    await page.getByTestId('expert-title').fill('正高级工程师');
    await page.getByTestId('expert-employer').fill('重庆渝信规划设计研究院有限公司');
    await page.getByTestId('expert-save').click();
    await page.getByTestId('package-file-input').setInputFiles(path.join(root, 'resources/samples/wulong-2027.rpkg'));
    await page.getByTestId('project-item').first().waitFor({ timeout: 60_000 });
    sessionId = (await callApi<{ id: string }[]>(app.url, 'session.list', {}))[0]!.id;
    projects = (await callApi<SessionDetail>(app.url, 'session.get', { sessionId })).projects;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('settles the name against the roster before the score form opens', async () => {
    // Identity first: right after opening, the centre pane asks who the expert is, before any document or the 评分 tab.
    const identityFirst = page.getByTestId('identity-first');
    await identityFirst.waitFor({ timeout: 30_000 });
    expect(await identityFirst.getByTestId('roster-problem').textContent()).toContain('专家名单中没有“李明华”');
    expect(await identityFirst.getByTestId('roster-option').count()).toBe(5);
    await shot(page, '44-identity-first-1366');
    await page.getByTestId('project-item').first().click();
    await page.getByTestId('panel-tab-score').click();
    await page.getByTestId('roster-gate').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('roster-problem').textContent()).toContain('专家名单中没有“李明华”');
    expect(await page.getByTestId('roster-confirm').isDisabled()).toBe(true);
    expect(await page.getByTestId('commitment-accept').count()).toBe(0);
    expect(await page.getByTestId('score-form').count()).toBe(0);
    expect(await page.getByTestId('roster-option').count()).toBe(5);
    await shot(page, '45-roster-gate-1366');

    await page.getByTestId('roster-option').first().check();
    await page.getByTestId('roster-confirm').click();
    await page.getByTestId('roster-confirmed').waitFor({ timeout: 30_000 });
    await acceptCommitment(page);
    expect(await page.getByTestId('roster-confirmed').textContent()).toMatch(/^身份已确认：周建国/);
    expect(await page.getByTestId('commitment-signed').textContent()).toMatch(/^已签署承诺书 周建国 /);
    expect((await callApi<ExpertProfile>(app.url, 'expert.get', {})).name).toBe('周建国');
    // Settled: the centre pane no longer asks, on any tab.
    await page.getByTestId('panel-tab-info').click();
    await page.locator('.empty-viewer').waitFor({ timeout: 10_000 });
    expect(await identityFirst.count()).toBe(0);
    await page.getByTestId('panel-tab-score').click();
  }, 60_000);

  it('lists what blocks 签名并导出 before asking any passphrase', async () => {
    for (const p of projects) await completeByApi(app.url, sessionId, p.id);
    await headerAction(page, 'signing-export-open');
    await page.getByTestId('export-blockers').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('export-blockers').textContent()).toContain('尚未创建签名身份');
    expect(await page.getByTestId('export-passphrase').count()).toBe(0);
    expect(await page.getByTestId('export-submit').isDisabled()).toBe(true);
    expect(await stagesIn(page, 'export-plan-row')).toEqual(projects.map(() => 'complete'));
    await shot(page, '46-sign-once-blocked-1366');
    await page.getByTestId('export-close').click();
  }, 120_000);

  it('signs every completed review and exports with one passphrase; the list says 已导出', async () => {
    // The identity is not what this test is about (signing.test.ts draws it): made through the API.
    await callApi(app.url, 'signing.identity.create', { passphrase });
    await callApi(app.url, 'signing.image.save', { png: signaturePng() });
    await headerAction(page, 'signing-export-open');
    await page.getByTestId('export-passphrase').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('export-blockers').count()).toBe(0);
    await page.getByTestId('export-passphrase').fill(passphrase);
    await shot(page, '47-sign-once-ready-1366');
    await page.getByTestId('export-submit').click();
    await page.getByTestId('export-done').waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('export-included').locator('li').allTextContents()).toEqual(projects.map((p) => p.name));
    await shot(page, '48-sign-once-done-1366');
    await page.getByTestId('export-close').click();

    await expect.poll(() => stagesIn(page, 'review-state'), { timeout: 10_000 }).toEqual(projects.map(() => 'exported'));
    expect(await page.getByTestId('review-state').first().textContent()).toBe('已导出');
    await shot(page, '49-sign-once-list-1366');
    // Every review was sealed once, by this one unlock.
    for (const p of projects)
      expect((await callApi<unknown[]>(app.url, 'review.seals', { sessionId, projectId: p.id })).length, p.name).toBe(1);
  }, 240_000);

  it('asks no passphrase again while unlocked, and again after 锁定', async () => {
    await headerAction(page, 'signing-export-open');
    await page.getByTestId('export-unlocked').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('export-passphrase').count()).toBe(0);
    expect(await stagesIn(page, 'export-plan-row')).toEqual(projects.map(() => 'exported'));
    await page.getByTestId('export-lock').click();
    await page.getByTestId('export-passphrase').waitFor({ timeout: 10_000 });
    await page.getByTestId('export-close').click();
    // Locked in the main process too: a call without the passphrase is refused.
    await expect(
      callApi<ExportResult>(app.url, 'signing.signAndExport', { sessionId, jobId: 'x', destination: 'default' }),
    ).rejects.toThrow(/签名身份已锁定/);
    expect(errors).toEqual([]);
  }, 60_000);
});
