// The viewer's recognised lines of a page (store/ocrPages.ts recognisedLines): the latest recognition of that file's page,
// by any engine or runtime; nothing for a page not recognised, one that failed, or a blank one.
import { describe, expect, it } from 'vitest';
import { recognisedLines, saveOcrPage } from '../../../electron/core/store/ocrPages';
import type { OcrBox } from '../../../shared/ocr';
import { sessionDbAt } from './migrationDb';

const SHA = 'b'.repeat(64);
const line = (text: string, x: number): OcrBox => ({
  text,
  quad: [x, 0.1, x + 0.2, 0.1, x + 0.2, 0.12, x, 0.12],
  charAt: [...text].map(() => 0.5),
});

describe('recognisedLines', () => {
  it('gives the latest recognition of the page, and null for a page not recognised, failed or blank', () => {
    const db = sessionDbAt(16);
    expect(recognisedLines(db, SHA, 1)).toBeNull();

    saveOcrPage(
      db,
      SHA,
      'pp-ocrv4-ch/1',
      { page: 1, text: '旧识别', boxes: [line('旧识别', 0.1)], confidence: 0.9 },
      '2026-12-01T00:00:00Z',
    );
    saveOcrPage(
      db,
      SHA,
      'pp-ocrv4-ch/1+wasm',
      { page: 1, text: '网络安全', boxes: [line('网络安全', 0.3)], confidence: 0.9 },
      '2026-12-02T00:00:00Z',
    );
    expect(recognisedLines(db, SHA, 1)).toEqual([line('网络安全', 0.3)]);
    expect(recognisedLines(db, 'c'.repeat(64), 1)).toBeNull(); // another file

    saveOcrPage(db, SHA, 'pp-ocrv4-ch/1', { page: 2, error: '第 2 页识别超时，已跳过' }, '2026-12-02T00:00:00Z');
    expect(recognisedLines(db, SHA, 2)).toBeNull();
    saveOcrPage(db, SHA, 'pp-ocrv4-ch/1', { page: 3, text: '', boxes: [], confidence: 0 }, '2026-12-02T00:00:00Z');
    expect(recognisedLines(db, SHA, 3)).toBeNull();
  });
});
