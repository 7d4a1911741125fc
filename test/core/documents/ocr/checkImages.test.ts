// `review-desk check` reads a PNG document by recognition, as `review-desk text` does: a proposal submitted as a picture
// of its contents page has its chapters found there; with --no-ocr it is left to the expert (需专家判断), never 不符合.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../../electron/cli';
import { openCore } from '../../../../electron/core/app';
import { describeFile, writePackageZip } from '../../../../electron/core/package/write';
import { manifestSchema } from '../../../../shared/manifest';
import { pageAsPicture } from '../../../../scripts/make-scan-corpus';
import type { Finding, PrecheckReport } from '../../../../shared/precheck';
import { quietHost, tempDir } from '../../../helpers/core';
import { ok } from '../../sampleSession';

const samples = path.resolve(__dirname, '../../../../resources/samples/wulong-2027');
const PROJECT = 'wl-2027-03';
const PROPOSAL = 'wl-2027-03-proposal';
let folder: string;

beforeAll(async () => {
  // The 武隆 sample with project 03's 建设方案 as one 150-dpi PNG of its contents page (chapters 一 to 六), and its other
  // chapter-bearing documents (可研, 初步设计) taken out, so the picture is the only place its chapters can be found.
  folder = path.join(tempDir('rd-check-png-'), 'wulong-png');
  cpSync(samples, folder, { recursive: true });
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')));
  const project = manifest.projects.find((p) => p.id === PROJECT)!;
  const dir = path.join(folder, 'documents', PROJECT);
  for (const doc of project.documents.filter((d) => d.kind === 'feasibility' || d.kind === 'preliminary-design'))
    rmSync(path.join(folder, ...doc.path.split('/')));
  project.documents = project.documents.filter((d) => d.kind !== 'feasibility' && d.kind !== 'preliminary-design');
  const proposal = project.documents.find((d) => d.id === PROPOSAL)!;
  pageAsPicture(path.join(dir, '建设方案.pdf'), 2, path.join(dir, '建设方案.png'));
  rmSync(path.join(dir, '建设方案.pdf'));
  Object.assign(proposal, await describeFile(path.join(dir, '建设方案.png'), `documents/${PROJECT}/建设方案.png`));
  writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
}, 60_000);

interface CheckJson {
  ok: boolean;
  projects: {
    id: string;
    findings: Pick<Finding, 'ruleId' | 'status' | 'message' | 'evidence'>[];
    unreadable: unknown[];
    skipped: unknown[];
  }[];
}

const check = async (...flags: string[]) => {
  const lines: string[] = [];
  expect(await run(['check', folder, '--json', ...flags], (l) => lines.push(l))).toBe(0);
  const out = JSON.parse(lines.join('\n')) as CheckJson;
  expect(out.ok).toBe(true);
  return out.projects.find((p) => p.id === PROJECT)!;
};
const chapters = (p: Awaited<ReturnType<typeof check>>) => p.findings.filter((f) => f.ruleId.includes('.chapter.'));

describe("the app's pre-check of a package with a PNG document (before the tests below change the picture)", () => {
  it('leaves the chapters to the expert while the picture waits for recognition, then finds them on it', async () => {
    const rpkg = path.join(tempDir('rd-app-png-'), 'wulong-png.rpkg');
    await writePackageZip(folder, rpkg);
    const core = await openCore(quietHost(tempDir()));
    try {
      const { id: sessionId } = await ok<{ id: string }>(core, 'package.import', { jobId: 'i', source: { kind: 'path', path: rpkg } });
      const report = () => ok<PrecheckReport>(core, 'precheck.project', { sessionId, projectId: PROJECT });
      const chapterFindings = (r: PrecheckReport) => r.findings.filter((f) => f.ruleId.includes('.chapter.'));

      // Before recognition the picture has no text: its chapters are 需专家判断, never 不符合.
      const waiting = await report();
      expect(chapterFindings(waiting).filter((f) => f.status === 'fail')).toEqual([]);
      const judged = chapterFindings(waiting).filter((f) => f.status === 'judge');
      expect(judged.length).toBeGreaterThan(0);
      for (const f of judged) expect(f.message).toMatch(/《[^》]*建设方案》为图片，文字识别中/);

      await ok(core, 'text.extract', { sessionId, jobId: 'x' });
      const read = await report();
      const fromPicture = chapterFindings(read).filter((f) => f.status === 'pass' && f.evidence.some((e) => e.documentId === PROPOSAL));
      expect(fromPicture.map((f) => f.message).join('\n')).toMatch(/数据资源共享分析/);
      expect(fromPicture.length).toBeGreaterThanOrEqual(3);
      for (const f of chapterFindings(read)) expect(f.message).not.toContain('为图片');
    } finally {
      core.close();
    }
  }, 240_000);
});

describe('check on a package with a PNG document', () => {
  it('recognises the picture and finds the chapters on it, citing it', async () => {
    const project = await check();
    expect(project.unreadable).toEqual([]);
    expect(project.skipped).toEqual([]);
    // 第四章 数据资源收集治理…, 第五章 数据资源共享分析, 第六章 网络安全保护措施: read off the picture.
    const fromPicture = chapters(project).filter((f) => f.status === 'pass' && f.evidence.some((e) => e.documentId === PROPOSAL));
    expect(fromPicture.map((f) => f.message).join('\n')).toMatch(/数据资源共享分析/);
    expect(fromPicture.length).toBeGreaterThanOrEqual(3);
    for (const f of fromPicture) expect(f.evidence.find((e) => e.documentId === PROPOSAL)?.page).toBe(1);
  }, 240_000);

  it('with --no-ocr does not read it, and leaves its chapters to the expert instead of failing them', async () => {
    const project = await check('--no-ocr');
    expect(chapters(project).filter((f) => f.status === 'fail')).toEqual([]);
    expect(chapters(project).some((f) => f.evidence.some((e) => e.documentId === PROPOSAL))).toBe(false);
    const judged = chapters(project).filter((f) => f.status === 'judge');
    expect(judged.length).toBeGreaterThan(0);
    for (const f of judged) expect(f.message).toMatch(/《[^》]*建设方案》为图片，未进行文字识别/);
  }, 120_000);

  it('calls a truncated PNG unreadable, with the reason, and leaves its chapters to the expert', async () => {
    const rel = `documents/${PROJECT}/建设方案.png`;
    const file = path.join(folder, ...rel.split('/'));
    writeFileSync(file, readFileSync(file).subarray(0, 3000));
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')));
    Object.assign(
      manifest.projects.find((p) => p.id === PROJECT)!.documents.find((d) => d.id === PROPOSAL)!,
      await describeFile(file, rel),
    );
    writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));

    const project = await check();
    expect(project.unreadable).toEqual([{ documentId: PROPOSAL, reason: expect.stringMatching(/第 1 页|PNG/) }]);
    expect(chapters(project).filter((f) => f.status === 'fail')).toEqual([]);
    for (const f of chapters(project).filter((x) => x.status === 'judge')) expect(f.message).toMatch(/《[^》]*建设方案》未能读取文本/);
  }, 120_000);
});
