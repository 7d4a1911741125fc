// Owns the sample packages' raster images: a minimal PNG encoder (RGBA, zlib) and a bar chart drawn pixel by pixel.
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit RGBA pixels (row-major, `width * height * 4` bytes) as a PNG with filter 0 on every row. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter method, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const palette: Rgb[] = [
  [47, 84, 150],
  [84, 130, 53],
  [191, 144, 0],
  [197, 90, 17],
  [112, 48, 160],
  [0, 112, 192],
  [127, 127, 127],
  [165, 42, 42],
];

/**
 * A bar chart without text (labels go in the caption): one bar per value, gridlines every fifth of the largest value.
 * Used for the 投资构成 figure of the 初步设计及概算.
 */
export function barChartPng(values: number[], width = 640, height = 360): Buffer {
  const px = Buffer.alloc(width * height * 4, 255);
  const fill = (x0: number, y0: number, x1: number, y1: number, [r, g, b]: Rgb) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) px.set([r, g, b, 255], (y * width + x) * 4);
    }
  };
  const left = 48;
  const bottom = height - 32;
  const top = 24;
  const max = Math.max(...values, 1);
  for (let i = 0; i <= 5; i++) {
    const y = Math.round(bottom - ((bottom - top) * i) / 5);
    fill(left, y, width - 16, y + 1, [217, 217, 217]);
  }
  const slot = (width - 16 - left) / values.length;
  values.forEach((v, i) => {
    const x0 = Math.round(left + slot * i + slot * 0.2);
    const x1 = Math.round(left + slot * (i + 1) - slot * 0.2);
    fill(x0, Math.round(bottom - ((bottom - top) * v) / max), x1, bottom, palette[i % palette.length]!);
  });
  fill(left, top, left + 2, bottom + 1, [64, 64, 64]);
  fill(left, bottom, width - 16, bottom + 2, [64, 64, 64]);
  return encodePng(width, height, px);
}
