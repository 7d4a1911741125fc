// Proof that the SM2 path never asks Node's crypto for SM2 or SM3 (Electron's BoringSSL has neither): every call into `node:crypto` is recorded while an SM2 identity is created, unlocked, used and verified.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  const record =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R, describeArgs: (...args: A) => string) =>
    (...args: A): R => {
      calls.push(`${name}:${describeArgs(...args)}`);
      return fn(...args);
    };
  const nameOf = (a: unknown) => (typeof a === 'string' ? a : a === null || a === undefined ? 'default' : 'object');
  const wrapped = {
    ...real,
    createHash: record('createHash', real.createHash, nameOf),
    createHmac: record('createHmac', real.createHmac, nameOf),
    createSign: record('createSign', real.createSign, nameOf),
    createVerify: record('createVerify', real.createVerify, nameOf),
    sign: record('sign', real.sign, nameOf),
    verify: record('verify', real.verify, nameOf),
    generateKeyPair: record(
      'generateKeyPair',
      real.generateKeyPair,
      (type: unknown, opts: unknown) => `${nameOf(type)}/${(opts as { namedCurve?: string })?.namedCurve ?? ''}`,
    ),
    generateKeyPairSync: record(
      'generateKeyPairSync',
      real.generateKeyPairSync,
      (type: unknown, opts: unknown) => `${nameOf(type)}/${(opts as { namedCurve?: string })?.namedCurve ?? ''}`,
    ),
    createPrivateKey: record('createPrivateKey', real.createPrivateKey, () => ''),
    createPublicKey: record('createPublicKey', real.createPublicKey, () => ''),
    createCipheriv: record('createCipheriv', real.createCipheriv, nameOf),
    createDecipheriv: record('createDecipheriv', real.createDecipheriv, nameOf),
    get webcrypto() {
      calls.push('webcrypto');
      return real.webcrypto;
    },
    get subtle() {
      calls.push('subtle');
      return real.subtle;
    },
  };
  return { ...wrapped, default: wrapped };
});

const { makeTestIdentity } = await import('./testSigner');
const { verifySignature } = await import('../../../electron/core/signing/algorithms');
const { parseCertificate } = await import('../../../electron/core/signing/certificate');
const { signDetached, verifyDetached } = await import('../../../electron/core/signing/detached');
const { chainHistory } = await import('../../../electron/core/signing/chain');

describe('the SM2 path and node:crypto', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('the mock records (P-256 control: the same steps do reach Node crypto for signing)', async () => {
    const { signer } = await makeTestIdentity('ecdsa-p256');
    signer.sign(new Uint8Array([1, 2, 3]));
    expect(calls).toContain('generateKeyPairSync:ec/P-256');
    expect(calls).toContain('sign:sha256');
  });

  it('creating, unlocking, signing and verifying with SM2 uses Node crypto only for SHA-256, scrypt and AES-GCM', async () => {
    const { signer } = await makeTestIdentity('sm2');
    const data = new TextEncoder().encode('国密签名');
    const sig = signer.sign(data);
    const cert = parseCertificate(signer.certificateDer);
    expect(verifySignature('sm2', cert.publicPoint, data, sig)).toBe(true);
    const now = new Date('2027-03-06T00:00:00Z');
    const docx = new TextEncoder().encode('PK fake docx bytes');
    const detached = signDetached(docx, '意见.docx', signer, now);
    expect(verifyDetached(docx, detached.bytes, '意见.docx').valid).toBe(true);
    chainHistory([{ at: now.toISOString(), expertId: 'local', field: 'overallOpinion', before: '', after: '同意', kind: 'edit' }]);

    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => /sm2|sm3/i.test(c))).toEqual([]);
    // No asymmetric operation at all goes through Node crypto on the SM path.
    expect(
      calls.filter((c) =>
        /^(sign|verify|createSign|createVerify|generateKeyPair|generateKeyPairSync|createPrivateKey|createPublicKey|webcrypto|subtle)\b/.test(
          c,
        ),
      ),
    ).toEqual([]);
    expect(new Set(calls)).toEqual(new Set(['createHash:sha256', 'createCipheriv:aes-256-gcm', 'createDecipheriv:aes-256-gcm']));
  });
});
