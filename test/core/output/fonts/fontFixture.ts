// Owns the test fonts of the system-font tests: a real TrueType font (the bundled Noto Sans SC, every glyph) given
// another family name — the name a 公文 face carries, such as 仿宋 / FangSong — and collections (.ttc) of such faces.
// The sfnt layout (table directory, name table format 0, TTC header) is the OpenType spec's; only names and weight change.
import { readFileSync } from 'node:fs';

export const sourceFontFile = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

interface Table {
  tag: string;
  data: Buffer;
}

function tablesOf(font: Buffer): { version: Buffer; tables: Table[] } {
  const count = font.readUInt16BE(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const offset = font.readUInt32BE(at + 8);
    tables.push({ tag: font.toString('latin1', at, at + 4), data: font.subarray(offset, offset + font.readUInt32BE(at + 12)) });
  }
  return { version: font.subarray(0, 4), tables };
}

/** A name table (format 0) giving each name in English (0x0409) and Simplified Chinese (0x0804) on the Windows platform. */
function nameTable(names: Record<number, { en: string; zh: string }>): Buffer {
  const records: { lang: number; id: number; bytes: Buffer }[] = [];
  for (const lang of [0x0409, 0x0804])
    for (const [id, value] of Object.entries(names))
      records.push({ lang, id: Number(id), bytes: Buffer.from(lang === 0x0409 ? value.en : value.zh, 'utf16le').swap16() });
  const head = Buffer.alloc(6 + 12 * records.length);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(records.length, 2);
  head.writeUInt16BE(head.length, 4);
  let offset = 0;
  records.forEach((r, i) => {
    const at = 6 + 12 * i;
    head.writeUInt16BE(3, at); // Windows
    head.writeUInt16BE(1, at + 2); // Unicode BMP
    head.writeUInt16BE(r.lang, at + 4);
    head.writeUInt16BE(r.id, at + 6);
    head.writeUInt16BE(r.bytes.length, at + 8);
    head.writeUInt16BE(offset, at + 10);
    offset += r.bytes.length;
  });
  return Buffer.concat([head, ...records.map((r) => r.bytes)]);
}

const pad4 = (b: Buffer) => (b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b);

/** Directory + tables of one face, its tables placed from `base` (the face's data offset within the file). */
function faceBytes(version: Buffer, tables: Table[], directoryAt: number): { directory: Buffer; data: Buffer } {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const directory = Buffer.alloc(12 + 16 * sorted.length);
  version.copy(directory, 0);
  directory.writeUInt16BE(sorted.length, 4);
  const power = 2 ** Math.floor(Math.log2(sorted.length));
  directory.writeUInt16BE(power * 16, 6);
  directory.writeUInt16BE(Math.log2(power), 8);
  directory.writeUInt16BE(sorted.length * 16 - power * 16, 10);
  let offset = directoryAt + directory.length;
  const chunks: Buffer[] = [];
  sorted.forEach((t, i) => {
    const at = 12 + 16 * i;
    directory.write(t.tag, at, 'latin1');
    directory.writeUInt32BE(0, at + 4); // checksums are not read by fontkit, pdfkit or poppler
    directory.writeUInt32BE(offset, at + 8);
    directory.writeUInt32BE(t.data.length, at + 12);
    const padded = pad4(t.data);
    chunks.push(padded);
    offset += padded.length;
  });
  return { directory, data: Buffer.concat(chunks) };
}

export interface FaceNames {
  /** [English, Chinese] family. */
  family: [string, string];
  postscript: string;
  bold?: boolean;
}

function renamedTables(source: Buffer, names: FaceNames): { version: Buffer; tables: Table[] } {
  const { version, tables } = tablesOf(source);
  const [en, zh] = names.family;
  const name = nameTable({
    1: { en, zh },
    2: { en: names.bold ? 'Bold' : 'Regular', zh: names.bold ? 'Bold' : 'Regular' },
    4: { en: `${en}${names.bold ? ' Bold' : ''}`, zh: `${zh}${names.bold ? ' Bold' : ''}` },
    6: { en: names.postscript, zh: names.postscript },
  });
  return {
    version,
    tables: tables.map((t) => {
      if (t.tag === 'name') return { tag: t.tag, data: name };
      if (t.tag === 'OS/2') {
        const os2 = Buffer.from(t.data);
        os2.writeUInt16BE(names.bold ? 700 : 400, 4);
        return { tag: t.tag, data: os2 };
      }
      return t;
    }),
  };
}

let source: Buffer | undefined;
const sourceFont = () => (source ??= readFileSync(sourceFontFile));

/** The bundled Noto Sans SC as a face of another family. */
export function renamedFont(names: FaceNames): Buffer {
  const { version, tables } = renamedTables(sourceFont(), names);
  const { directory, data } = faceBytes(version, tables, 0);
  return Buffer.concat([directory, data]);
}

/** A TrueType collection (.ttc) of the bundled Noto Sans SC under each of these names. */
export function collection(faces: FaceNames[]): Buffer {
  const header = Buffer.alloc(12 + 4 * faces.length);
  header.write('ttcf', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(faces.length, 8);
  const parts: Buffer[] = [header];
  let at = header.length;
  faces.forEach((names, i) => {
    const { version, tables } = renamedTables(sourceFont(), names);
    header.writeUInt32BE(at, 12 + 4 * i);
    const { directory, data } = faceBytes(version, tables, at);
    parts.push(directory, data);
    at += directory.length + data.length;
  });
  return Buffer.concat(parts);
}
