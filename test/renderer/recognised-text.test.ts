// A PDF's recognised text as the viewer holds it (renderer/features/viewer/pdf/recognisedText.ts) under Node with a fake
// client: only pages without a text layer are asked for, a recognised page is asked once, a page not recognised yet is
// asked again next time, and find reads a scan's lines (tops in PDF units) instead of its empty text layer.
import { describe, expect, it, vi } from 'vitest';
import type { MethodName } from '../../shared/api';
import type { OcrBox } from '../../shared/ocr';
import type { PageText, PdfTextCache } from '../../renderer/ui/pdf/pdfText';

type Call = (name: MethodName, input: unknown) => Promise<unknown>;
const fake = vi.hoisted(() => ({ call: vi.fn<Call>() }));
vi.mock('../../renderer/api', () => ({ client: { call: fake.call } }));

const line = (text: string, top: number): OcrBox => ({
  text,
  quad: [0.1, top, 0.5, top - 0.002, 0.5, top + 0.02, 0.1, top + 0.022],
  charAt: [...text].map(() => 0.5),
});

/** Page 1 has a text layer; pages 2 and 3 only a page number. */
const texts = {
  get: (page: number) =>
    Promise.resolve({ strings: page === 1 ? ['第一章 项目概况：本项目建设内容包括政务云资源与数据共享平台。'] : ['- 2 -'] } as PageText),
} as unknown as PdfTextCache;
const sizes = [1, 2, 3].map(() => ({ width: 600, height: 800 }));

describe('RecognisedTextCache', () => {
  it('asks for scanned pages only, keeps what was recognised, asks again for what was not', async () => {
    const { RecognisedTextCache } = await import('../../renderer/features/viewer/pdf/recognisedText');
    const lines = [line('第六章网络安全保护措施', 0.5), line('6.1安全保护等级', 0.55)];
    fake.call.mockImplementation((_name, input) => Promise.resolve((input as { page: number }).page === 2 ? lines : null));
    const cache = new RecognisedTextCache(7, texts, sizes);

    expect(await cache.get(1)).toBeNull();
    expect(fake.call).not.toHaveBeenCalled();

    const page2 = (await cache.get(2))!;
    expect(fake.call).toHaveBeenCalledWith('document.recognisedLines', { documentKey: 7, page: 2 });
    expect(page2.strings).toEqual(['第六章网络安全保护措施', '6.1安全保护等级']);
    expect(page2.itemTops[0]).toBeCloseTo(0.498 * 800, 6); // the line's highest corner
    await cache.get(2);
    expect(fake.call).toHaveBeenCalledTimes(1);

    expect(await cache.get(3)).toBeNull();
    expect(await cache.get(3)).toBeNull();
    expect(fake.call).toHaveBeenCalledTimes(3); // not recognised yet: asked each time

    fake.call.mockRejectedValueOnce(new Error('offline'));
    expect(await cache.get(3)).toBeNull();
  });

  it('gives find the recognised lines of a scan and the text layer of a text page', async () => {
    const { RecognisedTextCache } = await import('../../renderer/features/viewer/pdf/recognisedText');
    const { findInPage } = await import('../../renderer/ui/pdf/pdfText');
    fake.call.mockResolvedValue([line('第六章网络安全保护措施', 0.5)]);
    const cache = new RecognisedTextCache(7, texts, sizes);
    const scan = (await cache.searchable(2))!;
    expect(scan.recognised).toBe(true);
    expect(findInPage(2, scan.text, '安全保护')).toEqual([
      { page: 2, segments: [{ item: 0, start: 5, end: 9 }], top: expect.closeTo(398.4, 6) },
    ]);
    expect((await cache.searchable(1))!.recognised).toBe(false);
  });
});
