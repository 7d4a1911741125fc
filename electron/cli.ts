// Owns the `review-desk` command line: `check <package> [--json]` verifies a package without importing it.
import { parseArgs } from 'node:util';
import { PackageError, type PackageProblem } from './core/package/errors';
import { verifyPackage } from './core/package/verify';

const usage = `用法：review-desk check <评审包.rpkg 或文件夹> [--json]
  校验评审包（清单格式、文件名安全、每个文件的大小与 SHA-256），不导入。
  退出码：0 有效；1 无效；2 用法错误。`;

export async function run(argv: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean' } } });
  const [command, target] = positionals;
  if (values.help || command !== 'check' || !target || positionals.length > 2) {
    out(usage);
    return 2;
  }
  try {
    const { manifest, manifestSha256, totalBytes } = await verifyPackage(target);
    const files = manifest.projects.reduce((n, p) => n + p.documents.length, 0);
    if (values.json) {
      out(JSON.stringify({ ok: true, errors: [], packageId: manifest.packageId, title: manifest.session.title, projects: manifest.projects.length, files, bytes: totalBytes, manifestSha256 }));
    } else {
      out(`✓ 评审包有效：${manifest.session.title}`);
      out(`  项目 ${manifest.projects.length} 个，文件 ${files} 个，共 ${(totalBytes / 2 ** 20).toFixed(1)} MB，清单 SHA-256 ${manifestSha256}`);
    }
    return 0;
  } catch (err) {
    const errors: PackageProblem[] = err instanceof PackageError ? err.problems : [{ code: 'io', message: `读取失败：${(err as Error).message}`, path: target }];
    if (values.json) out(JSON.stringify({ ok: false, errors }));
    else {
      out(`✗ 评审包无效（${errors.length} 处问题）：`);
      for (const e of errors) out(`  [${e.code}] ${e.message}`);
      out('请联系评审组织方重新制作评审包。');
    }
    return 1;
  }
}
