// Floors on the parsers that read untrusted files (reliability item 21), so a downgrade or a risky package fails the build.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const installed = (name: string): string => JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const atLeast = (version: string, floor: string): boolean => {
  const a = version.split('.').map(Number);
  const b = floor.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
};

describe('untrusted-file parsers', () => {
  it('pdf.js is at least 4.2.67 (CVE-2024-4367: font code evaluated as script) and the viewer disables eval', () => {
    expect(atLeast(installed('pdfjs-dist'), '4.2.67')).toBe(true);
    // The one place the renderer opens a PDF.
    expect(readFileSync(path.join(root, 'renderer/ui/pdf/pdfjs.ts'), 'utf8')).toMatch(/isEvalSupported:\s*false/);
  });

  it('the npm `xlsx` package (0.18.5 has open CVEs) is not a dependency; XLSX goes through exceljs', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('xlsx');
    expect(existsSync(path.join(root, 'node_modules/xlsx'))).toBe(false);
    expect(atLeast(installed('exceljs'), '4.4.0')).toBe(true);
  });

  it('better-sqlite3 stays on 12.x, which runs on Node 20 (13.x crashes there)', () => {
    expect(installed('better-sqlite3')).toMatch(/^12\./);
  });
});
