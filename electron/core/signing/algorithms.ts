// Owns the two signature algorithms (签名算法) at the byte level: key generation, signing and verifying.
//
// ECDSA P-256 uses Node's crypto (BoringSSL in Electron has it). SM2 with SM3 uses sm-crypto only and never Node's
// crypto, because Electron's BoringSSL has neither SM2 nor SM3. Private keys travel as bytes: PKCS#8 DER for P-256,
// the 32-byte scalar for SM2; public keys as the uncompressed EC point (65 bytes, 0x04 ‖ x ‖ y) for both.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { sm2, type KeyPairPoint } from 'sm-crypto';
import type { SignatureAlgorithm } from './types';

export interface KeyPair {
  privateKey: Uint8Array;
  publicPoint: Uint8Array;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const fromHex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));

/** DER SubjectPublicKeyInfo of a P-256 point: the fixed prefix (id-ecPublicKey, prime256v1, BIT STRING) then the point. */
const p256SpkiPrefix = fromHex('3059301306072a8648ce3d020106082a8648ce3d030107034200');

function p256Spki(point: Uint8Array): Buffer {
  return Buffer.concat([p256SpkiPrefix, point]);
}

/**
 * An SM2 scalar and its point from 320 bits of Node's CSPRNG (reduced mod n by sm-crypto), used for keys and for
 * each signature's nonce k: sm-crypto's own generator is an RC4 stream seeded once per process.
 */
function sm2RandomPoint(): { privateKey: string; publicKey: string } {
  return sm2.generateKeyPairHex(randomBytes(40).toString('hex'), 16);
}

type JsbnBigInteger = new (value: string, radix: number) => KeyPairPoint['k'];
let jsbnBigInteger: JsbnBigInteger | null = null;

/** One nonce point (k, x1 of kG) for sm-crypto's `pointPool`, in jsbn's BigInteger (not a direct dependency of ours: taken from a point sm-crypto made, once). */
function sm2Nonce(): KeyPairPoint {
  const BigInteger = (jsbnBigInteger ??= sm2.getPoint().k.constructor as JsbnBigInteger);
  const { privateKey, publicKey } = sm2RandomPoint();
  return { privateKey, publicKey, k: new BigInteger(privateKey, 16), x1: new BigInteger(publicKey.slice(2, 66), 16) };
}

export function generateKeyPair(algorithm: SignatureAlgorithm): KeyPair {
  if (algorithm === 'sm2') {
    const { privateKey, publicKey } = sm2RandomPoint();
    return { privateKey: fromHex(privateKey), publicPoint: fromHex(publicKey) };
  }
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = pair.publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey: new Uint8Array(pair.privateKey.export({ type: 'pkcs8', format: 'der' })), publicPoint: new Uint8Array(spki.subarray(p256SpkiPrefix.length)) };
}

/** The public point that belongs to a private key: how an unlocked key is matched against its certificate. */
export function publicPointOf(algorithm: SignatureAlgorithm, privateKey: Uint8Array): Uint8Array {
  if (algorithm === 'sm2') return fromHex(sm2.getPublicKeyFromPrivateKey(hex(privateKey)));
  const spki = createPublicKey(createPrivateKey({ key: Buffer.from(privateKey), format: 'der', type: 'pkcs8' })).export({ type: 'spki', format: 'der' });
  return new Uint8Array(spki.subarray(p256SpkiPrefix.length));
}

/** A signing function over whole messages returning DER SEQUENCE { r, s }: SHA-256 for P-256, SM3 with the SM2 Z value (default user id) for SM2. */
export function signerFunction(algorithm: SignatureAlgorithm, keys: KeyPair): (data: Uint8Array) => Uint8Array {
  if (algorithm === 'sm2') {
    const privateHex = hex(keys.privateKey);
    const publicHex = hex(keys.publicPoint);
    return (data) => fromHex(sm2.doSignature(Array.from(data), privateHex, { hash: true, der: true, publicKey: publicHex, pointPool: [sm2Nonce()] }));
  }
  const key = createPrivateKey({ key: Buffer.from(keys.privateKey), format: 'der', type: 'pkcs8' });
  return (data) => new Uint8Array(sign('sha256', data, { key, dsaEncoding: 'der' }));
}

/** Whether `signature` (DER) is a valid signature of `data` by the key at `publicPoint`; false for any malformed input. */
export function verifySignature(algorithm: SignatureAlgorithm, publicPoint: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    if (algorithm === 'sm2') return sm2.doVerifySignature(Array.from(data), hex(signature), hex(publicPoint), { hash: true, der: true });
    const key = createPublicKey({ key: p256Spki(publicPoint), format: 'der', type: 'spki' });
    return verify('sha256', data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}
