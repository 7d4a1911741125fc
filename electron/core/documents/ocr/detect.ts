// Owns DB text detection's post-processing: the model's probability map → rotated text-line boxes, in reading order.
//
// PaddleOCR's own pipeline (and @gutenye/ocr-common) does this with OpenCV (findContours, minAreaRect, pyclipper's
// unclip) — opencv-js alone is ~8 MB of WASM for four functions. Scanned text lines are near-horizontal blobs, so a
// connected-component pass, the principal axis of each blob (a slight scan skew) and DB's unclip offset for a
// rectangle (area × ratio ÷ perimeter) give the same boxes in ~100 lines of plain TypeScript.
import type { RotatedBox } from './bitmap';

export interface DetectOptions {
  /** A pixel belongs to text above this probability (PaddleOCR det_db_thresh). */
  threshold: number;
  /** A blob is text when its mean probability is above this (det_db_box_thresh). */
  boxThreshold: number;
  /** How far the shrunk text kernel is grown back (det_db_unclip_ratio). */
  unclipRatio: number;
  /** Blobs with fewer pixels than this are noise. */
  minPixels: number;
}

export const DEFAULT_DETECT: DetectOptions = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.6, minPixels: 12 };

export interface DetectedBox extends RotatedBox {
  score: number;
}

/** Boxes in the map's own pixels; `scaleX`/`scaleY` then map them to the source image. */
export function boxesFromProbability(
  prob: Float32Array,
  width: number,
  height: number,
  options: DetectOptions = DEFAULT_DETECT,
): DetectedBox[] {
  const label = new Int32Array(width * height); // 0 unvisited, -1 visited background or taken
  const boxes: DetectedBox[] = [];
  const stack: number[] = [];
  const members: number[] = [];
  for (let start = 0; start < prob.length; start++) {
    if (label[start] !== 0 || prob[start]! <= options.threshold) continue;
    // Flood fill (8-connected) collecting the blob's pixel indices.
    members.length = 0;
    stack.push(start);
    label[start] = -1;
    while (stack.length) {
      const i = stack.pop()!;
      members.push(i);
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (label[j] === 0 && prob[j]! > options.threshold) {
            label[j] = -1;
            stack.push(j);
          }
        }
    }
    if (members.length < options.minPixels) continue;
    const box = blobBox(members, prob, width, options);
    if (box) boxes.push(box);
  }
  return boxes;
}

function blobBox(members: number[], prob: Float32Array, width: number, options: DetectOptions): DetectedBox | undefined {
  let sx = 0;
  let sy = 0;
  let score = 0;
  for (const i of members) {
    sx += i % width;
    sy += Math.floor(i / width);
    score += prob[i]!;
  }
  const n = members.length;
  score /= n;
  if (score < options.boxThreshold) return undefined;
  const mx = sx / n;
  const my = sy / n;
  let cxx = 0;
  let cyy = 0;
  let cxy = 0;
  for (const i of members) {
    const dx = (i % width) - mx;
    const dy = Math.floor(i / width) - my;
    cxx += dx * dx;
    cyy += dy * dy;
    cxy += dx * dy;
  }
  // The principal axis is the line's direction; a blob that is not clearly longer than tall (one character, a dot)
  // or leans more than 45° (a vertical rule) is read as upright.
  let angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
  if (Math.abs(angle) > Math.PI / 4 || cxx < 2 * cyy) angle = 0;
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  let minS = Infinity;
  let maxS = -Infinity;
  let minT = Infinity;
  let maxT = -Infinity;
  for (const i of members) {
    const dx = (i % width) - mx;
    const dy = Math.floor(i / width) - my;
    const s = dx * ux + dy * uy;
    const t = -dx * uy + dy * ux;
    if (s < minS) minS = s;
    if (s > maxS) maxS = s;
    if (t < minT) minT = t;
    if (t > maxT) maxT = t;
  }
  const w = maxS - minS + 1;
  const h = maxT - minT + 1;
  if (Math.min(w, h) < 3) return undefined;
  const grow = (w * h * options.unclipRatio) / (2 * (w + h));
  const cs = (minS + maxS) / 2;
  const ct = (minT + maxT) / 2;
  return {
    cx: mx + cs * ux - ct * uy + 0.5,
    cy: my + cs * uy + ct * ux + 0.5,
    halfWidth: w / 2 + grow,
    halfHeight: h / 2 + grow,
    angle,
    score,
  };
}

/** Top to bottom; boxes whose centres lie within ~a third of a line height of the row's first form a row, read left to right. */
export function readingOrder<B extends RotatedBox>(boxes: B[]): B[][] {
  const rows: B[][] = [];
  for (const box of [...boxes].sort((a, b) => a.cy - b.cy)) {
    const row = rows.at(-1);
    const ref = row?.[0];
    if (row && ref && Math.abs(box.cy - ref.cy) < 0.6 * Math.min(ref.halfHeight, box.halfHeight)) row.push(box);
    else rows.push([box]);
  }
  return rows.map((r) => r.sort((a, b) => a.cx - b.cx));
}
