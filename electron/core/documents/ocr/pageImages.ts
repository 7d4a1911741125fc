// Owns getting the picture of a page to recognise with no canvas: a scanned PDF page's embedded image (pdf.js operator
// list), or a PNG/JPEG document itself.
//
// Why not rasterise: pdf.js renders only through a canvas, and Node has none without a native addon (node-canvas,
// skia) that would have to ship for every platform; pdftoppm is not on experts' PCs. A scanned page *is* one image
// painted over the page, so pdf.js's own decoders (DCT, Flate, CCITT, JBIG2, JPX) give its pixels directly, and the
// image's transform places recognised words on the page. A page without a text layer whose ink is vector paths (text
// converted to outlines) has no such image and is reported as not recognisable.
import { promises as fs } from 'node:fs';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { loadPdfJs, type PdfDocument } from '../pdfjsText';
import { fitWithin, toBitmap, type Bitmap, type PixelLayout } from './bitmap';

/** Pixels beyond this on the longer side are scaled down first (a 600-dpi A4 scan is 7016): recognition gains nothing. */
const MAX_IMAGE_SIDE = 3600;
/** An image counts as the page's scan when it covers at least this share of the page. */
const MIN_PAGE_COVER = 0.4;
/** Decoded pixels above this are refused: a 20 × 20 cm JBIG2 "image" can claim gigapixels. */
const MAX_IMAGE_PIXELS = 60_000_000;

/** Maps a point of the image, in its pixels, to the page, as fractions of its width and height (0,0 top left). */
export type ToPage = (x: number, y: number) => [number, number];

export interface PageImage {
  bitmap: Bitmap;
  toPage: ToPage;
}

export class NotRecognisable extends Error {}

/** pdf.js image kinds (shared/util ImageKind). */
const layouts: Record<number, PixelLayout> = { 1: 'gray1', 2: 'rgb', 3: 'rgba' };

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

export async function openPdf(data: Uint8Array): Promise<{ doc: PdfDocument; destroy: () => Promise<void> }> {
  const lib = await loadPdfJs();
  // No OffscreenCanvas/ImageDecoder in Node: pdf.js then hands images over as plain pixel arrays.
  // maxImageSize: pdf.js skips a larger image instead of decoding it (a JBIG2 or Flate bomb claiming gigapixels).
  const task = lib.getDocument({
    data,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    verbosity: 0,
  });
  return { doc: await task.promise, destroy: () => task.destroy() };
}

/** The scan of page `n` (1-based), or NotRecognisable when the page has no image covering it. */
export async function pdfPageImage(doc: PdfDocument, n: number): Promise<PageImage> {
  const { OPS } = await loadPdfJs();
  const page = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const ops = await page.getOperatorList();
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const saved: Matrix[] = [];
    let best: { id: string; ctm: Matrix; area: number } | undefined;
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) saved.push(ctm);
      else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
      else if (fn === OPS.paintImageXObject && typeof args[0] === 'string') {
        const area = Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
        if (!best || area > best.area) best = { id: args[0], ctm, area };
      }
    }
    if (!best || best.area < MIN_PAGE_COVER * viewport.width * viewport.height)
      throw new NotRecognisable(`第 ${n} 页没有文字层，也没有整页的扫描图像，无法识别`);
    const { id, ctm: m } = best;
    const image = await new Promise<{ width: number; height: number; kind: number; data?: Uint8Array | Uint8ClampedArray }>((resolve) =>
      (id.startsWith('g_') ? page.commonObjs : page.objs).get(id, resolve),
    );
    const layout = layouts[image.kind];
    if (!image.data || !layout) throw new NotRecognisable(`第 ${n} 页的扫描图像格式无法读取`);
    if (image.width * image.height > MAX_IMAGE_PIXELS)
      throw new NotRecognisable(`第 ${n} 页的扫描图像过大（${image.width} × ${image.height}），已跳过识别`);
    const bitmap = fitWithin(toBitmap(image.width, image.height, image.data, layout), MAX_IMAGE_SIDE);
    // The image fills the unit square under its matrix, its first row at the top (y = 1).
    const toPage: ToPage = (x, y) => {
      const u = x / bitmap.width;
      const v = 1 - y / bitmap.height;
      const [px, py] = viewport.convertToViewportPoint(m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5]) as [number, number];
      return [px / viewport.width, py / viewport.height];
    };
    return { bitmap, toPage };
  } finally {
    page.cleanup();
  }
}

/** A PNG document: decoded by pngjs. */
export async function pngImage(file: string): Promise<PageImage> {
  const bytes = await fs.readFile(file);
  // The size is checked in the header (IHDR) before anything is inflated: a small file can claim a gigapixel image.
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new NotRecognisable('不是有效的 PNG 图像（文件可能已损坏）');
  const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  if (width * height > MAX_IMAGE_PIXELS) throw new NotRecognisable(`图像过大（${width} × ${height}），已跳过识别`);
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (err) {
    throw new NotRecognisable(`不是有效的 PNG 图像（文件可能已损坏）：${err instanceof Error ? err.message : String(err)}`);
  }
  const bitmap = fitWithin(toBitmap(png.width, png.height, png.data, 'rgba'), MAX_IMAGE_SIDE);
  return { bitmap, toPage: (x, y) => [x / bitmap.width, y / bitmap.height] };
}

/**
 * A JPEG document: wrapped as the one image of a one-page PDF (pdfkit reads the JPEG header, the bytes are not
 * re-encoded) so pdf.js's own JPEG decoder reads it — no second JPEG decoder to ship and keep patched.
 */
export async function jpegImage(file: string): Promise<PageImage> {
  const jpeg = await fs.readFile(file);
  const pdf = await new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      // openImage is pdfkit API its type definitions omit.
      const img = (doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(jpeg);
      doc.addPage({ size: [img.width, img.height], margin: 0 });
      doc.image(jpeg, 0, 0, { width: img.width, height: img.height });
      doc.end();
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
  const { doc, destroy } = await openPdf(new Uint8Array(pdf));
  try {
    return await pdfPageImage(doc, 1);
  } finally {
    await destroy();
  }
}
