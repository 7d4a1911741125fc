// Owns the signing identity (签名身份): creating a key pair with its certificate, storing the private key encrypted under a passphrase, and unlocking it into a Signer.
//
// Key store: scrypt (N, r, p and salt stored with the blob) derives a 256-bit key; AES-256-GCM (random 12-byte IV,
// 16-byte tag) encrypts the private key, with the algorithm and certificate fingerprint as associated data so a key
// cannot be moved under another certificate. Both primitives exist in Electron's BoringSSL.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { passphraseSchema, signatureAlgorithms } from '../../../shared/signing';
import { generateKeyPair, publicPointOf, signerFunction } from './algorithms';
import { chineseMessages } from '../kernel/zodMessages';
import { firstProblem } from './envelope';
import { assertValidAt, certificateFingerprint, createCertificate, parseCertificate, type CertificateInfo } from './certificate';
import { SigningError, signingMessages } from './errors';
import type { SignatureAlgorithm, Signer } from './types';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** 2^15, 8, 1: about 32 MiB and a tenth of a second per unlock. */
export const defaultScrypt: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: '应为 Base64' });
const bytesOf = (n: number) => base64.refine((s) => Buffer.from(s, 'base64').length === n, { message: `应为 ${n} 字节` });

export const storedIdentitySchema = z.strictObject({
  version: z.literal(1),
  algorithm: z.enum(signatureAlgorithms),
  /** DER certificate, Base64. */
  certificate: base64.min(1),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string().datetime(),
  key: z.strictObject({
    kdf: z.strictObject({
      name: z.literal('scrypt'),
      N: z
        .number()
        .int()
        .min(2)
        .max(2 ** 20)
        .refine((n) => (n & (n - 1)) === 0, { message: 'N 应为 2 的幂' }),
      r: z.number().int().min(1).max(32),
      p: z.number().int().min(1).max(16),
      salt: bytesOf(16),
    }),
    cipher: z.strictObject({ name: z.literal('aes-256-gcm'), iv: bytesOf(12), tag: bytesOf(16), ciphertext: base64.min(1) }),
  }),
});
export type StoredIdentity = z.infer<typeof storedIdentitySchema>;

function deriveKey(passphrase: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r * p + 16 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

const associatedData = (algorithm: SignatureAlgorithm, fingerprint: string): Buffer =>
  Buffer.from(`review-desk identity v1|${algorithm}|${fingerprint}`, 'utf8');

export interface NewIdentity {
  algorithm: SignatureAlgorithm;
  name: string;
  title: string;
  employer: string;
  passphrase: string;
  now: Date;
  /** Certificate validity in years from `now`; 5 unless given. */
  validYears?: number;
  /** Lower only in tests. */
  scrypt?: ScryptParams;
}

/** Creates a key pair, its self-signed certificate (valid from `now`) and the encrypted key store entry. */
export async function createIdentity(opts: NewIdentity): Promise<StoredIdentity> {
  const passphrase = passphraseSchema.safeParse(opts.passphrase.normalize('NFC'));
  if (!passphrase.success)
    throw new SigningError('passphrase-invalid', signingMessages.passphraseInvalid(passphrase.error.issues[0]!.message));
  const keys = generateKeyPair(opts.algorithm);
  const notBefore = new Date(Math.floor(opts.now.getTime() / 1000) * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (opts.validYears ?? 5));
  const certificate = createCertificate({
    algorithm: opts.algorithm,
    keys,
    subject: { name: opts.name, title: opts.title, employer: opts.employer },
    notBefore,
    notAfter,
  });
  const fingerprint = certificateFingerprint(certificate);
  const kdf = opts.scrypt ?? defaultScrypt;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(opts.passphrase, salt, kdf), iv);
  cipher.setAAD(associatedData(opts.algorithm, fingerprint));
  const ciphertext = Buffer.concat([cipher.update(keys.privateKey), cipher.final()]);
  return {
    version: 1,
    algorithm: opts.algorithm,
    certificate: Buffer.from(certificate).toString('base64'),
    fingerprint,
    createdAt: opts.now.toISOString(),
    key: {
      kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64') },
      cipher: {
        name: 'aes-256-gcm',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        ciphertext: ciphertext.toString('base64'),
      },
    },
  };
}

/** Validates a stored identity read from disk (JSON already parsed); null/undefined means none was ever created. */
export function readStoredIdentity(value: unknown): { stored: StoredIdentity; certificate: CertificateInfo; certificateDer: Uint8Array } {
  if (value === null || value === undefined) throw new SigningError('identity-missing', signingMessages.identityMissing);
  const parsed = storedIdentitySchema.safeParse(value, chineseMessages);
  if (!parsed.success) throw new SigningError('identity-malformed', signingMessages.identityMalformed(firstProblem(parsed.error)));
  const stored = parsed.data;
  const certificateDer = new Uint8Array(Buffer.from(stored.certificate, 'base64'));
  const certificate = parseCertificate(certificateDer);
  if (certificate.fingerprint !== stored.fingerprint || certificate.algorithm !== stored.algorithm) {
    throw new SigningError('identity-malformed', signingMessages.identityMalformed('证书与记录的指纹或算法不一致'));
  }
  return { stored, certificate, certificateDer };
}

/**
 * Decrypts the private key with the passphrase and returns a Signer, after checking the key belongs to the
 * certificate and the certificate is valid at `now`. Wrong passphrase and a tampered blob both fail the GCM tag.
 */
export async function unlockIdentity(value: unknown, passphrase: string, now: Date): Promise<Signer> {
  const { stored, certificate, certificateDer } = readStoredIdentity(value);
  const { kdf, cipher } = stored.key;
  let privateKey: Uint8Array;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      await deriveKey(passphrase, Buffer.from(kdf.salt, 'base64'), kdf),
      Buffer.from(cipher.iv, 'base64'),
    );
    decipher.setAAD(associatedData(stored.algorithm, stored.fingerprint));
    decipher.setAuthTag(Buffer.from(cipher.tag, 'base64'));
    privateKey = new Uint8Array(Buffer.concat([decipher.update(Buffer.from(cipher.ciphertext, 'base64')), decipher.final()]));
  } catch {
    throw new SigningError('wrong-passphrase', signingMessages.wrongPassphrase);
  }
  let matches: boolean;
  try {
    matches = Buffer.from(publicPointOf(stored.algorithm, privateKey)).equals(Buffer.from(certificate.publicPoint));
  } catch {
    matches = false;
  }
  if (!matches) throw new SigningError('identity-malformed', signingMessages.identityMalformed('私钥与证书不匹配'));
  assertValidAt(certificate, now);
  return {
    algorithm: stored.algorithm,
    certificateDer,
    fingerprint: stored.fingerprint,
    sign: signerFunction(stored.algorithm, { privateKey, publicPoint: certificate.publicPoint }),
  };
}
