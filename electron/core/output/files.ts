// Owns where generated documents go on disk: their Chinese file names, the default export folder, and a
// staging folder so a batch appears in the target folder only once every file is complete (nothing half-written).
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { safeFileStem } from '../kernel/files';

/** e.g. `专家个人评审意见表-武隆区智慧城管综合平台（二期）建设项目.pdf` */
export function documentFileName(templateName: string, subject: string, ext: string): string {
  return `${safeFileStem(`${templateName}-${subject}`)}.${ext}`;
}

/** `<dataDir>/exports/<session title>/`: where documents go when the shell has no folder dialog (web mode). */
export function defaultExportFolder(dataDir: string, sessionTitle: string): string {
  return path.join(dataDir, 'exports', safeFileStem(sessionTitle));
}

export interface WrittenFile {
  name: string;
  /** Final absolute path, valid once committed. */
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * Files of one batch are written into a hidden staging folder beside their destination and moved into place together
 * by `commit`; `discard` removes them. Either way the folder never holds a partly written file of this batch.
 */
export class StagedFolder {
  private readonly staging: string;
  private readonly files: WrittenFile[] = [];
  private readonly names = new Set<string>();

  constructor(readonly folder: string) {
    this.staging = path.join(folder, `.review-desk-${randomUUID()}.tmp`);
  }

  async write(name: string, data: Uint8Array): Promise<WrittenFile> {
    if (this.names.has(name)) throw new Error(`duplicate output name ${name}`);
    this.names.add(name);
    await fs.mkdir(this.staging, { recursive: true });
    await fs.writeFile(path.join(this.staging, name), data, { flag: 'wx' });
    const file = {
      name,
      path: path.join(this.folder, name),
      sha256: createHash('sha256').update(data).digest('hex'),
      bytes: data.byteLength,
    };
    this.files.push(file);
    return file;
  }

  /** Moves every staged file into the folder (replacing files of the same name) and removes the staging folder. */
  async commit(): Promise<WrittenFile[]> {
    try {
      for (const f of this.files) await fs.rename(path.join(this.staging, f.name), f.path);
    } catch (err) {
      // A file moved before the failure was complete; those not moved are discarded with the staging folder.
      await this.discard();
      throw err;
    }
    await fs.rm(this.staging, { recursive: true, force: true });
    return this.files;
  }

  async discard(): Promise<void> {
    try {
      await fs.rm(this.staging, { recursive: true, force: true });
    } catch (err) {
      // The staging folder could not even be made (the target is a file): there is nothing to remove.
      if ((err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw err;
    }
  }
}
