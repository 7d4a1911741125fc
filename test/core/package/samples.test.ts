// The generated sample packages are structurally valid, reproducible, realistic documents — and the defects package holds its defects.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fromBufferPromise } from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePackageZip } from '../../../electron/core/package/write';
import { manifestSchema, type Manifest } from '../../../shared/manifest';
import { makeSamples, type WrittenSample } from '../../../scripts/make-samples';
import { missingChapter } from '../../../scripts/samples/donghe';
import { requiredChapters } from '../../../scripts/samples/proposal';

let tmp: string;
let samples: WrittenSample[];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'rd-samples-'));
  samples = await makeSamples(tmp);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const sample = (dirName: string) => samples.find((s) => s.dirName === dirName)!;
const docPath = (s: WrittenSample, rel: string) => path.join(s.folder, ...rel.split('/'));
const documentOf = (m: Manifest, projectId: string, kind: string) =>
  m.projects.find((p) => p.id === projectId)!.documents.find((d) => d.kind === kind)!;

async function filesUnder(folder: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(folder, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await filesUnder(folder, rel)));
    else out.push(rel);
  }
  return out;
}

async function zipEntries(zip: Buffer): Promise<Map<string, Buffer>> {
  const archive = await fromBufferPromise(zip, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  for await (const entry of archive.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await archive.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.set(entry.fileName, Buffer.concat(chunks));
  }
  return entries;
}

async function pdfText(file: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('') + '\n';
  }
  await pdf.destroy();
  return text;
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

describe('sample packages', () => {
  it('writes both packages, each with a manifest that passes the schema', async () => {
    expect(samples.map((s) => s.dirName).sort()).toEqual(['donghe-2027-defects', 'wulong-2027']);
    for (const s of samples) {
      const onDisk = JSON.parse(await readFile(path.join(s.folder, 'manifest.json'), 'utf8'));
      expect(() => manifestSchema.parse(onDisk)).not.toThrow();
      expect(onDisk).toEqual(s.manifest);
    }
  });

  it('lists every file with its SHA-256 and size, and nothing unlisted', async () => {
    for (const s of samples) {
      const listed = s.manifest.projects.flatMap((p) => p.documents);
      for (const d of listed) {
        const bytes = await readFile(docPath(s, d.path));
        expect(bytes.length, d.path).toBe(d.bytes);
        expect(createHash('sha256').update(bytes).digest('hex'), d.path).toBe(d.sha256);
      }
      const onDisk = (await filesUnder(s.folder)).filter((f) => f !== 'manifest.json').sort();
      expect(onDisk).toEqual(listed.map((d) => d.path).sort());
    }
  });

  it('keeps budget lines consistent: amount = quantity × unit price, total = sum of lines', () => {
    for (const s of samples) {
      for (const p of s.manifest.projects) {
        expect(p.budgetLines.length, p.id).toBeGreaterThanOrEqual(8);
        expect(p.budgetLines.length, p.id).toBeLessThanOrEqual(15);
        let sumFen = 0;
        for (const line of p.budgetLines) {
          expect(Math.round(line.quantity * line.unitPrice * 100), line.name).toBe(Math.round(line.amount * 100));
          sumFen += Math.round(line.amount * 100);
        }
        expect(sumFen, p.id).toBe(Math.round(p.totalInvestment * 100));
      }
    }
  });

  it('zips a folder to identical bytes every time, with manifest.json first and the same entries as the folder', async () => {
    for (const s of samples) {
      const again = path.join(tmp, `${s.dirName}-again.rpkg`);
      await writePackageZip(s.folder, again);
      const first = await readFile(s.rpkg);
      expect((await readFile(again)).equals(first)).toBe(true);
      const entries = await zipEntries(first);
      expect([...entries.keys()][0]).toBe('manifest.json');
      expect([...entries.keys()].sort()).toEqual((await filesUnder(s.folder)).sort());
      for (const [name, data] of entries) expect(data.equals(await readFile(docPath(s, name))), name).toBe(true);
    }
  });

  it('writes real PDFs, with multi-page proposals', async () => {
    for (const s of samples) {
      for (const d of s.manifest.projects.flatMap((p) => p.documents).filter((d) => d.path.endsWith('.pdf'))) {
        const pdf = await readFile(docPath(s, d.path));
        expect(pdf.subarray(0, 5).toString('latin1'), d.path).toBe('%PDF-');
        expect(pageCount(pdf), d.path).toBeGreaterThanOrEqual(d.kind === 'proposal' ? 5 : 3);
      }
    }
  });

  it('writes DOCX files with the chapter headings and an embedded PNG', async () => {
    const s = sample('wulong-2027');
    const entries = await zipEntries(await readFile(docPath(s, documentOf(s.manifest, 'wl-2027-01', 'preliminary-design').path)));
    const xml = entries.get('word/document.xml')!.toString('utf8');
    for (const heading of ['第一章 项目概述', '第二章 系统功能设计', '第五章 投资概算', '5.2 投资构成']) expect(xml).toContain(heading);
    expect(xml).toContain('Heading1');
    const images = [...entries.keys()].filter((n) => n.startsWith('word/media/') && n.endsWith('.png'));
    expect(images).toHaveLength(1);
    expect(entries.get(images[0]!)!.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('writes the 投资概算表 with a merged title, amounts and a SUM formula', async () => {
    const s = sample('wulong-2027');
    const entries = await zipEntries(await readFile(docPath(s, documentOf(s.manifest, 'wl-2027-01', 'budget').path)));
    const sheet = entries.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toMatch(/<f>SUM\(G4:G17\)<\/f><v>7200000<\/v>/);
    expect(sheet).toContain('<mergeCell ref="A1:H1"/>');
    expect(entries.get('xl/sharedStrings.xml')!.toString('utf8')).toContain('武隆区智慧城管综合平台（二期）建设项目投资概算表');
  });

  it('gives every 武隆 proposal each chapter 第十四条 requires, and every 武隆 project its mandatory documents', async () => {
    const s = sample('wulong-2027');
    for (const p of s.manifest.projects) {
      const kinds = new Set(p.documents.map((d) => d.kind));
      for (const kind of ['proposal', 'budget', 'crypto-plan', 'resource-catalog', 'performance-targets'])
        expect(kinds.has(kind as never), `${p.id} ${kind}`).toBe(true);
      if (p.type === 'expansion') expect(kinds.has('post-evaluation'), p.id).toBe(true);
      if (p.totalInvestment >= 30_000_000) expect(kinds.has('feasibility'), p.id).toBe(true);
    }
    const text = await pdfText(docPath(s, documentOf(s.manifest, 'wl-2027-01', 'proposal').path));
    expect(text).toContain('目 录');
    for (const chapter of requiredChapters) expect(text, chapter).toMatch(new RegExp(`第[一二三四五六七八九十]+章 ${chapter}`));
    expect(s.manifest.projects.flatMap((p) => p.documents).some((d) => d.kind === 'other' && d.path.endsWith('.ofd'))).toBe(true);
  });

  it('keeps the defects in the 东河 package: missing chapter and 可研, ineligible lines, off-plan project, APP and 专网', async () => {
    const m = sample('donghe-2027-defects').manifest;
    const text = await pdfText(docPath(sample('donghe-2027-defects'), documentOf(m, 'dh-2027-01', 'proposal').path));
    expect(text).toContain('网络安全保护措施');
    expect(text).not.toContain(missingChapter);
    expect(m.projects.find((p) => p.id === 'dh-2027-01')!.documents.some((d) => d.kind === 'feasibility')).toBe(false);
    const lines = m.projects.flatMap((p) => p.budgetLines.map((l) => l.name)).join('\n');
    for (const ineligible of ['人员工资', '差旅费', '办公耗材', '会议室升级改造', '推广宣传']) expect(lines).toContain(ineligible);
    const offPlan = m.projects.find((p) => !p.inAnnualPlan)!;
    expect(offPlan.name).toMatch(/APP/);
    const offPlanText = await pdfText(docPath(sample('donghe-2027-defects'), documentOf(m, offPlan.id, 'proposal').path));
    for (const flag of ['业务专网', '独立开发“掌上东河”APP', '微信小程序']) expect(offPlanText).toContain(flag);
  });
});
