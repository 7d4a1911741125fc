// Checks the hostile package corpus itself (index, bytes, each package broken in exactly its named way); the importer's verdicts are tested elsewhere.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { packageErrorMessages, type PackageErrorCode } from '../../../electron/core/package/errors';
import { manifestSchema } from '../../../shared/manifest';
import { checkProfileBytes } from '../../../electron/core/precheck/profileCheck';
import { makeHostileFixtures } from '../../../scripts/make-hostile-fixtures';
import { unicodePathExtraId, utf8NameFlag } from '../../../scripts/hostile/zip-writer';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** The limits the corpus is built around (see the script's header). */
const limits = { entries: 10_000, entryBytes: GiB, totalBytes: 4 * GiB, bombRatio: 200, bombFloor: MiB };
/** Cases whose defect cannot exist without a second one: a declared size that lies also differs from the actual size. */
const alsoPresent: Record<string, PackageErrorCode[]> = {
  'too-large-entry.rpkg': ['size-mismatch'],
  'too-large-total.rpkg': ['size-mismatch'],
};

const dir = await mkdtemp(path.join(os.tmpdir(), 'hostile-corpus-'));
const started = performance.now();
const cases = await makeHostileFixtures(dir);
const generationMs = performance.now() - started;
afterAll(() => rm(dir, { recursive: true, force: true }));

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');
const gb18030 = new TextDecoder('gb18030');

interface CorpusEntry {
  entry: yauzl.Entry;
  name: string;
  /** Flagged (or 0x7075) UTF-8 that does not decode. */
  badUtf8: boolean;
  /** Actual inflated bytes; absent for directories. */
  data?: Buffer;
}

interface CorpusPackage {
  entryCount: number;
  entries: CorpusEntry[];
}

function utf8Name(bytes: Buffer): Pick<CorpusEntry, 'name' | 'badUtf8'> {
  try {
    return { name: strictUtf8.decode(bytes), badUtf8: false };
  } catch {
    return { name: lenientUtf8.decode(bytes), badUtf8: true };
  }
}

/** Names by reliability.md item 19: UTF-8 flag, else a matching Unicode Path field, else strict UTF-8, else GB18030. */
function decodeName(entry: yauzl.Entry): Pick<CorpusEntry, 'name' | 'badUtf8'> {
  const raw = entry.fileNameRaw;
  if (entry.generalPurposeBitFlag & utf8NameFlag) return utf8Name(raw);
  const unicodePath = entry.extraFields.find((f) => f.id === unicodePathExtraId);
  if (unicodePath && unicodePath.data[0] === 1 && unicodePath.data.readUInt32LE(1) === crc32(raw))
    return utf8Name(unicodePath.data.subarray(5));
  try {
    return { name: strictUtf8.decode(raw), badUtf8: false };
  } catch {
    return { name: gb18030.decode(raw), badUtf8: false };
  }
}

const packages = new Map<string, Promise<CorpusPackage>>();

/** Every entry with its actual bytes, read without yauzl's size checks so lying entries can be inspected. */
function readPackage(file: string): Promise<CorpusPackage> {
  let read = packages.get(file);
  if (!read) {
    read = (async () => {
      const zip = await yauzl.openPromise(path.join(dir, file), {
        lazyEntries: true,
        decodeStrings: false,
        validateEntrySizes: false,
        autoClose: false,
      });
      try {
        const entries: CorpusEntry[] = [];
        for await (const entry of zip.eachEntry()) entries.push({ entry, ...decodeName(entry) });
        for (const e of entries) if (!e.name.endsWith('/')) e.data = await buffer(await zip.openReadStreamPromise(e.entry));
        return { entryCount: zip.entryCount, entries };
      } finally {
        zip.close();
      }
    })();
    packages.set(file, read);
  }
  return read;
}

const isUnsafe = (name: string) => name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\') || name.split('/').includes('..');

function isBadName(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- names with control characters are the hostile case
  if (/[\u0000-\u001f\u007f]/.test(name)) return true;
  return name
    .replace(/\/$/, '')
    .split('/')
    .filter((segment) => segment !== '.' && segment !== '..')
    .some((segment) => /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i.test(segment) || /[. ]$/.test(segment) || segment.length > 255);
}

function isLinkOrSpecial(entry: yauzl.Entry): boolean {
  if (entry.versionMadeBy >> 8 !== 3) return false;
  const type = (entry.externalFileAttributes >>> 16) & 0o170000;
  return type !== 0 && type !== 0o100000 && type !== 0o040000;
}

function overlaps(entries: CorpusEntry[]): boolean {
  const spans = entries
    .map(({ entry }) => {
      const start = entry.relativeOffsetOfLocalHeader;
      return [start, start + 30 + entry.fileNameLength + entry.extraFieldLength + entry.compressedSize];
    })
    .sort((a, b) => a[0]! - b[0]!);
  return spans.some((span, i) => i > 0 && span[0]! < spans[i - 1]![1]!);
}

/** Listed files as written, without the schema's trimming. */
const listingSchema = z.object({
  projects: z.array(z.object({ documents: z.array(z.object({ path: z.string(), sha256: z.string(), bytes: z.number() })) })),
});

function manifestJson(pkg: CorpusPackage): unknown {
  const data = pkg.entries.find((e) => e.name === 'manifest.json')?.data;
  if (!data) return undefined;
  const withoutBom = data.subarray(0, 3).equals(Buffer.of(0xef, 0xbb, 0xbf)) ? data.subarray(3) : data;
  return JSON.parse(strictUtf8.decode(withoutBom));
}

/** Every way `pkg` breaks the format rules, by a deliberately plain reading of package-format.md and reliability.md 16–19. */
function problemsOf(pkg: CorpusPackage): PackageErrorCode[] {
  const found = new Set<PackageErrorCode>();
  const { entries } = pkg;
  if (pkg.entryCount > limits.entries) found.add('too-many-entries');
  const seen = new Set<string>();
  for (const e of entries) {
    if (isUnsafe(e.name)) found.add('unsafe-path');
    if (e.badUtf8 || isBadName(e.name)) found.add('bad-name');
    if (isLinkOrSpecial(e.entry)) found.add('symlink');
    const key = e.name.normalize('NFC').toLowerCase();
    if (seen.has(key)) found.add('duplicate-name');
    seen.add(key);
  }
  const declared = entries.map((e) => e.entry.uncompressedSize);
  if (declared.some((bytes) => bytes > limits.entryBytes) || declared.reduce((a, b) => a + b, 0) > limits.totalBytes)
    found.add('too-large');
  if (overlaps(entries)) found.add('overlapping-entries');
  for (const { entry, data } of entries) {
    if (!data) continue;
    if (data.length !== entry.uncompressedSize) found.add('size-mismatch');
    if (data.length > limits.bombFloor && data.length / entry.compressedSize > limits.bombRatio) found.add('compression-bomb');
  }

  let json: unknown;
  try {
    json = manifestJson(pkg);
  } catch {
    return [...found, 'manifest-json'];
  }
  if (json === undefined) return [...found, 'manifest-missing'];
  if (z.object({ formatVersion: z.literal(1) }).safeParse(json).success === false) return [...found, 'format-version'];
  if (!manifestSchema.safeParse(json).success) return [...found, 'manifest-schema'];

  const files = new Map(entries.filter((e) => e.data && e.name !== 'manifest.json').map((e) => [e.name, e.data as Buffer]));
  const listed = listingSchema.parse(json).projects.flatMap((p) => p.documents);
  for (const document of listed) {
    const data = files.get(document.path);
    if (!data) {
      found.add('missing-file');
      continue;
    }
    if (data.length !== document.bytes) found.add('size-mismatch');
    if (createHash('sha256').update(data).digest('hex') !== document.sha256) found.add('hash-mismatch');
  }
  // A carried profile.json: listed like a document; its content refused when profile check refuses it.
  const carried = z
    .object({ jurisdiction: z.string(), profile: z.object({ path: z.string(), sha256: z.string(), bytes: z.number() }).optional() })
    .parse(json);
  if (carried.profile) {
    const data = files.get(carried.profile.path);
    if (!data) found.add('missing-file');
    else if (data.length !== carried.profile.bytes) found.add('size-mismatch');
    else if (createHash('sha256').update(data).digest('hex') !== carried.profile.sha256) found.add('hash-mismatch');
    else if (!checkProfileBytes(data, { expectedId: carried.jurisdiction }).ok) found.add('profile-invalid');
  }
  const listedPaths = new Set([...listed.map((d) => d.path), ...(carried.profile ? [carried.profile.path] : [])]);
  if ([...files.keys()].some((name) => !listedPaths.has(name))) found.add('extra-file');
  return [...found];
}

const file = (name: string) => path.join(dir, name);
const entryNamed = async (pkgFile: string, name: string) => {
  const found = (await readPackage(pkgFile)).entries.find((e) => e.name === name);
  if (!found) throw new Error(`${pkgFile} has no ${name}`);
  return found;
};

describe('hostile package corpus', () => {
  it('is generated in under 5 s and stays under 5 MB on disk', async () => {
    expect(generationMs).toBeLessThan(5000);
    const sizes = await Promise.all((await readdir(dir)).map(async (name) => (await stat(file(name))).size));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(5 * 1000 * 1000);
  });

  it('lists exactly the files it wrote in index.json, each once', async () => {
    const index: unknown = JSON.parse(await readFile(file('index.json'), 'utf8'));
    expect(index).toEqual(cases);
    const written = (await readdir(dir)).filter((name) => name !== 'index.json').sort();
    expect(cases.map((c) => c.file).sort()).toEqual(written);
    expect(new Set(written).size).toBe(cases.length);
  });

  it('gives every case a known code (or null) and a one-line Chinese / English description', () => {
    for (const c of cases) {
      expect(c.code === null || c.code in packageErrorMessages, c.file).toBe(true);
      expect(c.description, c.file).toMatch(/^[^\n]*\p{Script=Han}[^\n]*\/[^\n]*[A-Za-z][^\n]*$/u);
    }
  });

  it('covers every refusal a package file can cause, and the control packages', () => {
    const notAboutTheFile: PackageErrorCode[] = ['not-found', 'already-imported', 'cancelled', 'io'];
    const codes = new Set(cases.map((c) => c.code));
    for (const code of Object.keys(packageErrorMessages) as PackageErrorCode[]) {
      if (!notAboutTheFile.includes(code)) expect(codes.has(code), code).toBe(true);
    }
    const controls = cases.filter((c) => c.code === null).map((c) => c.file);
    expect(controls).toEqual(
      expect.arrayContaining([
        'valid-minimal.rpkg',
        'valid-gbk-names.rpkg',
        'valid-unicode-path-extra.rpkg',
        'valid-directories.rpkg',
        'valid-manifest-bom.rpkg',
      ]),
    );
  });

  const archives = cases.filter((c) => c.code !== 'not-zip');
  it.each(archives.map((c) => [c.file, c.code] as const))('%s is broken in exactly one way: %s', async (name, code) => {
    const expected = code === null ? [] : [code, ...(alsoPresent[name] ?? [])];
    expect(problemsOf(await readPackage(name)).sort()).toEqual(expected.sort());
  });

  it.each(cases.filter((c) => c.code === 'not-zip').map((c) => c.file))('%s is not readable as a zip', async (name) => {
    await expect(readPackage(name)).rejects.toThrow();
  });

  it('gives every package its own packageId, so no two fixtures look like versions of one package', async () => {
    const withManifest = archives.filter((c) => c.code !== 'manifest-missing' && c.code !== 'manifest-json');
    const ids: string[] = [];
    for (const c of withManifest) ids.push(z.object({ packageId: z.string() }).parse(manifestJson(await readPackage(c.file))).packageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes GBK names as Windows tools do: no UTF-8 flag, bytes that are not UTF-8, GB18030 recovers them', async () => {
    for (const name of ['documents/建设方案.pdf', 'documents/初步设计及概算.pdf']) {
      const { entry } = await entryNamed('valid-gbk-names.rpkg', name);
      expect(entry.generalPurposeBitFlag & utf8NameFlag).toBe(0);
      expect(() => strictUtf8.decode(entry.fileNameRaw)).toThrow();
      expect(gb18030.decode(entry.fileNameRaw)).toBe(name);
    }
  });

  it('hides a 0x5C byte, which is no backslash, inside a GBK name', async () => {
    const { entry, name } = await entryNamed('valid-gbk-backslash-byte.rpkg', 'documents/運維方案.pdf');
    expect(entry.fileNameRaw.includes(0x5c)).toBe(true);
    expect(name.includes('\\')).toBe(false);
  });

  it('names the Unicode Path entry only through its 0x7075 field', async () => {
    const { entry } = await entryNamed('valid-unicode-path-extra.rpkg', 'documents/可行性研究报告.pdf');
    expect(entry.generalPurposeBitFlag & utf8NameFlag).toBe(0);
    expect(gb18030.decode(entry.fileNameRaw)).toBe('documents/乱码.pdf');
    expect(entry.extraFields.map((f) => f.id)).toContain(unicodePathExtraId);
  });

  it('includes MS-DOS and Unix directory entries', async () => {
    const { entries } = await readPackage('valid-directories.rpkg');
    const dirs = entries.filter((e) => e.name.endsWith('/'));
    expect(dirs.map((e) => e.name)).toEqual(['documents/', 'documents/项目一/']);
    expect(dirs[0]!.entry.externalFileAttributes & 0x10).toBe(0x10);
    expect((dirs[1]!.entry.externalFileAttributes >>> 16) & 0o170000).toBe(0o040000);
  });

  it('writes data descriptors with zero CRC and sizes in the local headers', async () => {
    const bytes = await readFile(file('valid-data-descriptor.rpkg'));
    for (const { entry } of (await readPackage('valid-data-descriptor.rpkg')).entries) {
      const local = entry.relativeOffsetOfLocalHeader;
      expect(entry.generalPurposeBitFlag & 0x8).toBe(0x8);
      expect([bytes.readUInt32LE(local + 14), bytes.readUInt32LE(local + 18), bytes.readUInt32LE(local + 22)]).toEqual([0, 0, 0]);
    }
  });

  it('hides projects under an own "__proto__" key that JSON.parse does not turn into a prototype', async () => {
    const json = manifestJson(await readPackage('manifest-schema-proto.rpkg'));
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(Object.hasOwn(json as object, '__proto__')).toBe(true);
    expect(manifestSchema.safeParse(json).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('makes the bomb real: its data inflates to 50 MiB at over 200:1', async () => {
    const { entry, data } = await entryNamed('compression-bomb.rpkg', 'documents/附件-扫描件.pdf');
    expect(data?.length).toBe(50 * MiB);
    expect(entry.uncompressedSize / entry.compressedSize).toBeGreaterThan(limits.bombRatio);
  });
});
