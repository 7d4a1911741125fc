// Signing identities on real keys: round trips for both algorithms, the key store's failures, certificate contents read by @peculiar/x509 and by openssl.
import { execFileSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import './reflectShim';
import { X509Certificate } from '@peculiar/x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { describe, expect, it } from 'vitest';
import { verifySignature } from '../../../electron/core/signing/algorithms';
import { formatFingerprint, parseCertificate } from '../../../electron/core/signing/certificate';
import { SigningError } from '../../../electron/core/signing/errors';
import { createIdentity, readStoredIdentity, unlockIdentity, type StoredIdentity } from '../../../electron/core/signing/identity';
import { makeTestIdentity, testNow, testPassphrase, testScrypt } from './testSigner';
import { formatDateTime } from '../../../shared/dateTime';

const data = new TextEncoder().encode('专家评审意见：同意立项。');

async function rejection(p: Promise<unknown>): Promise<SigningError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SigningError);
  return err as SigningError;
}

function flipBase64Byte(b64: string, index: number): string {
  const bytes = Buffer.from(b64, 'base64');
  bytes[index % bytes.length]! ^= 0x01;
  return bytes.toString('base64');
}

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

describe.each(['ecdsa-p256', 'sm2'] as const)('identity (%s)', (algorithm) => {
  it('creates, stores as JSON, unlocks and signs; the certificate key verifies and other data does not', async () => {
    const { stored } = await makeTestIdentity(algorithm, { name: '李四', title: '正高级工程师', employer: '重庆市某信息中心' });
    const reread = JSON.parse(JSON.stringify(stored)) as unknown;
    const signer = await unlockIdentity(reread, testPassphrase, testNow);
    expect(signer.algorithm).toBe(algorithm);
    expect(signer.fingerprint).toBe(stored.fingerprint);
    const sig = signer.sign(data);
    expect(sig[0]).toBe(0x30); // DER SEQUENCE { r, s }
    const cert = parseCertificate(signer.certificateDer);
    expect(cert.subject).toEqual({ name: '李四', title: '正高级工程师', employer: '重庆市某信息中心' });
    expect(cert.notBefore.toISOString()).toBe(testNow.toISOString());
    expect(cert.notAfter.toISOString()).toBe('2032-03-05T09:00:00.000Z');
    expect(verifySignature(algorithm, cert.publicPoint, data, sig)).toBe(true);
    // A fresh nonce per signature: signing again gives other bytes that verify too.
    const again = signer.sign(data);
    expect(Buffer.from(again).equals(Buffer.from(sig))).toBe(false);
    expect(verifySignature(algorithm, cert.publicPoint, data, again)).toBe(true);
    expect(verifySignature(algorithm, cert.publicPoint, new TextEncoder().encode('专家评审意见：不同意立项。'), sig)).toBe(false);
    const other = await makeTestIdentity(algorithm);
    expect(verifySignature(algorithm, parseCertificate(other.signer.certificateDer).publicPoint, data, sig)).toBe(false);
  });

  it('refuses a wrong passphrase, and a tampered ciphertext, tag, IV or salt, with the Chinese message', async () => {
    const { stored } = await makeTestIdentity(algorithm);
    const wrong = await rejection(unlockIdentity(stored, `${testPassphrase}x`, testNow));
    expect(wrong.reason).toBe('wrong-passphrase');
    expect(wrong.message).toBe('口令不正确，请重新输入');
    const c = stored.key.cipher;
    const k = stored.key.kdf;
    const tampered: StoredIdentity[] = [
      { ...stored, key: { ...stored.key, cipher: { ...c, ciphertext: flipBase64Byte(c.ciphertext, 7) } } },
      { ...stored, key: { ...stored.key, cipher: { ...c, tag: flipBase64Byte(c.tag, 3) } } },
      { ...stored, key: { ...stored.key, cipher: { ...c, iv: flipBase64Byte(c.iv, 0) } } },
      { ...stored, key: { kdf: { ...k, salt: flipBase64Byte(k.salt, 5) }, cipher: c } },
    ];
    for (const t of tampered) expect((await rejection(unlockIdentity(t, testPassphrase, testNow))).reason).toBe('wrong-passphrase');
  });

  it('refuses a private key moved under another certificate (the certificate is authenticated data)', async () => {
    const a = await makeTestIdentity(algorithm);
    const b = await makeTestIdentity(algorithm);
    const swapped = { ...a.stored, certificate: b.stored.certificate, fingerprint: b.stored.fingerprint };
    expect((await rejection(unlockIdentity(swapped, testPassphrase, testNow))).reason).toBe('wrong-passphrase');
  });

  it('refuses an expired and a not-yet-valid certificate at signing time', async () => {
    const { stored } = await makeTestIdentity(algorithm, { now: new Date('2020-01-01T00:00:00Z'), validYears: 1 });
    const expired = await rejection(unlockIdentity(stored, testPassphrase, testNow));
    expect(expired.reason).toBe('certificate-expired');
    // Written for people, in local time (the certificate ends 2021-01-01T00:00:00Z).
    expect(expired.message).toContain(`证书已于 ${formatDateTime('2021-01-01T00:00:00.000Z')} 过期`);
    expect(expired.message).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const early = await rejection(unlockIdentity(stored, testPassphrase, new Date('2019-06-01T00:00:00Z')));
    expect(early.reason).toBe('certificate-not-yet-valid');
    await expect(unlockIdentity(stored, testPassphrase, new Date('2020-06-01T00:00:00Z'))).resolves.toBeTruthy();
  });

  it('reads back CN, title and O with @peculiar/x509, and the certificate verifies itself', async () => {
    const { signer } = await makeTestIdentity(algorithm, { name: '王五', title: '教授', employer: '某大学' });
    const cert = new X509Certificate(new Uint8Array(signer.certificateDer));
    expect(cert.subjectName.getField('CN')).toEqual(['王五']);
    expect(cert.subjectName.getField('2.5.4.12')).toEqual(['教授']);
    expect(cert.subjectName.getField('O')).toEqual(['某大学']);
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.notAfter.toISOString()).toBe('2032-03-05T09:00:00.000Z');
    // @peculiar/x509 checks ECDSA through WebCrypto; WebCrypto has no SM2, so the SM2 self-signature is checked by openssl below.
    if (algorithm === 'ecdsa-p256')
      expect(await cert.verify({ signatureOnly: true }, webcrypto as unknown as Parameters<typeof cert.verify>[1])).toBe(true);
  });
});

describe('identity errors', () => {
  it('no identity → identity-missing; a broken record → identity-malformed naming the field', async () => {
    expect((await rejection(unlockIdentity(null, testPassphrase, testNow))).reason).toBe('identity-missing');
    const { stored } = await makeTestIdentity('ecdsa-p256');
    const { key: _, ...noKey } = stored;
    const broken = await rejection(unlockIdentity(noKey, testPassphrase, testNow));
    expect(broken.reason).toBe('identity-malformed');
    expect(broken.message).toContain('key');
    expect((await rejection(unlockIdentity({ ...stored, fingerprint: 'a'.repeat(64) }, testPassphrase, testNow))).reason).toBe(
      'identity-malformed',
    );
  });

  it('a malformed certificate (garbage Base64, flipped byte, truncated) → certificate-malformed', async () => {
    const { stored } = await makeTestIdentity('ecdsa-p256');
    const der = Buffer.from(stored.certificate, 'base64');
    const variants = [
      Buffer.from('not a certificate at all').toString('base64'),
      flipBase64Byte(stored.certificate, der.length - 10),
      der.subarray(0, der.length - 1).toString('base64'),
    ];
    for (const certificate of variants) {
      expect(() => readStoredIdentity({ ...stored, certificate })).toThrowError(SigningError);
      try {
        readStoredIdentity({ ...stored, certificate });
      } catch (e) {
        expect((e as SigningError).reason).toBe('certificate-malformed');
        expect((e as SigningError).message).toMatch(/^证书无法解析/);
      }
    }
  });

  it('refuses a passphrase shorter than 8 characters', async () => {
    const err = await rejection(
      createIdentity({
        algorithm: 'ecdsa-p256',
        name: '甲',
        title: '',
        employer: '',
        passphrase: '1234567',
        now: testNow,
        scrypt: testScrypt,
      }),
    );
    expect(err.reason).toBe('passphrase-invalid');
    expect(err.message).toContain('口令至少 8 个字符');
  });

  it('stores the default scrypt cost with the blob', async () => {
    const stored = await createIdentity({
      algorithm: 'ecdsa-p256',
      name: '甲',
      title: '',
      employer: '',
      passphrase: testPassphrase,
      now: testNow,
    });
    expect(stored.key.kdf).toMatchObject({ name: 'scrypt', N: 32768, r: 8, p: 1 });
    expect(Buffer.from(stored.key.cipher.iv, 'base64')).toHaveLength(12);
    await expect(unlockIdentity(stored, testPassphrase, testNow)).resolves.toBeTruthy();
  });
});

describe('fingerprint', () => {
  it('groups the SHA-256 of the certificate in fours for reading aloud', async () => {
    const { signer } = await makeTestIdentity('ecdsa-p256');
    const { short, full } = formatFingerprint(signer.fingerprint);
    expect(full.replace(/ /g, '').toLowerCase()).toBe(signer.fingerprint);
    expect(full.split(' ')).toHaveLength(16);
    expect(short.split(' ')).toHaveLength(8);
    expect(full.startsWith(short)).toBe(true);
    expect(short).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  });
});

describe.skipIf(!hasOpenssl)('openssl reads our certificates', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rd-cert-'));
  const pem = (der: Uint8Array) =>
    `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;

  it('P-256: standard X.509 text, and openssl verifies the self-signature', async () => {
    const { signer } = await makeTestIdentity('ecdsa-p256', { name: '赵六', title: '高级工程师', employer: '某设计院' });
    const file = path.join(dir, 'p256.pem');
    writeFileSync(file, pem(signer.certificateDer));
    const text = execFileSync('openssl', ['x509', '-in', file, '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus'], { encoding: 'utf8' });
    expect(text).toContain('Signature Algorithm: ecdsa-with-SHA256');
    expect(text).toContain('NIST CURVE: P-256');
    expect(text).toContain('CN=赵六');
    expect(text).toContain('title=高级工程师');
    expect(text).toContain('O=某设计院');
    expect(text).toContain('Digital Signature, Non Repudiation');
    expect(text).toContain('Not After : Mar  5 09:00:00 2032 GMT');
    const attime = String(Math.floor(testNow.getTime() / 1000) + 60);
    const out = execFileSync('openssl', ['verify', '-attime', attime, '-check_ss_sig', '-partial_chain', '-CAfile', file, file], {
      encoding: 'utf8',
    });
    expect(out.trim()).toBe(`${file}: OK`);
    const fp = execFileSync('openssl', ['x509', '-in', file, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' });
    expect(fp.split('=')[1]!.trim().replace(/:/g, '').toLowerCase()).toBe(signer.fingerprint);
  });

  it('SM2: openssl names SM2-with-SM3 and verifies the TBS signature with SM3 and the default user id', async () => {
    const { signer } = await makeTestIdentity('sm2');
    const file = path.join(dir, 'sm2.pem');
    writeFileSync(file, pem(signer.certificateDer));
    const text = execFileSync('openssl', ['x509', '-in', file, '-noout', '-text'], { encoding: 'utf8' });
    expect(text).toContain('Signature Algorithm: SM2-with-SM3');
    expect(text).toContain('ASN1 OID: SM2');
    const cert = AsnConvert.parse(signer.certificateDer, Certificate);
    writeFileSync(path.join(dir, 'tbs.der'), Buffer.from(AsnConvert.serialize(cert.tbsCertificate)));
    writeFileSync(path.join(dir, 'sig.der'), Buffer.from(cert.signatureValue));
    writeFileSync(path.join(dir, 'pub.pem'), execFileSync('openssl', ['x509', '-in', file, '-noout', '-pubkey']));
    const verify = (distid: string[]) =>
      execFileSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          path.join(dir, 'pub.pem'),
          '-rawin',
          '-digest',
          'sm3',
          '-in',
          path.join(dir, 'tbs.der'),
          '-sigfile',
          path.join(dir, 'sig.der'),
          ...distid,
        ],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    expect(verify(['-pkeyopt', 'distid:1234567812345678'])).toContain('Signature Verified Successfully');
  });
});
