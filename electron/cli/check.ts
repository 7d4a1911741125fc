// Owns `review-desk check <package> [--json]`: verifies a package and runs the pre-check without importing it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PackageError, type PackageProblem } from '../core/package/errors';
import { verifyPackage } from '../core/package/verify';
import { checkPackageProjects, type PackageProjectCheck } from '../core/precheck/packageCheck';
import { usageError } from './usage';

export async function check(argv: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const [target] = positionals;
  if (!target || positionals.length > 1) return usageError(out);
  const staging = mkdtempSync(path.join(os.tmpdir(), 'review-desk-check-'));
  try {
    const { manifest, manifestSha256, totalBytes } = await verifyPackage(target, { stagingDir: staging });
    const files = manifest.projects.reduce((n, p) => n + p.documents.length, 0);
    const projects = await checkPackageProjects(manifest, staging);
    if (values.json) {
      out(
        JSON.stringify({
          ok: true,
          errors: [],
          packageId: manifest.packageId,
          title: manifest.session.title,
          files,
          bytes: totalBytes,
          manifestSha256,
          projects: projects.map((p) => ({
            id: p.id,
            findings: p.findings.map(({ ruleId, status, message, citation, evidence }) => ({ ruleId, status, message, citation, evidence })),
            budgetLines: p.budgetLines,
          })),
        }),
      );
    } else {
      out(`✓ 评审包有效：${manifest.session.title}`);
      out(`  项目 ${manifest.projects.length} 个，文件 ${files} 个，共 ${(totalBytes / 2 ** 20).toFixed(1)} MB，清单 SHA-256 ${manifestSha256}`);
      for (const p of projects) printProject(p, out);
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
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

const statusLabel = { fail: '✗ 不符合', judge: '? 需判断', pass: '✓ 符合' } as const;

function printProject(p: PackageProjectCheck, out: (line: string) => void): void {
  const count = (s: keyof typeof statusLabel) => p.findings.filter((f) => f.status === s).length;
  out('');
  out(`【${p.name}】形式审查：不符合 ${count('fail')} 项，需专家判断 ${count('judge')} 项，符合 ${count('pass')} 项`);
  for (const f of p.findings.filter((x) => x.status !== 'pass')) out(`  ${statusLabel[f.status]} ${f.message}（${f.citation}）`);
  const ineligible = p.budgetLines.filter((b) => b.verdict === 'ineligible');
  if (ineligible.length) out(`  不纳入的预算项：${ineligible.map((b) => b.id).join('、')}`);
}
