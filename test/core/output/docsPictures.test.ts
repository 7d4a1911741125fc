// docs/documents.md shows a rendered page of every document type: each built-in template has its picture from
// `npm run docs:pictures` (the demo's documents through pdftoppm), the file is there, small, and the page shows it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinTemplateIds } from '../../../electron/core/output/template/builtins';
import { documentPictures } from '../../../scripts/docs-pictures';
import { readPng } from './pngCompare';

const root = path.resolve(__dirname, '../../..');
const page = readFileSync(path.join(root, 'docs', 'documents.md'), 'utf8');

describe('pictures of the documents in docs/documents.md', () => {
  it('has a picture for every built-in template', () => {
    const pictured = new Set(documentPictures.map((p) => p.picture.replace(/\.png$/, '')));
    expect([...builtinTemplateIds].filter((id) => !pictured.has(id))).toEqual([]);
  });

  it.each(documentPictures.map((p) => p.picture))('shows img/documents/%s, an A4 page at 50 dpi under 150 KB', (picture) => {
    const file = path.join(root, 'docs', 'img', 'documents', picture);
    expect(existsSync(file), `${file} missing: run npm run docs:pictures`).toBe(true);
    expect(statSync(file).size).toBeLessThan(150 * 1024);
    const { width, height } = readPng(file);
    // A4 at 50 dpi, portrait or landscape (pdftoppm rounds up).
    expect([width, height].sort((a, b) => a - b)).toEqual([414, 585]);
    expect(page).toContain(`](img/documents/${picture})`);
  });
});
