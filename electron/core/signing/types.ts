// Owns the signing vocabulary shared by identities, result files, PDF (PAdES) and DOCX signatures.
import type { SignatureAlgorithmName } from '../../../shared/signing';

export type { VerificationReport } from '../../../shared/signing';

/**
 * `ecdsa-p256`: ECDSA on P-256 with SHA-256 (default: Acrobat and pdfsig verify it).
 * `sm2`: SM2 with SM3 digests (国密, GB/T 32918 / GM/T 0009), computed with sm-crypto only, never Node's `crypto`,
 * because Electron's BoringSSL has neither SM2 nor SM3.
 */
export type SignatureAlgorithm = SignatureAlgorithmName;

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
