// Owns the hostile .rpkg corpus (test/fixtures/hostile/): one package per way an import must be refused, plus control packages it must accept.
//
// Each hostile package is otherwise valid (manifest passes the schema, hashes and sizes true) so that only the
// named defect triggers — save that a declared size which lies about a too-large entry also differs from the
// actual one; `code` is the problem the importer must report first. Limits the corpus assumes the importer
// enforces: 10,000 entries; 1 GiB inflated per entry and 4 GiB in total (checked on the central directory's
// declared sizes before inflating, and on actual bytes while inflating); compression ratio above 200:1 on an
// entry over 1 MiB is a bomb. Run: npx tsx scripts/make-hostile-fixtures.ts
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackageErrorCode } from '../electron/core/package/errors';
import {
  encodeGb18030,
  localHeaderLength,
  localRecord,
  unicodePathExtra,
  unixAttributes,
  utf8NameFlag,
  writeZip,
  type ZipEntry,
} from './hostile/zip-writer';
import { hostileProfiles, profileBytes, xishan, xishanProfile } from './hostile/carried-profile';

export interface HostileCase {
  /** File name inside the corpus folder. */
  file: string;
  /** The problem the importer must report first; null for a control package it must accept. */
  code: PackageErrorCode | null;
  /** One line, Chinese / English: how the package is broken (or why it is valid). */
  description: string;
}

interface CorpusCase extends HostileCase {
  build: () => Buffer;
}

/** A file of the package as manifest.json lists it, and how the zip holds it. */
interface PackageDocument {
  /** The path manifest.json lists, and the entry's name unless `entry.name` says otherwise. */
  path: string;
  data: Buffer;
  /** How the zip writes this document: raw name bytes, modes, lies about sizes, overlaps. */
  entry?: Partial<ZipEntry>;
  /** Lies in manifest.json's listing of this document. */
  listing?: { sha256?: string; bytes?: number };
  /** false: the zip holds it but manifest.json does not list it. */
  listed?: boolean;
  /** false: manifest.json lists it but the zip does not hold it. */
  zipped?: boolean;
}

interface PackageOptions {
  /** Rewrites the manifest object before it is serialised (schema and version defects). */
  editManifest?: (manifest: ManifestJson) => object;
  /** Replaces the serialised manifest (JSON and encoding defects); null leaves manifest.json out. */
  manifestBytes?: (json: string) => Buffer | null;
  /** Entries written after manifest.json and before the documents (directories, filler). */
  extraEntries?: ZipEntry[];
  /** Options applied to every entry, manifest.json included. */
  everyEntry?: Partial<ZipEntry>;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** In the zip, entry 0 is manifest.json, so a package's first document is entry 1 (when there are no extra entries). */
const firstDocumentEntry = 1;
const utf8Bom = Buffer.of(0xef, 0xbb, 0xbf);

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** A small fake PDF, padded with spaces to `bytes` if given; its content does not matter to the importer's structural checks. */
function fakePdf(label: string, bytes?: number): Buffer {
  const pdf = Buffer.from(`%PDF-1.4\n% 评审工作台测试文件 Review Desk fixture: ${label}\n%%EOF\n`);
  return bytes === undefined ? pdf : Buffer.concat([pdf, Buffer.alloc(bytes - pdf.length, ' ')]);
}

function doc(docPath: string, data = fakePdf(docPath)): PackageDocument {
  return { path: docPath, data };
}

/** The same document with its entry name written as GBK bytes and no UTF-8 flag. */
function gbkNamed(document: PackageDocument): PackageDocument {
  return { ...document, entry: { ...document.entry, name: encodeGb18030(document.path) } };
}

/** A stable RFC 4122 version-4-shaped UUID per case, so no two fixtures look like versions of one package. */
function packageIdFor(file: string): string {
  const h = sha256(Buffer.from(file));
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function manifestFor(file: string, documents: PackageDocument[]) {
  return {
    formatVersion: 1,
    packageId: packageIdFor(file),
    createdAt: '2027-03-01T09:00:00+08:00',
    issuer: '东河区政务服务和数据管理局',
    jurisdiction: 'donghe',
    session: {
      title: '2027年度区级政务信息化项目专家评审会',
      date: '2027-03-15',
      location: '区政务服务中心第一会议室',
      experts: [
        { id: 'E01', name: '张明', title: '高级工程师', employer: '市信息中心' },
        { id: 'E02', name: '李华', title: '教授', employer: '市理工大学' },
      ],
      chair: 'E01',
    },
    projects: [
      {
        id: 'DH-2027-001',
        name: '城市运行管理服务平台',
        applicant: '东河区城市管理局',
        supervisor: '东河区人民政府',
        type: 'new',
        totalInvestment: 1280000.5,
        fundingSource: '区级财政资金',
        periodMonths: 12,
        inAnnualPlan: true,
        summary: '建设城市运行管理服务平台，整合城管、市政、环卫数据。',
        documents: documents
          .filter((d) => d.listed !== false)
          .map((d, i) => ({
            id: `D${i + 1}`,
            kind: i === 0 ? 'proposal' : 'other',
            title: `申报材料 ${i + 1}`,
            path: d.path,
            sha256: d.listing?.sha256 ?? sha256(d.data),
            bytes: d.listing?.bytes ?? d.data.length,
          })),
        budgetLines: [
          {
            id: 'B1',
            name: '平台软件开发',
            category: '软件开发',
            quantity: 1,
            unit: '项',
            unitPrice: 1280000.5,
            amount: 1280000.5,
            note: '',
          },
        ],
      },
    ],
  };
}
type ManifestJson = ReturnType<typeof manifestFor>;

function rpkg(file: string, documents: PackageDocument[], options: PackageOptions = {}): Buffer {
  const manifest = manifestFor(file, documents);
  const json = JSON.stringify(options.editManifest ? options.editManifest(manifest) : manifest, null, 2);
  const manifestBytes = options.manifestBytes ? options.manifestBytes(json) : Buffer.from(json);
  const entries: ZipEntry[] = [
    ...(manifestBytes ? [{ name: 'manifest.json', data: manifestBytes }] : []),
    ...(options.extraEntries ?? []),
    ...documents.filter((d) => d.zipped !== false).map((d) => ({ name: d.path, data: d.data, ...d.entry })),
  ];
  return writeZip(entries.map((entry) => ({ ...entry, ...options.everyEntry })));
}

function packageCase(
  file: string,
  code: PackageErrorCode | null,
  description: string,
  documents: PackageDocument[],
  options?: PackageOptions,
): CorpusCase {
  return { file, code, description, build: () => rpkg(file, documents, options) };
}

/** A package for 西山区 carrying `profileJson` as profile.json, listed in the manifest with its true size and hash. */
function carriedProfileCase(
  file: string,
  code: PackageErrorCode | null,
  description: string,
  document: PackageDocument,
  profileJson: Buffer,
): CorpusCase {
  return packageCase(file, code, description, [document], {
    editManifest: (m) => ({
      ...m,
      jurisdiction: xishan.id,
      profile: { path: 'profile.json', sha256: sha256(profileJson), bytes: profileJson.length },
    }),
    extraEntries: [{ name: 'profile.json', data: profileJson }],
  });
}

/** Deterministic bytes that are no archive at all. */
function noise(bytes: number): Buffer {
  const blocks = Array.from({ length: Math.ceil(bytes / 32) }, (_, i) => createHash('sha256').update(`noise ${i}`).digest());
  return Buffer.concat(blocks).subarray(0, bytes);
}

/** `zip` cut halfway through its central directory, which loses the end record too. */
function cutInCentralDirectory(zip: Buffer): Buffer {
  const centralSize = zip.readUInt32LE(zip.length - 10);
  const centralOffset = zip.readUInt32LE(zip.length - 6);
  return zip.subarray(0, centralOffset + Math.floor(centralSize / 2));
}

function corpus(): CorpusCase[] {
  const proposal = doc('documents/建设方案.pdf');
  const feasibility = doc('documents/可行性研究报告.pdf');
  const garbledName = encodeGb18030('documents/乱码.pdf');
  const harmlessName = Buffer.from('documents/readme.pdf');
  const inner = doc('documents/内层.pdf');
  const outerPath = 'documents/外层.pdf';
  const budget = fakePdf('概算表', 4096);

  return [
    // Control packages: the importer must accept every one of these.
    packageCase(
      'valid-minimal.rpkg',
      null,
      '最小的合规评审包，文件名为带 UTF-8 标记的中文 / minimal valid package, Chinese names with the UTF-8 flag (bit 11)',
      [proposal, feasibility],
    ),
    packageCase(
      'valid-gbk-names.rpkg',
      null,
      '合规：文件名按 GBK 编码且未设 UTF-8 标记，如 Windows 压缩工具所写 / valid: names GBK-encoded without flag bit 11, as Windows tools write them',
      [gbkNamed(proposal), gbkNamed(doc('documents/初步设计及概算.pdf'))],
      { everyEntry: { flags: 0 } },
    ),
    packageCase(
      'valid-gbk-backslash-byte.rpkg',
      null,
      '合规：GBK 文件名“運”的第二字节是 0x5C，解码后并无反斜杠 / valid: the GBK name of 運 has trail byte 0x5C, which is no backslash once decoded',
      [gbkNamed(doc('documents/運維方案.pdf'))],
      { everyEntry: { flags: 0 } },
    ),
    packageCase(
      'valid-unicode-path-extra.rpkg',
      null,
      '合规：原始文件名是乱码（未设 UTF-8 标记），Info-ZIP Unicode 路径扩展字段（0x7075）给出真实文件名 / valid: garbled raw name, real name in the Info-ZIP Unicode Path extra field (0x7075)',
      [{ ...feasibility, entry: { name: garbledName, extra: [unicodePathExtra(garbledName, feasibility.path)] } }],
    ),
    packageCase(
      'valid-directories.rpkg',
      null,
      '合规：含目录条目（MS-DOS 目录属性与 Unix 目录权限）和 Unix 普通文件权限 / valid: directory entries (MS-DOS attribute and Unix mode) and Unix regular-file modes',
      [proposal, { ...doc('documents/项目一/概算表.pdf'), entry: unixAttributes(0o100644) }],
      {
        extraEntries: [
          { name: 'documents/', externalAttributes: 0x10 },
          { name: 'documents/项目一/', ...unixAttributes(0o040755) },
        ],
      },
    ),
    packageCase(
      'valid-manifest-bom.rpkg',
      null,
      '合规：manifest.json 以 UTF-8 BOM 开头（记事本的做法），应当接受 / valid: manifest.json starts with a UTF-8 BOM (as Notepad writes it) and is accepted',
      [proposal],
      { manifestBytes: (json) => Buffer.concat([utf8Bom, Buffer.from(json)]) },
    ),
    packageCase(
      'valid-data-descriptor.rpkg',
      null,
      '合规：每个条目都用数据描述符（本地头中大小为 0），如流式压缩工具所写 / valid: every entry uses a data descriptor (zero sizes in the local header), as streaming writers do',
      [proposal, feasibility],
      { everyEntry: { dataDescriptor: true } },
    ),

    // Entry names that would write outside the package.
    ...(
      [
        ['unsafe-path-dotdot.rpkg', '../evil.txt', '以 .. 跳到评审包上一级', 'climbs out with ..'],
        [
          'unsafe-path-nested-dotdot.rpkg',
          'documents/../../evil.txt',
          '先进入 documents 再用 .. 跳出',
          'enters documents/ then climbs out with ..',
        ],
        ['unsafe-path-absolute.rpkg', '/etc/evil', 'Unix 绝对路径', 'absolute Unix path'],
        ['unsafe-path-drive.rpkg', 'C:/evil.txt', '带 Windows 盘符', 'Windows drive letter'],
        ['unsafe-path-backslash.rpkg', 'documents\\..\\..\\evil.txt', '用反斜杠分隔并跳出', 'backslash separators climbing out'],
        ['unsafe-path-unc.rpkg', '//server/share/x', 'UNC 网络路径', 'UNC network path'],
      ] as const
    ).map(([file, name, zh, en]) =>
      packageCase(file, 'unsafe-path', `条目名 ${name}：${zh} / entry ${name}: ${en}`, [proposal, doc(name)]),
    ),
    packageCase(
      'unsafe-path-unicode-extra.rpkg',
      'unsafe-path',
      '原始文件名无害，但 Unicode 路径扩展字段（0x7075）给出 ../evil.txt / harmless raw name, but the 0x7075 Unicode Path field says ../evil.txt',
      [proposal, { ...doc('../evil.txt'), entry: { name: harmlessName, extra: [unicodePathExtra(harmlessName, '../evil.txt')] } }],
    ),

    // Names no file system should be asked to create.
    ...(
      [
        ['bad-name-nul.rpkg', 'documents/a\u0000.pdf', '文件名含 NUL 字节 / NUL byte in the name'],
        ['bad-name-control.rpkg', 'documents/bell\u0007.pdf', '文件名含控制字符 \\x07 / control character \\x07 in the name'],
        ['bad-name-reserved-con.rpkg', 'documents/CON.pdf', 'Windows 保留名 CON.pdf / reserved Windows name CON.pdf'],
        ['bad-name-reserved-aux.rpkg', 'documents/aux', 'Windows 保留名 aux / reserved Windows name aux'],
        ['bad-name-trailing-dot.rpkg', 'documents/a.pdf.', '文件名以点结尾 / name ends with a dot'],
        ['bad-name-trailing-space.rpkg', 'documents/a.pdf ', '文件名以空格结尾 / name ends with a space'],
        [
          'bad-name-too-long.rpkg',
          `documents/${'a'.repeat(300)}.pdf`,
          '一级文件名长 304 个字符，超过 255 / a 304-character path segment, over 255',
        ],
      ] as const
    ).map(([file, name, how]) => packageCase(file, 'bad-name', how, [proposal, doc(name)])),
    packageCase(
      'bad-name-invalid-utf8.rpkg',
      'bad-name',
      '设了 UTF-8 标记但文件名字节不是合法 UTF-8（清单写的是替换字符）/ flag bit 11 set but the name bytes are not UTF-8 (manifest lists the U+FFFD decoding)',
      [
        proposal,
        {
          ...doc('documents/\ufffd\ufffd.pdf'),
          entry: { name: Buffer.concat([Buffer.from('documents/'), Buffer.of(0xff, 0xfe), Buffer.from('.pdf')]), flags: utf8NameFlag },
        },
      ],
    ),

    // Links and special files.
    packageCase(
      'symlink-unix.rpkg',
      'symlink',
      'Unix 符号链接（模式 0120777）指向 /etc/passwd / Unix symlink (mode 0120777) to /etc/passwd',
      [proposal, { ...doc('documents/附件.pdf', Buffer.from('/etc/passwd')), entry: { method: 'stored', ...unixAttributes(0o120777) } }],
    ),
    packageCase('symlink-fifo.rpkg', 'symlink', 'Unix 命名管道（模式 010644）/ Unix FIFO special file (mode 010644)', [
      proposal,
      { ...doc('documents/管道.pdf', Buffer.alloc(0)), entry: unixAttributes(0o010644) },
    ]),

    // Names that collide.
    packageCase('duplicate-name-exact.rpkg', 'duplicate-name', '同一文件名出现两次 / the same name twice', [
      proposal,
      { ...proposal, listed: false },
    ]),
    packageCase(
      'duplicate-name-nfc-nfd.rpkg',
      'duplicate-name',
      'résumé 的 NFC 与 NFD 两种写法，规范化后相同 / résumé in NFC and in NFD collide after normalisation',
      [proposal, doc('documents/r\u00e9sum\u00e9.pdf'), doc('documents/re\u0301sume\u0301.pdf')],
    ),
    packageCase(
      'duplicate-name-cjk-compat.rpkg',
      'duplicate-name',
      'CJK 兼容汉字 U+F900 与其规范字 U+8C48（豈），NFC 后相同 / CJK compatibility ideograph U+F900 and U+8C48 collide after NFC',
      [proposal, doc('documents/\uf900.pdf'), doc('documents/\u8c48.pdf')],
    ),
    packageCase('duplicate-name-case.rpkg', 'duplicate-name', 'Doc.pdf 与 doc.pdf 仅大小写不同 / Doc.pdf and doc.pdf differ only in case', [
      proposal,
      doc('documents/Doc.pdf'),
      doc('documents/doc.pdf'),
    ]),

    // Bombs and lies about sizes.
    packageCase(
      'too-many-entries.rpkg',
      'too-many-entries',
      '共 20,003 个条目（其中 20,001 个目录），上限 10,000 / 20,003 entries (20,001 of them directories), limit 10,000',
      [proposal],
      { extraEntries: Array.from({ length: 20_001 }, (_, i) => ({ name: `${i}/` })) },
    ),
    packageCase(
      'too-large-entry.rpkg',
      'too-large',
      '中央目录声明单个文件解压后 2 GiB（单个上限 1 GiB），实际数据很小 / central directory declares one entry at 2 GiB inflated (limit 1 GiB per entry); real data is tiny',
      [proposal, { ...doc('documents/大文件.pdf'), entry: { declared: { uncompressedSize: 2 * GiB } } }],
    ),
    packageCase(
      'too-large-total.rpkg',
      'too-large',
      '中央目录声明 5 个文件各 900 MiB，合计约 4.4 GiB（总上限 4 GiB），实际数据很小 / five entries declared at 900 MiB each, 4.4 GiB in all (limit 4 GiB total); real data is tiny',
      [
        proposal,
        ...[1, 2, 3, 4, 5].map((n) => ({ ...doc(`documents/分卷${n}.pdf`), entry: { declared: { uncompressedSize: 900 * MiB } } })),
      ],
    ),
    packageCase(
      'compression-bomb.rpkg',
      'compression-bomb',
      '50 MiB 全零数据压缩到约 50 KiB（约 1000:1，上限 200:1 且文件大于 1 MiB）/ 50 MiB of zeros deflated to ~50 KiB (~1000:1; limit 200:1 on entries over 1 MiB)',
      [proposal, doc('documents/附件-扫描件.pdf', Buffer.alloc(50 * MiB))],
    ),
    packageCase(
      'overlapping-entries-shared.rpkg',
      'overlapping-entries',
      '两个中央目录条目指向同一个本地文件头 / two central directory entries point at the same local header',
      [proposal, { ...doc('documents/副本.pdf', proposal.data), entry: { pointsAt: { entry: firstDocumentEntry } } }],
    ),
    packageCase(
      'overlapping-entries-nested.rpkg',
      'overlapping-entries',
      '一个条目的本地头和数据嵌在另一个（存储方式）条目的数据里 / one entry’s local header and data sit inside another (stored) entry’s data',
      [
        { ...doc(outerPath, localRecord({ name: inner.path, data: inner.data })), entry: { method: 'stored' } },
        { ...inner, entry: { pointsAt: { entry: firstDocumentEntry, plus: localHeaderLength({ name: outerPath }) } } },
      ],
    ),
    packageCase(
      'size-mismatch-central-smaller.rpkg',
      'size-mismatch',
      '中央目录声明解压后 1 KiB，实际 4 KiB / central directory declares 1 KiB inflated, the data inflates to 4 KiB',
      [proposal, { ...doc('documents/概算表.pdf', budget), entry: { declared: { uncompressedSize: 1024 } } }],
    ),
    packageCase(
      'size-mismatch-central-larger.rpkg',
      'size-mismatch',
      '中央目录声明解压后 8 KiB，实际 4 KiB / central directory declares 8 KiB inflated, the data inflates to 4 KiB',
      [proposal, { ...doc('documents/概算表.pdf', budget), entry: { declared: { uncompressedSize: 8192 } } }],
    ),

    // Disagreements between manifest.json and the zip.
    packageCase(
      'size-mismatch-manifest.rpkg',
      'size-mismatch',
      '清单中的 bytes 比实际文件大 1 字节，SHA-256 正确 / manifest bytes one more than the file, sha256 correct',
      [proposal, { ...feasibility, listing: { bytes: feasibility.data.length + 1 } }],
    ),
    packageCase('hash-mismatch.rpkg', 'hash-mismatch', '清单中的 SHA-256 属于另一份文件 / manifest sha256 belongs to another file', [
      proposal,
      { ...feasibility, listing: { sha256: sha256(Buffer.from('另一份文件')) } },
    ]),
    packageCase('missing-file.rpkg', 'missing-file', '清单列出的文件不在评审包中 / a listed document is not in the zip', [
      proposal,
      { ...feasibility, zipped: false },
    ]),
    packageCase('extra-file.rpkg', 'extra-file', '评审包中有清单未列出的文件 / the zip holds a file the manifest does not list', [
      proposal,
      { ...doc('documents/未列出的文件.pdf'), listed: false },
    ]),

    // manifest.json itself.
    packageCase('manifest-missing.rpkg', 'manifest-missing', '评审包中没有 manifest.json / no manifest.json in the zip', [proposal], {
      manifestBytes: () => null,
    }),
    packageCase('manifest-json-truncated.rpkg', 'manifest-json', 'manifest.json 在中间被截断 / manifest.json cut off halfway', [proposal], {
      manifestBytes: (json) => Buffer.from(json.slice(0, Math.floor(json.length / 2))),
    }),
    packageCase(
      'manifest-json-gbk.rpkg',
      'manifest-json',
      'manifest.json 以 GBK 保存而非 UTF-8 / manifest.json saved as GBK, not UTF-8',
      [proposal],
      { manifestBytes: (json) => encodeGb18030(json) },
    ),
    packageCase(
      'manifest-schema-type.rpkg',
      'manifest-schema',
      'totalInvestment 写成字符串 "1280000.50" / totalInvestment given as the string "1280000.50"',
      [proposal],
      { editManifest: (m) => ({ ...m, projects: [{ ...m.projects[0], totalInvestment: '1280000.50' }] }) },
    ),
    packageCase('manifest-schema-no-projects.rpkg', 'manifest-schema', '清单缺少 projects / manifest has no projects', [proposal], {
      editManifest: (m) => ({ ...m, projects: undefined }),
    }),
    packageCase(
      'manifest-schema-proto.rpkg',
      'manifest-schema',
      '缺少 projects，却在 "__proto__" 键里藏了 projects 和 polluted：不得污染原型，仍按缺少 projects 判定 / projects missing but hidden under a "__proto__" key with polluted: must not pollute, still judged as missing projects',
      [proposal],
      // A computed key makes an own property named __proto__, exactly what JSON.parse makes of the text.
      { editManifest: (m) => ({ ['__proto__']: { polluted: true, projects: m.projects }, ...m, projects: undefined }) },
    ),
    packageCase(
      'format-version-2.rpkg',
      'format-version',
      'formatVersion 为 2，其余合规（须报版本不支持，而非格式错误）/ formatVersion 2, otherwise valid (report format-version, not manifest-schema)',
      [proposal],
      { editManifest: (m) => ({ ...m, formatVersion: 2 }) },
    ),

    // A carried jurisdiction profile (profile.json, docs/profile-format.md): a valid one, none where one is needed,
    // and one package per way its content can be hostile (see scripts/hostile/carried-profile.ts).
    carriedProfileCase(
      'valid-carried-profile.rpkg',
      null,
      '合规：西山区没有内置规则，评审包附带其 profile.json / valid: 西山区 has no built-in profile, the package carries its profile.json',
      proposal,
      profileBytes(xishanProfile()),
    ),
    packageCase(
      'manifest-schema-unknown-jurisdiction.rpkg',
      'manifest-schema',
      '辖区 xishan 没有内置规则，评审包也未附带 profile.json / jurisdiction xishan is not built in and the package carries no profile.json',
      [proposal],
      { editManifest: (m) => ({ ...m, jurisdiction: xishan.id }) },
    ),
    // The zip corpus stays small on disk: its too-large profile is just over the 1 MiB limit, of text that deflates poorly.
    ...hostileProfiles({ largeBytes: MiB + 64 * 1024 }).map((h) =>
      carriedProfileCase(`profile-${h.name}.rpkg`, 'profile-invalid', `附带的 profile.json：${h.description}`, proposal, h.bytes),
    ),

    // Not an archive at all.
    { file: 'not-zip-random.rpkg', code: 'not-zip', description: '4 KiB 随机字节 / 4 KiB of random bytes', build: () => noise(4096) },
    {
      file: 'not-zip-truncated.rpkg',
      code: 'not-zip',
      description:
        '合规评审包在中央目录中间被截断（结束记录丢失）/ valid package cut halfway through its central directory (end record lost)',
      build: () => cutInCentralDirectory(rpkg('not-zip-truncated.rpkg', [proposal, feasibility])),
    },
    { file: 'not-zip-empty.rpkg', code: 'not-zip', description: '空文件 / empty file', build: () => Buffer.alloc(0) },
  ];
}

/** Writes every case and index.json into `outDir`, replacing a previous corpus there; returns the index. */
export async function makeHostileFixtures(outDir: string): Promise<HostileCase[]> {
  await mkdir(outDir, { recursive: true });
  for (const name of await readdir(outDir)) {
    if (name.endsWith('.rpkg') || name === 'index.json') await rm(path.join(outDir, name));
  }
  const index: HostileCase[] = [];
  // Built one at a time so the 50 MiB bomb source is garbage once written.
  for (const { build, ...entry } of corpus()) {
    await writeFile(path.join(outDir, entry.file), build());
    index.push(entry);
  }
  await writeFile(path.join(outDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return index;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = fileURLToPath(new URL('../test/fixtures/hostile/', import.meta.url));
  makeHostileFixtures(outDir).then(
    (cases) => console.log(`已生成 ${cases.length} 个评审包 / wrote ${cases.length} packages → ${outDir}`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
