// Owns measuring rendered PDF pages in pixels for the renderer tests: a page as a PNG (pdftoppm), red pixels in a
// region, the page-number dash (一字线) under the 版心, and the ink of a horizontal band.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';

export interface Rendered {
  png: PNG;
  dpi: number;
}

/** Page `page` (1-based) of a PDF at `dpi`, rendered by pdftoppm. */
export function renderPage(pdf: Uint8Array, page: number, dpi: number): Rendered {
  const dir = mkdtempSync(path.join(tmpdir(), 'rd-pixels-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-png',
      '-singlefile',
      file,
      path.join(dir, 'page'),
    ]);
    return { png: PNG.sync.read(readFileSync(path.join(dir, 'page.png'))), dpi };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const toPx = (r: Rendered, mm: number) => Math.round((mm / 25.4) * r.dpi);
const toMm = (r: Rendered, px: number) => (px * 25.4) / r.dpi;

const isRed = (d: Buffer, i: number) => d[i]! > 170 && d[i + 1]! < 110 && d[i + 2]! < 110;
const isDark = (d: Buffer, i: number) => d[i]! < 128 && d[i + 1]! < 128 && d[i + 2]! < 128;

/** Red pixels in the band between `fromMm` and `toMm` from the page's top. */
export function redPixels(r: Rendered, fromMm: number, toMm_: number): number {
  const { png } = r;
  let n = 0;
  for (let y = Math.max(0, toPx(r, fromMm)); y < Math.min(png.height, toPx(r, toMm_)); y++)
    for (let x = 0; x < png.width; x++) if (isRed(png.data, (y * png.width + x) * 4)) n++;
  return n;
}

/** Rows (in mm from the top) between `fromMm` and `toMm` where a red run longer than `minRunMm` crosses, with the run's extent. */
export function redRules(r: Rendered, fromMm: number, toMm_: number, minRunMm: number): { y: number; left: number; right: number }[] {
  const { png } = r;
  const out: { y: number; left: number; right: number }[] = [];
  for (let y = Math.max(0, toPx(r, fromMm)); y < Math.min(png.height, toPx(r, toMm_)); y++) {
    let left = -1;
    let right = -1;
    for (let x = 0; x < png.width; x++) {
      if (!isRed(png.data, (y * png.width + x) * 4)) continue;
      if (left < 0) left = x;
      right = x;
    }
    if (left >= 0 && right - left > toPx(r, minRunMm)) out.push({ y: toMm(r, y), left: toMm(r, left), right: toMm(r, right) });
  }
  return out;
}

/**
 * The page-number dash under the 版心 (`belowMm`: the 版心's lower edge): the rows holding a dark horizontal run
 * longer than 3 mm (a digit is narrower), as top and bottom in mm from the page's top, or null.
 */
export function dashStroke(r: Rendered, belowMm: number): { top: number; bottom: number } | null {
  const { png } = r;
  let top: number | null = null;
  let bottom = 0;
  for (let y = toPx(r, belowMm + 0.5); y < png.height; y++) {
    let run = 0;
    let best = 0;
    for (let x = 0; x < png.width; x++) {
      if (isDark(png.data, (y * png.width + x) * 4)) best = Math.max(best, ++run);
      else run = 0;
    }
    if (best > toPx(r, 3)) {
      top ??= y;
      bottom = y;
    }
  }
  return top === null ? null : { top: toMm(r, top), bottom: toMm(r, bottom) };
}

/** Whether any dark pixel lies in the band between `fromMm` and `toMm` from the page's top. */
export function inkIn(r: Rendered, fromMm: number, toMm_: number): boolean {
  const { png } = r;
  for (let y = Math.max(0, toPx(r, fromMm)); y < Math.min(png.height, toPx(r, toMm_)); y++)
    for (let x = 0; x < png.width; x++) if (isDark(png.data, (y * png.width + x) * 4)) return true;
  return false;
}
