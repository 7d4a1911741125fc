// Owns the ways a package gets chosen: the native dialog (Electron), the hidden file input (web), or bytes from a dropped file.
import { useShell } from '../../kernel/shell';
import { reportError } from '../../kernel/notices';
import { uploadSource, type UploadSource } from '../../lib/upload';
import { t } from '../../locale/zh-CN';
import { useImport } from './store';

export const PACKAGE_INPUT_ID = 'rd-package-input';
export const PACKAGE_ACCEPT = '.rpkg,.zip';

export function isPackageFile(name: string): boolean {
  return /\.(rpkg|zip)$/i.test(name);
}

/** The one action behind the 打开评审包 button, Ctrl+O and the header button. */
export async function openPackage(folder = false): Promise<void> {
  if (useImport.getState().status === 'running') return;
  if (!useShell.getState().info?.nativeDialogs) {
    document.getElementById(PACKAGE_INPUT_ID)?.click();
    return;
  }
  try {
    const path = await useShell.getState().choosePath(folder);
    if (path) await useImport.getState().run({ kind: 'path', path });
  } catch (err) {
    reportError(err);
  }
}

export async function importPath(path: string): Promise<void> {
  await useImport.getState().run({ kind: 'path', path });
}

export async function importFile(file: File): Promise<void> {
  let source: UploadSource;
  try {
    source = await uploadSource(file);
  } catch {
    useImport.setState({ status: 'failed', failure: { message: t.importJob.readFileFailed, problems: [], packageDefect: false } });
    return;
  }
  await useImport.getState().run(source);
}
