// The OCR pipeline's pure parts: CTC decoding, box finding on a probability map, reading order, grey conversion and upright crops.
import { describe, expect, it } from 'vitest';
import { corners, cropUpright, fitWithin, toBitmap, type Bitmap } from '../../../../electron/core/documents/ocr/bitmap';
import { ctcGreedy, parseKeys } from '../../../../electron/core/documents/ocr/ctc';
import { boxesFromProbability, readingOrder } from '../../../../electron/core/documents/ocr/detect';

describe('ctcGreedy', () => {
  const keys = ['评', '审', '会'];
  // Classes: 0 blank, 1 评, 2 审, 3 会, 4 space.
  const steps = (classes: number[], p = 0.9) => {
    const out = new Float32Array(classes.length * 5).fill((1 - p) / 4);
    classes.forEach((c, t) => (out[t * 5 + c] = p));
    return out;
  };

  it('drops blanks, collapses repeats, keeps a repeat separated by a blank, and maps the last class to a space', () => {
    const d = ctcGreedy(steps([1, 1, 0, 2, 2, 0, 2, 4, 3]), 0, 9, 5, keys);
    expect(d.text).toBe('评审审 会');
    expect(d.steps).toEqual([0, 3, 6, 7, 8]);
    expect(d.confidence).toBeCloseTo(0.9, 5);
  });

  it('reads at an offset (one line of a batch) and gives confidence 0 to an all-blank line', () => {
    const batch = new Float32Array([...steps([0, 0]), ...steps([3, 0])]);
    expect(ctcGreedy(batch, 10, 2, 5, keys)).toEqual({ text: '会', confidence: expect.closeTo(0.9, 5), steps: [0] });
    expect(ctcGreedy(batch, 0, 2, 5, keys)).toEqual({ text: '', confidence: 0, steps: [] });
  });

  it('parses the keys file with or without a final newline', () => {
    expect(parseKeys('a\r\nb\nc\n')).toEqual(['a', 'b', 'c']);
    expect(parseKeys('a\nb')).toEqual(['a', 'b']);
  });
});

/** A probability map with 1 inside the given rotated rectangles. */
function mapWith(width: number, height: number, rects: { cx: number; cy: number; w: number; h: number; angle: number; p?: number }[]) {
  const prob = new Float32Array(width * height);
  for (const r of rects)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const dx = x + 0.5 - r.cx;
        const dy = y + 0.5 - r.cy;
        const s = dx * Math.cos(r.angle) + dy * Math.sin(r.angle);
        const t = -dx * Math.sin(r.angle) + dy * Math.cos(r.angle);
        if (Math.abs(s) <= r.w / 2 && Math.abs(t) <= r.h / 2) prob[y * width + x] = r.p ?? 0.95;
      }
  return prob;
}

describe('boxesFromProbability', () => {
  it('finds a skewed text line with its angle, grown by the unclip offset, and ignores specks and faint blobs', () => {
    const angle = (1.2 * Math.PI) / 180;
    const prob = mapWith(400, 120, [
      { cx: 200, cy: 40, w: 300, h: 12, angle },
      { cx: 50, cy: 100, w: 2, h: 2, angle: 0 }, // a speck
      { cx: 300, cy: 100, w: 60, h: 10, angle: 0, p: 0.4 }, // above the pixel threshold, below the box threshold
    ]);
    const boxes = boxesFromProbability(prob, 400, 120);
    expect(boxes).toHaveLength(1);
    const [b] = boxes;
    expect(b!.angle).toBeCloseTo(angle, 2);
    expect(b!.cx).toBeCloseTo(200, 0);
    expect(b!.cy).toBeCloseTo(40, 0);
    // DB shrinks the kernel; unclip adds area × 1.6 ÷ perimeter ≈ 9 px on each side.
    expect(b!.halfHeight).toBeGreaterThan(6 + 8);
    expect(b!.halfWidth).toBeGreaterThan(150 + 8);
  });

  it('reads rows top to bottom and a row left to right', () => {
    const prob = mapWith(400, 100, [
      { cx: 300, cy: 20, w: 80, h: 10, angle: 0 },
      { cx: 80, cy: 22, w: 100, h: 10, angle: 0 },
      { cx: 150, cy: 70, w: 200, h: 10, angle: 0 },
    ]);
    const rows = readingOrder(boxesFromProbability(prob, 400, 100));
    expect(rows.map((r) => r.map((b) => Math.round(b.cx)))).toEqual([[80, 300], [150]]);
  });
});

describe('bitmaps', () => {
  it('unpacks 1-bit rows padded to a byte (1 = white) and weighs RGBA by alpha over white paper', () => {
    expect([...toBitmap(10, 1, new Uint8Array([0b10100000, 0b01000000]), 'gray1').data]).toEqual([255, 0, 255, 0, 0, 0, 0, 0, 0, 255]);
    expect([...toBitmap(2, 1, new Uint8Array([0, 0, 0, 255, 0, 0, 0, 0]), 'rgba').data]).toEqual([0, 255]);
  });

  it('crops a rotated box upright: a dark bar drawn at an angle comes out as a horizontal bar', () => {
    const angle = (5 * Math.PI) / 180;
    const prob = mapWith(200, 100, [{ cx: 100, cy: 50, w: 120, h: 10, angle }]);
    const img: Bitmap = { width: 200, height: 100, data: Uint8Array.from(prob, (p) => (p > 0 ? 0 : 255)) };
    const crop = cropUpright(img, { cx: 100, cy: 50, halfWidth: 60, halfHeight: 12, angle }, 48, 1000);
    expect(crop.height).toBe(48);
    expect(crop.width).toBe(240);
    const at = (x: number, y: number) => crop.data[y * crop.width + x]!;
    // The bar (10 of 24 px) is the middle of the crop, along its whole length; the edges are paper.
    for (const x of [10, 120, 230]) {
      expect(at(x, 24)).toBeLessThan(60);
      expect(at(x, 2)).toBeGreaterThan(200);
      expect(at(x, 45)).toBeGreaterThan(200);
    }
    const [tl, tr] = corners({ cx: 100, cy: 50, halfWidth: 60, halfHeight: 12, angle });
    expect(tr![1] - tl![1]).toBeCloseTo(120 * Math.sin(angle), 5);
  });

  it('shrinks to fit with a box filter and never enlarges', () => {
    const img: Bitmap = { width: 4, height: 2, data: new Uint8Array([0, 0, 255, 255, 0, 0, 255, 255]) };
    expect(fitWithin(img, 10)).toBe(img);
    expect(fitWithin(img, 2)).toEqual({ width: 2, height: 1, data: new Uint8Array([0, 255]) });
  });
});
