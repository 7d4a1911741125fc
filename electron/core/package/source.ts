// Owns reading a package's file list and bytes, from a ZIP (.rpkg) or a plain folder, with the archive-level safety checks.
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { checkEntryName, decodeEntryName } from './entryName';
import { fileLabel, PackageError, problem, type PackageProblem } from './errors';
import { limits } from './limits';

export interface SourceEntry {
  /** Decoded POSIX path inside the package; directories end with '/'. */
  name: string;
  isDirectory: boolean;
  /** Uncompressed size the archive declares (the real size is counted while reading). */
  declaredBytes: number;
}

export interface PackageSource {
  entries: SourceEntry[];
  open(entry: SourceEntry): Promise<Readable>;
  close(): void;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

export async function openSource(location: string): Promise<PackageSource> {
  const stat = await fs.stat(location).catch(() => null);
  if (!stat) throw new PackageError([problem('not-found', location)]);
  if (stat.isDirectory()) return openFolder(location);
  // A FIFO, socket or device would block the read (one of libuv's four pool threads each time, for good): only a
  // regular file is opened.
  if (!stat.isFile()) throw new PackageError([problem('not-zip', path.basename(location), '不是普通文件（可能是管道、设备或套接字）')]);
  return openZip(location);
}

async function openZip(file: string): Promise<PackageSource> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (err, z) =>
      err ? reject(new PackageError([problem('not-zip', path.basename(file), '找不到 ZIP 文件目录，文件可能不完整')])) : resolve(z),
    ),
  );
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new PackageError([problem('too-many-entries', '', `共 ${zip.entryCount} 个，上限 ${limits.maxEntries} 个`)]);
  }
  const raw: yauzl.Entry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        raw.push(e);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', () => reject(new PackageError([problem('not-zip', path.basename(file), 'ZIP 文件目录已损坏')])));
      zip.readEntry();
    });
  } catch (err) {
    zip.close();
    throw err;
  }
  const byName = new Map<string, yauzl.Entry>();
  const problems: PackageProblem[] = [];
  const entries: SourceEntry[] = [];
  for (const e of raw) {
    const nameBytes = e.fileName as unknown as Buffer;
    let name: string;
    try {
      name = decodeEntryName(
        nameBytes,
        e.generalPurposeBitFlag,
        e.extraFields.map((f) => ({ id: f.id, data: f.data })),
      );
    } catch {
      problems.push(problem('bad-name', nameBytes.toString('hex').slice(0, 40), '文件名不是有效的 UTF-8'));
      continue;
    }
    const bad = checkEntryName(name);
    if (bad) {
      problems.push(bad);
      continue;
    }
    const mode = (e.externalFileAttributes >>> 16) & S_IFMT;
    const isDirectory = name.endsWith('/');
    if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) {
      problems.push(problem('symlink', name, undefined, fileLabel(name)));
      continue;
    }
    const compressed = e.compressedSize;
    const declared = e.uncompressedSize;
    if (declared > limits.maxEntryBytes)
      problems.push(problem('too-large', name, `单个文件上限 ${limits.maxEntryBytes / 2 ** 30} GB`, fileLabel(name)));
    else if (declared > limits.bombMinBytes && declared > compressed * limits.maxCompressionRatio) {
      problems.push(problem('compression-bomb', name, `压缩比 ${Math.round(declared / Math.max(compressed, 1))}:1`, fileLabel(name)));
    }
    byName.set(name, e);
    entries.push({ name, isDirectory, declaredBytes: declared });
  }
  try {
    problems.push(...(await findOverlaps(zip, raw)));
  } catch (err) {
    zip.close();
    throw err;
  }
  const tooLarge = checkDeclaredTotal(entries);
  if (tooLarge) problems.unshift(tooLarge);
  if (problems.length) {
    zip.close();
    throw new PackageError(problems);
  }
  return {
    entries,
    open: (entry) => openZipEntry(file, zip, byName.get(entry.name)!),
    close: () => zip.close(),
  };
}

const READ_CHUNK = 1 << 20;

/**
 * Reads an entry's data range with 1 MiB reads (yauzl's own stream reads 16 KiB at a time, a thread-pool round trip
 * each, which made hashing I/O-bound). Sizes are not trusted here: the verifier counts the real bytes against the
 * declared ones.
 */
async function openZipEntry(file: string, zip: yauzl.ZipFile, e: yauzl.Entry): Promise<Readable> {
  const name = (e.fileName as unknown as Buffer).toString('utf8');
  if (e.generalPurposeBitFlag & 0x1) throw new PackageError([problem('not-zip', name, '文件已加密', fileLabel(name))]);
  if (e.compressionMethod !== 0 && e.compressionMethod !== 8)
    throw new PackageError([problem('not-zip', name, `不支持的压缩方法 ${e.compressionMethod}`, fileLabel(name))]);
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(e, { minimal: true });
  if (e.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(file, { start: fileDataStart, end: fileDataStart + e.compressedSize - 1, highWaterMark: READ_CHUNK });
  if (e.compressionMethod === 0) return raw;
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  pipeline(raw, inflate).catch(() => undefined); // a read or inflate error reaches the reader through `inflate`
  return inflate;
}

/** The archive's own claim of its inflated size comes first: it is the cheapest way to refuse a bomb. */
function checkDeclaredTotal(entries: SourceEntry[]): PackageProblem | null {
  const total = entries.reduce((n, e) => n + e.declaredBytes, 0);
  return total > limits.maxTotalBytes
    ? problem('too-large', '', `解压后共 ${(total / 2 ** 30).toFixed(1)} GB，上限 ${limits.maxTotalBytes / 2 ** 30} GB`)
    : null;
}

/**
 * Two entries whose data ranges overlap are how "overlapping file" bombs multiply one payload many times. Each
 * entry's range is measured from its own local header (name and extra field lengths there), and that header must
 * name the same file as the central directory: a local name longer than the central one used to hide an entry's
 * true end, so another entry's local record could sit inside its data.
 */
async function findOverlaps(zip: yauzl.ZipFile, raw: yauzl.Entry[]): Promise<PackageProblem[]> {
  const spans: { start: number; end: number }[] = [];
  for (const e of raw) {
    const central = e.fileName as unknown as Buffer;
    let local: { fileDataStart: number; fileName?: Buffer };
    try {
      local = (await zip.readLocalFileHeaderPromise(e)) as unknown as { fileDataStart: number; fileName?: Buffer };
    } catch {
      return [problem('overlapping-entries', central.toString('utf8'), '本地文件头无法读取', fileLabel(central.toString('utf8')))];
    }
    if (!local.fileName || !Buffer.from(local.fileName).equals(central)) {
      return [
        problem(
          'overlapping-entries',
          central.toString('utf8'),
          '本地文件头中的文件名与中央目录不一致',
          fileLabel(central.toString('utf8')),
        ),
      ];
    }
    spans.push({ start: e.relativeOffsetOfLocalHeader, end: local.fileDataStart + e.compressedSize });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) return [problem('overlapping-entries')];
  }
  return [];
}

async function openFolder(root: string): Promise<PackageSource> {
  const entries: SourceEntry[] = [];
  const problems: PackageProblem[] = [];
  async function walk(dir: string, prefix: string): Promise<void> {
    for (const d of await fs.readdir(dir, { withFileTypes: true })) {
      const name = prefix + d.name;
      if (entries.length + problems.length >= limits.maxEntries)
        throw new PackageError([problem('too-many-entries', '', `上限 ${limits.maxEntries} 个`)]);
      const full = path.join(dir, d.name);
      const stat = await fs.lstat(full);
      if (stat.isSymbolicLink() || !(stat.isFile() || stat.isDirectory())) {
        problems.push(problem('symlink', name, undefined, fileLabel(name)));
      } else if (stat.isDirectory()) {
        const bad = checkEntryName(name + '/');
        if (bad) problems.push(bad);
        entries.push({ name: name + '/', isDirectory: true, declaredBytes: 0 });
        await walk(full, name + '/');
      } else {
        const bad = checkEntryName(name);
        if (bad) problems.push(bad);
        else entries.push({ name, isDirectory: false, declaredBytes: stat.size });
      }
    }
  }
  await walk(root, '');
  const tooLarge = checkDeclaredTotal(entries);
  if (tooLarge) problems.unshift(tooLarge);
  if (problems.length) throw new PackageError(problems);
  return {
    entries,
    open: async (entry) => createReadStream(path.join(root, ...entry.name.split('/'))),
    close: () => undefined,
  };
}
