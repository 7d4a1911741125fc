// Owns `review-desk check <package> [--json]`: verifies a package and runs the pre-check without importing it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyPackage } from '../core/package/verify';
import { checkPackageProjects, type PackageProjectCheck } from '../core/precheck/packageCheck';
import { profileForPackage } from '../core/precheck/sessionProfile';
import { DEFAULT_TEXT_LIMITS } from '../core/documents/isolatedText';
import { reportPackageRefusal } from './packageRefusal';
import { terminalJson, terminalSafe as safe } from './terminal';
import { usageError } from './usage';

/** `--timeout`: the whole check, in seconds; `--document-timeout`: one document's text. */
const DEFAULT_TIMEOUT_S = 300;

export async function check(argv: string[], out: (line: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        timeout: { type: 'string' },
        'document-timeout': { type: 'string' },
        'no-ocr': { type: 'boolean' },
      },
    });
  } catch {
    return usageError(out);
  }
  const { values, positionals } = parsed;
  const [target] = positionals;
  const seconds = (v: string | undefined, fallback: number) =>
    v === undefined ? fallback : /^\d+(\.\d+)?$/.test(v) && Number(v) > 0 ? Number(v) : NaN;
  const timeoutS = seconds(values.timeout, DEFAULT_TIMEOUT_S);
  const documentTimeoutS = seconds(values['document-timeout'], DEFAULT_TEXT_LIMITS.documentTimeoutMs / 1000);
  if (!target || positionals.length > 1 || Number.isNaN(timeoutS) || Number.isNaN(documentTimeoutS)) return usageError(out);
  const staging = mkdtempSync(path.join(os.tmpdir(), 'review-desk-check-'));
  // The overall limit stops reading documents; what was not read is reported as skipped, and the check still answers.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutS * 1000);
  try {
    const { manifest, manifestSha256, totalBytes } = await verifyPackage(target, { stagingDir: staging });
    const files = manifest.projects.reduce((n, p) => n + p.documents.length, 0);
    // A carried profile.json is judged like the package itself: an invalid one makes the package invalid (exit 1).
    const projects = await checkPackageProjects(manifest, staging, await profileForPackage(manifest, staging), {
      limits: { ...DEFAULT_TEXT_LIMITS, documentTimeoutMs: Math.min(documentTimeoutS, timeoutS) * 1000 },
      signal: deadline.signal,
      ocr: !values['no-ocr'],
    });
    const skipped = projects.flatMap((p) => p.skipped.map((documentId) => ({ projectId: p.id, documentId })));
    if (values.json) {
      out(
        terminalJson({
          ok: true,
          errors: [],
          packageId: manifest.packageId,
          title: manifest.session.title,
          files,
          bytes: totalBytes,
          manifestSha256,
          projects: projects.map((p) => ({
            id: p.id,
            findings: p.findings.map(({ ruleId, status, message, citation, evidence }) => ({
              ruleId,
              status,
              message,
              citation,
              evidence,
            })),
            budgetLines: p.budgetLines,
            unreadable: p.unreadable,
            skipped: p.skipped,
          })),
          timedOut: skipped.length > 0,
        }),
      );
    } else {
      out(`✓ 评审包有效：${safe(manifest.session.title)}`);
      out(
        `  项目 ${manifest.projects.length} 个，文件 ${files} 个，共 ${(totalBytes / 2 ** 20).toFixed(1)} MB，清单 SHA-256 ${manifestSha256}`,
      );
      for (const p of projects) printProject(p, out);
      if (skipped.length) {
        out('');
        out(`! 已超过 ${timeoutS} 秒的时间上限，以下 ${skipped.length} 个文件未读取，相关篇章需专家判断：`);
        for (const s of skipped) out(`  项目 ${safe(s.projectId)} 的文件 ${safe(s.documentId)}`);
      }
    }
    return 0;
  } catch (err) {
    return reportPackageRefusal(err, target, values.json, out);
  } finally {
    clearTimeout(timer);
    rmSync(staging, { recursive: true, force: true });
  }
}

const statusLabel = { fail: '✗ 不符合', judge: '? 需判断', reference: '· 参考做法', pass: '✓ 符合' } as const;

function printProject(p: PackageProjectCheck, out: (line: string) => void): void {
  const count = (s: keyof typeof statusLabel) => p.findings.filter((f) => f.status === s).length;
  out('');
  const reference = count('reference') > 0 ? `，参考做法 ${count('reference')} 项` : '';
  out(`【${safe(p.name)}】形式审查：不符合 ${count('fail')} 项，需专家判断 ${count('judge')} 项${reference}，符合 ${count('pass')} 项`);
  for (const u of p.unreadable) out(`  ? 无法读取文件 ${safe(u.documentId)}：${safe(u.reason)}`);
  for (const f of p.findings.filter((x) => x.status !== 'pass'))
    out(`  ${statusLabel[f.status]} ${safe(f.message)}（${safe(f.citation)}）`);
  const ineligible = p.budgetLines.filter((b) => b.verdict === 'ineligible');
  if (ineligible.length) out(`  不纳入的预算项：${ineligible.map((b) => safe(b.id)).join('、')}`);
}
