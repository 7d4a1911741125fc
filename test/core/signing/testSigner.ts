// Throwaway signing identities for tests: cheap scrypt (N = 2^10) so each costs milliseconds, not a tenth of a second.
import { createIdentity, unlockIdentity, type StoredIdentity } from '../../../electron/core/signing/identity';
import type { SignatureAlgorithm, Signer } from '../../../electron/core/signing/types';

export const testPassphrase = '测试口令-passphrase';
export const testScrypt = { N: 2 ** 10, r: 8, p: 1 };
export const testNow = new Date('2027-03-05T09:00:00Z');

export interface TestIdentity {
  stored: StoredIdentity;
  signer: Signer;
}

/** A fresh identity (王专家, 高级工程师, 某设计院 unless overridden) valid from `now` for `validYears`, already unlocked at `now`. */
export async function makeTestIdentity(
  algorithm: SignatureAlgorithm = 'ecdsa-p256',
  opts: { name?: string; title?: string; employer?: string; now?: Date; validYears?: number } = {},
): Promise<TestIdentity> {
  const now = opts.now ?? testNow;
  const stored = await createIdentity({
    algorithm,
    name: opts.name ?? '王专家',
    title: opts.title ?? '高级工程师',
    employer: opts.employer ?? '某设计院',
    passphrase: testPassphrase,
    now,
    validYears: opts.validYears,
    scrypt: testScrypt,
  });
  return { stored, signer: await unlockIdentity(stored, testPassphrase, now) };
}

/** Just the Signer (what PDF and DOCX signing tests need). */
export async function makeTestSigner(algorithm: SignatureAlgorithm = 'ecdsa-p256'): Promise<Signer> {
  return (await makeTestIdentity(algorithm)).signer;
}
