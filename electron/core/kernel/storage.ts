// Owns how a full or read-only disk reaches the user: which error codes mean "no space left" or "cannot write here",
// and the Chinese message that says what to do — instead of "internal", "压缩数据已损坏" or a raw EACCES line.
import { AppError } from './errors';

export type StorageFault = 'full' | 'read-only';

const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY = new Set(['EROFS', 'EACCES']);

/** The error's code (Node's `ENOSPC`, better-sqlite3's `SQLITE_FULL` …), or ''. */
export function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : '';
}

/** 'full' for ENOSPC/EDQUOT/SQLITE_FULL, 'read-only' for EROFS/EACCES/SQLITE_READONLY*, else null. */
export function storageFault(err: unknown): StorageFault | null {
  const code = errorCode(err);
  if (FULL.has(code)) return 'full';
  if (READ_ONLY.has(code) || code.startsWith('SQLITE_READONLY')) return 'read-only';
  return null;
}

/** What the user reads for a fault while doing `action` (e.g. '导入评审包'). */
export function storageMessage(fault: StorageFault, action: string): string {
  return fault === 'full'
    ? `磁盘空间不足，${action}未完成。请释放磁盘空间后重试。`
    : `数据文件夹只读或没有写入权限，${action}未完成。请检查数据文件夹的权限，或换一个数据文件夹。`;
}

/** The AppError (code `storage`) for a full or read-only disk, or null when `err` is something else. */
export function storageError(err: unknown, action: string): AppError | null {
  const fault = storageFault(err);
  return fault ? new AppError('storage', storageMessage(fault, action)) : null;
}

/** Runs `fn`; a full or read-only disk comes out as the AppError above, anything else unchanged. */
export async function mapStorageErrors<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw storageError(err, action) ?? err;
  }
}
