// Owns verifying any signed file (验证) by its content: a PDF (embedded PAdES), a result file (*.rdr.json), or a file with its detached signature (*.sig.json).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { detachedSignatureSuffix, verifyDetached } from './detached';
import { verifyPdf } from './pades';
import { resultFileSuffix } from '../../../shared/resultFile';
import { verifyResultFile, type ResultExpectations } from './result';
import type { VerificationReport } from './types';

async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    return await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

const unsigned = (kind: VerificationReport['kind'], message: string): VerificationReport => ({
  kind,
  valid: false,
  signer: null,
  signedAt: null,
  checks: [{ id: 'signature', ok: false, message }],
});

/** A JSON object that looks like a result file (has packageId) or a detached signature (has file and signer, naming `fileName`). */
function jsonKind(bytes: Uint8Array): { kind: 'result' } | { kind: 'detached'; fileName: string | null } | null {
  if (bytes[0] !== 0x7b) return null; // '{'
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    if ('packageId' in value) return { kind: 'result' };
    if ('file' in value && 'signer' in value) {
      const name = (value.file as { name?: unknown } | null)?.name;
      return { kind: 'detached', fileName: typeof name === 'string' ? path.basename(name) : null };
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * Verifies the file at `filePath`. Given a `.sig.json`, verifies the file it names beside it; given any other file,
 * looks for `<file>.sig.json` beside it. A file with no signature is reported invalid with the reason.
 */
export async function verifyFile(filePath: string, expect: ResultExpectations = {}): Promise<VerificationReport> {
  const bytes = await readFile(filePath);
  const name = path.basename(filePath);
  const lower = name.toLowerCase();
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return verifyPdf(bytes);
  const json = jsonKind(bytes);
  if (json?.kind === 'result' || (json === null && lower.endsWith(resultFileSuffix))) return verifyResultFile(bytes, expect);
  if (json?.kind === 'detached' || lower.endsWith(detachedSignatureSuffix)) {
    // `<name>.sig.json` pairs by its own name; a signature file renamed otherwise looks for the file it names.
    const targetName = lower.endsWith(detachedSignatureSuffix)
      ? name.slice(0, -detachedSignatureSuffix.length)
      : json?.kind === 'detached'
        ? json.fileName
        : null;
    const target = targetName ? path.join(path.dirname(filePath), targetName) : null;
    const targetBytes = target ? await readIfExists(target) : null;
    if (!target || !targetBytes)
      return unsigned(
        'docx',
        `找不到签名文件“${name}”所对应的文件“${targetName ?? '（未注明）'}”，请把原文件与签名文件放在同一文件夹后再验证。`,
      );
    return verifyDetached(targetBytes, bytes, target);
  }
  const sig = await readIfExists(`${filePath}${detachedSignatureSuffix}`);
  if (sig) return verifyDetached(bytes, sig, filePath);
  return unsigned('docx', `“${name}”没有签名：既不是带签名的 PDF 或评审结果文件，旁边也没有签名文件“${name}${detachedSignatureSuffix}”。`);
}
