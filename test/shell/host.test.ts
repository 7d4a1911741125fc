// Proves the Host the shell gives the core: the data folder and version come from Electron, the pickers ask for 评审包
// files or folders, and shell.openPath is reached only for an imported document inside the data folder (item 9).
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHost } from '../../electron/main/host';
import { fakeWebContents } from './fakes';

// Real path: openPath is handed the resolved path, and tmpdir() is itself a symlink on macOS.
const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'rd-host-')));
const dataDir = path.join(base, 'userData');
mkdirSync(path.join(dataDir, 'packages'), { recursive: true });
writeFileSync(path.join(dataDir, 'packages', '建设方案.pdf'), 'x');
writeFileSync(path.join(dataDir, 'packages', 'setup.exe'), 'x');
writeFileSync(path.join(base, 'elsewhere.pdf'), 'x');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const electron = vi.hoisted(() => ({
  showOpenDialog: vi.fn(),
  openPath: vi.fn(async () => ''),
  dataDir: '',
}));
electron.dataDir = dataDir;

vi.mock('electron', () => ({
  app: { getPath: () => electron.dataDir, getVersion: () => '9.8.7' },
  dialog: { showOpenDialog: electron.showOpenDialog },
  shell: { openPath: electron.openPath },
}));

beforeEach(() => vi.clearAllMocks());

describe('the desktop Host', () => {
  const contents = fakeWebContents();
  const window = { webContents: contents.contents } as unknown as BrowserWindow;
  const host = createHost(() => window);

  it('uses Electron’s userData folder, the app version and the ipc transport', () => {
    expect(host).toMatchObject({ dataDir, version: '9.8.7', transport: 'ipc' });
  });

  it('asks for a .rpkg file, or for a folder, attached to the window', async () => {
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/media/usb/2027.rpkg'] });
    await expect(host.choosePath!({ folder: false })).resolves.toBe('/media/usb/2027.rpkg');
    expect(electron.showOpenDialog).toHaveBeenLastCalledWith(window, {
      title: '选择评审包',
      properties: ['openFile'],
      filters: [{ name: '评审包', extensions: ['rpkg'] }],
    });
    await host.choosePath!({ folder: true });
    expect(electron.showOpenDialog).toHaveBeenLastCalledWith(window, { title: '选择评审包文件夹', properties: ['openDirectory'] });
  });

  it('titles a folder picker with what it is for', async () => {
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/media/usb'] });
    await host.choosePath!({ folder: true, title: '选择文书保存位置' });
    expect(electron.showOpenDialog).toHaveBeenLastCalledWith(window, { title: '选择文书保存位置', properties: ['openDirectory'] });
  });

  it('shows an existing folder in the file manager, by its real path', async () => {
    await expect(host.openFolder(path.join(dataDir, 'packages', '..', 'packages'))).resolves.toBe(true);
    expect(electron.openPath).toHaveBeenCalledWith(path.join(dataDir, 'packages'));
  });

  it.each([
    ['a file', path.join(dataDir, 'packages', 'setup.exe')],
    ['a missing folder', path.join(base, 'nowhere')],
    ['a relative path', 'packages'],
  ])('never shows %s as a folder', async (_label, target) => {
    await expect(host.openFolder(target)).resolves.toBe(false);
    expect(electron.openPath).not.toHaveBeenCalled();
  });

  it('answers null when the picker is cancelled', async () => {
    electron.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(host.choosePath!({ folder: false })).resolves.toBeNull();
  });

  it('opens an imported document inside the data folder', async () => {
    await expect(host.openPath(path.join(dataDir, 'packages', '建设方案.pdf'))).resolves.toBe(true);
    expect(electron.openPath).toHaveBeenCalledWith(path.join(dataDir, 'packages', '建设方案.pdf'));
  });

  it('reports the OS refusing to open it', async () => {
    electron.openPath.mockResolvedValueOnce('没有关联的应用程序');
    await expect(host.openPath(path.join(dataDir, 'packages', '建设方案.pdf'))).resolves.toBe(false);
  });

  it.each([
    ['an executable inside the data folder', path.join(dataDir, 'packages', 'setup.exe')],
    ['a document outside the data folder', path.join(base, 'elsewhere.pdf')],
    ['a system file', '/etc/passwd'],
  ])('never hands the OS %s', async (_label, target) => {
    await expect(host.openPath(target)).resolves.toBe(false);
    expect(electron.openPath).not.toHaveBeenCalled();
  });

  it('pushes events to the window', () => {
    host.emit('job.progress', { jobId: 'j1' } as never);
    expect(contents.send).toHaveBeenCalledWith('rd:event', 'job.progress', { jobId: 'j1' });
  });
});
