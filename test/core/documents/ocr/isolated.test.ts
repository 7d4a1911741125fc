// Recognition for the CLI (`review-desk text` / `check`): a scanned page comes back as text marked as recognised, a
// document with a text layer comes back unchanged, and a file that kills the worker leaves failures, not a throw. The
// WASM runtime (forced as on a machine without onnxruntime-node's binary) reads the same scan.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentText } from '../../../../shared/precheck';
import { recogniseTexts } from '../../../../electron/core/documents/ocr/isolated';
import { OCR_ENGINE_ENV } from '../../../../electron/core/documents/ocr/runtime';
import { extractText } from '../../../../electron/core/documents/text';
import { scanPdf } from '../../../../scripts/make-scan-corpus';
import { tempDir } from '../../../helpers/core';

const sample = path.resolve(__dirname, '../../../../resources/samples/wulong-2027/documents/wl-2027-01/密码应用方案.pdf');
const scan = path.join(tempDir('rd-ocr-cli-'), 'scan.pdf');
let scanText: DocumentText;

beforeAll(async () => {
  await scanPdf(sample, scan, 7, 1);
  scanText = await extractText(scan, 'pdf', 'scan');
});

describe('recogniseTexts', () => {
  it('fills the empty page of a scan from OCR and leaves a text PDF as extracted', async () => {
    expect(scanText.pages[0]!.text.trim()).toBe('');
    const original = await extractText(sample, 'pdf', 'text');

    const seen: string[] = [];
    const out = await recogniseTexts(
      [
        { documentId: 'scan', file: scan, kind: 'pdf', text: scanText },
        { documentId: 'text', file: sample, kind: 'pdf', text: original },
      ],
      (id, page) => seen.push(`${id}:${page.page}`),
    );
    expect(seen).toEqual(['scan:1']);
    const scanned = out.get('scan')!;
    expect(scanned.ocrPages).toEqual([1]);
    expect(scanned.failures).toEqual([]);
    expect(scanned.text.pages[0]!.text.replace(/\s/g, '')).toContain('密码应用方案');
    expect(out.get('text')).toEqual({ text: original, ocrPages: [], failures: [] });
  }, 120_000);

  it(`reads the scan to the same text on onnxruntime-web's WASM build (${OCR_ENGINE_ENV}=wasm)`, async () => {
    const read = async () => (await recogniseTexts([{ documentId: 'scan', file: scan, kind: 'pdf', text: scanText }])).get('scan')!;
    const native = await read();
    process.env[OCR_ENGINE_ENV] = 'wasm';
    try {
      const wasm = await read();
      expect(wasm.failures).toEqual([]);
      expect(wasm.ocrPages).toEqual([1]);
      expect(wasm.text.pages[0]!.text.replace(/\s/g, '')).toContain('武隆区智慧城管综合平台');
      expect(wasm.text).toEqual(native.text);
      // A misspelt value is not quietly ignored: the worker cannot start, and the page says why.
      process.env[OCR_ENGINE_ENV] = 'wsam';
      expect((await read()).failures).toEqual([{ page: 1, error: expect.stringContaining('REVIEW_DESK_OCR_ENGINE 的值“wsam”无效') }]);
    } finally {
      delete process.env[OCR_ENGINE_ENV];
    }
  }, 180_000);

  it('reports a file the worker cannot open as failed pages', async () => {
    const out = await recogniseTexts([{ documentId: 'gone', file: path.join(tempDir(), 'missing.png'), kind: 'png' }]);
    expect(out.get('gone')).toMatchObject({ ocrPages: [], failures: [{ page: 1, error: expect.any(String) }] });
  }, 60_000);
});
