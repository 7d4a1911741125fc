// The bundled fonts: WenKai WOFF2 chunks converted to TrueType keep every outline, advance and cmap entry; roles map to the stand-in families with the Serif fallback.
import { readFileSync } from 'node:fs';
import { create } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledFonts, face, faceFor } from '../../../../electron/core/output/pdf/fonts';
import { woff2Ready, woff2ToTtf } from '../../../../electron/core/output/pdf/woff2';

type Outline = { x: number; y: number; onCurve: boolean }[][];

describe('woff2ToTtf', () => {
  beforeAll(() => woff2Ready());
  const kaiFiles = (bundledFonts().find((f) => f.role === 'kai')?.files ?? []).filter((f) => /regular-subset-\d+\.woff2$/.test(f));

  it('keeps the outline and advance of sampled glyphs in sampled chunks', () => {
    expect(kaiFiles.length).toBeGreaterThan(50);
    for (const file of kaiFiles.filter((_, i) => i % 25 === 0)) {
      const bytes = readFileSync(file);
      const woff2 = create(bytes);
      const ttf = create(woff2ToTtf(bytes, file));
      expect(ttf.type).toBe('TTF');
      expect(ttf.numGlyphs).toBe(woff2.numGlyphs);
      expect(ttf.postscriptName).toBe(woff2.postscriptName);
      for (let gid = 1; gid < woff2.numGlyphs; gid += 7) {
        const a = woff2.getGlyph(gid);
        const b = ttf.getGlyph(gid);
        expect(b.advanceWidth).toBe(a.advanceWidth);
        const round = (o: Outline) => o.map((c) => c.map((p) => [Math.round(p.x), Math.round(p.y), p.onCurve]));
        expect(round(b._getContours())).toEqual(round(a._getContours()));
      }
    }
  });

  it('rejects a file that is not WOFF2, naming it', () => {
    const ttf = readFileSync(bundledFonts().find((f) => f.role === 'fangsong')?.files[0] as string);
    expect(() => woff2ToTtf(ttf.subarray(0, 4096), 'x.ttf')).toThrow(/x\.ttf/);
  });
});

describe('faceFor', () => {
  it('maps the GB/T 9704 roles to the stand-in families', () => {
    const name = (key: string) => face(key).font.postscriptName;
    expect(name(faceFor('xiaobiaosong', false, 0x8bc4))).toBe('NotoSerifSC-Bold');
    expect(name(faceFor('fangsong', false, 0x8bc4))).toBe('NotoSerifSC-Regular');
    expect(name(faceFor('fangsong', true, 0x8bc4))).toBe('NotoSerifSC-Bold');
    expect(name(faceFor('hei', false, 0x8bc4))).toBe('NotoSansSC-Regular');
    expect(name(faceFor('kai', false, 0x8bc4))).toBe('LXGWWenKai-Regular');
    expect(name(faceFor('kai', true, 0x8bc4))).toBe('LXGWWenKai-Bold');
  });

  it('falls back to Noto Serif SC for a character WenKai does not have', () => {
    // U+2FF0 (ideographic description character ⿰) is in Noto Serif SC but not in LXGW WenKai.
    expect(face(faceFor('kai', false, 0x2ff0)).font.postscriptName).toBe('NotoSerifSC-Regular');
  });
});
