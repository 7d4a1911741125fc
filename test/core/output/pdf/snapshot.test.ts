// Rendered-page snapshots of the 评审意见函: pdftoppm at 50 dpi against the committed PNGs in reference/.
// A missing reference fails. To (re)write the references from the current renderer:
//   UPDATE_SNAPSHOTS=1 npx vitest run test/core/output/pdf/snapshot.test.ts
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../../electron/core/output/pdf/render';
import { differingShare, maxDifferingShare, readPng } from '../pngCompare';
import { letterDoc } from './letter';

const referenceDir = path.join(__dirname, 'reference');
const update = process.env.UPDATE_SNAPSHOTS === '1';

let work: string;
let rendered: string[];

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'review-desk-pdf-snapshot-'));
  const pdf = path.join(work, 'letter.pdf');
  writeFileSync(pdf, await renderPdf(letterDoc()));
  execFileSync('pdftoppm', ['-r', '50', '-png', pdf, path.join(work, 'letter')]);
  const pageNumber = (f: string) => Number(/-(\d+)\.png$/.exec(f)?.[1]);
  rendered = readdirSync(work)
    .filter((f) => f.endsWith('.png'))
    .sort((a, b) => pageNumber(a) - pageNumber(b))
    .map((f) => path.join(work, f));
  if (update) {
    mkdirSync(referenceDir, { recursive: true });
    for (const old of readdirSync(referenceDir).filter((f) => f.startsWith('letter-'))) rmSync(path.join(referenceDir, old));
    rendered.forEach((file, i) => copyFileSync(file, path.join(referenceDir, `letter-${i + 1}.png`)));
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('PDF snapshot of the 评审意见函', () => {
  it('matches the committed reference PNG of every page', () => {
    const references = readdirSync(referenceDir).filter((f) => /^letter-\d+\.png$/.test(f));
    expect(
      references.length,
      'reference PNGs missing or page count changed: run UPDATE_SNAPSHOTS=1 npx vitest run test/core/output/pdf/snapshot.test.ts',
    ).toBe(rendered.length);
    rendered.forEach((file, i) => {
      const share = differingShare(readPng(file), readPng(path.join(referenceDir, `letter-${i + 1}.png`)));
      expect(share, `page ${i + 1}: ${(share * 100).toFixed(2)} % of pixels differ`).toBeLessThan(maxDifferingShare);
    });
  });

  it('tells different pages apart (the comparison can fail)', () => {
    expect(rendered.length).toBeGreaterThan(1);
    expect(differingShare(readPng(rendered[0]!), readPng(rendered[1]!))).toBeGreaterThan(maxDifferingShare);
  });
});
