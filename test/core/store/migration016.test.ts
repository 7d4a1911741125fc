// Migration 016 (ocr_pages) runs on a version-15 database with document text in it, and the OCR cache's states: a scan is
// pending until each of its scanned pages has a row, failed when none gave text, and its text replaces the empty pages.
import { describe, expect, it } from 'vitest';
import { applyOcrText, loadOcrPages, ocrState, saveOcrPage } from '../../../electron/core/store/ocrPages';
import { saveDocumentText, searchSession } from '../../../electron/core/store/texts';
import { migrateTo, sessionDbAt } from './migrationDb';

const SHA = 'a'.repeat(64);

describe('016 OCR pages', () => {
  it('runs on a version-15 database with text in it; pages go pending → done, the cache answers by hash and engine', () => {
    const db = sessionDbAt(15);
    db.prepare(
      `INSERT INTO documents (key, session_id, project_id, id, kind, title, path, sha256, bytes, position) VALUES (1, 's', 'p', 'd', 'proposal', '建设方案', 'documents/p/a.pdf', ?, 1, 0)`,
    ).run(SHA);
    // Page 1 has a text layer, page 2 is a scan.
    saveDocumentText(
      db,
      1,
      {
        documentId: 'd',
        pages: [
          { page: 1, text: '第一章 项目概况，本项目建设内容包括政务云资源与数据共享平台。' },
          { page: 2, text: ' ' },
        ],
        headings: [],
      },
      'ok',
      null,
      't1',
    );
    migrateTo(db, 16);
    expect(db.pragma('user_version', { simple: true })).toBe(16);

    expect(ocrState(db, 1, SHA, 'e1')).toBe('pending');
    saveOcrPage(db, SHA, 'e1', { page: 2, text: '第二章 网络安全保护措施', boxes: [], confidence: 0.97 }, 't2');
    expect(ocrState(db, 1, SHA, 'e1')).toBe('done');
    expect(ocrState(db, 1, SHA, 'e2')).toBe('pending'); // another engine's rows are not this one's cache
    expect(loadOcrPages(db, SHA, 'e1').get(2)).toEqual({ page: 2, text: '第二章 网络安全保护措施', boxes: [], confidence: 0.97 });

    applyOcrText(db, 1, [{ page: 2, text: '第二章 网络安全保护措施' }], [{ text: '网络安全保护措施', page: 2, level: 1 }], 't3');
    expect(searchSession(db, 's', '网络安全保护').map((h) => h.page)).toEqual([2]);
    expect(db.prepare(`SELECT headings_json AS h, extracted_at AS at FROM document_texts`).get()).toEqual({
      h: JSON.stringify([{ text: '网络安全保护措施', page: 2, level: 1 }]),
      at: 't3',
    });

    expect(() => saveOcrPage(db, 'short', 'e1', { page: 1, error: 'x' }, 't')).toThrow(/CHECK/);
    expect(() => saveOcrPage(db, SHA, 'e1', { page: 0, error: 'x' }, 't')).toThrow(/CHECK/);
  });

  it('calls an all-scan document whose pages gave no text failed', () => {
    const db = sessionDbAt(16);
    db.prepare(
      `INSERT INTO documents (key, session_id, project_id, id, kind, title, path, sha256, bytes, position) VALUES (1, 's', 'p', 'd', 'proposal', '建设方案', 'documents/p/a.pdf', ?, 1, 0)`,
    ).run(SHA);
    saveDocumentText(db, 1, { documentId: 'd', pages: [{ page: 1, text: '' }], headings: [] }, 'ok', null, 't1');
    saveOcrPage(db, SHA, 'e1', { page: 1, error: '第 1 页没有文字层，也没有整页的扫描图像，无法识别' }, 't2');
    expect(ocrState(db, 1, SHA, 'e1')).toBe('failed');
    expect(loadOcrPages(db, SHA, 'e1').get(1)).toEqual({ page: 1, error: '第 1 页没有文字层，也没有整页的扫描图像，无法识别' });
  });
});
