// Owns the DOCX type choices: which installed font each role names, the east-Asian fallbacks, sizes and the font table.
//
// Why these fonts and this fallback: Chinese offices have 方正小标宋简体, 仿宋_GB2312, 黑体 and 楷体_GB2312 installed, and
// a letter must name exactly these so it prints as the bureau expects. Many machines (Windows 10+ ships 仿宋/楷体, not
// the _GB2312 ones; Linux has none) lack some. What the readers honour when a named font is missing:
//  - Word looks the name up in the document's font table (word/fontTable.xml, ECMA-376 §17.8) and substitutes by the
//    entry's w:altName first, then by w:panose1, w:charset (86 = GB2312) and w:family/w:pitch. So every Chinese font we
//    name gets an entry with the common Windows font as altName (仿宋, 楷体, 宋体) and charset 86.
//  - WPS maps the _GB2312 names to 仿宋/楷体 itself and otherwise falls back by charset, which the same entry gives.
//  - LibreOffice reads w:altName and then its own replacement table and fontconfig (tested: it renders with the CJK
//    font it has).
// Runs name Times New Roman for ascii/hAnsi (digits and Latin in official letters) and the Chinese font for eastAsia;
// the document's language is zh-CN so Word applies Chinese line breaking (kinsoku, 避头尾) by default.
import type { FontRole } from '../model';

/** Standard font name of each role, as installed in Chinese government offices. */
export const fontNames: Record<FontRole, string> = {
  xiaobiaosong: '方正小标宋简体',
  fangsong: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
};

/** 宋体 for page numbers (GB/T 9704 7.5: 4号半角宋体阿拉伯数字). */
export const songFont = '宋体';
export const latinFont = 'Times New Roman';

/** ECMA-376 run fonts: Latin text in Times New Roman, Chinese in the role's font. */
export function runFonts(eastAsia: string, latin = latinFont) {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia };
}

interface FontTableEntry {
  name: string;
  altName?: string;
  panose: string;
  charset: string;
  family: 'auto' | 'roman' | 'modern' | 'swiss';
  pitch: 'fixed' | 'variable';
}

/** Font table entries: the panose, charset and family Windows reports for each font, the fallback as altName. */
const fontTable: FontTableEntry[] = [
  { name: latinFont, panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
  { name: songFont, altName: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  { name: fontNames.xiaobiaosong, altName: songFont, panose: '02000000000000000000', charset: '86', family: 'auto', pitch: 'variable' },
  { name: fontNames.fangsong, altName: '仿宋', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: fontNames.hei, altName: 'SimHei', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: fontNames.kai, altName: '楷体', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
];

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** word/fontTable.xml with one entry per font the renderer names. */
export function fontTableXml(): string {
  const fonts = fontTable
    .map(
      (f) =>
        `<w:font w:name="${escapeXml(f.name)}">` +
        (f.altName ? `<w:altName w:val="${escapeXml(f.altName)}"/>` : '') +
        `<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}
