// Owns comparing rendered pages with committed reference PNGs in the snapshot tests: the pixel tolerance and the share of differing pixels.
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/** A pixel differs when a colour channel moves by more than this (of 255). */
export const channelThreshold = 48;
/** The page matches when fewer than this share of its pixels differ. */
export const maxDifferingShare = 0.005;

export const readPng = (file: string): PNG => PNG.sync.read(readFileSync(file));

/** Share of pixels that differ by more than the threshold; 1 when the sizes differ. */
export function differingShare(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(
      Math.abs(a.data[i]! - b.data[i]!),
      Math.abs(a.data[i + 1]! - b.data[i + 1]!),
      Math.abs(a.data[i + 2]! - b.data[i + 2]!),
    );
    if (d > channelThreshold) differing++;
  }
  return differing / (a.width * a.height);
}
