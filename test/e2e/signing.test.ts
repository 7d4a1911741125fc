// End to end in Chromium: create a signing identity, draw a handwritten signature, sign a completed review (unlocking the key for the sitting),
// export the signed files without the passphrase again, and verify the result file — 有效 as exported, 无效 with one byte changed.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDetail } from '../../shared/domain';
import { tempDir } from '../helpers/core';
import {
  callApi,
  chromiumPath,
  ensureBuiltWithSamples,
  launchChromium,
  newPage,
  openScoreTab,
  root,
  saveExpertProfile,
  shot,
  startWebApp,
  type WebApp,
  downloadPaths,
  headerAction,
} from './harness';
import { completeByApi } from './reviewByApi';

let browser: Browser;
let app: WebApp;
let page: Page;
let errors: string[];
let dataDir: string;
let sessionId: string;
const passphrase = 'Review-Desk 2027!';

describe.skipIf(!existsSync(chromiumPath))('signing in the browser', () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    dataDir = tempDir('rd-e2e-signing-');
    app = await startWebApp(dataDir);
    browser = await launchChromium();
    ({ page, errors } = await newPage(browser));
    await page.goto(app.url);
    await saveExpertProfile(page);
    // The start screen offers 签名身份 and 验证 before any package is open.
    await page.getByTestId('signing-verify-open').waitFor();
    await shot(page, '39-signing-start');
    await page.getByTestId('package-file-input').setInputFiles(path.join(root, 'resources/samples/wulong-2027.rpkg'));
    await page.getByTestId('project-item').first().waitFor({ timeout: 60_000 });
    sessionId = (await callApi<{ id: string }[]>(app.url, 'session.list', {}))[0]!.id;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('creates an identity with its fingerprint in groups, and saves a signature drawn with the mouse', async () => {
    await headerAction(page, 'signing-identity-open');
    await page.getByTestId('identity-form').waitFor();
    await page.getByTestId('algorithm-sm2').check();
    await page.getByTestId('algorithm-ecdsa-p256').check();
    await page.getByTestId('identity-passphrase').fill('abc');
    expect(await page.getByTestId('passphrase-strength').textContent()).toContain('弱');
    expect(await page.getByTestId('identity-create').isDisabled()).toBe(true);
    await page.getByTestId('identity-passphrase').fill(passphrase);
    await page.getByTestId('identity-passphrase-again').fill(`${passphrase}x`);
    await page.getByRole('alert').filter({ hasText: '两次输入的口令不一致' }).waitFor();
    await page.getByTestId('identity-passphrase-again').fill(passphrase);
    await page.getByTestId('identity-create').click();

    const groups = page.getByTestId('identity-fingerprint').locator('li');
    await groups.first().waitFor({ timeout: 20_000 });
    expect(await groups.count()).toBe(16);
    expect(await groups.first().textContent()).toMatch(/^[0-9A-F]{4}$/);
    expect(await page.getByTestId('identity-subject').textContent()).toBe('周建国 · 正高级工程师 · 重庆渝信规划设计研究院有限公司');
    // 周建国 is on the sample's roster (no fingerprint registered): no warning.
    expect(await page.getByTestId('roster-warning').count()).toBe(0);

    // A signature in three strokes, drawn with the mouse.
    const box = (await page.getByTestId('signature-pad').boundingBox())!;
    const strokes = [
      [
        [60, 120],
        [90, 60],
        [120, 130],
        [150, 70],
      ],
      [
        [190, 80],
        [230, 80],
        [210, 140],
      ],
      [
        [270, 110],
        [320, 70],
        [360, 120],
        [420, 90],
      ],
    ];
    for (const stroke of strokes) {
      await page.mouse.move(box.x + stroke[0]![0]!, box.y + stroke[0]![1]!);
      await page.mouse.down();
      for (const [x, y] of stroke.slice(1)) await page.mouse.move(box.x + x!, box.y + y!, { steps: 8 });
      await page.mouse.up();
    }
    await page.getByTestId('signature-save').click();
    const preview = page.getByTestId('signature-preview');
    await preview.waitFor({ timeout: 10_000 });
    // Cropped to the ink: far narrower than the 560 × 200 pad.
    const size = await preview.evaluate((img) => [
      (img as unknown as { naturalWidth: number }).naturalWidth,
      (img as unknown as { naturalHeight: number }).naturalHeight,
    ]);
    expect(size[0]).toBeLessThan(560 * 2);
    expect(size[1]).toBeLessThan(200);
    await shot(page, '40-signing-identity');
    await page.getByTestId('identity-close').click();
  }, 60_000);

  it('signs a completed review in the 评分 tab and shows 已签名 第1版', async () => {
    // 确认身份 (周建国 is the roster's first entry) and the commitment, as the 评分 tab's gates take them.
    await callApi(app.url, 'session.roster.confirm', { sessionId, position: 0 });
    await callApi(app.url, 'session.commitment.accept', { sessionId });
    const detail = await callApi<SessionDetail>(app.url, 'session.get', { sessionId });
    for (const p of detail.projects) await completeByApi(app.url, sessionId, p.id);
    await openScoreTab(page);
    await page.getByTestId('sign-review').click();
    await page.getByTestId('sign-passphrase').fill('wrong passphrase');
    await page.getByTestId('sign-submit').click();
    await page.getByRole('alert').filter({ hasText: '口令不正确' }).waitFor({ timeout: 10_000 });
    await page.getByTestId('sign-passphrase').fill(passphrase);
    await page.getByTestId('sign-submit').click();
    await expect.poll(() => page.getByTestId('seal-status').textContent(), { timeout: 10_000 }).toMatch(/^已签名 第1版 /);
    await page.getByTestId('seal-bar').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, '41-signing-signed');
    for (const p of detail.projects.slice(1)) await callApi(app.url, 'review.sign', { sessionId, projectId: p.id, passphrase });
  }, 120_000);

  it('exports the signed files to the data folder without asking the passphrase again, and shows where', async () => {
    const { projects } = await callApi<SessionDetail>(app.url, 'session.get', { sessionId });
    await headerAction(page, 'signing-export-open');
    // Unlocked when the review was signed above: this sitting asks no passphrase again.
    await page.getByTestId('export-unlocked').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('export-passphrase').count()).toBe(0);
    expect(await page.getByTestId('export-plan-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stage')))).toEqual(
      projects.map(() => 'signed'),
    );
    await page.getByTestId('export-submit').click();
    await page.getByTestId('export-done').waitFor({ timeout: 120_000 });
    const folder = path.join(dataDir, 'exports', '2027年度武隆区政务信息化项目专家评审会', '签名文件');
    // In a browser the folder on the server means nothing to the user: the files are links to download.
    expect(await page.getByTestId('export-folder').count()).toBe(0);
    const links = await downloadPaths(page.getByTestId('export-files'));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => path.dirname(l) === folder)).toBe(true);
    const files = readdirSync(folder);
    expect(files.filter((f) => f.endsWith('.rdr.json'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.docx.sig.json')).length).toBe(files.filter((f) => f.endsWith('.docx')).length);
    expect(await page.getByTestId('export-included').locator('li').count()).toBe(projects.length);
    await shot(page, '42-signing-export');
    await page.getByTestId('export-close').click();
  }, 180_000);

  it('verifies the exported result file as 有效, and as 无效 with one byte changed', async () => {
    const folder = path.join(dataDir, 'exports', '2027年度武隆区政务信息化项目专家评审会', '签名文件');
    const rdr = path.join(
      folder,
      readdirSync(folder).find((f) => f.endsWith('.rdr.json'))!,
    );
    await headerAction(page, 'signing-verify-open');
    await page.getByTestId('verify-input').setInputFiles(rdr);
    await expect.poll(() => page.getByTestId('verify-verdict').textContent(), { timeout: 20_000 }).toBe('有效');
    expect(await page.getByTestId('verify-signer').textContent()).toBe('周建国 · 正高级工程师 · 重庆渝信规划设计研究院有限公司');
    expect(await page.locator('[data-testid="verify-check"][data-ok="false"]').count()).toBe(0);
    await shot(page, '43-signing-verify-valid');

    const bytes = readFileSync(rdr);
    const at = bytes.indexOf('同意该项目建设');
    bytes[at]! ^= 0x01;
    const tampered = path.join(tempDir('rd-e2e-tamper-'), path.basename(rdr));
    writeFileSync(tampered, bytes);
    await page.getByTestId('verify-input').setInputFiles(tampered);
    await expect.poll(() => page.getByTestId('verify-verdict').textContent(), { timeout: 20_000 }).toBe('无效');
    expect(await page.locator('[data-testid="verify-check"][data-ok="false"]').count()).toBeGreaterThan(0);
    await shot(page, '44-signing-verify-invalid');
    await page.getByTestId('verify-close').click();
    expect(errors).toEqual([]);
  }, 60_000);
});
