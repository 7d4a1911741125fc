// Owns the signed-JSON envelope shared by result files and detached signatures (签名封装): signing an object's canonical JSON and checking a file is that canonical JSON byte for byte.
//
// Files are written as the RFC 8785 form of the whole object (signature included) and must read back identical, so
// no byte can change without changing the value: whitespace, escapes and number spellings are not free.
import { type z } from 'zod';
import { parseCertificate, assertValidAt, type CertificateInfo } from './certificate';
import { verifySignature } from './algorithms';
import { SigningError } from './errors';
import { jcs } from '../kernel/jcs';
import type { SignatureAlgorithm, Signer, VerificationReport } from './types';

export interface SignatureMember {
  algorithm: SignatureAlgorithm;
  /** DER SEQUENCE { r, s }, Base64. */
  value: string;
}

/** "字段 a.b：message" for the first issue of a failed parse. */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0]!; // a failed parse has at least one issue

  return `字段 ${issue.path.join('.') || '（根）'}：${issue.message}`;
}

/** Adds `signature` over JCS(body) and returns the file bytes (the canonical JSON of the signed object). */
export function sealObject<T extends object>(body: T, signer: Signer): { value: T & { signature: SignatureMember }; bytes: Uint8Array } {
  const signature: SignatureMember = { algorithm: signer.algorithm, value: Buffer.from(signer.sign(jcs(body))).toString('base64') };
  const value = { ...body, signature };
  return { value, bytes: jcs(value) };
}

/** The signer's certificate, refused when it is malformed or not valid at `at` (checked at signing time). */
export function signerCertificate(signer: Signer, at: Date): CertificateInfo {
  const info = parseCertificate(signer.certificateDer);
  assertValidAt(info, at);
  return info;
}

/** Collects the checks of one verification in order; `fail` records and returns false so callers can stop. */
export class ReportBuilder {
  readonly report: VerificationReport;
  constructor(kind: VerificationReport['kind']) {
    this.report = { kind, valid: false, signer: null, signedAt: null, checks: [] };
  }
  check(id: string, ok: boolean, okMessage: string, failMessage: string): boolean {
    this.report.checks.push({ id, ok, message: ok ? okMessage : failMessage });
    return ok;
  }
  finish(): VerificationReport {
    this.report.valid = this.report.checks.length > 0 && this.report.checks.every((c) => c.ok);
    return this.report;
  }
}

/** Parses file bytes as strict UTF-8 JSON that is already in canonical form; records `json` and `canonical` checks. */
export function readCanonicalJson(bytes: Uint8Array, r: ReportBuilder, what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    r.check('json', false, '', `${what}不是有效的 UTF-8 JSON，无法解析：文件可能已损坏、被截断或被修改。`);
    return undefined;
  }
  r.check('json', true, `${what}是有效的 JSON。`, '');
  let canonical: boolean;
  try {
    canonical = Buffer.from(jcs(value)).equals(Buffer.from(bytes));
  } catch {
    canonical = false;
  }
  if (
    !r.check(
      'canonical',
      canonical,
      '文件为规范化 JSON（RFC 8785），未被重新排版。',
      `${what}不是签名时的规范化 JSON（RFC 8785）：文件在签名后被重新排版或修改过。`,
    )
  )
    return undefined;
  return value;
}

/** The certificate checks every signed JSON file shares: parses and self-verifies, names the stated fingerprint, matches the stated algorithm. */
export function checkCertificate(
  r: ReportBuilder,
  certificateB64: string,
  fingerprint: string,
  algorithms: SignatureAlgorithm[],
): CertificateInfo | null {
  let info: CertificateInfo;
  try {
    const der = Buffer.from(certificateB64, 'base64');
    if (der.toString('base64') !== certificateB64)
      throw new SigningError('certificate-malformed', '证书的 Base64 编码不规范，文件可能被修改过。');
    info = parseCertificate(der);
  } catch (err) {
    r.check('certificate', false, '', err instanceof SigningError ? err.message : '证书无法解析，文件可能被修改过。');
    return null;
  }
  r.report.signer = { ...info.subject, fingerprint: info.fingerprint, algorithm: info.algorithm };
  if (
    !r.check(
      'certificate',
      algorithms.every((a) => a === info.algorithm),
      '证书可以解析，自签名有效。',
      `证书的算法（${info.algorithm}）与文件声明的签名算法（${algorithms.join('、')}）不一致。`,
    )
  )
    return null;
  if (
    !r.check(
      'fingerprint',
      fingerprint === info.fingerprint,
      '证书指纹与文件记录一致。',
      `文件记录的证书指纹 ${fingerprint} 与证书实际指纹 ${info.fingerprint} 不一致，文件可能被修改过。`,
    )
  )
    return null;
  return info;
}

/** Records `validity` (the certificate was valid when the file says it was signed). */
export function checkValidity(r: ReportBuilder, info: CertificateInfo, signedAt: string): boolean {
  try {
    assertValidAt(info, new Date(signedAt));
    return r.check('validity', true, `签名时间 ${signedAt} 在证书有效期内。`, '');
  } catch (err) {
    if (!(err instanceof SigningError)) throw err;
    return r.check('validity', false, '', err.message);
  }
}

/** Records `signature`: the signature member verifies over JCS of the object without it, with canonical Base64. */
export function checkSignature(r: ReportBuilder, info: CertificateInfo, raw: Record<string, unknown>, signature: SignatureMember): boolean {
  const { signature: _, ...body } = raw;
  const der = Buffer.from(signature.value, 'base64');
  const ok = der.toString('base64') === signature.value && verifySignature(info.algorithm, info.publicPoint, jcs(body), der);
  return r.check(
    'signature',
    ok,
    '签名有效：签名后内容没有任何改动。',
    '签名无效：文件内容在签名后被修改，或签名不是由该证书的私钥生成的。',
  );
}
