// Owns reading how LibreOffice lays out our DOCX files: converting many files in one headless soffice run (a private
// profile so parallel runs do not fight over the lock), and reading text lines with their boxes back from any PDF with
// `pdftotext -bbox-layout` (poppler), to count pages, find lines drawn over each other and characters per line.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The soffice binary, or null when LibreOffice is not installed (the layout tests then skip). */
export function sofficePath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/local/bin'])) {
    const file = path.join(dir, 'soffice');
    if (dir && existsSync(file)) return file;
  }
  return null;
}

/** Converts every file to PDF in `outDir` with one soffice process; `profileDir` is the private user installation. */
export function convertToPdf(soffice: string, files: string[], outDir: string, profileDir: string): void {
  execFileSync(
    soffice,
    ['--headless', '--norestore', `-env:UserInstallation=file://${profileDir}`, '--convert-to', 'pdf', '--outdir', outDir, ...files],
    {
      timeout: 180_000,
      stdio: 'ignore',
    },
  );
}

export interface BoxLine {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

export interface Layout {
  pages: { width: number; height: number; lines: BoxLine[] }[];
}

const num = (tag: string, name: string): number => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(tag)?.[1]);
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every text line of a PDF with its box in points from the page's top-left corner, as poppler groups them. */
export function readLayout(pdf: string): Layout {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 * 2 ** 20 }).toString('utf8');
  const pages: Layout['pages'] = [];
  for (const pageMatch of xml.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const lines: BoxLine[] = [];
    for (const lineMatch of pageMatch[2]!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...lineMatch[2]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1]!));
      const tag = lineMatch[1];
      lines.push({
        page: pages.length + 1,
        xMin: num(tag!, 'xMin'),
        yMin: num(tag!, 'yMin'),
        xMax: num(tag!, 'xMax'),
        yMax: num(tag!, 'yMax'),
        text: words.join(' '),
      });
    }
    pages.push({ width: num(pageMatch[1]!, 'width'), height: num(pageMatch[1]!, 'height'), lines });
  }
  return { pages };
}

/**
 * Pairs of lines drawn over each other: boxes that overlap horizontally and vertically by more than `tolerance`
 * points. poppler's boxes run from the font's ascent to its descent (about 1.44 em for the CJK fonts), more than the em
 * box, so each box is first trimmed to its middle `emShare` (the glyphs' em box); lines a pitch apart then never touch.
 */
export function overlappingLines(layout: Layout, tolerance = 1, emShare = 1 / 1.44): [BoxLine, BoxLine][] {
  const pairs: [BoxLine, BoxLine][] = [];
  for (const page of layout.pages) {
    const boxes = page.lines.map((l) => {
      const trim = ((l.yMax - l.yMin) * (1 - emShare)) / 2;
      return { line: l, top: l.yMin + trim, bottom: l.yMax - trim };
    });
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const horizontal = Math.min(a!.line.xMax, b!.line.xMax) - Math.max(a!.line.xMin, b!.line.xMin);
        const vertical = Math.min(a!.bottom, b!.bottom) - Math.max(a!.top, b!.top);
        if (horizontal > 0 && vertical > tolerance) pairs.push([a!.line, b!.line]);
      }
  }
  return pairs;
}
