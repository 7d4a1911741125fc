// The real 公文 faces: found by the names inside the font files (not file names), in collections too, the most standard
// family per role, hostile files skipped; the PDF embeds subsets of them; nothing found means the bundled faces.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRoleFaces, fontDirsVariable, fontFolders } from '../../../../electron/core/output/fonts/systemFonts';
import { documentFonts } from '../../../../electron/core/output/pdf/fonts';
import { renderPdf } from '../../../../electron/core/output/pdf/render';
import { letterDoc } from '../pdf/letter';
import { collection, renamedFont, sourceFontFile } from './fontFixture';

let dir: string;
let fonts: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rd-system-fonts-'));
  fonts = path.join(dir, 'fonts');
  mkdirSync(path.join(fonts, 'truetype', 'deep'), { recursive: true });
  // File names say nothing: the faces are known by the names inside them.
  writeFileSync(path.join(fonts, 'a1.ttf'), renamedFont({ family: ['FangSong', '仿宋'], postscript: 'FangSong' }));
  writeFileSync(path.join(fonts, 'truetype', 'deep', 'Z9.TTF'), renamedFont({ family: ['SimHei', '黑体'], postscript: 'SimHei' }));
  // 宋体 and 楷体 in one collection, 楷体 the second face.
  writeFileSync(
    path.join(fonts, 'truetype', 'pair.ttc'),
    collection([
      { family: ['SimSun', '宋体'], postscript: 'SimSun' },
      { family: ['KaiTi', '楷体'], postscript: 'KaiTi' },
    ]),
  );
  // A file named like 方正小标宋 that is some other font: not taken for the role.
  writeFileSync(path.join(fonts, 'FZXBSJW.TTF'), renamedFont({ family: ['Review Sans', '评审黑'], postscript: 'ReviewSans' }));
  // Hostile files: empty, random bytes, truncated inside the directory, a collection claiming a billion faces.
  writeFileSync(path.join(fonts, 'empty.ttf'), Buffer.alloc(0));
  writeFileSync(path.join(fonts, 'noise.ttf'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(
    path.join(fonts, 'cut.ttf'),
    renamedFont({ family: ['KaiTi_GB2312', '楷体_GB2312'], postscript: 'KaiTi_GB2312' }).subarray(0, 40),
  );
  const bomb = Buffer.alloc(64);
  bomb.write('ttcf', 0, 'latin1');
  bomb.writeUInt32BE(0x00010000, 4);
  bomb.writeUInt32BE(1_000_000_000, 8);
  writeFileSync(path.join(fonts, 'bomb.ttc'), bomb);
  // A folder linking to itself must not make the walk loop.
  symlinkSync(fonts, path.join(fonts, 'truetype', 'loop'));
  process.env[fontDirsVariable] = fonts;
});

afterAll(() => {
  delete process.env[fontDirsVariable];
  rmSync(dir, { recursive: true, force: true });
});

describe('system 公文 fonts', () => {
  it('serves each role with the face whose own names say it is that family, in a collection too', () => {
    const found = findRoleFaces([fonts]);
    expect(found.get('fangsong')?.regular).toMatchObject({ file: path.join(fonts, 'a1.ttf'), postscriptName: 'FangSong', family: '仿宋' });
    expect(found.get('hei')?.regular).toMatchObject({ postscriptName: 'SimHei', family: '黑体' });
    expect(found.get('kai')?.regular).toMatchObject({
      file: path.join(fonts, 'truetype', 'pair.ttc'),
      postscriptName: 'KaiTi',
      family: '楷体',
    });
    // No face names 方正小标宋简体 (FZXBSJW.TTF is another font) and the damaged 楷体_GB2312 file cannot be read.
    expect(found.has('xiaobiaosong')).toBe(false);
    expect(found.get('kai')?.regular.postscriptName).not.toBe('KaiTi_GB2312');
  });

  it('prefers the GB2312 family, and takes the family’s bold face for bold', () => {
    const more = path.join(dir, 'more');
    mkdirSync(more);
    writeFileSync(path.join(more, 'x.ttf'), renamedFont({ family: ['FangSong_GB2312', '仿宋_GB2312'], postscript: 'FangSong_GB2312' }));
    writeFileSync(
      path.join(more, 'y.ttf'),
      renamedFont({ family: ['FangSong_GB2312', '仿宋_GB2312'], postscript: 'FangSong_GB2312-Bold', bold: true }),
    );
    const found = findRoleFaces([fonts, more]);
    expect(found.get('fangsong')?.regular.postscriptName).toBe('FangSong_GB2312');
    expect(found.get('fangsong')?.bold?.postscriptName).toBe('FangSong_GB2312-Bold');
    expect(findRoleFaces([fonts]).get('fangsong')?.bold).toBeNull();
  });

  it('finds nothing in a folder without 公文 faces, nor in one that does not exist', () => {
    const noto = '/usr/share/fonts/opentype/noto';
    // The Noto CJK collections this machine has (CI installs fonts-noto-cjk) are real .ttc files of other families.
    if (existsSync(noto)) expect(findRoleFaces([noto]).size).toBe(0);
    expect(findRoleFaces([path.dirname(sourceFontFile)]).size).toBe(0);
    expect(findRoleFaces([path.join(dir, 'missing')]).size).toBe(0);
  });

  it('searches REVIEW_DESK_FONT_DIRS when set (empty: none), else the platform’s font folders', () => {
    expect(fontFolders({ [fontDirsVariable]: '' }, 'linux')).toEqual([]);
    expect(fontFolders({ [fontDirsVariable]: ['/a', '/b'].join(path.delimiter) }, 'linux')).toEqual(['/a', '/b']);
    expect(fontFolders({}, 'linux')).toContain('/usr/share/fonts');
    expect(fontFolders({ WINDIR: 'C:\\Windows' }, 'win32')[0]).toBe(path.join('C:\\Windows', 'Fonts'));
  });

  it('reports each role’s face and source for the settings screen', () => {
    const byRole = Object.fromEntries(documentFonts().map((f) => [f.role, f]));
    expect(byRole.fangsong).toEqual({ role: 'fangsong', face: '仿宋', source: 'system', bold: 'synthetic', docxName: '仿宋_GB2312' });
    expect(byRole.kai).toMatchObject({ face: '楷体', source: 'system', docxName: '楷体_GB2312' });
    expect(byRole.hei).toMatchObject({ face: '黑体', source: 'system' });
    expect(byRole.xiaobiaosong).toEqual({
      role: 'xiaobiaosong',
      face: 'Noto Serif SC Bold',
      source: 'bundled',
      bold: 'bundled',
      docxName: '方正小标宋简体',
    });
  });

  it('embeds subsets of the system faces in the PDF, the 楷体 from inside its collection', async () => {
    const file = path.join(dir, 'letter.pdf');
    writeFileSync(file, await renderPdf(letterDoc()));
    // pdffonts: one line per font, the subset's name "ABCDEF+PostScriptName" and "yes" in the sub (subset) column.
    const listed = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    const names = [...listed.matchAll(/^[A-Z]{6}\+(\S+)/gm)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(['FangSong', 'SimHei', 'KaiTi']));
    // 小标宋 has no system face here: the bundled one draws the title.
    expect(names).toContain('NotoSerifSC-Bold');
    expect(names).not.toContain('SimSun');
  });
});
