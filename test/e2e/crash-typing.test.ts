// E2E crash test: SIGKILL the web server while an expert types in the 评分 tab, then find every acknowledged save intact in a sound database.
import { leaves } from '../../electron/core/store/reviews';
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/core/store/db';
import type { Envelope } from '../../shared/api';
import type { Review, ReviewView } from '../../shared/scoring';
import { decodeWire } from '../../shared/wire';
import { tempDir } from '../helpers/core';
import {
  callApi,
  openScoreTab,
  chromiumPath,
  ensureBuiltWithSamples,
  launchChromium,
  root,
  saveExpertProfile,
  startWebApp,
  type WebApp,
} from './harness';

/** Milliseconds of typing before each kill: early, mid and late in a burst, jittered so the kill lands anywhere in a save. */
const KILL_AFTER_MS = [900, 2200, 3800].map((ms) => ms + Math.floor(Math.random() * 400));
const OPINION_WORDS = ['论证充分', '需求明确', '建议补充', '测算依据', '符合规划', '安全可靠', '集约共享', '。'];

interface SaveRequest {
  sessionId: string;
  projectId: string;
  review: Review;
  baseVersion: number;
}

let browser: Browser;
let app: WebApp;
/** Every server started, so none outlives the file even when a round fails midway. */
const started: WebApp[] = [];
let page: Page;
const dataDir = tempDir('rd-e2e-crash-');
/** Review content by the version its save would create, as the page sent it. */
const sent = new Map<number, Review>();
/** The newest save the server answered ok (what the UI shows as 已保存). */
let acked: { version: number; review: Review | null } = { version: 0, review: null };
let target: { sessionId: string; projectId: string } | null = null;
const pendingBodies = new Set<Promise<void>>();

/**
 * The page's save bodies are Blobs, which the browser does not report to Playwright: a wrapper around fetch hands each
 * one to the test before it is sent, so every save that could have been stored is known.
 */
const RECORD_SENT_SAVES = `{
  const send = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input, init) => {
    if (String(input).endsWith('/api/call/review.save') && init && init.body instanceof Blob) {
      await globalThis.rdSentSave(Array.from(new Uint8Array(await init.body.arrayBuffer())));
    }
    return send(input, init);
  };
}`;

async function recordSaves(p: Page): Promise<void> {
  await p.exposeFunction('rdSentSave', (bytes: number[]) => {
    const input = decodeWire(Uint8Array.from(bytes)) as SaveRequest;
    target = { sessionId: input.sessionId, projectId: input.projectId };
    sent.set(input.baseVersion + 1, input.review);
  });
  await p.addInitScript({ content: RECORD_SENT_SAVES });
  p.on('response', (res) => {
    if (!res.url().endsWith('/api/call/review.save') || res.status() !== 200) return;
    const body = res
      .body()
      .then((bytes) => {
        const envelope = decodeWire(new Uint8Array(bytes)) as Envelope<ReviewView>;
        if (envelope.ok && envelope.value.version > acked.version)
          acked = { version: envelope.value.version, review: envelope.value.review };
      })
      // The body of a response cut off by the kill never reached the page: not acknowledged.
      .catch(() => undefined)
      .finally(() => pendingBodies.delete(body));
    pendingBodies.add(body);
  });
}

async function start(): Promise<void> {
  app = await startWebApp(dataDir);
  started.push(app);
}

/** Types scores and opinions like an expert until `stop()` returns true; failures after the kill are expected and end the burst. */
async function typeUntil(stop: () => boolean): Promise<void> {
  const scores = await page.getByTestId('score-input').all();
  const opinions = [...(await page.getByTestId('dimension-opinion').all()), page.getByTestId('overall-opinion')];
  try {
    while (!stop()) {
      if (Math.random() < 0.6) {
        const input = scores[Math.floor(Math.random() * scores.length)];
        const max = Number((await input!.locator('xpath=following-sibling::span').textContent({ timeout: 2_000 }))!.replace(/[^\d.]/g, ''));
        await input!.focus({ timeout: 2_000 });
        await page.keyboard.press('Control+A');
        await page.keyboard.type(String(Math.floor(Math.random() * (2 * max + 1)) / 2), { delay: 40 });
      } else {
        await opinions[Math.floor(Math.random() * opinions.length)]!.focus({ timeout: 2_000 });
        await page.keyboard.press('End');
        await page.keyboard.type(OPINION_WORDS[Math.floor(Math.random() * OPINION_WORDS.length)]!, { delay: 40 });
      }
    }
  } catch {
    // The page may be mid-navigation or the form disabled by a failed call; the burst is over either way.
  }
}

/** Reads the killed app's database read-only, as it was left: integrity, stored review, and history agreeing with it. */
function inspectAfterKill(): { version: number; review: Review } {
  const db = new Database(path.join(dataDir, DB_FILE), { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const row = db
      .prepare(`SELECT review_json, version FROM reviews WHERE session_id = ? AND project_id = ?`)
      .get(target!.sessionId, target!.projectId) as { review_json: string; version: number };
    const review = JSON.parse(row.review_json) as Review;
    // The last history row of every field holds the stored value: the review and its history were written together.
    const history = db
      .prepare(`SELECT field, after_json FROM review_history WHERE session_id = ? AND project_id = ? ORDER BY id`)
      .all(target!.sessionId, target!.projectId) as { field: string; after_json: string }[];
    const lastAfter = new Map(history.map((h) => [h.field, h.after_json]));
    const stored = leaves(review);
    for (const [field, after] of lastAfter) expect(stored.get(field) ?? 'null', field).toBe(after);
    return { version: row.version, review };
  } finally {
    db.close();
  }
}

/** What the form shows after a reload equals the stored review. */
async function expectFormShows(review: Review): Promise<void> {
  for (const input of await page.getByTestId('score-input').all()) {
    const [dimension, criterion] = [(await input.getAttribute('data-dimension'))!, (await input.getAttribute('data-criterion'))!];
    const score = review.dimensions[dimension as keyof Review['dimensions']]?.scores[criterion];
    expect(await input.inputValue(), `${dimension}/${criterion}`).toBe(score === undefined || score === null ? '' : String(score));
  }
  for (const opinion of await page.getByTestId('dimension-opinion').all()) {
    const dimension = (await opinion.getAttribute('data-dimension'))!;
    expect(await opinion.inputValue(), dimension).toBe(review.dimensions[dimension as keyof Review['dimensions']]?.opinion ?? '');
  }
  expect(await page.getByTestId('overall-opinion').inputValue()).toBe(review.overallOpinion);
}

describe.skipIf(!existsSync(chromiumPath))('killing the server while the expert types', () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    await start();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    await recordSaves(page);
    await page.goto(app.url);
    await saveExpertProfile(page);
    await page.getByTestId('package-file-input').setInputFiles(path.join(root, 'resources/samples/wulong-2027.rpkg'));
    await page.getByTestId('project-item').first().waitFor({ timeout: 60_000 });
    await openScoreTab(page);
    await page.getByTestId('conflict-none').click();
    await page
      .getByTestId('save-status')
      .filter({ hasText: /^已保存 \d{2}:\d{2}:\d{2}$/ })
      .waitFor({ timeout: 10_000 });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    for (const running of started.filter((a) => a.child.exitCode === null && a.child.signalCode === null)) await running.stop();
  });

  it.each(KILL_AFTER_MS.map((ms, round) => [round + 1, ms]))(
    'round %i: SIGKILL after %i ms of typing loses nothing acknowledged',
    async (_round, killAfter) => {
      let killed = false;
      const exited = new Promise((done) => app.child.once('exit', done));
      const typing = typeUntil(() => killed);
      await new Promise((done) => setTimeout(done, killAfter));
      app.child.kill('SIGKILL');
      killed = true;
      await exited;
      await typing;
      await Promise.all([...pendingBodies]);
      const ackedBeforeKill = acked;

      // The file as the kill left it: sound, at least as new as the last acknowledged save, and exactly a state the page sent.
      const stored = inspectAfterKill();
      expect(stored.version).toBeGreaterThanOrEqual(ackedBeforeKill.version);
      expect(stored.review).toEqual(sent.get(stored.version));
      if (stored.version === ackedBeforeKill.version) expect(stored.review).toEqual(ackedBeforeKill.review);

      // Restarted on the same folder: nothing was quarantined, the API and the reloaded form give back the same review.
      await start();
      expect(readdirSync(dataDir).filter((f) => f.includes('.corrupt-'))).toEqual([]);
      const view = await callApi<ReviewView>(app.url, 'review.get', target);
      expect(view.version).toBe(stored.version);
      expect(view.review).toEqual(stored.review);
      await page.goto(app.url);
      await openScoreTab(page);
      expect(await page.getByTestId('conflict-none').getAttribute('aria-checked')).toBe('true');
      await expectFormShows(stored.review);
      acked = { version: view.version, review: view.review };
    },
    30_000,
  );
});
