// A package whose proposal is a scan (image-only PDF) through the core, as an expert opens it: while the scan is not yet
// recognised its chapters are 需专家判断 saying so, never 不符合; recognition resumes after a cancel from its cache, and
// once the text arrives the pre-check finds the chapters and search finds words on the scanned pages.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPackageProjects } from '../../../../electron/core/precheck/packageCheck';
import { manifestSchema } from '../../../../shared/manifest';
import { openCore, type Core } from '../../../../electron/core/app';
import { callCore } from '../../../../electron/core/api/call';
import type { JobProgress, SessionDetail, SessionSearchResult } from '../../../../shared/domain';
import type { OcrBox } from '../../../../shared/ocr';
import type { PrecheckReport } from '../../../../shared/precheck';
import { makeSamples } from '../../../../scripts/make-samples';
import { scanPackage } from '../../../../scripts/make-scan-corpus';
import { run } from '../../../../electron/cli';
import type { TextOutput } from '../../../../electron/cli/text';
import { tempDir } from '../../../helpers/core';

let core: Core;
let scannedFolder: string;
/** The sample package as made, with its text PDFs: where the scanned words really are. */
let originalFolder: string;
let scannedRpkg: string;
let session: SessionDetail;
const progress: JobProgress[] = [];
let onProgress: (p: JobProgress) => void = () => undefined;
const ok = <T>(name: string, input: unknown): Promise<T> => callCore<T>(core.dispatch, name, input);
const PROJECT = 'wl-2027-03';

beforeAll(async () => {
  const samples = tempDir();
  const [wulong] = await makeSamples(samples);
  originalFolder = wulong!.folder;
  // 建设方案: its cover and two-page table of contents, as a scan; the other files keep their text.
  scannedFolder = path.join(samples, 'wulong-scanned');
  const rpkg = (scannedRpkg = await scanPackage(wulong!.folder, samples, 'wulong-scanned', (rel) =>
    rel === `documents/${PROJECT}/建设方案.pdf` ? 3 : null,
  ));
  core = await openCore({
    dataDir: tempDir(),
    version: 't',
    transport: 'ipc',
    choosePath: null,
    openPath: async () => false,
    openFolder: async () => false,
    emit: (_n, p) => {
      progress.push(p);
      onProgress(p);
    },
  });
  const summary = await ok<{ id: string }>('package.import', { jobId: 'i', source: { kind: 'path', path: rpkg } });
  session = await ok<SessionDetail>('session.get', { sessionId: summary.id });
}, 180_000);
afterAll(() => core?.close());

const scanned = () => session.projects.find((p) => p.id === PROJECT)!.documents.find((d) => d.path.endsWith('建设方案.pdf'))!;
const chapterFindings = (r: PrecheckReport) => r.findings.filter((f) => f.ruleId.includes('chapter'));

describe('a scanned proposal', () => {
  it('is 需专家判断 “为扫描件，文字识别中” while not recognised, and recognised after a cancel without redoing a page', async () => {
    // Cancel as soon as the first scanned page is recognised.
    onProgress = (p) => {
      if (p.jobId === 'x' && p.phase === 'ocr' && p.done === 1) void ok('job.cancel', { jobId: 'x' });
    };
    // A cancelled extraction ends normally with what it did (as for text), the rest waits for the next run.
    await ok('text.extract', { sessionId: session.id, jobId: 'x' });
    onProgress = () => undefined;
    expect(progress.filter((p) => p.jobId === 'x' && p.phase === 'ocr').map((p) => [p.done, p.total])).toEqual([[1, 3]]);

    const pending = await ok<PrecheckReport>('precheck.project', { sessionId: session.id, projectId: PROJECT });
    expect(chapterFindings(pending).filter((f) => f.status === 'fail')).toEqual([]);
    const judged = chapterFindings(pending).filter((f) => f.status === 'judge');
    expect(judged.length).toBeGreaterThan(0);
    for (const f of judged) expect(f.message).toMatch(/《[^》]*建设方案》为扫描件，文字识别中/);

    // The second run recognises only the page left (the first is cached), then the chapters are found.
    await ok('text.extract', { sessionId: session.id, jobId: 'y' });
    expect(progress.filter((p) => p.jobId === 'y' && p.phase === 'ocr').map((p) => [p.done, p.total])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    const report = await ok<PrecheckReport>('precheck.project', { sessionId: session.id, projectId: PROJECT });
    expect(report.findings.filter((f) => f.status === 'fail')).toEqual([]);
    const scanKey = scanned().key;
    const found = report.chapters.filter((c) => c.found && c.documentKey === scanKey);
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const f of chapterFindings(report)) expect(f.message).not.toContain('扫描件');
  }, 240_000);

  it('search finds words on the recognised pages', async () => {
    const { hits } = await ok<SessionSearchResult>('search.session', { sessionId: session.id, query: '网络安全保护措施' });
    expect(hits.some((h) => h.documentKey === scanned().key && h.page === 2)).toBe(true);
  });

  it("serves a recognised page's lines where the words are on the page (fractions of its size); null for a page not recognised", async () => {
    const lines = (documentKey: number, page: number) => ok<OcrBox[] | null>('document.recognisedLines', { documentKey, page });
    const scan = scanned();
    const page2 = (await lines(scan.key, 2))!;
    expect(page2.length).toBeGreaterThan(5);
    expect(page2.flatMap((l) => l.quad).every((v) => v >= 0 && v <= 1)).toBe(true);

    // Where poppler finds the phrase in the text PDF the scan was made from, as fractions of the page.
    const bbox = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-bbox', path.join(originalFolder, ...scan.path.split('/')), '-'], {
      encoding: 'utf8',
    });
    const [, pw, ph] = /<page width="([\d.]+)" height="([\d.]+)"/.exec(bbox)!.map(Number) as [number, number, number];
    const [, x0, y0, x1, y1] = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">网络安全保护措施/
      .exec(bbox)!
      .map(Number) as [number, number, number, number, number];
    const line = page2.find((l) => l.text.includes('网络安全保护措施'))!;
    expect(line.charAt).toHaveLength(line.text.length);
    const xs = line.quad.filter((_, i) => i % 2 === 0);
    const ys = line.quad.filter((_, i) => i % 2 === 1);
    // The scan is turned by under 1° and its box padded a little: 1.5 % of the page is far closer than the next line.
    const slack = 0.015;
    expect(Math.abs((Math.min(...ys) + Math.max(...ys)) / 2 - (y0 + y1) / 2 / ph)).toBeLessThan(slack);
    expect(Math.min(...xs)).toBeLessThan(x0 / pw + slack);
    expect(Math.max(...xs)).toBeGreaterThan(x1 / pw - slack);

    // A text PDF's page, a page past the end, and an unknown document.
    const text = session.projects.find((p) => p.id === PROJECT)!.documents.find((d) => d.path.endsWith('密码应用方案.pdf'))!;
    expect(await lines(text.key, 1)).toBeNull();
    expect(await lines(scan.key, 4)).toBeNull();
    const missing = await core.dispatch('document.recognisedLines', { documentKey: 999_999, page: 1 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('`check --no-ocr` (no recognition) calls the scan unreadable and its chapters 需专家判断, never 不符合', async () => {
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(scannedFolder, 'manifest.json'), 'utf8')));
    const project = (await checkPackageProjects(manifest, scannedFolder)).find((p) => p.id === PROJECT)!;
    expect(project.unreadable).toEqual([{ documentId: scanned().id, reason: '文件为扫描件，未进行文字识别' }]);
    expect(project.findings.filter((f) => f.ruleId.includes('chapter') && f.status === 'fail')).toEqual([]);
    expect(
      project.findings
        .filter((f) => f.status === 'judge')
        .map((f) => f.message)
        .join('\n'),
    ).toMatch(/《[^》]*建设方案》未能读取文本/);
  }, 120_000);

  it('`review-desk text` prints the recognised pages as source "ocr", and with --no-ocr the empty text layer', async () => {
    const textOf = async (...flags: string[]) => {
      const lines: string[] = [];
      expect(await run(['text', scannedRpkg, '--json', ...flags], (l) => lines.push(l))).toBe(0);
      const out = JSON.parse(lines.join('\n')) as TextOutput;
      return out.documents.find((d) => d.projectId === PROJECT && d.title === scanned().title)!;
    };
    const recognised = await textOf();
    expect(recognised.pages.map((p) => p.source)).toEqual(['ocr', 'ocr', 'ocr']);
    expect(recognised.pages[1]!.text).toContain('网络安全');
    const plain = await textOf('--no-ocr');
    expect(plain.pages.map((p) => [p.source, p.text.trim()])).toEqual([
      ['text', ''],
      ['text', ''],
      ['text', ''],
    ]);
  }, 240_000);
});
