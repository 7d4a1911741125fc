// Owns a byte-level ZIP writer for the hostile fixtures: zip libraries (yazl included) refuse to write lying sizes, overlapping entries, legacy-encoded names or link modes, so this one writes exactly what each entry says.
import { crc32, deflateRawSync } from 'node:zlib';

/** General-purpose flag bit 11: the name (and comment) is UTF-8. */
export const utf8NameFlag = 0x0800;
/** General-purpose flag bit 3: CRC-32 and sizes follow the data in a data descriptor. */
const dataDescriptorFlag = 0x0008;
/** Info-ZIP Unicode Path extra field: version 1, CRC-32 of the raw name, then the UTF-8 name. */
export const unicodePathExtraId = 0x7075;

const versionNeeded = 20;
const msDosHost = 0;
const unixHost = 3;
/** 2027-03-01 09:00:00 as a DOS date and time, so the bytes never depend on when or where they were made. */
const dosTime = 9 << 11;
const dosDate = ((2027 - 1980) << 9) | (3 << 5) | 1;
const localHeaderSize = 30;
const centralHeaderSize = 46;

export interface ZipExtraField {
  id: number;
  data: Uint8Array;
}

export interface ZipEntry {
  /** A string is written as UTF-8 and flagged (bit 11); bytes are written verbatim and unflagged unless `flags` says otherwise. */
  name: string | Uint8Array;
  data?: Uint8Array;
  /** Defaults to deflate for non-empty data, stored otherwise. */
  method?: 'stored' | 'deflate';
  /** General-purpose bit flags, replacing the default derived from `name`. */
  flags?: number;
  /** The high byte is the host system: 0 MS-DOS (default), 3 Unix — then the high 16 bits of `externalAttributes` are the mode. */
  versionMadeBy?: number;
  externalAttributes?: number;
  /** Written into both the local and the central header. */
  extra?: ZipExtraField[];
  /** Lies written into both headers in place of the true CRC-32 and sizes. */
  declared?: { crc32?: number; compressedSize?: number; uncompressedSize?: number };
  /** Writes no local record: the central record points `plus` bytes into an earlier entry's local record. */
  pointsAt?: { entry: number; plus?: number };
  /** Sets bit 3 and moves CRC-32 and sizes into a data descriptor after the data, as streaming writers do. */
  dataDescriptor?: boolean;
}

interface PreparedEntry {
  name: Buffer;
  extra: Buffer;
  body: Buffer;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  versionMadeBy: number;
  externalAttributes: number;
}

/** `versionMadeBy` and `externalAttributes` for an entry made on Unix with `mode` (e.g. 0o120777 for a symlink). */
export function unixAttributes(mode: number): Pick<ZipEntry, 'versionMadeBy' | 'externalAttributes'> {
  return { versionMadeBy: (unixHost << 8) | versionNeeded, externalAttributes: (mode << 16) >>> 0 };
}

/** The Info-ZIP Unicode Path extra field that names an entry `unicodeName` whatever its raw name bytes are. */
export function unicodePathExtra(rawName: Uint8Array, unicodeName: string): ZipExtraField {
  const utf8 = Buffer.from(unicodeName, 'utf8');
  const data = Buffer.alloc(5 + utf8.length);
  data[0] = 1;
  data.writeUInt32LE(crc32(rawName), 1);
  utf8.copy(data, 5);
  return { id: unicodePathExtraId, data };
}

let gb18030Table: Map<string, Buffer> | undefined;

/**
 * `text` encoded as GB18030 (GBK for everyday Chinese), as Chinese-locale Windows tools write entry names.
 * Node ships only the decoder, so the two-byte table is built once by decoding every lead/trail pair.
 */
export function encodeGb18030(text: string): Buffer {
  if (!gb18030Table) {
    const decoder = new TextDecoder('gb18030');
    gb18030Table = new Map();
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (char.length === 1 && char !== '\ufffd' && !gb18030Table.has(char)) gb18030Table.set(char, Buffer.of(lead, trail));
      }
    }
  }
  const table = gb18030Table;
  return Buffer.concat(
    [...text].map((char) => {
      if (char.charCodeAt(0) < 0x80) return Buffer.from(char, 'latin1');
      const bytes = table.get(char);
      if (!bytes) throw new Error(`GB18030 two-byte table has no ${char}`);
      return bytes;
    }),
  );
}

function prepare(entry: ZipEntry): PreparedEntry {
  const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : Buffer.from(entry.name);
  const data = Buffer.from(entry.data ?? new Uint8Array());
  const method = entry.method ?? (data.length > 0 ? 'deflate' : 'stored');
  const body = method === 'deflate' ? deflateRawSync(data) : data;
  const defaultFlags = typeof entry.name === 'string' ? utf8NameFlag : 0;
  const extra = Buffer.concat(
    (entry.extra ?? []).map((field) => {
      const header = Buffer.alloc(4);
      header.writeUInt16LE(field.id, 0);
      header.writeUInt16LE(field.data.length, 2);
      return Buffer.concat([header, field.data]);
    }),
  );
  return {
    name,
    extra,
    body,
    flags: (entry.flags ?? defaultFlags) | (entry.dataDescriptor ? dataDescriptorFlag : 0),
    method: method === 'deflate' ? 8 : 0,
    crc32: entry.declared?.crc32 ?? crc32(data),
    compressedSize: entry.declared?.compressedSize ?? body.length,
    uncompressedSize: entry.declared?.uncompressedSize ?? data.length,
    versionMadeBy: entry.versionMadeBy ?? (msDosHost << 8) | versionNeeded,
    externalAttributes: entry.externalAttributes ?? 0,
  };
}

/** Bytes from the start of `entry`'s local record to its data. */
export function localHeaderLength(entry: ZipEntry): number {
  const { name, extra } = prepare(entry);
  return localHeaderSize + name.length + extra.length;
}

/** One entry's local file header, data and (if asked for) data descriptor. */
export function localRecord(entry: ZipEntry): Buffer {
  return localRecordOf(prepare(entry), entry.dataDescriptor === true);
}

function localRecordOf(p: PreparedEntry, withDescriptor: boolean): Buffer {
  const header = Buffer.alloc(localHeaderSize);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(versionNeeded, 4);
  header.writeUInt16LE(p.flags, 6);
  header.writeUInt16LE(p.method, 8);
  header.writeUInt16LE(dosTime, 10);
  header.writeUInt16LE(dosDate, 12);
  // With a data descriptor the local header carries zeros, as a streaming writer cannot know them yet.
  header.writeUInt32LE(withDescriptor ? 0 : p.crc32, 14);
  header.writeUInt32LE(withDescriptor ? 0 : p.compressedSize, 18);
  header.writeUInt32LE(withDescriptor ? 0 : p.uncompressedSize, 22);
  header.writeUInt16LE(p.name.length, 26);
  header.writeUInt16LE(p.extra.length, 28);
  const parts = [header, p.name, p.extra, p.body];
  if (withDescriptor) {
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(p.crc32, 4);
    descriptor.writeUInt32LE(p.compressedSize, 8);
    descriptor.writeUInt32LE(p.uncompressedSize, 12);
    parts.push(descriptor);
  }
  return Buffer.concat(parts);
}

function centralRecord(p: PreparedEntry, localOffset: number): Buffer {
  const header = Buffer.alloc(centralHeaderSize);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(p.versionMadeBy, 4);
  header.writeUInt16LE(versionNeeded, 6);
  header.writeUInt16LE(p.flags, 8);
  header.writeUInt16LE(p.method, 10);
  header.writeUInt16LE(dosTime, 12);
  header.writeUInt16LE(dosDate, 14);
  header.writeUInt32LE(p.crc32, 16);
  header.writeUInt32LE(p.compressedSize, 20);
  header.writeUInt32LE(p.uncompressedSize, 24);
  header.writeUInt16LE(p.name.length, 28);
  header.writeUInt16LE(p.extra.length, 30);
  // 32 comment length, 34 disk number, 36 internal attributes: all zero.
  header.writeUInt32LE(p.externalAttributes, 38);
  header.writeUInt32LE(localOffset, 42);
  return Buffer.concat([header, p.name, p.extra]);
}

/** A whole archive: local records in order, then the central directory, then the end record (no ZIP64). */
export function writeZip(entries: ZipEntry[]): Buffer {
  if (entries.length > 0xffff) throw new Error('writeZip does not write ZIP64: at most 65,535 entries');
  const prepared = entries.map(prepare);
  const locals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((entry, i) => {
    if (entry.pointsAt) {
      const target = offsets[entry.pointsAt.entry];
      if (target === undefined) throw new Error(`entry ${i} must point at an earlier entry`);
      offsets.push(target + (entry.pointsAt.plus ?? 0));
      return;
    }
    const record = localRecordOf(prepared[i]!, entry.dataDescriptor === true);
    offsets.push(offset);
    locals.push(record);
    offset += record.length;
  });
  const central = Buffer.concat(prepared.map((p, i) => centralRecord(p, offsets[i]!)));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  // 4 this disk, 6 disk with the central directory: zero.
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  // 20 comment length: zero.
  return Buffer.concat([...locals, central, end]);
}
