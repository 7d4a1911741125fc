// Owns `review-desk profile check <profile.json> [--json]`: checks a jurisdiction profile file as a package would carry it (docs/profile-format.md).
import { open, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { maxProfileBytes } from '../../shared/profile';
import { checkProfileBytes, profileTooLarge } from '../core/precheck/profileCheck';
import { usageError } from './usage';
import { terminalJson, terminalSafe as safe } from './terminal';

export async function profile(argv: string[], out: (line: string) => void): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'check') return usageError(out);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch {
    return usageError(out);
  }
  const { values, positionals } = parsed;
  const [file] = positionals;
  if (!file || positionals.length > 1) return usageError(out);

  let read: { bytes: Uint8Array; size: number };
  try {
    read = await readBounded(file);
  } catch (err) {
    // No verdict on the profile: nothing could be checked (exit 2, like a usage error).
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (err as Error).message;
    const error = { code: 'unreadable', message: `无法读取文件 ${file}：${reason}`, path: '' };
    if (values.json) out(terminalJson({ ok: false, errors: [error] }));
    else out(`✗ ${safe(error.message)}`);
    return 2;
  }
  const result = read.size > maxProfileBytes ? profileTooLarge(read.size, file) : checkProfileBytes(read.bytes, { fileName: file });
  if (values.json) {
    const summary = result.profile
      ? {
          profile: {
            id: result.profile.id,
            name: result.profile.name,
            regulation: result.profile.regulation,
            version: result.profile.version,
          },
        }
      : {};
    out(terminalJson({ ok: result.ok, errors: result.errors, ...summary }));
  } else if (result.ok && result.profile) {
    const p = result.profile;
    const rules = p.requiredDocuments.length + p.requiredChapters.length + p.redFlags.length + p.budgetRules.length;
    out(`✓ 辖区规则配置有效：${safe(p.name)}（${safe(p.id)}），依据 ${safe(p.regulation)}`);
    out(`  规则 ${rules} 条，一票否决 ${p.rubric.vetoes.length} 项，评分总分 ${p.rubric.totalPoints}`);
  } else {
    out(`✗ 辖区规则配置无效（${result.errors.length} 处问题）：`);
    for (const e of result.errors) out(`  [${e.code}] ${safe(e.message)}`);
  }
  return result.ok ? 0 : 1;
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' } } });
}

/** The file's size and its bytes up to one past the limit: a larger file is judged too large without reading the rest. */
async function readBounded(file: string): Promise<{ bytes: Uint8Array; size: number }> {
  if (!(await stat(file)).isFile()) throw new Error('不是普通文件');
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(maxProfileBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: buffer.subarray(0, length), size: length > maxProfileBytes ? Math.max((await handle.stat()).size, length) : length };
  } finally {
    await handle.close();
  }
}
