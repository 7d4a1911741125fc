// The shared file helpers: names safe on every system, the one rule for where an export goes, and uploads staged as files and removed afterwards.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseFolder, plainFileName, safeFileStem, withSourceFile, withStagedFiles } from '../../../electron/core/kernel/files';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'rd-kernel-'));

describe('file names', () => {
  it('are safe on Windows: reserved characters replaced, no trailing dot, no device names, bounded length', () => {
    expect(safeFileStem('评审意见函-A/B:C*D?"E<F>G|H.')).toBe('评审意见函-A_B_C_D__E_F_G_H');
    expect(safeFileStem('CON')).toBe('_CON');
    expect(safeFileStem('  ')).toBe('_');
    expect([...safeFileStem('长'.repeat(300))]).toHaveLength(100);
  });

  it('a plain file name is a base name without forbidden characters, else null', () => {
    expect(plainFileName('C:\\Users\\王\\评审意见.pdf')).toBe('评审意见.pdf');
    expect(plainFileName('a/b/结果.rdr.json')).toBe('结果.rdr.json');
    for (const bad of ['', 'dir/', '..', '...', 'a:b.pdf', 'a?.pdf', 'tab\t.pdf']) expect(plainFileName(bad), bad).toBeNull();
  });
});

describe('where an export goes', () => {
  const dialog = (picked: string | null) => ({ choosePath: async () => picked });

  it('is the default folder for `default`, and for `choose` when the shell has no dialog (web mode)', async () => {
    expect(await chooseFolder(dialog('/picked'), 'default', '/default', '选择')).toBe('/default');
    expect(await chooseFolder({ choosePath: null }, 'choose', '/default', '选择')).toBe('/default');
  });

  it('is the folder picked in the dialog for `choose`, or null when the dialog was closed', async () => {
    const titles: (string | undefined)[] = [];
    const host = {
      choosePath: async (opts: { folder: boolean; title?: string }) => (titles.push(opts.title), opts.folder ? '/picked' : null),
    };
    expect(await chooseFolder(host, 'choose', '/default', '选择导出位置')).toBe('/picked');
    expect(titles).toEqual(['选择导出位置']);
    expect(await chooseFolder(dialog(null), 'choose', '/default', '选择')).toBeNull();
  });
});

describe('staged uploads', () => {
  it('are files under their own names beside each other while in use, and gone afterwards, even when the use fails', async () => {
    const staging = tempDir();
    const seen = await withStagedFiles(
      staging,
      [
        { name: '意见.docx', bytes: new Uint8Array([1, 2]) },
        { name: '意见.docx.sig.json', bytes: new Uint8Array([3]) },
      ],
      async (files) => {
        expect(files.map((f) => path.basename(f))).toEqual(['意见.docx', '意见.docx.sig.json']);
        expect(path.dirname(files[0]!)).toBe(path.dirname(files[1]!));
        expect([...readFileSync(files[0]!)]).toEqual([1, 2]);
        return files;
      },
    );
    expect(seen.some((f) => existsSync(f))).toBe(false);
    await expect(
      withStagedFiles(staging, [{ name: '../../逃逸.rpkg', bytes: new Uint8Array([1]) }], async ([file]) => {
        expect(path.dirname(path.dirname(file!))).toBe(staging);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(readdirSync(staging)).toEqual([]);
  });

  it('a path source is used where it is', async () => {
    const staging = tempDir();
    expect(await withSourceFile(staging, { kind: 'path', path: 'relative/x.rpkg' }, async (file) => file)).toBe(
      path.resolve('relative/x.rpkg'),
    );
    expect(
      await withSourceFile(staging, { kind: 'upload', name: 'x.rpkg', bytes: new Uint8Array([9]) }, async (file) => path.basename(file)),
    ).toBe('x.rpkg');
  });
});
