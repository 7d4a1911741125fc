// Owns the open CJK fonts the PDF renderer embeds and which font file draws each character.
//
// No open 方正小标宋, 仿宋_GB2312, 黑体 or 楷体_GB2312 is published on npm, so each font role of GB/T 9704 gets a stand-in:
//   xiaobiaosong (小标宋, titles) → Noto Serif SC Bold;
//   fangsong (仿宋, body)          → Noto Serif SC Regular — no open 仿宋 exists on npm, a Song-style serif is the nearest;
//   hei (黑体)                     → Noto Sans SC Regular / Bold;
//   kai (楷体)                     → LXGW WenKai (霞鹜文楷), which the package ships only as unicode-range WOFF2 chunks listed
//                                    in its CSS: the CSS is parsed once into a code point → chunk table, a Kai run is drawn
//                                    chunk by chunk, and each chunk is converted to TrueType once (see woff2.ts).
// Where the machine has the real 公文 face of a role (fonts/systemFonts.ts), that face draws the role instead and a
// subset of it is embedded; a role whose family has no bold face draws bold thicker (fill and stroke, as Word does).
// A character missing from its font falls back to the role's bundled face, then to Noto Serif SC of the same weight;
// one missing there too is an error, never a silently dropped character. pdfkit embeds only the glyphs used
// (subsets), so a letter stays small.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { create, type Font, type Glyph } from 'fontkit';
import type { DocumentFont } from '../../../../shared/output';
import { fontNames } from '../docx/fonts';
import { systemRoleFaces } from '../fonts/systemFonts';
import type { FontRole } from '../model';
import { woff2ToTtf } from './woff2';

/** One face the renderer can draw with: a key for pdfkit's font registry, the bytes to embed and fontkit for measuring. */
export interface Face {
  key: string;
  bytes: Buffer;
  font: Font;
  /** The face's PostScript name when `bytes` is a collection (.ttc) holding several faces. */
  inCollection: string | null;
  /** Bold asked of a face that has none: drawn with its outline stroked as well. */
  syntheticBold: boolean;
  /** The key pdfkit embeds it under: its own, or for synthetic bold the regular face's (one subset for both). */
  embedAs: string;
}

/** A font package the PDFs embed, for the README and for packaging (electron-builder must ship these files). */
export interface BundledFont {
  role: FontRole;
  family: string;
  packageName: string;
  license: string;
  /** Absolute paths of every file of the family the renderer may read. */
  files: string[];
}

const serifPackage = '@expo-google-fonts/noto-serif-sc';
const sansPackage = '@expo-google-fonts/noto-sans-sc';
const kaiPackage = 'lxgw-wenkai-webfont';

const staticFiles = {
  serif400: `${serifPackage}/400Regular/NotoSerifSC_400Regular.ttf`,
  serif700: `${serifPackage}/700Bold/NotoSerifSC_700Bold.ttf`,
  sans400: `${sansPackage}/400Regular/NotoSansSC_400Regular.ttf`,
  sans700: `${sansPackage}/700Bold/NotoSansSC_700Bold.ttf`,
} satisfies Record<string, string>;

const kaiCss = { 400: `${kaiPackage}/lxgwwenkai-regular.css`, 700: `${kaiPackage}/lxgwwenkai-bold.css` } as const;

function resolvePackageFile(spec: string): string {
  try {
    return require.resolve(spec);
  } catch {
    throw new Error(`找不到字体文件 ${spec}：请确认已安装 npm 依赖（npm ci）。`);
  }
}

interface ChunkRange {
  from: number;
  to: number;
  file: string;
}

const chunkTables = new Map<400 | 700, ChunkRange[]>();

/** Parses the WenKai CSS once: each @font-face names a WOFF2 chunk and the unicode-range it covers. */
function kaiChunks(weight: 400 | 700): ChunkRange[] {
  let table = chunkTables.get(weight);
  if (table) return table;
  const cssFile = resolvePackageFile(kaiCss[weight]);
  const css = readFileSync(cssFile, 'utf8');
  table = [];
  for (const face of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    // Groups 1 of these patterns always participate in a match.
    const body = face[1]!;
    const src = /url\(['"]?([^'")]+)['"]?\)/.exec(body);
    const ranges = /unicode-range:\s*([^;}]+)/.exec(body);
    if (!src || !ranges) continue;
    const file = path.resolve(path.dirname(cssFile), src[1]!);
    for (const range of ranges[1]!.split(',')) {
      const m = /U\+([0-9a-f]+)(?:-([0-9a-f]+))?/i.exec(range.trim());
      if (m) table.push({ from: parseInt(m[1]!, 16), to: parseInt(m[2] ?? m[1]!, 16), file });
    }
  }
  if (table.length === 0) throw new Error(`字体样式表 ${cssFile} 中没有可用的 unicode-range：请检查 ${kaiPackage} 安装是否完整。`);
  table.sort((a, b) => a.from - b.from);
  chunkTables.set(weight, table);
  return table;
}

function kaiChunkFor(weight: 400 | 700, codePoint: number): string | null {
  const table = kaiChunks(weight);
  let lo = 0;
  let hi = table.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = table[mid]!; // lo <= mid <= hi, within the table
    if (codePoint < r.from) hi = mid - 1;
    else if (codePoint > r.to) lo = mid + 1;
    else return r.file;
  }
  return null;
}

const faces = new Map<string, Face>();

/** Font files read ahead by `prefetchFonts`, by path, once the read has finished. */
const prefetched = new Map<string, Buffer>();
/** Font files a face has been made from: a read ahead finishing later is not kept. */
const used = new Set<string>();

/** A font file's bytes: read ahead, else now. */
function fontBytes(file: string): Buffer {
  used.add(file);
  const ready = prefetched.get(file);
  if (!ready) return readFileSync(file);
  prefetched.delete(file);
  return ready;
}

/**
 * Reads the font files a first document needs (the body, title and 黑体 faces, the system's where it has them) in the
 * background, so the first document of a process does not wait ~200 ms for 40 MB from disk. The reads run on libuv's
 * threads and do not hold up the app; a file that cannot be read is read (and reported) again when a document needs it.
 */
export async function prefetchFonts(): Promise<void> {
  const system = systemRoleFaces();
  const files = [
    ...[staticFiles.serif400, staticFiles.serif700, staticFiles.sans400].map(resolvePackageFile),
    ...[...system.values()].flatMap((f) => [f.regular.file, ...(f.bold ? [f.bold.file] : [])]),
  ];
  await Promise.all(
    [...new Set(files)].map(async (file) => {
      try {
        const bytes = await readFile(file);
        if (!used.has(file)) prefetched.set(file, bytes);
      } catch {
        // Read again, and reported, when a document needs it.
      }
    }),
  );
}

/** Loads (once per process) the face with this key: a static key above, `kai400:<chunk file>` or `system:<role>`. */
export function face(key: string): Face {
  let loaded = faces.get(key);
  if (loaded) return loaded;
  const kai = /^kai(400|700):(.+)$/.exec(key);
  const system = /^system:(xiaobiaosong|fangsong|hei|kai)(:bold)?$/.exec(key);
  if (kai) {
    const bytes = woff2ToTtf(readFileSync(kai[2]!), kai[2]!);
    loaded = { key, bytes, font: create(bytes), inCollection: null, syntheticBold: false, embedAs: key };
  } else if (system) {
    const faces = systemRoleFaces().get(system[1] as FontRole);
    if (!faces) throw new Error(`本机没有${system[1]}字体`);
    if (system[2] && !faces.bold) {
      const regular = face(`system:${system[1]}`);
      loaded = { ...regular, key, syntheticBold: true, embedAs: regular.key };
    } else {
      const chosen = system[2] ? faces.bold! : faces.regular;
      const bytes = fontBytes(chosen.file);
      const opened = create(bytes) as Font & { fonts?: Font[] };
      const font = opened.fonts ? create(bytes, chosen.postscriptName) : opened;
      loaded = { key, bytes, font, inCollection: opened.fonts ? chosen.postscriptName : null, syntheticBold: false, embedAs: key };
    }
  } else {
    const spec = (staticFiles as Record<string, string | undefined>)[key];
    if (!spec) throw new Error(`未知的字体 ${key}`);
    const bytes = fontBytes(resolvePackageFile(spec));
    loaded = { key, bytes, font: create(bytes), inCollection: null, syntheticBold: false, embedAs: key };
  }
  rememberOutlines(loaded.font);
  faces.set(key, loaded);
  return loaded;
}

type DecodeGlyph = (this: Glyph) => ReturnType<Glyph['_decode']>;
const patchedGlyphClasses = new WeakSet<object>();

/**
 * Makes fontkit decode each TrueType glyph of a face once per process. pdfkit subsets a face for every PDF, and fontkit's
 * subsetter decodes every glyph it copies (only to find composite glyphs), again for every document: about a sixth of
 * a letter's time. fontkit keeps one Glyph object per glyph id and font, and an outline never changes (a font with
 * variations is left alone: its outlines depend on the chosen instance), so the decoded glyph is kept with the object.
 */
function rememberOutlines(font: Font): void {
  if (!font.directory.tables.glyf || font.numGlyphs === 0) return;
  const proto = Object.getPrototypeOf(font.getGlyph(0)) as { _decode: DecodeGlyph };
  if (patchedGlyphClasses.has(proto)) return;
  patchedGlyphClasses.add(proto);
  const decode = proto._decode;
  const decoded = new WeakMap<Glyph, ReturnType<DecodeGlyph>>();
  proto._decode = function (this: Glyph) {
    if ((this as unknown as { _font: { _variationProcessor?: unknown } })._font._variationProcessor) return decode.call(this);
    if (!decoded.has(this)) decoded.set(this, decode.call(this));
    return decoded.get(this) ?? null;
  };
}

/** Per role, the face chosen for each code point (negative slots for bold): the choice is made once per process. */
const chosenFaces = new Map<FontRole, Map<number, string>>();

/**
 * The face that draws `codePoint` in `role` (bold or not): the system's face of the role when it has the character,
 * else the bundled one, else the Serif fallback; throws if no font has it.
 */
export function faceFor(role: FontRole, bold: boolean, codePoint: number): string {
  let byRole = chosenFaces.get(role);
  if (!byRole) chosenFaces.set(role, (byRole = new Map()));
  const slot = bold ? -codePoint - 1 : codePoint;
  let key = byRole.get(slot);
  if (key === undefined) byRole.set(slot, (key = chooseFace(role, bold, codePoint)));
  return key;
}

/** The system face of the role when the machine has one (bold: `system:<role>:bold`), else null. */
function systemFaceKey(role: FontRole, bold: boolean): string | null {
  // 小标宋 is a heavy face itself: bold asks nothing more of it.
  if (!systemRoleFaces().has(role)) return null;
  return bold && role !== 'xiaobiaosong' ? `system:${role}:bold` : `system:${role}`;
}

function chooseFace(role: FontRole, bold: boolean, codePoint: number): string {
  const system = systemFaceKey(role, bold);
  if (system && face(system).font.hasGlyphForCodePoint(codePoint)) return system;
  const heavy = bold || role === 'xiaobiaosong';
  let key: string | null;
  switch (role) {
    case 'xiaobiaosong':
      key = 'serif700';
      break;
    case 'fangsong':
      key = bold ? 'serif700' : 'serif400';
      break;
    case 'hei':
      key = bold ? 'sans700' : 'sans400';
      break;
    case 'kai': {
      const chunk = kaiChunkFor(bold ? 700 : 400, codePoint);
      key = chunk ? `kai${bold ? 700 : 400}:${chunk}` : null;
      break;
    }
  }
  if (key && face(key).font.hasGlyphForCodePoint(codePoint)) return key;
  const fallback = heavy ? 'serif700' : 'serif400';
  if (face(fallback).font.hasGlyphForCodePoint(codePoint)) return fallback;
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  throw new Error(`字符“${String.fromCodePoint(codePoint)}”（U+${hex}）不在内置字体中，无法写入 PDF：请在文稿中改用常用字或删除该字符。`);
}

const widthCache = new Map<string, number>();

/** Natural advance of `text` in `faceKey` at 1 pt (multiply by the size), with the font's kerning and ligatures. */
export function advance(faceKey: string, text: string): number {
  const cacheKey = `${faceKey}\u0000${text}`;
  let width = widthCache.get(cacheKey);
  if (width === undefined) {
    const { font } = face(faceKey);
    width = font.layout(text).advanceWidth / font.unitsPerEm;
    widthCache.set(cacheKey, width);
  }
  return width;
}

/** Height of the ideographic em box above the baseline, as a fraction of the size (OS/2 typo ascender 880/1000 in all three families). */
export const emAscent = 0.88;

function kaiFiles(weight: 400 | 700): string[] {
  return [resolvePackageFile(kaiCss[weight]), ...new Set(kaiChunks(weight).map((r) => r.file))];
}

/** The bundled face of each role, as the font settings name it. */
const bundledFace: Record<FontRole, string> = {
  xiaobiaosong: 'Noto Serif SC Bold',
  fangsong: 'Noto Serif SC',
  hei: 'Noto Sans SC',
  kai: '霞鹜文楷 LXGW WenKai',
};

/** 文书字体: per role, the face the PDFs draw it with and where it comes from, and the font the DOCX names. */
export function documentFonts(): DocumentFont[] {
  const system = systemRoleFaces();
  return (Object.keys(bundledFace) as FontRole[]).map((role) => {
    const found = system.get(role);
    if (!found) return { role, face: bundledFace[role], source: 'bundled', bold: 'bundled', docxName: fontNames[role] };
    return {
      role,
      face: found.regular.family,
      source: 'system',
      bold: role === 'xiaobiaosong' || found.bold ? 'face' : 'synthetic',
      docxName: fontNames[role],
    };
  });
}

/** Every font file the PDF renderer may read, grouped by family. */
export function bundledFonts(): BundledFont[] {
  return [
    {
      role: 'xiaobiaosong',
      family: 'Noto Serif SC Bold（小标宋替代）',
      packageName: serifPackage,
      license: 'OFL-1.1',
      files: [resolvePackageFile(staticFiles.serif700)],
    },
    {
      role: 'fangsong',
      family: 'Noto Serif SC Regular（仿宋替代）',
      packageName: serifPackage,
      license: 'OFL-1.1',
      files: [resolvePackageFile(staticFiles.serif400)],
    },
    {
      role: 'hei',
      family: 'Noto Sans SC Regular/Bold（黑体替代）',
      packageName: sansPackage,
      license: 'OFL-1.1',
      files: [resolvePackageFile(staticFiles.sans400), resolvePackageFile(staticFiles.sans700)],
    },
    {
      role: 'kai',
      family: 'LXGW WenKai 霞鹜文楷 Regular/Bold（楷体替代）',
      packageName: kaiPackage,
      license: 'OFL-1.1',
      files: [...kaiFiles(400), ...kaiFiles(700)],
    },
  ];
}
