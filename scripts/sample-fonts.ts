// Owns the CJK fonts the sample PDFs embed, and a PDFKit document set up with them: Noto Sans Hans (思源黑体 SC) OTFs from the npm package @embedpdf/fonts-sc.
//
// Why that package: CI gets fonts only from npm or Debian, and it is the smallest npm package found that ships whole
// (not split into unicode-range pieces) Simplified-Chinese OTF files — five weights, ~8 MB each, OFL-1.1. The fontsource
// and webfont packages split CJK fonts into dozens of subset WOFF2 files, and @expo-google-fonts/* ship 9 weights of
// 10–15 MB TTFs. pdfkit (fontkit) embeds only the glyphs used, so the generated PDFs stay small.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

export interface SampleFonts {
  regular: Buffer;
  bold: Buffer;
}

let loaded: SampleFonts | undefined;

export function sampleFonts(): SampleFonts {
  if (!loaded) {
    // The package exports only dist/index.*; its fonts/ folder sits beside dist/.
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    const dir = path.join(path.dirname(entry), '..', 'fonts');
    loaded = {
      regular: readFileSync(path.join(dir, 'NotoSansHans-Regular.otf')),
      bold: readFileSync(path.join(dir, 'NotoSansHans-Bold.otf')),
    };
  }
  return loaded;
}

/**
 * A PDFKit document with the sample fonts registered as 'body' and 'bold', and its bytes collected: call `doc.end()`,
 * then await `bytes`.
 */
export function samplePdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const fonts = sampleFonts();
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  return { doc, bytes };
}
