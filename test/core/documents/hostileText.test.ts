// Issue 17 items 2 and 13: a document whose parts inflate to hundreds of megabytes is a document that could not be read
// (with a Chinese reason), never a dead process: XML parts are bounded before parsing, and every parser runs in a
// worker with a heap and time limit — the app's extraction, `review-desk check` and the bureau's draft pre-check alike.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli';
import { extractTextsIsolated } from '../../../electron/core/documents/isolatedText';
import { checkOoxmlParts, OoxmlTooLarge } from '../../../electron/core/documents/ooxmlLimits';
import { extractText } from '../../../electron/core/documents/text';
import { checkPackageProjects } from '../../../electron/core/precheck/packageCheck';
import { manifestSchema } from '../../../shared/manifest';
import { docxBomb, pdfContentBomb, plainDocx } from '../../../scripts/hostile/documents';
import { tempDir } from '../../helpers/core';

const MiB = 2 ** 20;
let dir: string;
/** Past the 64 MB part limit; the 400 MB file of the report is built the same way (scripts/hostile/documents.ts). */
let bombDocx: string;
let bombPdf: string;

beforeAll(async () => {
  dir = tempDir('hostile-text-');
  bombDocx = path.join(dir, 'bomb.docx');
  bombPdf = path.join(dir, 'bomb.pdf');
  await fs.writeFile(bombDocx, docxBomb(100 * MiB));
  await fs.writeFile(bombPdf, pdfContentBomb(150 * MiB));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** A folder package with one project whose documents are `files` (the first is the 建设方案). */
async function folderPackage(files: Record<string, Buffer>): Promise<string> {
  const root = tempDir('hostile-pkg-');
  const documents = [];
  for (const [i, [name, data]] of Object.entries(files).entries()) {
    const rel = `documents/p1/${name}`;
    await fs.mkdir(path.join(root, 'documents', 'p1'), { recursive: true });
    await fs.writeFile(path.join(root, rel), data);
    documents.push({
      id: `D${i + 1}`,
      kind: i === 0 ? 'proposal' : 'other',
      title: name,
      path: rel,
      sha256: createHash('sha256').update(data).digest('hex'),
      bytes: data.length,
    });
  }
  const manifest = {
    formatVersion: 1,
    packageId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    createdAt: '2027-03-01T08:00:00+08:00',
    issuer: '测试区大数据发展局',
    jurisdiction: 'national',
    session: {
      title: '测试评审会',
      date: '2027-03-05',
      location: '会议室',
      experts: [{ name: '张三', title: '高级工程师', employer: '某研究院' }],
      chair: '张三',
    },
    projects: [
      {
        id: 'p1',
        name: '测试项目',
        applicant: '测试局',
        type: 'new',
        totalInvestment: 100000,
        fundingSource: '区级财政',
        periodMonths: 12,
        inAnnualPlan: true,
        summary: '',
        documents,
        budgetLines: [{ id: 'b1', name: '服务器', category: '硬件', quantity: 2, unit: '台', unitPrice: 50000, amount: 100000 }],
      },
    ],
  };
  await fs.writeFile(path.join(root, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return root;
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await run(args, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('a DOCX whose document.xml inflates past the limit', () => {
  it('is refused before mammoth parses it, counted while inflating, with a Chinese reason', async () => {
    await expect(checkOoxmlParts(bombDocx)).rejects.toBeInstanceOf(OoxmlTooLarge);
    // The declared size can lie: the bytes actually inflated are counted too.
    await expect(checkOoxmlParts(bombDocx, { entries: 5000, partBytes: 64 * MiB, totalBytes: 256 * MiB })).rejects.toThrow(
      /word\/document\.xml 解压后过大/,
    );
    await expect(extractText(bombDocx, 'docx', 'D1')).rejects.toThrow(/无法读取 DOCX 文件：.*压缩炸弹/);
  });

  it('a worker that runs its heap out leaves the document unreadable and the process alive', async () => {
    // 40 MB of XML is within the part limit; a 128 MB heap cannot hold mammoth's tree of it. (A far smaller heap is not
    // used: a single allocation more than 16 MB past a worker's limit aborts the whole process, nodejs/node#47224.)
    const big = path.join(dir, 'big.docx');
    await fs.writeFile(big, docxBomb(40 * MiB));
    const small = path.join(dir, 'small.docx');
    await fs.writeFile(small, plainDocx(['第一章 项目概述', '正文']));
    const read = await extractTextsIsolated(
      [
        { file: big, kind: 'docx', documentId: 'big' },
        { file: small, kind: 'docx', documentId: 'small' },
      ],
      { documentTimeoutMs: 60_000, heapMb: 128 },
    );
    expect(read.get('big')).toEqual({ error: expect.stringMatching(/内存超出上限（128 MB）/) });
    // The next document is read by a fresh worker.
    expect(read.get('small')).toMatchObject({ text: { pages: [{ page: 1, text: expect.stringContaining('项目概述') }] } });
  }, 60_000);
});

describe('a PDF whose content stream inflates hugely', () => {
  it('stops PDFium at its memory cap (WebAssembly memory is outside the worker heap limit), and the next file reads', async () => {
    const before = process.memoryUsage().rss;
    await expect(extractText(bombPdf, 'pdf', 'bomb')).rejects.toThrow('读取时内存超出上限（1024 MB）');
    // The cap bounds what one file can take: well under the module's own 2 GiB ceiling.
    expect(process.memoryUsage().rss - before).toBeLessThan(1.5 * 2 ** 30);
    const next = path.join(dir, 'next.pdf');
    await fs.copyFile(path.join(__dirname, '..', '..', 'fixtures', 'chapters', '01-house.pdf'), next);
    expect((await extractText(next, 'pdf', 'next')).pages.length).toBeGreaterThan(3);
  }, 60_000);

  it('ends at the per-document time limit as unreadable', async () => {
    const read = await extractTextsIsolated([{ file: bombPdf, kind: 'pdf', documentId: 'pdf' }], { documentTimeoutMs: 1500, heapMb: 512 });
    expect(read.get('pdf')).toEqual({ error: expect.stringMatching(/读取超时（超过 2 秒）|内存超出上限/) });
  }, 30_000);
});

describe('the pre-check of a package holding the bombs (review-desk check, bureau.draft.precheck)', () => {
  it('marks the bomb unreadable: chapters are for the expert to judge, not 不符合', async () => {
    const folder = await folderPackage({ '建设方案.docx': await fs.readFile(bombDocx) });
    const manifest = manifestSchema.parse(JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8')));
    const [project] = await checkPackageProjects(manifest, folder);
    expect(project!.unreadable).toEqual([{ documentId: 'D1', reason: expect.stringMatching(/压缩炸弹/) }]);
    const chapters = project!.findings.filter((f) => f.ruleId.includes('.chapter.'));
    expect(chapters.length).toBeGreaterThan(0);
    for (const f of chapters) {
      expect(f.status).toBe('judge');
      expect(f.message).toMatch(/《[^》]+》未能读取文本/);
    }
  }, 60_000);

  it('`review-desk check` exits normally and prints why each document could not be read', async () => {
    const folder = await folderPackage({ '建设方案.docx': await fs.readFile(bombDocx), '附件.pdf': await fs.readFile(bombPdf) });
    const human = await cli(['check', folder, '--document-timeout', '2']);
    expect(human.code).toBe(0);
    // Refused by the part limit — or, on a loaded machine, stopped by the 2-second limit first: unreadable either way.
    expect(human.out).toMatch(/无法读取文件 D1：(无法读取 DOCX 文件|读取超时)/);
    expect(human.out).toMatch(/无法读取文件 D2：(读取超时|读取时内存超出上限)/);
    expect(human.out).not.toMatch(/✗ 不符合 .*建设方案/);
    const json = JSON.parse((await cli(['check', folder, '--json', '--document-timeout', '2'])).out);
    expect(json.projects[0].unreadable.map((u: { documentId: string }) => u.documentId)).toEqual(['D1', 'D2']);
  }, 60_000);

  it('`--timeout` bounds the whole check and lists what it skipped', async () => {
    const folder = await folderPackage({ '建设方案.pdf': await fs.readFile(bombPdf), '说明.docx': plainDocx(['说明']) });
    const res = await cli(['check', folder, '--timeout', '1', '--document-timeout', '60']);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/已超过 1 秒的时间上限，以下 2 个文件未读取/);
    expect(res.out).toMatch(/项目 p1 的文件 D1/);
    expect((await cli(['check', folder, '--timeout', 'x'])).code).toBe(2);
  }, 30_000);
});
