// Owns the package importer's error codes and their Chinese messages (shown to users and printed by `review-desk check`).
import { AppError } from '../kernel/errors';

export const packageErrorMessages = {
  'not-found': '找不到评审包文件或文件夹',
  'not-zip': '文件不是有效的评审包（不是 ZIP 格式或已损坏）',
  'unsafe-path': '评审包中有文件名指向包外的条目，已拒绝',
  'bad-name': '评审包中含有不合规的文件名',
  symlink: '评审包中含有符号链接或特殊文件，出于安全原因拒绝导入',
  'duplicate-name': '评审包中有重名文件',
  'too-many-entries': '评审包中的文件数量超过上限',
  'too-large': '评审包解压后的大小超过上限',
  'compression-bomb': '评审包中有压缩比异常的文件（疑似压缩炸弹）',
  'overlapping-entries': '评审包结构异常：文件数据区相互重叠',
  'size-mismatch': '文件大小与清单不符',
  'hash-mismatch': '文件校验值（SHA-256）与清单不符，文件可能已被改动',
  'missing-file': '清单中列出的文件在评审包中不存在',
  'extra-file': '评审包中有清单未列出的文件',
  'manifest-missing': '评审包中缺少 manifest.json',
  'manifest-json': 'manifest.json 不是有效的 JSON',
  'manifest-schema': 'manifest.json 内容不符合格式要求',
  'format-version': '不支持的评审包格式版本，请升级评审工作台或向组织方索取新版评审包',
  'profile-invalid': '评审包附带的辖区规则配置（profile.json）无效，拒绝导入',
  'already-imported': '该评审包的另一个版本已经导入',
  cancelled: '已取消导入',
  io: '读写文件时出错',
} as const;

export type PackageErrorCode = keyof typeof packageErrorMessages;

export interface PackageProblem {
  code: PackageErrorCode;
  /** Chinese explanation naming the file as the user knows it (《title》 or its file name) or the field in words. */
  message: string;
  /** The entry path (or manifest field path) the problem is about, '' when it concerns the whole package: for machines and `check --json`, never inside `message`. */
  path: string;
}

/** `path` is where (for machines); `name` is the file as the user knows it (`fileLabel`), said in the message. */
export function problem(code: PackageErrorCode, path = '', detail?: string, name?: string): PackageProblem {
  const base = packageErrorMessages[code];
  const named = name ? `：${name}` : '';
  const why = !detail ? '' : name ? `（${detail}）` : `：${detail}`;
  return { code, path, message: `${base}${named}${why}` };
}

/** How messages name a carried profile.json (its title, as a document's title names a document). */
export const PROFILE_TITLE = '辖区规则配置';

/** A file inside a package as the user knows it: the title the manifest gives it (《可行性研究报告》), else its file name. */
export function fileLabel(entryPath: string, title?: string): string {
  return title ? `《${title}》` : (entryPath.replace(/\/$/, '').split('/').pop() ?? entryPath);
}

/**
 * Thrown when a package is refused; carries every problem found before stopping. It reaches the user as
 * `package-invalid` (or `cancelled` when the import was cancelled) with the first problem as its message.
 */
export class PackageError extends AppError {
  declare readonly problems: PackageProblem[];
  constructor(problems: PackageProblem[]) {
    super(problems.some((p) => p.code === 'cancelled') ? 'cancelled' : 'package-invalid', problems[0]?.message ?? '', problems);
    this.name = 'PackageError';
  }
}
