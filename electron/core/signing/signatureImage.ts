// Owns cleaning a handwritten signature image (手写签名): PNG only, size-limited, near-white made transparent, cropped to the ink.
import { PNG } from 'pngjs';
import type { SignatureImage } from '../../../shared/signing';
import { AppError } from '../kernel/errors';

const pngMagic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const maxSignatureBytes = 8 * 2 ** 20;
export const maxSignatureSide = 4000;
/** Composited over white, pixels at least this light are paper; at most `inkFull` dark they are fully opaque ink. */
const paper = 225;
const inkFull = 140;
/** Transparent border kept around the ink, in pixels. */
const margin = 4;

function refuse(message: string): never {
  throw new AppError('invalid-input', message);
}

/** Width and height from the IHDR chunk, read before inflating anything (a tiny file may declare a huge image). */
function declaredSize(bytes: Uint8Array): { width: number; height: number } {
  if (bytes.length < 33 || pngMagic.some((b, i) => bytes[i] !== b))
    refuse('签名图片不是 PNG 图片。请在签名板上手写，或导入 PNG、JPG 图片（导入时会先转换为 PNG）。');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') refuse('签名图片的 PNG 文件头已损坏，请重新导出图片后再导入。');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Cleans a signature PNG: throws AppError('invalid-input') with a Chinese message for a non-PNG, oversized, corrupt or empty image. */
export function cleanSignatureImage(bytes: Uint8Array): SignatureImage {
  if (bytes.length > maxSignatureBytes) refuse(`签名图片过大（${(bytes.length / 2 ** 20).toFixed(1)} MB，上限 8 MB），请缩小后再导入。`);
  const { width, height } = declaredSize(bytes);
  if (width === 0 || height === 0 || width > maxSignatureSide || height > maxSignatureSide) {
    refuse(`签名图片尺寸为 ${width}×${height} 像素，超出上限 ${maxSignatureSide}×${maxSignatureSide}，请裁剪或缩小后再导入。`);
  }
  let src: PNG;
  try {
    src = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    refuse('签名图片无法解码（PNG 文件已损坏），请重新导出图片后再导入。');
  }
  const alpha = new Uint8Array(width * height);
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // The decoded image is the IHDR's width × height, so every pixel index is in range.
      const i = (y * width + x) * 4;
      const a = src.data[i + 3]! / 255;
      // Luminance of the pixel as it shows on white paper.
      const lum = (0.299 * src.data[i]! + 0.587 * src.data[i + 1]! + 0.114 * src.data[i + 2]!) * a + 255 * (1 - a);
      const ink = Math.min(1, Math.max(0, (paper - lum) / (paper - inkFull)));
      const value = Math.round(ink * 255);
      alpha[y * width + x] = value;
      if (value > 0) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  if (right < 0) refuse('签名图片中没有笔迹（整张图几乎是白色或透明的），请重新书写或换一张图片。');
  left = Math.max(0, left - margin);
  top = Math.max(0, top - margin);
  right = Math.min(width - 1, right + margin);
  bottom = Math.min(height - 1, bottom + margin);
  const out = new PNG({ width: right - left + 1, height: bottom - top + 1 });
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      const i = (y * width + x) * 4;
      const o = ((y - top) * out.width + (x - left)) * 4;
      const a = alpha[y * width + x]!;
      // Ink keeps its colour (a blue pen stays blue); paper becomes fully transparent black.
      out.data[o] = a ? src.data[i]! : 0;
      out.data[o + 1] = a ? src.data[i + 1]! : 0;
      out.data[o + 2] = a ? src.data[i + 2]! : 0;
      out.data[o + 3] = a;
    }
  }
  return { png: new Uint8Array(PNG.sync.write(out)), width: out.width, height: out.height };
}
