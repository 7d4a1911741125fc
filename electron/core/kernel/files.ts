// Owns the file helpers every domain shares: names safe on every system, where an export goes (the folder dialog or the default folder), and uploaded bytes staged as files for readers that take a path.
//
// Where an export goes is one rule for every call that writes files (documents, signed files, packages, archives):
// `default` gives the caller's default folder; `choose` opens the shell's folder dialog and gives the folder picked,
// or null when the user closed the dialog (the call then writes nothing); a shell without a dialog (web mode) gives
// the default folder for `choose` too, which the web screens say beside the option.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Host } from './handlers';

/** Windows refuses these names (with any extension) as files: they open devices (CONIN$, CONOUT$ and CLOCK$ included). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)(\..*)?$/i;
/** Leaves room for the folder path inside Windows' 260-character limit. */
const MAX_NAME_CHARS = 100;
/** Characters no file name may hold on Windows (and control characters anywhere). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name may not hold
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/** A name component safe on Windows, macOS and Linux: no reserved characters, no trailing dot or space, not a device name. */
export function safeFileStem(name: string): string {
  let stem = name
    .replace(FORBIDDEN, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  if (!stem || RESERVED.test(stem)) stem = `_${stem}`;
  return [...stem].slice(0, MAX_NAME_CHARS).join('');
}

/** The base name of a name the renderer sent, when it is one plain file name (not empty, not `.`/`..`, no forbidden character); else null. */
export function plainFileName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base && !/^\.+$/.test(base) && !new RegExp(FORBIDDEN.source).test(base) ? base : null;
}

/** The folder to write into under the rule in this module's header; null when the user closed the dialog. */
export async function chooseFolder(
  host: Pick<Host, 'choosePath'>,
  destination: 'default' | 'choose',
  defaultFolder: string,
  title: string,
): Promise<string | null> {
  if (destination === 'choose' && host.choosePath) return host.choosePath({ folder: true, title });
  return defaultFolder;
}

/** Bytes the renderer sent with the name the user's file had. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Writes `files` into a fresh folder inside `stagingDir` (exclusive create), each under its own base name
 * (plainFileName, else made safe), gives their paths to `use` in order, and removes the folder afterwards, whatever
 * happens. Readers take a path, and an upload keeps its name: messages name the user's file, and a detached
 * signature finds the file it signs beside it.
 */
export async function withStagedFiles<T>(
  stagingDir: string,
  files: readonly UploadedFile[],
  use: (paths: string[]) => Promise<T>,
): Promise<T> {
  const dir = path.join(stagingDir, `upload-${randomUUID()}`);
  await fs.mkdir(dir, { recursive: true });
  try {
    const paths: string[] = [];
    for (const f of files) {
      const file = path.join(dir, plainFileName(f.name) ?? safeFileStem(f.name.split(/[\\/]/).pop() ?? ''));
      await fs.writeFile(file, f.bytes, { flag: 'wx' });
      paths.push(file);
    }
    return await use(paths);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A file the renderer names: a path on this machine, or bytes it sent (dropped or uploaded). */
export type FileSource = { kind: 'path'; path: string } | ({ kind: 'upload' } & UploadedFile);

/** `use` gets a path: the source's own path (resolved), or its bytes staged by withStagedFiles. */
export function withSourceFile<T>(stagingDir: string, source: FileSource, use: (file: string) => Promise<T>): Promise<T> {
  if (source.kind === 'path') return use(path.resolve(source.path));
  return withStagedFiles(stagingDir, [source], ([file]) => use(file!));
}
