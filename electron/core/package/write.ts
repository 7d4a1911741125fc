// Owns writing a package folder as a deterministic .rpkg ZIP (same folder ⇒ same bytes) and describing a file for the manifest.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

/**
 * Entry options that make a ZIP reproducible: a fixed local-midnight mtime written as a DOS timestamp only (no UTC
 * extra field, so the bytes do not depend on the machine's time zone) and a plain-file mode.
 */
export const reproducibleEntry = {
  mtime: new Date(2000, 0, 1, 0, 0, 0),
  mode: 0o100644,
  forceDosTimestamp: true,
  compress: true,
} as const;

export interface FileDescription {
  /** POSIX path relative to the package root, as listed in manifest.json. */
  path: string;
  /** Lowercase hex SHA-256 of the file's bytes. */
  sha256: string;
  bytes: number;
}

export async function describeFile(absPath: string, relPath: string): Promise<FileDescription> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(absPath) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { path: relPath, sha256: hash.digest('hex'), bytes };
}

/** Every regular file under `folder`, as POSIX paths relative to it; refuses links and special files. */
async function listFiles(folder: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(folder, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await listFiles(folder, rel)));
    else if (entry.isFile()) found.push(rel);
    else throw new Error(`评审包文件夹中含有符号链接或特殊文件：${rel}`);
  }
  return found;
}

/** manifest.json first, then the rest by code point (not locale) so the order never depends on the machine. */
function entryOrder(a: string, b: string): number {
  if (a === 'manifest.json') return -1;
  if (b === 'manifest.json') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * PDF, Office Open XML, OFD and images are compressed inside already: deflating them again saves almost nothing and
 * makes every expert's import inflate the bytes for nothing. They are stored as they are.
 */
const alreadyCompressed = /\.(pdf|docx|xlsx|pptx|ofd|zip|png|jpe?g|gif|webp)$/i;

export async function writePackageZip(folder: string, outFile: string): Promise<void> {
  const names = (await listFiles(folder)).sort(entryOrder);
  const zip = new ZipFile();
  for (const name of names) {
    // lstat again right before adding: a file swapped for a link after listing is still refused.
    if (!(await lstat(path.join(folder, name))).isFile()) throw new Error(`不是普通文件：${name}`);
    zip.addFile(path.join(folder, name), name, { ...reproducibleEntry, compress: !alreadyCompressed.test(name) });
  }
  zip.end();
  const tmp = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${process.pid}.tmp`);
  try {
    await pipeline(zip.outputStream, createWriteStream(tmp));
    await rename(tmp, outFile);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
