// Owns the detached signature (独立签名文件) `<name>.sig.json` written beside a DOCX (or any file): what it holds, signing and verifying it.
//
// The signed object names the file (name, size, SHA-256), the signer (algorithm, certificate, fingerprint) and the
// time; `signature` is over the RFC 8785 canonical JSON of everything else, and the file on disk is exactly the
// canonical JSON of the whole object. The file digest is SHA-256 for both algorithms (the signature itself is SM2/SM3
// for an SM2 identity).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { signatureAlgorithms } from '../../../shared/signing';
import { chineseMessages } from '../kernel/zodMessages';
import {
  checkCertificate,
  checkSignature,
  checkValidity,
  firstProblem,
  readCanonicalJson,
  ReportBuilder,
  sealObject,
  signerCertificate,
} from './envelope';
import type { Signer, VerificationReport } from './types';

export const detachedSignatureSuffix = '.sig.json';
export const detachedFormatVersion = 1;

const algorithm = z.enum(signatureAlgorithms);
const base64 = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const detachedSignatureSchema = z.strictObject({
  formatVersion: z.number().int(),
  file: z.strictObject({ name: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: sha256Hex }),
  signer: z.strictObject({ algorithm, certificate: base64, fingerprint: sha256Hex }),
  signedAt: z.string().datetime({ offset: true }),
  signature: z.strictObject({ algorithm, value: base64 }),
});
export type DetachedSignature = z.infer<typeof detachedSignatureSchema>;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
/** The name as stored: the base name only, so moving the pair to another folder keeps it valid. */
const baseName = (name: string): string => name.split(/[\\/]/).pop() ?? name;

/** Signs `fileBytes` named `fileName` at `now`; write `bytes` to `<fileName>.sig.json` beside the file. */
export function signDetached(
  fileBytes: Uint8Array,
  fileName: string,
  signer: Signer,
  now: Date,
): { signature: DetachedSignature; bytes: Uint8Array } {
  signerCertificate(signer, now);
  const body = {
    formatVersion: detachedFormatVersion,
    file: { name: baseName(fileName), bytes: fileBytes.length, sha256: sha256(fileBytes) },
    signer: {
      algorithm: signer.algorithm,
      certificate: Buffer.from(signer.certificateDer).toString('base64'),
      fingerprint: signer.fingerprint,
    },
    signedAt: now.toISOString(),
  };
  const { value, bytes } = sealObject(body, signer);
  return { signature: value, bytes };
}

/** Verifies a file against its detached signature; `fileName` is the file's name as found (its base name must match the signed one). */
export function verifyDetached(fileBytes: Uint8Array, sigBytes: Uint8Array, fileName: string): VerificationReport {
  const r = new ReportBuilder('docx');
  const raw = readCanonicalJson(sigBytes, r, '签名文件');
  if (raw === undefined) return r.finish();
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (
    !r.check(
      'format-version',
      version === detachedFormatVersion,
      `格式版本 ${detachedFormatVersion}。`,
      `签名文件的格式版本为 ${JSON.stringify(version)}，本程序只支持版本 ${detachedFormatVersion}。`,
    )
  ) {
    return r.finish();
  }
  const parsed = detachedSignatureSchema.safeParse(raw, chineseMessages);
  if (!parsed.success) {
    r.check('schema', false, '', `签名文件不符合格式（${firstProblem(parsed.error)}），文件可能被修改过。`);
    return r.finish();
  }
  r.check('schema', true, '签名文件结构正确。', '');
  const sig = parsed.data;
  r.report.signedAt = sig.signedAt;
  const cert = checkCertificate(r, sig.signer.certificate, sig.signer.fingerprint, [sig.signer.algorithm, sig.signature.algorithm]);
  if (!cert) return r.finish();
  checkValidity(r, cert, sig.signedAt);
  checkSignature(r, cert, raw as Record<string, unknown>, sig.signature);
  const name = baseName(fileName);
  r.check(
    'file-name',
    name === sig.file.name,
    `签名文件对应“${sig.file.name}”。`,
    `签名文件签的是“${sig.file.name}”，不是“${name}”。请把文件与其签名文件一起验证。`,
  );
  const same = fileBytes.length === sig.file.bytes && sha256(fileBytes) === sig.file.sha256;
  r.check('file-digest', same, '文件内容与签名时完全一致。', `“${name}”在签名后被修改过（大小或 SHA-256 与签名记录不符）。`);
  return r.finish();
}
