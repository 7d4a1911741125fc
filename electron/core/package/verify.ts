// Owns verifying a package end to end (names, limits, manifest, every file's size and SHA-256), optionally staging its files.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { manifestSchema, PROFILE_PATH, type Manifest } from '../../../shared/manifest';
import { maxProfileBytes } from '../../../shared/profile';
import { fieldAt, fieldPlace } from '../kernel/fieldPlace';
import { storageFault } from '../kernel/storage';
import { chineseMessages } from '../kernel/zodMessages';
import { checkEntryName, collisionKey } from './entryName';
import { fileLabel, PackageError, problem, PROFILE_TITLE, type PackageProblem } from './errors';
import { limits } from './limits';
import { manifestFieldNames } from './manifestFields';
import { openSource, type PackageSource, type SourceEntry } from './source';

export const MANIFEST_NAME = 'manifest.json';

export interface VerifyProgress {
  phase: 'scan' | 'verify';
  done: number;
  total: number;
  current?: string;
}

export interface VerifyOptions {
  /** When given, every verified file is written below it (exclusive create); otherwise bytes are only hashed. */
  stagingDir?: string;
  onProgress?: (p: VerifyProgress) => void;
  signal?: AbortSignal;
}

export interface VerifiedPackage {
  manifest: Manifest;
  /** SHA-256 of manifest.json's bytes: identifies this exact version of the package. */
  manifestSha256: string;
  totalBytes: number;
}

export async function verifyPackage(location: string, options: VerifyOptions = {}): Promise<VerifiedPackage> {
  const source = await openSource(location);
  try {
    return await verifyOpened(source, options);
  } finally {
    source.close();
  }
}

async function verifyOpened(source: PackageSource, options: VerifyOptions): Promise<VerifiedPackage> {
  options.onProgress?.({ phase: 'scan', done: 0, total: 1 });
  const files = checkArchiveShape(source.entries);
  const manifestEntry = files.get(MANIFEST_NAME);
  if (!manifestEntry) throw new PackageError([problem('manifest-missing')]);
  const manifestBytes = await readSmall(source, manifestEntry);
  const manifest = parseManifest(manifestBytes);
  const manifestSha256 = createHash('sha256').update(manifestBytes).digest('hex');

  // A carried profile (profile.json) is verified like every document: name, presence, size and hash. Its content is
  // judged above this layer (electron/core/precheck/profileCheck.ts), but its size is bounded before a byte is read.
  const profileListing = manifest.profile
    ? [{ path: manifest.profile.path, title: PROFILE_TITLE, sha256: manifest.profile.sha256, bytes: manifest.profile.bytes }]
    : [];
  const profileEntry = manifest.profile ? files.get(manifest.profile.path) : undefined;
  const profileBytes = Math.max(manifest.profile?.bytes ?? 0, profileEntry?.declaredBytes ?? 0);
  if (profileBytes > maxProfileBytes) {
    throw new PackageError([
      problem('profile-invalid', PROFILE_PATH, `有 ${profileBytes} 字节，辖区规则配置不得超过 ${maxProfileBytes} 字节（1 MB）`),
    ]);
  }
  const listed = [...profileListing, ...manifest.projects.flatMap((p) => p.documents)];
  const problems: PackageProblem[] = [];
  for (const doc of listed) {
    const bad = checkEntryName(doc.path);
    if (bad) problems.push({ ...bad, path: `manifest.json → ${doc.path}` });
    else if (!files.has(doc.path)) problems.push(problem('missing-file', doc.path, undefined, fileLabel(doc.path, doc.title)));
  }
  const listedPaths = new Set(listed.map((d) => d.path));
  for (const name of files.keys()) {
    if (name !== MANIFEST_NAME && !listedPaths.has(name)) problems.push(problem('extra-file', name, undefined, fileLabel(name)));
  }
  if (problems.length) throw new PackageError(problems);
  options.onProgress?.({ phase: 'scan', done: 1, total: 1 });

  const total = listed.reduce((n, d) => n + d.bytes, 0);
  if (total > limits.maxTotalBytes) throw new PackageError([problem('too-large', '', `清单合计 ${total} 字节`)]);
  let done = 0;
  for (const doc of listed) {
    if (options.signal?.aborted) throw new PackageError([problem('cancelled')]);
    options.onProgress?.({ phase: 'verify', done, total, current: doc.path });
    const label = fileLabel(doc.path, doc.title);
    const { sha256, bytes } = await hashEntry(source, files.get(doc.path)!, label, options, (n) => {
      done += n;
      options.onProgress?.({ phase: 'verify', done, total, current: doc.path });
    });
    if (bytes !== doc.bytes) problems.push(problem('size-mismatch', doc.path, `清单 ${doc.bytes} 字节，实际 ${bytes} 字节`, label));
    else if (sha256 !== doc.sha256.toLowerCase()) problems.push(problem('hash-mismatch', doc.path, undefined, label));
  }
  if (problems.length) throw new PackageError(problems);
  options.onProgress?.({ phase: 'verify', done: total, total });
  return { manifest, manifestSha256, totalBytes: total };
}

/** Duplicate names (after normalisation and case folding); returns the files by name. */
function checkArchiveShape(entries: SourceEntry[]): Map<string, SourceEntry> {
  const seen = new Map<string, string>();
  const files = new Map<string, SourceEntry>();
  const problems: PackageProblem[] = [];
  for (const entry of entries) {
    const key = collisionKey(entry.name.replace(/\/$/, ''));
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      // A folder listed once as an explicit entry and once implied is not a clash; two files or a file and a folder are.
      if (!(entry.isDirectory && earlier.endsWith('/')))
        problems.push(
          problem(
            'duplicate-name',
            entry.name,
            earlier === entry.name ? undefined : `与 ${fileLabel(earlier)} 只差大小写或字符写法`,
            fileLabel(entry.name),
          ),
        );
      continue;
    }
    seen.set(key, entry.name);
    if (!entry.isDirectory) files.set(entry.name, entry);
  }
  if (problems.length) throw new PackageError(problems);
  return files;
}

async function readSmall(source: PackageSource, entry: SourceEntry): Promise<Buffer> {
  if (entry.declaredBytes > limits.maxManifestBytes) throw new PackageError([problem('too-large', entry.name, undefined, entry.name)]);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of await source.open(entry)) {
      size += (chunk as Buffer).length;
      if (size > limits.maxManifestBytes) throw new PackageError([problem('too-large', entry.name, undefined, entry.name)]);
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    throw asReadProblem(err, entry.name, entry.name);
  }
  return Buffer.concat(chunks);
}

function parseManifest(bytes: Buffer): Manifest {
  let json: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    json = JSON.parse(text);
  } catch (err) {
    throw new PackageError([problem('manifest-json', MANIFEST_NAME, describeJsonError(err))]);
  }
  if (
    json &&
    typeof json === 'object' &&
    !Array.isArray(json) &&
    'formatVersion' in json &&
    (json as { formatVersion: unknown }).formatVersion !== 1
  ) {
    throw new PackageError([
      problem(
        'format-version',
        MANIFEST_NAME,
        `评审包格式版本为 ${JSON.stringify((json as { formatVersion: unknown }).formatVersion)}，本程序支持 1`,
      ),
    ]);
  }
  const parsed = manifestSchema.safeParse(json, chineseMessages);
  if (!parsed.success) throw new PackageError(parsed.error.issues.slice(0, 20).map((issue) => manifestProblem(issue, json)));
  return parsed.data;
}

/** The words for a JSON type in "应为数字". */
const typeNames: Record<string, string> = { number: '数字', string: '文字', array: '列表', object: '一组字段', boolean: 'true 或 false' };

/** A schema issue in the user's words: the field by its Chinese name (the dotted path only in `path`), what is wrong. */
export function manifestProblem(issue: z.core.$ZodIssue, json: unknown): PackageProblem {
  const place = fieldPlace(issue.path, manifestFieldNames);
  const path = `${MANIFEST_NAME} → ${issue.path.map(String).join('.') || '（整体）'}`;
  const missing = issue.code === 'invalid_type' && !fieldAt(json, issue.path).found;
  if (missing) return { code: 'manifest-schema', path, message: `评审包清单（${MANIFEST_NAME}）缺少${place}` };
  const reason = issue.code === 'invalid_type' ? `应为${typeNames[issue.expected] ?? issue.expected}` : issue.message;
  return { code: 'manifest-schema', path, message: `评审包清单（${MANIFEST_NAME}）中${place || '的内容'}有误：${reason}` };
}

const WRITE_BATCH = 1 << 20;

async function hashEntry(
  source: PackageSource,
  entry: SourceEntry,
  label: string,
  options: VerifyOptions,
  onBytes: (n: number) => void,
): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  // Staged files are created exclusively ('wx'), so nothing already on disk is ever overwritten.
  const target = options.stagingDir ? path.join(options.stagingDir, ...entry.name.split('/')) : null;
  if (target) await fs.mkdir(path.dirname(target), { recursive: true });
  const out = target ? await fs.open(target, 'wx') : null;
  let input: Readable | undefined;
  // One batch is written while the next is read and hashed; awaiting the previous write bounds memory to two batches.
  let writing: Promise<unknown> = Promise.resolve();
  try {
    input = await source.open(entry);
    // A plain loop (no Transform/Writable chain) keeps per-chunk overhead low.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      await writing;
      if (out && pendingBytes) {
        writing = out.writev(pending);
        writing.catch(() => undefined); // handled: the next flush awaits it and rethrows
      }
      pending = [];
      pendingBytes = 0;
    };
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) throw new PackageError([problem('cancelled')]);
      bytes += chunk.length;
      // The archive's declared size is a promise the data must keep: stop at once when it inflates past it.
      if (bytes > entry.declaredBytes)
        throw new PackageError([problem('size-mismatch', entry.name, '压缩包中记录的大小与实际数据不符', label)]);
      if (bytes > limits.maxEntryBytes) throw new PackageError([problem('too-large', entry.name, undefined, label)]);
      hash.update(chunk);
      pending.push(chunk);
      pendingBytes += chunk.length;
      // Writes go out in ~1 MiB batches: one system call per small chunk would make staging disk-bound.
      if (pendingBytes >= WRITE_BATCH) await flush();
      onBytes(chunk.length);
    }
    await flush();
    await writing;
    if (bytes !== entry.declaredBytes)
      throw new PackageError([problem('size-mismatch', entry.name, '压缩包中记录的大小与实际数据不符', label)]);
  } catch (err) {
    input?.destroy();
    throw asReadProblem(err, entry.name, label, options.signal);
  } finally {
    await writing.catch(() => undefined);
    await out?.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** A fault of the package's bytes as the user's problem; a full or read-only disk stays itself (the importer says so). */
function asReadProblem(err: unknown, name: string, label: string, signal?: AbortSignal): unknown {
  if (err instanceof PackageError) return err;
  if (signal?.aborted) return new PackageError([problem('cancelled')]);
  if (storageFault(err)) return err;
  return new PackageError([problem('not-zip', name, '压缩数据已损坏', label)]);
}

/** JSON.parse and TextDecoder speak English; the expert needs to know where and what kind of fault it is. */
function describeJsonError(err: unknown): string {
  if (err instanceof TypeError) return '不是 UTF-8 编码（可能被保存成了 GBK），请以 UTF-8 重新保存';
  const position = /position (\d+)/.exec((err as Error).message ?? '')?.[1];
  return position ? `第 ${position} 个字符附近有语法错误` : '语法错误，文件可能不完整';
}
