// Owns making image-only "scans" of the sample PDFs for OCR tests and the bench (`npx tsx scripts/make-scan-corpus.ts`).
//
// Each page is rasterised by poppler's pdftoppm at 150 dpi in grey (a test tool, not an app dependency), turned by a
// slight angle, given sensor noise and specks, and placed as the only content of an A4 page — what a bureau's
// flatbed scanner hands over. Angles and noise come from a seeded generator, so the files are the same every run.
import { execFileSync } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { describeFile, writePackageZip } from '../electron/core/package/write';
import { manifestSchema } from '../shared/manifest';

export const SCAN_DPI = 150;

/** The sample PDFs the corpus scans: one report with chapters, and a short companion document. */
export const scanSources = [
  'resources/samples/wulong-2027/documents/wl-2027-01/建设方案.pdf',
  'resources/samples/wulong-2027/documents/wl-2027-01/密码应用方案.pdf',
];

export const scanDir = 'resources/samples/scans';

/** mulberry32: small, seeded, good enough for noise. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rotates a grey image about its centre (white fill), adds ±noise grey levels and a few dark specks. */
export function degrade(png: PNG, angleDeg: number, rand: () => number, noise = 24, specks = 0.0004): PNG {
  const { width, height } = png;
  const out = new PNG({ width, height, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  const cos = Math.cos((angleDeg * Math.PI) / 180);
  const sin = Math.sin((angleDeg * Math.PI) / 180);
  const cx = width / 2;
  const cy = height / 2;
  const grey = (x: number, y: number) => (x < 0 || y < 0 || x >= width || y >= height ? 255 : png.data[(y * width + x) * 4]!);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      let v = (grey(x0, y0) * (1 - fx) + grey(x0 + 1, y0) * fx) * (1 - fy) + (grey(x0, y0 + 1) * (1 - fx) + grey(x0 + 1, y0 + 1) * fx) * fy;
      v += (rand() + rand() + rand() - 1.5) * noise;
      if (rand() < specks) v = 40;
      const i = (y * width + x) * 4;
      out.data[i] = out.data[i + 1] = out.data[i + 2] = Math.max(0, Math.min(255, Math.round(v)));
      out.data[i + 3] = 255;
    }
  return out;
}

/** Page `page` of `pdf` as a grey PNG at the scans' resolution: a page photographed or scanned and sent as a picture. */
export function pageAsPicture(pdf: string, page: number, png: string): void {
  const n = String(page);
  execFileSync('pdftoppm', ['-r', String(SCAN_DPI), '-gray', '-png', '-f', n, '-l', n, '-singlefile', pdf, png.replace(/\.png$/, '')]);
}

/** Writes `out` as an image-only PDF of `source`'s pages (the first `maxPages` when given); returns the page count. */
export async function scanPdf(source: string, out: string, seed: number, maxPages?: number): Promise<number> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rd-scan-'));
  try {
    const range = maxPages ? ['-f', '1', '-l', String(maxPages)] : [];
    execFileSync('pdftoppm', ['-r', String(SCAN_DPI), '-gray', '-png', ...range, source, path.join(tmp, 'p')]);
    const pages = readdirSync(tmp)
      .filter((f) => f.endsWith('.png'))
      .sort();
    const rand = random(seed);
    const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } });
    const done = new Promise<void>((resolve, reject) => {
      const stream = createWriteStream(out);
      stream.on('finish', resolve).on('error', reject);
      doc.pipe(stream);
    });
    for (const file of pages) {
      const png = degrade(PNG.sync.read(readFileSync(path.join(tmp, file))), (rand() - 0.5) * 1.6, rand);
      const bytes = PNG.sync.write(png, { colorType: 0 });
      // A4 in points; the 150-dpi image fills it.
      doc.addPage({ size: [(png.width * 72) / SCAN_DPI, (png.height * 72) / SCAN_DPI], margin: 0 });
      doc.image(bytes, 0, 0, { width: (png.width * 72) / SCAN_DPI, height: (png.height * 72) / SCAN_DPI });
    }
    doc.end();
    await done;
    return pages.length;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * A copy of a sample package (`folder` holds its manifest.json and files) whose PDFs `scan` picks are image-only scans
 * (`scan` answers how many pages to keep, or null to leave the file as it is), with the manifest's hashes updated,
 * written as `<outDir>/<name>.rpkg`. What a bureau receives when a project submits its report on paper.
 */
export async function scanPackage(folder: string, outDir: string, name: string, scan: (relPath: string) => number | null): Promise<string> {
  const copy = path.join(outDir, name);
  rmSync(copy, { recursive: true, force: true });
  cpSync(folder, copy, { recursive: true });
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(copy, 'manifest.json'), 'utf8')));
  let seed = 2000;
  for (const project of manifest.projects)
    for (const doc of project.documents) {
      const pages = doc.path.toLowerCase().endsWith('.pdf') ? scan(doc.path) : null;
      if (pages === null) continue;
      const file = path.join(copy, ...doc.path.split('/'));
      await scanPdf(path.join(folder, ...doc.path.split('/')), file, seed++, pages || undefined);
      Object.assign(doc, await describeFile(file, doc.path));
    }
  writeFileSync(path.join(copy, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const rpkg = path.join(outDir, `${name}.rpkg`);
  await writePackageZip(copy, rpkg);
  return rpkg;
}

/** The scanned copy of a sample: same folder structure under scanDir. */
export const scanPathOf = (source: string) => path.join(scanDir, path.basename(path.dirname(source)), path.basename(source));

/** Writes the scans of `scanSources` (the samples must exist: `npm run samples`). */
export async function makeScanCorpus(log: (line: string) => void = () => undefined): Promise<void> {
  for (const [i, source] of scanSources.entries()) {
    const out = scanPathOf(source);
    mkdirSync(path.dirname(out), { recursive: true });
    const n = await scanPdf(source, out, 1000 + i);
    log(`${out}: ${n} 页`);
  }
  writeFileSync(path.join(scanDir, 'README.txt'), 'Generated by scripts/make-scan-corpus.ts — image-only scans of the sample PDFs.\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void makeScanCorpus(console.log);
