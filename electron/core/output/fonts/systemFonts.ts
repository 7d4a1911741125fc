// Owns finding the real 公文 faces on this machine (方正小标宋简体, 仿宋_GB2312/仿宋, 黑体, 楷体_GB2312/楷体 and the
// FZ/华文 equivalents UOS and Kylin ship) and which one serves each font role; the PDF renderer embeds subsets of them.
//
// A face is identified by the family names in its own `name` table (every language, read with fontkit), never by its
// file name: simfang.ttf may be anything, and a 方正仿宋_GBK file is called FZFSK.TTF. Reading a whole CJK font only to
// learn its name costs ~100 ms per file, so for each face only its table directory and the small name, OS/2 and head
// tables are read from disk, and fontkit reads them as a font of those three tables. Folders: the system's usual ones (Windows' Fonts folders; /usr/share/fonts, /usr/local/share/fonts,
// ~/.fonts, ~/.local/share/fonts on Linux, which is where fontconfig finds them on UOS and Kylin; macOS' Library
// folders), or the folders in REVIEW_DESK_FONT_DIRS (separated like PATH; empty: no system fonts, the bundled ones only).
import { closeSync, fstatSync, openSync, readdirSync, readSync, type Dirent } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import type { FontRole } from '../model';

/** A system face chosen for a role: the file, the face inside it (a .ttc holds several) and the name to show. */
export interface SystemFace {
  file: string;
  postscriptName: string;
  /** The family as the font names it, Chinese first (仿宋), else its English name (FangSong). */
  family: string;
  bold: boolean;
}

/** The faces found for a role: the regular one, and a bold one when the family has it (else bold is drawn thicker). */
export interface RoleFaces {
  regular: SystemFace;
  bold: SystemFace | null;
}

/** The env variable naming the folders to search instead of the system's (tests point it at a temporary folder). */
export const fontDirsVariable = 'REVIEW_DESK_FONT_DIRS';

/**
 * Family names per role, best first, compared without case and spaces. The GB2312 names are the ones offices install
 * for 公文; the plain Windows faces (仿宋 simfang.ttf, 楷体 simkai.ttf, 黑体 simhei.ttf) and the 方正/华文 faces of
 * UOS, Kylin and macOS come after.
 */
const roleFamilies: Record<FontRole, readonly string[]> = {
  xiaobiaosong: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05', '华文中宋', 'STZhongsong'],
  fangsong: [
    '仿宋_GB2312',
    'FangSong_GB2312',
    '仿宋',
    'FangSong',
    '方正仿宋_GBK',
    'FZFangSong-Z02',
    '方正仿宋简体',
    'FZFangSong-Z02S',
    '华文仿宋',
    'STFangsong',
  ],
  hei: ['黑体', 'SimHei', '方正黑体_GBK', 'FZHei-B01', '方正黑体简体', 'FZHei-B01S', '华文黑体', 'STHeiti'],
  kai: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', '方正楷体_GBK', 'FZKai-Z03', '方正楷体简体', 'FZKai-Z03S', '华文楷体', 'STKaiti'],
};

const fold = (name: string) => name.replace(/\s+/g, '').toLowerCase();
const rankOf = new Map<string, { role: FontRole; rank: number }>();
for (const [role, names] of Object.entries(roleFamilies) as [FontRole, readonly string[]][])
  names.forEach((name, rank) => rankOf.set(fold(name), { role, rank }));

/**
 * A quick test before fontkit decodes a name table (its decoder takes ~1 ms a face, CJK name tables carry pages of
 * licence text in several languages, and a Windows font folder holds hundreds of faces): does any family record
 * (name IDs 1 and 16) hold one of the families? Only the record headers and those strings are looked at; UTF-16BE on
 * the Unicode and Windows platforms, single bytes (Latin names) on the Macintosh one.
 */
function mayName(table: Buffer): boolean {
  if (table.length < 6) return false;
  const count = table.readUInt16BE(2);
  const strings = table.readUInt16BE(4);
  for (let r = 0; r < count && 6 + 12 * r + 12 <= table.length; r++) {
    const at = 6 + 12 * r;
    const nameId = table.readUInt16BE(at + 6);
    if (nameId !== 1 && nameId !== 16) continue;
    const start = strings + table.readUInt16BE(at + 10);
    const bytes = table.subarray(start, start + table.readUInt16BE(at + 8));
    const macintosh = table.readUInt16BE(at) === 1;
    if (!macintosh && bytes.length % 2 !== 0) continue;
    const text = macintosh ? bytes.toString('latin1') : Buffer.from(bytes).swap16().toString('utf16le');
    if (rankOf.has(fold(text))) return true;
  }
  return false;
}

/** Fonts are read from these extensions only (WOFF/WOFF2 are web fonts, not installed system faces). */
const fontFile = /\.(ttf|ttc|otf|otc)$/i;
/** Bounds on what a scan reads: a font folder holds hundreds of files, never this many; no real CJK font is larger. */
const limits = { files: 5000, depth: 6, bytes: 128 * 2 ** 20, facesPerCollection: 64, tables: 128, tableBytes: 2 ** 20 } as const;

/** The folders searched: REVIEW_DESK_FONT_DIRS when set, else the platform's usual font folders. */
export function fontFolders(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const override = env[fontDirsVariable];
  if (override !== undefined) return override.split(path.delimiter).filter((d) => d.trim() !== '');
  const home = os.homedir();
  if (platform === 'win32') {
    const windows = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const local = env.LOCALAPPDATA ? [path.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : [];
    return [path.join(windows, 'Fonts'), ...local];
  }
  if (platform === 'darwin') return ['/System/Library/Fonts', '/Library/Fonts', path.join(home, 'Library', 'Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', path.join(home, '.fonts'), path.join(home, '.local', 'share', 'fonts')];
}

/** Every font file under the folders (depth and count bounded; unreadable folders and symlink loops skipped). */
function fontFiles(folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > limits.depth || out.length >= limits.files) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= limits.files) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if ((e.isFile() || e.isSymbolicLink()) && fontFile.test(e.name)) out.push(full);
    }
  };
  for (const folder of folders) walk(folder, 0);
  return out;
}

/**
 * The faces of a font file (one, or each of a collection) that may name a 公文 family, each as a small font holding
 * only the tables that name it: the name, OS/2 and head tables read from disk behind a table directory pointing at
 * them. Null for anything that is not a plausible font file. Reading a whole CJK font only to learn its name would
 * cost ~100 ms per file.
 */
function namingFaces(file: string): Buffer[] | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const read = (pos: number, length: number): Buffer | null => {
      if (pos < 0 || length < 0 || pos + length > size || length > limits.tableBytes) return null;
      const buf = Buffer.alloc(length);
      return readSync(fd, buf, 0, length, pos) === length ? buf : null;
    };
    const head = size >= 12 && size <= limits.bytes ? read(0, 12) : null;
    if (!head) return null;
    let offsets = [0];
    if (head.toString('latin1', 0, 4) === 'ttcf') {
      const count = head.readUInt32BE(8);
      const table = count > 0 && count <= limits.facesPerCollection ? read(12, 4 * count) : null;
      if (!table) return null;
      offsets = Array.from({ length: count }, (_, i) => table.readUInt32BE(4 * i));
    }
    const faces: Buffer[] = [];
    for (const at of offsets) {
      const header = read(at, 12);
      const tables = header?.readUInt16BE(4) ?? 0;
      const directory = header && tables > 0 && tables <= limits.tables ? read(at + 12, 16 * tables) : null;
      if (!header || !directory) return null;
      const kept: { tag: Buffer; data: Buffer }[] = [];
      let named = false;
      for (let t = 0; t < tables; t++) {
        const entry = directory.subarray(16 * t, 16 * t + 16);
        const tag = entry.toString('latin1', 0, 4);
        if (!['name', 'OS/2', 'head'].includes(tag)) continue;
        const data = read(entry.readUInt32BE(8), entry.readUInt32BE(12));
        if (!data) return null;
        kept.push({ tag: entry.subarray(0, 4), data });
        if (tag === 'name') named = mayName(data);
      }
      if (!named) continue;
      // The same sfnt version, a directory of the kept tables, then their bytes at the offsets it gives.
      const out = Buffer.alloc(12 + 16 * kept.length + kept.reduce((n, k) => n + k.data.length, 0));
      header.copy(out, 0, 0, 4);
      out.writeUInt16BE(kept.length, 4);
      let offset = 12 + 16 * kept.length;
      kept.forEach((k, i) => {
        k.tag.copy(out, 12 + 16 * i);
        out.writeUInt32BE(offset, 12 + 16 * i + 8);
        out.writeUInt32BE(k.data.length, 12 + 16 * i + 12);
        k.data.copy(out, offset);
        offset += k.data.length;
      });
      faces.push(out);
    }
    return faces;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

interface FontkitNames {
  name?: { records?: Record<string, Record<string, string> | undefined> };
  'OS/2'?: { usWeightClass?: number };
  head?: { macStyle?: { bold?: boolean } };
}

/** Every family name the face gives (family, typographic family; every language), Chinese first. */
function familyNames(font: Font): string[] {
  const records = (font as unknown as FontkitNames).name?.records ?? {};
  const out: string[] = [];
  for (const key of ['fontFamily', 'preferredFamily']) {
    const byLanguage = records[key] ?? {};
    const languages = Object.keys(byLanguage).sort((a, b) => Number(b.startsWith('zh')) - Number(a.startsWith('zh')));
    for (const lang of languages) {
      const name = byLanguage[lang];
      if (typeof name === 'string' && name.trim() && !out.includes(name.trim())) out.push(name.trim());
    }
  }
  return out;
}

function isBold(font: Font): boolean {
  const tables = font as unknown as FontkitNames;
  return (tables['OS/2']?.usWeightClass ?? 400) >= 600 || !!tables.head?.macStyle?.bold;
}

interface Candidate extends SystemFace {
  role: FontRole;
  rank: number;
}

/** The faces of one file that name a 公文 family; none for a file fontkit cannot read. */
function candidatesIn(file: string): Candidate[] {
  const out: Candidate[] = [];
  for (const bytes of namingFaces(file) ?? []) {
    try {
      const font = create(bytes);
      const names = familyNames(font);
      const match = names.map((n) => rankOf.get(fold(n))).find((m) => m !== undefined);
      if (match && font.postscriptName)
        out.push({ file, postscriptName: font.postscriptName, family: names[0]!, bold: isBold(font), ...match });
    } catch {
      // Not a font fontkit can read: not one to draw with either.
    }
  }
  return out;
}

/** The best face per role under `folders`: the most standard family found, its regular face, and a bold one if any. */
export function findRoleFaces(folders: readonly string[]): Map<FontRole, RoleFaces> {
  const candidates = fontFiles(folders).flatMap(candidatesIn);
  const out = new Map<FontRole, RoleFaces>();
  for (const role of Object.keys(roleFamilies) as FontRole[]) {
    const mine = candidates.filter((c) => c.role === role).sort((a, b) => a.rank - b.rank || Number(a.bold) - Number(b.bold));
    const best = mine[0];
    if (!best) continue;
    const family = mine.filter((c) => c.rank === best.rank);
    const regular = family.find((c) => !c.bold);
    const bold = family.find((c) => c.bold) ?? null;
    const face = (c: Candidate): SystemFace => ({ file: c.file, postscriptName: c.postscriptName, family: c.family, bold: c.bold });
    // A family found only in bold (a 黑体 Bold without its regular) still serves the role.
    out.set(role, { regular: face(regular ?? best), bold: bold && face(bold) });
  }
  return out;
}

let found: Map<FontRole, RoleFaces> | undefined;

/** The system faces per role, looked for once per process (the first PDF, or the font settings screen, asks). */
export function systemRoleFaces(): Map<FontRole, RoleFaces> {
  found ??= findRoleFaces(fontFolders());
  return found;
}
