// Owns the web mode's downloads: which folders the core writes its output into (the only ones a browser may fetch
// from), finding a requested file there, and the Content-Disposition that keeps its Chinese name. The header is
// three lines of RFC 5987/6266, written here rather than taken from the `content-disposition` package for them.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { contentTypeFor } from '../main/bundleFiles';
import { isPathInside } from '../main/security';

/**
 * Where the core writes what the user takes away when no folder can be chosen (web mode): generated documents and
 * signed files (`exports/`), the bureau's packages, copies, registers and archives (`bureau/exports/`) and exported
 * profiles (`bureau/profiles/`). Imported packages, drafts, the database and backups are not among them.
 */
export function downloadRoots(dataDir: string): string[] {
  return [path.join(dataDir, 'exports'), path.join(dataDir, 'bureau', 'exports'), path.join(dataDir, 'bureau', 'profiles')];
}

/** The real path of `requested` when it is a regular file inside one of `roots` (symlinks followed); else null. */
export async function downloadableFile(requested: string, roots: readonly string[]): Promise<string | null> {
  if (!path.isAbsolute(requested) || requested.includes('\0')) return null;
  try {
    const real = await realpath(requested);
    for (const root of roots) {
      const realRoot = await realpath(root).catch(() => null);
      if (realRoot && real !== realRoot && isPathInside(realRoot, real)) return (await stat(real)).isFile() ? real : null;
    }
  } catch {
    return null;
  }
  return null;
}

/** `attachment` with an ASCII stand-in name and the real name as RFC 5987 UTF-8 (`filename*`), which browsers prefer. */
export function contentDisposition(fileName: string): string {
  const ext = path.extname(fileName).replace(/[^A-Za-z0-9.]/g, '');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="download${ext}"; filename*=UTF-8''${encoded}`;
}

/** Streams the file as an attachment. */
export async function sendDownload(res: http.ServerResponse, file: string, headOnly: boolean): Promise<void> {
  const { size } = await stat(file);
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': size,
    'Content-Disposition': contentDisposition(path.basename(file)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (headOnly) return void res.end();
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.once('error', reject);
    res.once('close', resolve);
    stream.pipe(res);
  });
}
