// `review-desk text`: every document's text per page as the app reads it (DOCX paged at its breaks), the --json shape, unreadable files and exit codes.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli';
import type { TextOutput } from '../../../electron/cli/text';
import { corpusDocx, corpusWpsPdf } from '../../../scripts/make-heading-corpus';
import { tempDir, writeMinimalPackage } from '../../helpers/core';

let folder: string;

/** The minimal package with its documents replaced by a real DOCX, a real PDF, a corrupt DOCX and a text file. */
beforeAll(async () => {
  folder = await writeMinimalPackage(tempDir());
  const files: [string, string, Buffer][] = [
    ['建设方案', 'documents/p1/建设方案.docx', await corpusDocx('word-chapter')],
    ['密码应用方案', 'documents/p1/密码应用方案.pdf', await corpusWpsPdf()],
    ['损坏的文件', 'documents/p1/损坏.docx', Buffer.from('PK\u0003\u0004 truncated')],
    ['说明', 'documents/p1/说明.txt', Buffer.from('说明文件')],
  ];
  const manifestFile = path.join(folder, 'manifest.json');
  const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8'));
  await fs.rm(path.join(folder, 'documents'), { recursive: true });
  manifest.projects[0].documents = [];
  for (const [title, rel, bytes] of files) {
    await fs.mkdir(path.dirname(path.join(folder, rel)), { recursive: true });
    await fs.writeFile(path.join(folder, rel), bytes);
    manifest.projects[0].documents.push({
      id: path.basename(rel),
      kind: 'proposal',
      title,
      path: rel,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    });
  }
  await fs.writeFile(manifestFile, JSON.stringify(manifest));
});

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await run(args, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('review-desk text', () => {
  it('gives every document with its pages under --json, DOCX split where the file breaks pages, Word numbers shown', async () => {
    const res = await cli(['text', folder, '--json', '--no-ocr']);
    expect(res.code).toBe(0);
    const { documents } = JSON.parse(res.out) as TextOutput;
    expect(documents.map((d) => [d.projectId, d.documentId, d.title])).toEqual([
      ['p1', '建设方案.docx', '建设方案'],
      ['p1', '密码应用方案.pdf', '密码应用方案'],
      ['p1', '损坏.docx', '损坏的文件'],
      ['p1', '说明.txt', '说明'],
    ]);
    const [docx, pdf, broken, txt] = documents;
    // Title page, then one chapter a page (段前分页); the chapter number comes from numbering.xml, not the text.
    expect(docx!.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(docx!.pages[4]!.text.split('\n')[0]).toBe('第四章 网络安全保障措施');
    expect(docx!.pages.every((p) => p.source === 'text')).toBe(true);
    expect(pdf!.pages).toHaveLength(6);
    expect(pdf!.pages[2]!.text).toContain('信息资源共享分析');
    expect(broken!.pages).toEqual([]);
    expect(broken!.error).toMatch(/DOCX/);
    expect(txt).toMatchObject({ pages: [], error: expect.any(String) });
  }, 60_000);

  it('prints page by page for people, and refuses bad arguments and broken packages', async () => {
    const human = await cli(['text', folder]);
    expect(human.code).toBe(0);
    expect(human.out).toContain('【p1】《建设方案》（建设方案.docx）\n—— 第 1 页 ——');
    expect(human.out).toContain('—— 第 4 页 ——\n第三章 信息资源共享分析');
    expect((await cli(['text'])).code).toBe(2);
    expect((await cli(['text', folder, '--pages'])).code).toBe(2);
    const missing = await cli(['text', path.join(tempDir(), 'none.rpkg'), '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: expect.any(String) })] });
  }, 60_000);
});
