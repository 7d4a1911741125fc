// E2E harness: builds if needed, starts `node dist/web.cjs` on a fresh data folder, and drives Debian Chromium at it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { Envelope } from '../../shared/api';
import { decodeWire, encodeWire } from '../../shared/wire';
import { TOKEN_HEADER } from '../../electron/web/server';

export const root = path.resolve(__dirname, '../..');
export const artifacts = path.join(root, 'test/artifacts');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `npm test` builds and generates samples first; running this file alone does it here. */
export function ensureBuiltWithSamples(): void {
  if (!existsSync(path.join(root, 'dist/web.cjs')) || !existsSync(path.join(root, 'dist/renderer/index.html'))) {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
  if (!existsSync(path.join(root, 'resources/samples/wulong-2027.rpkg')))
    execFileSync('npm', ['run', 'samples'], { cwd: root, stdio: 'inherit' });
  mkdirSync(artifacts, { recursive: true });
}

export interface WebApp {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startWebApp(dataDir: string): Promise<WebApp> {
  const child = spawn(process.execPath, [path.join(root, 'dist/web.cjs'), '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web app did not start:\n${out}`)), 20_000);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[0],
          child,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`web app exited (${code}):\n${out}`)));
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Failed loads are reported below with their URL; the console line for them names none.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return { page, errors };
}

/**
 * The server-side path of each file a download link under `scope` sends (web mode lists what the core wrote as
 * `/api/file?path=…` links, never the server's folders): what a test opens to check the bytes.
 */
export async function downloadPaths(scope: Locator): Promise<string[]> {
  const hrefs = await scope.locator('a[href^="/api/file?"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => new URL(href, 'http://127.0.0.1').searchParams.get('path') ?? '');
}

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`) });

/**
 * Fills the first-run 专家信息 form if the app asks for it (a fresh data folder); otherwise leaves the page as it is. The name is
 * the sample roster's first expert: before scoring, the app has the expert confirm who they are on the package's roster (名单核对).
 */
export async function saveExpertProfile(page: Page): Promise<void> {
  await page
    .locator('[data-testid="expert-name"], [data-testid="open-package"], [data-testid="session-title"]')
    .first()
    .waitFor({ timeout: 20_000 });
  if (!(await page.getByTestId('expert-name').isVisible())) return;
  await page.getByTestId('expert-name').fill('周建国');
  await page.getByTestId('expert-title').fill('正高级工程师');
  await page.getByTestId('expert-employer').fill('重庆渝信规划设计研究院有限公司');
  await page.getByTestId('expert-phone').fill('023-6688-1234');
  await page.getByTestId('expert-save').click();
  await page.getByTestId('expert-name').waitFor({ state: 'detached', timeout: 10_000 });
}

/** On the 评分 tab: confirms the expert's roster entry (确认身份, the one suggested) and accepts the 专家承诺书 if not done yet, and waits for the form. */
export async function acceptCommitment(page: Page): Promise<void> {
  const gate = page.locator('[data-testid="roster-confirm"], [data-testid="commitment-accept"], [data-testid="commitment-signed"]');
  await gate.first().waitFor({ timeout: 30_000 });
  // Only a gate that still waits for the expert: a confirmation already in flight shows the button disabled, then removes it.
  const confirm = page.getByTestId('roster-confirm');
  // A gate shown before a confirmation made elsewhere (through the API, the other pane) arrived goes away on its own.
  if ((await confirm.isVisible()) && (await confirm.isEnabled()))
    await confirm.press('Enter', { timeout: 5_000 }).catch(async (err: unknown) => {
      if (await confirm.count()) throw err;
    });
  await page.locator('[data-testid="commitment-accept"], [data-testid="commitment-signed"]').first().waitFor({ timeout: 30_000 });
  // By keyboard: a click would leave the pointer over the form that replaces the button, hovering whatever opens there.
  if (await page.getByTestId('commitment-accept').isVisible()) await page.getByTestId('commitment-accept').press('Enter');
  await page.getByTestId('score-form').waitFor({ timeout: 30_000 });
}

/** Opens the first project's 评分 tab, accepting the session's commitment if it is still unsigned. */
export async function openScoreTab(page: Page): Promise<void> {
  await page.getByTestId('project-item').first().click();
  await page.getByTestId('panel-tab-score').click();
  await acceptCommitment(page);
}

/** Clicks a session-header action that lives under 更多 (opening the menu first); one already visible is clicked directly. */
export async function headerAction(page: Page, testId: string): Promise<void> {
  const target = page.getByTestId(testId);
  if (!(await target.isVisible()) && (await page.getByTestId('header-more').count()) > 0) await page.getByTestId('header-more').click();
  await target.click();
}

/** Calls the running web app's API directly (setting up data the test is not about), with the URL's token. */
export async function callApi<T>(url: string, name: string, input: unknown): Promise<T> {
  const { origin, searchParams } = new URL(url);
  const res = await fetch(`${origin}/api/call/${name}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: searchParams.get('token')! },
    body: encodeWire(input) as Uint8Array<ArrayBuffer>,
  });
  const envelope = decodeWire(new Uint8Array(await res.arrayBuffer())) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}
