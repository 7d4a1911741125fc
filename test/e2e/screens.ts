// E2E: walks every main screen of both sides in one web app (expert: start before and after an import, session, 项目信息, reader, 形式审查, 评分,
// 评审概览, 文书, 签名身份, 验证, the import errors of a truncated package and of a broken manifest, 签名并导出 done; bureau: drafts, session form, 准备, 收集结果, 专家组汇总, 生成文书, 归档, 规则配置) and
// hands each one, settled, to a visitor (the words check, axe) — one walk, so each test reaches the same screens.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { SessionDetail } from '../../shared/domain';
import type { ReviewView } from '../../shared/scoring';
import { signaturePng } from '../core/output/docx/letterFixture';
import { tempDir } from '../helpers/core';
import {
  acceptCommitment,
  callApi,
  ensureBuiltWithSamples,
  headerAction,
  launchChromium,
  newPage,
  root,
  saveExpertProfile,
  shot,
  startWebApp,
  type WebApp,
} from './harness';
import { completeByApi } from './reviewByApi';

export type Visit = (page: Page, screen: string) => Promise<void>;

export interface Walk {
  browser: Browser;
  app: WebApp;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export async function openWalk(): Promise<Walk> {
  ensureBuiltWithSamples();
  const app = await startWebApp(tempDir('rd-e2e-walk-'));
  const browser = await launchChromium();
  const { page, errors } = await newPage(browser);
  await page.setViewportSize({ width: 1366, height: 768 });
  // No transitions: axe measures contrast, and a half-faded toast would be judged mid-fade.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(app.url);
  return {
    browser,
    app,
    page,
    errors,
    close: async () => {
      await browser.close();
      await app.stop();
    },
  };
}

/** Waits for running requests and animations to settle before a screen is judged. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('[aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

/**
 * Visits every main screen. A screen that cannot be reached (its button gone in a redesign) is recorded with a
 * screenshot (`walk-unreachable-<screen>.png`) and the walk goes on; the names are answered, for the test to fail on.
 */
export async function walkScreens(walk: Walk, visit: Visit): Promise<string[]> {
  const { page } = walk;
  const url = walk.app.url;
  const unreachable: string[] = [];
  const at = async (screen: string, reach: () => Promise<unknown>) => {
    try {
      // Once more on failure: two cores of seven engineers' builds and tests can stall a step past its timeout.
      await reach().catch(async (first: unknown) => {
        await reach().catch((second: unknown) => {
          throw new Error(`${firstLine(first)} (once more: ${firstLine(second)})`);
        });
      });
    } catch (err) {
      unreachable.push(`${screen}: ${firstLine(err)}`);
      await shot(page, `walk-unreachable-${screen}`);
      await page.keyboard.press('Escape');
      return;
    }
    await settle(page);
    await visit(page, screen);
  };
  const sample = path.join(root, 'resources/samples/wulong-2027.rpkg');
  const quick = { timeout: 10_000 };
  const passphrase = 'Review-Desk 2027!';

  // The expert's side.
  await at('expert-first-run', () => page.getByTestId('expert-name').waitFor({ timeout: 20_000 }));
  await at('expert-start', async () => {
    await saveExpertProfile(page);
    await page.getByTestId('open-package').waitFor();
  });
  await at('expert-session', async () => {
    await page.getByTestId('package-file-input').setInputFiles(sample);
    await page.getByTestId('project-item').first().waitFor({ timeout: 60_000 });
  });
  await at('expert-project-info', async () => {
    await page.getByTestId('project-item').first().click(quick);
    await page.getByTestId('panel-tab-info').click(quick);
  });
  await at('expert-reader', async () => {
    await page.getByTestId('document-item').first().click(quick);
    await page.getByTestId('pdf-page').first().waitFor({ timeout: 30_000 });
  });
  await at('expert-precheck', () => page.getByTestId('panel-tab-precheck').click(quick));
  await at('expert-scoring', async () => {
    await page.getByTestId('panel-tab-score').click(quick);
    // Who the expert is comes first when the roster does not name this machine's expert: the first member is picked.
    const gate = page.locator('[data-testid="roster-option"], [data-testid="commitment-accept"], [data-testid="commitment-signed"]');
    await gate.first().waitFor({ timeout: 30_000 });
    if (await page.getByTestId('roster-option').first().isVisible()) {
      await page.getByTestId('roster-option').first().check();
      await page.getByTestId('roster-confirm').click(quick);
    }
    await acceptCommitment(page);
  });
  await at('expert-overview', () => openFromHeader(page, 'overview-open'));
  await at('expert-documents', () => openFromHeader(page, 'documents-open'));
  await at('expert-start-sessions', async () => {
    await page.getByTestId('go-home').click(quick);
    await page.getByTestId('session-item').first().waitFor(quick);
  });
  await at('expert-identity', async () => {
    await page.getByTestId('signing-identity-open').click(quick);
    await page.getByRole('dialog').waitFor(quick);
  });
  await page.keyboard.press('Escape');
  await at('expert-verify', async () => {
    await page.getByTestId('signing-verify-open').click(quick);
    await page.getByRole('dialog').waitFor(quick);
  });
  await page.keyboard.press('Escape');
  // A package cut short in the download: the import fails and says why.
  await at('expert-import-error', async () => {
    await page.getByRole('dialog').waitFor({ state: 'detached', ...quick });
    await page.getByTestId('package-file-input').setInputFiles(path.join(root, 'test/fixtures/hostile/not-zip-truncated.rpkg'));
    await page.getByTestId('import-failed').waitFor({ timeout: 60_000 });
  });
  await page.keyboard.press('Escape');
  // A package whose manifest.json holds a wrong value: the dialog names the field in Chinese, not by its dotted path.
  await at('expert-import-error-manifest', async () => {
    await page.getByRole('dialog').waitFor({ state: 'detached', ...quick });
    await page.getByTestId('package-file-input').setInputFiles(path.join(root, 'test/fixtures/hostile/manifest-schema-type.rpkg'));
    await page.getByTestId('import-failed').waitFor({ timeout: 60_000 });
  });
  await page.keyboard.press('Escape');
  // 签名并导出 once every review is complete (the reviews, the identity and the handwritten signature are made through the
  // API: what is walked is the dialog when it is done).
  await at('expert-export-done', async () => {
    await page.getByRole('dialog').waitFor({ state: 'detached', ...quick });
    const sessionId = (await callApi<{ id: string }[]>(url, 'session.list', {}))[0]!.id;
    const { projects } = await callApi<SessionDetail>(url, 'session.get', { sessionId });
    // Each call may be the step's second run (after a stall): only what is not done yet, the identity replaced.
    for (const p of projects) {
      const view = await callApi<ReviewView>(url, 'review.get', { sessionId, projectId: p.id });
      if (!view.completedAt) await completeByApi(url, sessionId, p.id);
    }
    await callApi(url, 'signing.identity.create', { passphrase, replace: true });
    await callApi(url, 'signing.image.save', { png: new Uint8Array(signaturePng()) });
    // Reloaded, so the screens show the reviews as now stored. The reload lands on the start screen, or back in the
    // session when its place was saved before it (ui.save runs as the expert moves): either is right.
    await page.reload();
    const start = page.getByTestId('session-item').first();
    await start.or(page.getByTestId('header-more')).first().waitFor({ timeout: 30_000 });
    if (await start.isVisible()) await start.click(quick);
    await headerAction(page, 'signing-export-open');
    await page.getByTestId('export-passphrase').fill(passphrase);
    await page.getByTestId('export-submit').click(quick);
    await page.getByTestId('export-done').waitFor({ timeout: 180_000 });
  });
  await page.keyboard.press('Escape');
  await page.getByTestId('go-home').click(quick);

  // The bureau's side: the sample package reopened as a draft and exported, so every tab opens.
  await at('bureau-drafts', async () => {
    await page.getByRole('dialog').waitFor({ state: 'detached', ...quick });
    await page.getByTestId('bureau-enter').click(quick);
    await page.getByTestId('bureau-new').waitFor(quick);
  });
  await at('bureau-session-form', async () => {
    await page.getByTestId('bureau-new').click(quick);
    await page.getByTestId('session-title-input').waitFor(quick);
  });
  await at('bureau-date-picker', () => page.getByTestId('session-date-picker').click(quick));
  await page.keyboard.press('Escape');
  await at('bureau-prepare', async () => {
    await page.getByTestId('bureau-leave').click(quick);
    await page.getByTestId('bureau-enter').click(quick);
    await page.getByTestId('bureau-reopen-input').setInputFiles(sample);
    await page.getByTestId('session-summary').waitFor({ timeout: 60_000 });
  });
  await at('bureau-exported', async () => {
    await page.getByTestId('export-package').click(quick);
    await page.getByTestId('export-file').waitFor({ timeout: 60_000 });
  });
  for (const tab of ['results', 'panel', 'letters', 'archive'] as const) {
    await at(`bureau-${tab}`, () => page.getByTestId(`bureau-tab-${tab}`).click(quick));
  }
  await at('bureau-profiles', () => page.getByTestId('bureau-profiles').click(quick));
  return unreachable;
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message.split('\n')[0] : String(err));

/** A header button of the session screen, shown directly or inside its 更多 menu. */
async function openFromHeader(page: Page, testId: string): Promise<void> {
  const button = page.getByTestId(testId);
  if (!(await button.isVisible())) await page.getByRole('button', { name: '更多' }).click({ timeout: 10_000 });
  await button.click({ timeout: 10_000 });
}

/** Both screen sizes of the issue, into test/artifacts/ as `<prefix>-<screen>-<width>.png`; the page is left at 1366×768. */
export async function shootBothSizes(page: Page, prefix: string, screen: string): Promise<void> {
  await shot(page, `${prefix}-${screen}-1366`);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(200);
  await shot(page, `${prefix}-${screen}-1920`);
  await page.setViewportSize({ width: 1366, height: 768 });
}
