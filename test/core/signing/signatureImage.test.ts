// Cleaning a handwritten signature: paper becomes transparent, the result is cropped to the ink, bad input is refused in Chinese.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { cleanSignatureImage } from '../../../electron/core/signing/signatureImage';

/** A white (or transparent) canvas with dark ink in the given rectangle. */
function canvas(
  width: number,
  height: number,
  ink: { x: number; y: number; w: number; h: number } | null,
  background: 'white' | 'transparent' | 'grey' = 'white',
): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    const bg = background === 'white' ? [255, 255, 255, 255] : background === 'grey' ? [238, 236, 240, 255] : [0, 0, 0, 0];
    png.data.set(bg, i * 4);
  }
  if (ink) {
    for (let y = ink.y; y < ink.y + ink.h; y++)
      for (let x = ink.x; x < ink.x + ink.w; x++) png.data.set([20, 30, 120, 255], (y * width + x) * 4);
  }
  return new Uint8Array(PNG.sync.write(png));
}

describe('cleanSignatureImage', () => {
  it.each(['white', 'grey', 'transparent'] as const)(
    'makes a %s background transparent and crops to the ink with a small margin',
    (background) => {
      const cleaned = cleanSignatureImage(canvas(300, 120, { x: 50, y: 40, w: 100, h: 20 }, background));
      expect([cleaned.width, cleaned.height]).toEqual([108, 28]);
      const out = PNG.sync.read(Buffer.from(cleaned.png));
      const alphaAt = (x: number, y: number) => out.data[(y * out.width + x) * 4 + 3];
      expect(alphaAt(0, 0)).toBe(0);
      expect(alphaAt(out.width - 1, out.height - 1)).toBe(0);
      expect(alphaAt(4, 4)).toBe(255);
      expect(Array.from(out.data.subarray((10 * out.width + 50) * 4, (10 * out.width + 50) * 4 + 4))).toEqual([20, 30, 120, 255]);
    },
  );

  it('gives the same bytes for the same input', () => {
    const input = canvas(200, 80, { x: 10, y: 10, w: 30, h: 30 });
    expect(Buffer.from(cleanSignatureImage(input).png).equals(Buffer.from(cleanSignatureImage(input).png))).toBe(true);
  });

  it('refuses a non-PNG, a corrupt PNG, a huge image and an image without ink, in Chinese', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(0)]);
    expect(() => cleanSignatureImage(jpeg)).toThrow(/不是 PNG 图片/);
    const broken = canvas(50, 50, { x: 1, y: 1, w: 5, h: 5 }).slice(0, 60);
    expect(() => cleanSignatureImage(broken)).toThrow(/无法解码/);
    // A declared 5000×5000 image is refused from its header, before inflating anything.
    const header = Buffer.from(canvas(10, 10, null));
    header.writeUInt32BE(5000, 16);
    header.writeUInt32BE(5000, 20);
    expect(() => cleanSignatureImage(new Uint8Array(header))).toThrow(/5000×5000 像素，超出上限/);
    expect(() => cleanSignatureImage(new Uint8Array(9 * 2 ** 20))).toThrow(/过大/);
    expect(() => cleanSignatureImage(canvas(100, 40, null))).toThrow(/没有笔迹/);
  });
});
