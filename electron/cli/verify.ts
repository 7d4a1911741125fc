// Owns `review-desk verify <file> [--json]`: checks a signed PDF, a DOCX with its detached signature, or a result file, and says who signed what, when, and whether a byte changed.
import { parseArgs } from 'node:util';
import { fingerprintGroups } from '../../shared/signing';
import { SigningError } from '../core/signing/errors';
import type { VerificationReport } from '../core/signing/types';
import { verifyFile } from '../core/signing/verify';
import { terminalJson, terminalSafe as safe } from './terminal';
import { usageError } from './usage';

const kindLabel: Record<VerificationReport['kind'], string> = { pdf: 'PDF 文件', docx: 'DOCX 文件（含签名文件）', result: '评审结果文件' };
const algorithmLabel = { 'ecdsa-p256': 'ECDSA P-256 / SHA-256', sm2: 'SM2 / SM3（国密）' } as const;

export async function verify(argv: string[], out: (line: string) => void): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch {
    return usageError(out);
  }
  const { values, positionals } = parsed;
  const [file] = positionals;
  if (!file || positionals.length > 1) return usageError(out);
  let report: VerificationReport;
  try {
    report = await verifyFile(file);
  } catch (err) {
    const message = err instanceof SigningError ? err.message : `无法读取文件 ${file}：${(err as Error).message}`;
    if (values.json) out(terminalJson({ valid: false, error: message }));
    else out(`✗ 无法验证：${safe(message)}`);
    return 1;
  }
  if (values.json) out(terminalJson(report));
  else printReport(file, report, out);
  return report.valid ? 0 : 1;
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' } } });
}

function printReport(file: string, r: VerificationReport, out: (line: string) => void): void {
  out(r.valid ? `✓ 签名有效：${kindLabel[r.kind]} ${safe(file)}` : `✗ 签名无效：${kindLabel[r.kind]} ${safe(file)}`);
  if (r.signer) {
    const role = [r.signer.title, r.signer.employer]
      .filter(Boolean)
      .map((x) => safe(x!))
      .join('，');
    out(`  签名人：${safe(r.signer.name)}${role ? `（${role}）` : ''}`);
    out(`  证书指纹：${fingerprintGroups(r.signer.fingerprint).join(' ')}`);
    out(`  签名算法：${algorithmLabel[r.signer.algorithm]}`);
  } else {
    out('  签名人：无法确定');
  }
  out(`  签名时间：${r.signedAt ? safe(r.signedAt) : '无法确定'}`);
  out('  检查项：');
  for (const c of r.checks) out(`    ${c.ok ? '✓' : '✗'} ${safe(c.message || c.id)}`);
  if (!r.valid) out('  文件在签名后被改动，或签名不属于所示签名人。请向发送方索取原件。');
}
