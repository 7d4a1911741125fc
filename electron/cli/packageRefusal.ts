// Owns how a command that opens a package reports one it cannot open: each problem with its code, as JSON or for people; exit 1.
import { PackageError, type PackageProblem } from '../core/package/errors';
import { terminalJson, terminalSafe as safe } from './terminal';

export function reportPackageRefusal(err: unknown, target: string, json: boolean | undefined, out: (line: string) => void): number {
  const errors: PackageProblem[] =
    err instanceof PackageError ? err.problems : [{ code: 'io', message: `读取失败：${(err as Error).message}`, path: target }];
  if (json) out(terminalJson({ ok: false, errors }));
  else {
    out(`✗ 评审包无效（${errors.length} 处问题）：`);
    // The message names the file as the user knows it; the path inside the package follows for whoever fixes it.
    for (const e of errors) out(`  [${e.code}] ${safe(e.message)}${e.path ? `（位置：${safe(e.path)}）` : ''}`);
    out('请联系评审组织方重新制作评审包。');
  }
  return 1;
}
