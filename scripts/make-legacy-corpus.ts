// Owns the legacy-format corpus (test/fixtures/legacy/): the 武隆 sample package as bureaus receive it — its Word files
// saved by LibreOffice as Word 97 .doc (one renamed .wps, as WPS 2002+ writes the same format), its workbooks as Excel
// 97-2003 .xls (one renamed .et), its 建设方案 and 密码应用方案 PDFs as OFD, plus a PNG photo — as a folder and an .rpkg (the sample's 年度计划通知 is an OFD already).
//
// LibreOffice (`soffice --headless`, Writer and Calc) does the Word and Excel saving, in one run with a private profile so
// parallel runs do not fight over its lock. No OFD writer exists here: scripts/legacy/ofd-writer.ts writes the OFD from
// the PDF's text (pdftotext, one OFD page per PDF page). Run: npx tsx scripts/make-legacy-corpus.ts
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeFile, writePackageZip } from '../electron/core/package/write';
import { manifestSchema, type Manifest } from '../shared/manifest';
import { writeOfd, type OfdSourcePage } from './legacy/ofd-writer';
import { barChartPng } from './samples/png';
import { makeSamples } from './make-samples';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
/** A GUID of its own, so the corpus and the sample can be imported side by side. */
export const legacyPackageId = '6f1c2b8e-4d3a-4e5b-9a7c-00000000a097';
/** Saved as .wps / .et instead of .doc / .xls: WPS writes the same compound formats under its own names. */
const asWps = /可行性研究报告/;
const asEt = /绩效目标表/;
/** The proposals (which carry the required chapters) and the 密码应用方案 go to OFD, page for page. */
const toOfd = /(建设方案|密码应用方案)\.pdf$/;

export interface LegacyCorpus {
  original: { folder: string; manifest: Manifest };
  legacy: { folder: string; rpkg: string; manifest: Manifest };
}

/** The soffice binary, or null when LibreOffice is not installed. */
export function sofficePath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/local/bin'])) {
    const file = path.join(dir, 'soffice');
    if (dir && existsSync(file)) return file;
  }
  return null;
}

/** Saves every file as `format` (doc, xls) into `outDir` with one soffice run. */
export function sofficeConvert(files: string[], format: 'doc' | 'xls', outDir: string, profileDir: string): void {
  if (!files.length) return;
  const soffice = sofficePath();
  if (!soffice)
    throw new Error('需要 LibreOffice（soffice）才能生成旧格式样例：apt-get install libreoffice-writer-nogui libreoffice-calc-nogui');
  execFileSync(
    soffice,
    ['--headless', '--norestore', `-env:UserInstallation=file://${profileDir}`, '--convert-to', format, '--outdir', outDir, ...files],
    { timeout: 180_000, stdio: 'ignore' },
  );
}

/** One OFD page per PDF page, each text line at body size down the page (titles centred by their length). */
async function pdfToOfd(pdf: string, title: string): Promise<Buffer> {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 2 ** 20 }).toString('utf8');
  const pages = text
    .split('\f')
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0)
    .map((lines): OfdSourcePage => ({
      lines: lines.map((line, i) => ({ text: line, size: 4.2, x: 28, y: 37 + i * 7 })),
    }));
  return writeOfd(pages, title);
}

/** Writes the corpus into `outDir` from the 武隆 sample (generated first when resources/samples has none). */
export async function makeLegacyCorpus(outDir: string): Promise<LegacyCorpus> {
  const sampleDir = path.join(root, 'resources', 'samples', 'wulong-2027');
  if (!existsSync(path.join(sampleDir, 'manifest.json'))) await makeSamples(path.join(root, 'resources', 'samples'));
  const original = manifestSchema.parse(JSON.parse(await readFile(path.join(sampleDir, 'manifest.json'), 'utf8')));
  const folder = path.join(outDir, 'wulong-2027-legacy');
  await rm(folder, { recursive: true, force: true });
  const work = await mkdtemp(path.join(os.tmpdir(), 'legacy-corpus-'));
  try {
    const projects: Manifest['projects'] = [];
    // soffice names its output after the input's stem: each input is copied under a name unique across projects first.
    const inputs = { doc: [] as string[], xls: [] as string[] };
    await mkdir(path.join(work, 'in'));
    const converted = (projectId: string, stem: string, ext: string) => path.join(work, 'out', `${projectId}__${stem}.${ext}`);
    for (const p of original.projects)
      for (const d of p.documents) {
        const format = /\.docx$/i.test(d.path) ? 'doc' : /\.xlsx$/i.test(d.path) ? 'xls' : null;
        if (!format) continue;
        const copy = path.join(work, 'in', `${p.id}__${path.posix.basename(d.path)}`);
        await copyFile(path.join(sampleDir, ...d.path.split('/')), copy);
        inputs[format].push(copy);
      }
    sofficeConvert(inputs.doc, 'doc', path.join(work, 'out'), path.join(work, 'profile'));
    sofficeConvert(inputs.xls, 'xls', path.join(work, 'out'), path.join(work, 'profile'));
    for (const p of original.projects) {
      const documents: Manifest['projects'][number]['documents'] = [];
      for (const d of p.documents) {
        const src = path.join(sampleDir, ...d.path.split('/'));
        const stem = path.posix.basename(d.path).replace(/\.[^.]+$/, '');
        let rel = d.path;
        let write: () => Promise<void>;
        if (/\.docx$/i.test(d.path)) {
          rel = `documents/${p.id}/${stem}.${asWps.test(stem) ? 'wps' : 'doc'}`;
          write = () => copyFile(converted(p.id, stem, 'doc'), path.join(folder, ...rel.split('/')));
        } else if (/\.xlsx$/i.test(d.path)) {
          rel = `documents/${p.id}/${stem}.${asEt.test(stem) ? 'et' : 'xls'}`;
          write = () => copyFile(converted(p.id, stem, 'xls'), path.join(folder, ...rel.split('/')));
        } else if (toOfd.test(d.path)) {
          rel = `documents/${p.id}/${stem}.ofd`;
          write = async () => writeFile(path.join(folder, ...rel.split('/')), await pdfToOfd(src, d.title));
        } else write = () => copyFile(src, path.join(folder, ...rel.split('/')));
        await mkdir(path.join(folder, 'documents', p.id), { recursive: true });
        await write();
        const { sha256, bytes } = await describeFile(path.join(folder, ...rel.split('/')), rel);
        documents.push({ ...d, path: rel, sha256, bytes });
      }
      // A picture sent as its own document (a site photo: a chart without text, so recognising it adds no words).
      if (p.id === original.projects[0]!.id) {
        const rel = `documents/${p.id}/现场照片.png`;
        await writeFile(path.join(folder, ...rel.split('/')), barChartPng([3, 5, 4, 6]));
        const { sha256, bytes } = await describeFile(path.join(folder, ...rel.split('/')), rel);
        documents.push({ id: `${p.id}-photo`, kind: 'other', title: '现场照片', path: rel, sha256, bytes });
      }
      projects.push({ ...p, documents });
    }
    const manifest = manifestSchema.parse({ ...original, packageId: legacyPackageId, projects });
    await writeFile(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const rpkg = path.join(outDir, 'wulong-2027-legacy.rpkg');
    await writePackageZip(folder, rpkg);
    return { original: { folder: sampleDir, manifest: original }, legacy: { folder, rpkg, manifest } };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = path.join(root, 'test', 'fixtures', 'legacy');
  makeLegacyCorpus(outDir).then(
    ({ legacy }) => {
      const files = legacy.manifest.projects.flatMap((p) => p.documents.map((d) => d.path));
      console.log(`${files.length} 个文件 → ${path.relative(process.cwd(), legacy.rpkg)}`);
      for (const f of files) console.log(`  ${f}`);
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
