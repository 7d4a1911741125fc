// Owns the signing vocabulary shared by identities, result files, PDF (PAdES) and DOCX signatures.

/**
 * `ecdsa-p256`: ECDSA on P-256 with SHA-256 (default: Acrobat and pdfsig verify it).
 * `sm2`: SM2 with SM3 digests (国密, GB/T 32918 / GM/T 0009), computed with sm-crypto only, never Node's `crypto`,
 * because Electron's BoringSSL has neither SM2 nor SM3.
 */
export type SignatureAlgorithm = 'ecdsa-p256' | 'sm2';

/** An unlocked signing identity (签名身份): only lives in memory while the expert signs. */
export interface Signer {
  algorithm: SignatureAlgorithm;
  /** DER X.509 certificate (self-signed) carrying the expert's name, title and employer. */
  certificateDer: Uint8Array;
  /** SHA-256 of the certificate DER, lowercase hex: what the roster names and what is read aloud in groups. */
  fingerprint: string;
  /**
   * Signs `data` (the whole message; the signer hashes it: SHA-256 for P-256, SM3 with the SM2 Z value for SM2).
   * Returns a DER-encoded ECDSA/SM2 signature (SEQUENCE { r, s }).
   */
  sign(data: Uint8Array): Uint8Array;
}

/** What any verification reports (验证结果): the `verify` command prints it, the 验证 screen shows it. */
export interface VerificationReport {
  kind: 'pdf' | 'docx' | 'result';
  valid: boolean;
  signer: { name: string; title: string; employer: string; fingerprint: string; algorithm: SignatureAlgorithm } | null;
  /** ISO 8601 signing time as the signature states it. */
  signedAt: string | null;
  /** Each check in order, with a Chinese explanation when it failed. */
  checks: { id: string; ok: boolean; message: string }[];
}
