// End to end in Chromium: a scored project, the 文书 screen from the session header, the expert opinion previewed with pdf.js, a batch into the default folder with its files on disk, a template's text edited with a live preview and saved as version 2, and a bureau .docx uploaded with its placeholders shown.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../electron/core/documents/text';
import type { Envelope } from '../../shared/api';
import type { ReviewView } from '../../shared/scoring';
import { decodeWire, encodeWire } from '../../shared/wire';
import { completedReview } from '../core/sampleSession';
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
  headerAction,
} from './harness';

let browser: Browser;
let app: WebApp;
let page: Page;
let errors: string[];
let dataDir: string;

/** A call through the web bridge from the test itself, with the run's token. */
async function api<T>(name: string, input: unknown): Promise<T> {
  const url = new URL(app.url);
  const res = await fetch(`${url.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'X-Review-Desk-Token': url.searchParams.get('token')!, 'Content-Type': 'application/octet-stream' },
    body: Buffer.from(encodeWire(input)),
  });
  const envelope = decodeWire(new Uint8Array(await res.arrayBuffer())) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}

const renderedPages = () => page.locator('[data-testid="documents-preview"] [data-testid="pdf-page"][data-rendered="true"]');

describe.skipIf(!existsSync(chromiumPath))('generated documents in the browser', () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    dataDir = tempDir('rd-e2e-documents-');
    app = await startWebApp(dataDir);
    browser = await launchChromium();
    ({ page, errors } = await newPage(browser));
    await page.goto(app.url);
    await saveExpertProfile(page);
    await page.getByTestId('package-file-input').setInputFiles(path.join(root, 'resources/samples/wulong-2027.rpkg'));
    await page.getByTestId('project-item').first().waitFor({ timeout: 60_000 });
    // The first project scored and completed through the API, as the 评分 form would save it.
    const [session] = await api<{ id: string }[]>('session.list', {});
    const detail = await api<{ projects: { id: string }[] }>('session.get', { sessionId: session!.id });
    await api('session.roster.confirm', { sessionId: session!.id, position: 0 }); // 确认身份: 周建国 is the roster's first entry
    await api('session.commitment.accept', { sessionId: session!.id });
    const projectId = detail.projects[0]!.id;
    const empty = await api<ReviewView>('review.get', { sessionId: session!.id, projectId });
    await api('review.save', {
      sessionId: session!.id,
      projectId,
      review: completedReview(empty, { overall: '同意该项目按专家意见修改完善后实施。' }),
      baseVersion: empty.version,
    });
    await api('review.complete', { sessionId: session!.id, projectId });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens 文书 from the header and previews the expert opinion of the current project with pdf.js', async () => {
    await page.getByTestId('project-item').first().click();
    await headerAction(page, 'documents-open');
    await page.getByTestId('documents').waitFor();
    expect(await page.getByTestId('documents-open').getAttribute('aria-pressed')).toBe('true');
    const items = page.getByTestId('template-item');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThanOrEqual(7); // six built-ins and the score sheets
    expect(await page.locator('[data-template="expert-opinion"] [data-testid="template-version"]').textContent()).toBe('第 1 版');
    await renderedPages().first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="documents-preview"] canvas').count()).toBeGreaterThan(0);
    const projectName = (await page.getByTestId('project-item').first().locator('.project-name').textContent())!.trim();
    await expect
      .poll(() => page.locator('[data-testid="documents-preview"] .textLayer').first().textContent(), { timeout: 10_000 })
      .toContain('专家个人评审意见表');
    expect(await page.locator('.documents-preview-title').textContent()).toContain(projectName);
  }, 60_000);

  it('batch-generates the chosen templates for the session into the default folder and lists the files', async () => {
    await page.locator('[data-template="attendance"] [data-testid="template-choose"]').check();
    await page.locator('[data-template="score-sheet"] [data-testid="template-choose"]').check();
    await page.getByTestId('format-xlsx').check();
    await page.getByTestId('generate-all').click();
    const result = page.getByTestId('generate-result');
    await result.waitFor({ timeout: 60_000 });
    // Web mode lists each file as a download link (the folder is the server's, not shown): its path names the folder.
    const href = (await page.getByTestId('generated-file').first().locator('a').getAttribute('href'))!;
    const folder = path.dirname(new URL(href, 'http://127.0.0.1').searchParams.get('path')!);
    expect(folder.startsWith(path.join(dataDir, 'exports'))).toBe(true);
    const projects = await page.getByTestId('project-item').count();
    // The scored project's expert opinion × (Word, PDF), the sign-in sheet × (Word, PDF), the score sheet in Excel; the
    // projects not yet scored are listed as skipped.
    expect(Number(await result.getAttribute('data-count'))).toBe(2 + 2 + 1);
    expect(await page.getByTestId('skipped-file').count()).toBe((projects - 1) * 2);
    const files = await page.getByTestId('generated-file').allTextContents();
    for (const f of files) expect(existsSync(path.join(folder, f)), f).toBe(true);
    const projectName = (await page.getByTestId('project-item').first().locator('.project-name').textContent())!.trim();
    const pdf = files.find((f) => f.startsWith('专家个人评审意见表-') && f.endsWith('.pdf') && f.includes(projectName))!;
    const text = (await extractText(path.join(folder, pdf), 'pdf', 'e2e')).pages
      .map((p) => p.text)
      .join('')
      .replace(/\s/g, '');
    expect(text).toContain(projectName.replace(/\s/g, ''));
    expect(text).toContain('同意该项目按专家意见修改完善后实施');
    await page.getByTestId('generate-result').scrollIntoViewIfNeeded();
    await shot(page, '30-documents');
  }, 90_000);

  it('edits a template text with a live preview and saves it as version 2', async () => {
    await page.locator('[data-template="expert-opinion"] [data-testid="template-edit"]').click();
    await page.getByTestId('template-editor').waitFor();
    const paragraph = page.locator('[data-testid="template-editor"] textarea[data-testid="template-text"]').first();
    await paragraph.fill('本表由评审专家独立填写。');
    await expect
      .poll(
        () =>
          page
            .locator('[data-testid="documents-preview"] .textLayer')
            .allTextContents()
            .then((t) => t.join('')),
        { timeout: 20_000 },
      )
      .toContain('本表由评审专家独立填写');
    await shot(page, '31-documents-edit');
    await page.getByTestId('template-save').click();
    await page.getByTestId('template-editor').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('[data-template="expert-opinion"] [data-testid="template-version"]').textContent())
      .toBe('第 2 版');
    // The record keeps the version each earlier file was made from.
    await page.getByTestId('generated-history').locator('summary').click();
    expect(await page.getByTestId('history-item').first().textContent()).toMatch(/第 1 版/);
  }, 60_000);

  it('uploads a bureau .docx template and shows which placeholders it can fill', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph('关于{{project.name}}的评审意见'), new Paragraph('文号：{{红头编号}}')] }],
    });
    await page.getByTestId('template-upload-input').setInputFiles({
      name: '红头函.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await Packer.toBuffer(doc),
    });
    await page.getByTestId('upload-placeholders').waitFor();
    expect(await page.getByTestId('placeholders-known').textContent()).toBe('{{project.name}}');
    expect(await page.getByTestId('placeholders-unknown').textContent()).toBe('{{红头编号}}');
    await page.locator('[data-testid="template-item"]', { hasText: '红头函' }).waitFor();
    await page.getByTestId('upload-placeholders').scrollIntoViewIfNeeded();
    await shot(page, '32-documents-upload');
    expect(errors).toEqual([]);
  }, 60_000);
});
