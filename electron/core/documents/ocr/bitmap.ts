// Owns the grey-level page image OCR works on: conversion from decoded image data and sampling a rotated box out of it.
//
// Scans are read as grey: the models see colour, but a page's text does not depend on it, and one byte a pixel keeps a
// 300-dpi A4 page at 8 MB instead of 35.

export interface Bitmap {
  width: number;
  height: number;
  /** One byte a pixel, row by row, 0 = black. */
  data: Uint8Array;
}

/** Pixel layouts pdf.js and pngjs hand over. */
export type PixelLayout = 'gray1' | 'gray8' | 'rgb' | 'rgba';

/** Converts decoded pixels to grey (ITU-R BT.601 luma); a transparent PNG pixel counts as white paper. */
export function toBitmap(width: number, height: number, data: Uint8Array | Uint8ClampedArray, layout: PixelLayout): Bitmap {
  const out = new Uint8Array(width * height);
  if (layout === 'gray8') out.set(data.subarray(0, out.length));
  else if (layout === 'gray1') {
    // pdf.js packs 1-bit images MSB first, each row padded to a whole byte; 1 = white.
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) out[y * width + x] = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
  } else {
    const step = layout === 'rgba' ? 4 : 3;
    for (let i = 0, p = 0; i < out.length; i++, p += step) {
      const luma = (299 * data[p]! + 587 * data[p + 1]! + 114 * data[p + 2]!) / 1000;
      out[i] = layout === 'rgba' ? 255 - ((255 - luma) * data[p + 3]!) / 255 : luma;
    }
  }
  return { width, height, data: out };
}

/** Bilinear sample at (x, y); outside the image is white paper. */
export function sample(img: Bitmap, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx >= img.width || yy >= img.height ? 255 : img.data[yy * img.width + xx]!);
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** Scales the image so that its sides are at most `maxSide` (never up); box filter when shrinking by 2 or more. */
export function fitWithin(img: Bitmap, maxSide: number): Bitmap {
  const scale = Math.min(1, maxSide / Math.max(img.width, img.height));
  if (scale === 1) return img;
  const width = Math.max(1, Math.round(img.width * scale));
  const height = Math.max(1, Math.round(img.height * scale));
  const out = new Uint8Array(width * height);
  const step = 1 / scale;
  const taps = Math.max(1, Math.floor(step));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let j = 0; j < taps; j++)
        for (let i = 0; i < taps; i++)
          sum += sample(img, x * step + (i + 0.5) * (step / taps) - 0.5, y * step + (j + 0.5) * (step / taps) - 0.5);
      out[y * width + x] = sum / (taps * taps);
    }
  return { width, height, data: out };
}

/** A rectangle at an angle: its centre, its half-sizes along and across its direction, and that direction (radians). */
export interface RotatedBox {
  cx: number;
  cy: number;
  halfWidth: number;
  halfHeight: number;
  angle: number;
}

/** The four corners, clockwise from the top left, in image pixels. */
export function corners(b: RotatedBox): [number, number][] {
  const ux = Math.cos(b.angle);
  const uy = Math.sin(b.angle);
  const at = (s: number, t: number): [number, number] => [
    b.cx + s * b.halfWidth * ux - t * b.halfHeight * uy,
    b.cy + s * b.halfWidth * uy + t * b.halfHeight * ux,
  ];
  return [at(-1, -1), at(1, -1), at(1, 1), at(-1, 1)];
}

/** Samples the box upright into an image `height` pixels tall, its width in proportion (at most `maxWidth`). */
export function cropUpright(img: Bitmap, b: RotatedBox, height: number, maxWidth: number): Bitmap {
  const scale = height / (2 * b.halfHeight);
  const width = Math.max(1, Math.min(maxWidth, Math.round(2 * b.halfWidth * scale)));
  const ux = Math.cos(b.angle);
  const uy = Math.sin(b.angle);
  const sx = (2 * b.halfWidth) / width;
  const sy = (2 * b.halfHeight) / height;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const t = -b.halfHeight + (y + 0.5) * sy;
    for (let x = 0; x < width; x++) {
      const s = -b.halfWidth + (x + 0.5) * sx;
      out[y * width + x] = sample(img, b.cx + s * ux - t * uy - 0.5, b.cy + s * uy + t * ux - 0.5);
    }
  }
  return { width, height, data: out };
}
