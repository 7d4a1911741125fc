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
  return {
    privateKey: new Uint8Array(pair.privateKey.export({ type: 'pkcs8', format: 'der' })),
    publicPoint: new Uint8Array(spki.subarray(p256SpkiPrefix.length)),
  };
}

/** The public point that belongs to a private key: how an unlocked key is matched against its certificate. */
export function publicPointOf(algorithm: SignatureAlgorithm, privateKey: Uint8Array): Uint8Array {
  if (algorithm === 'sm2') return fromHex(sm2.getPublicKeyFromPrivateKey(hex(privateKey)));
  const spki = createPublicKey(createPrivateKey({ key: Buffer.from(privateKey), format: 'der', type: 'pkcs8' })).export({
    type: 'spki',
    format: 'der',
  });
  return new Uint8Array(spki.subarray(p256SpkiPrefix.length));
}

/** The order n of each curve's base point. */
const curveOrder: Record<SignatureAlgorithm, bigint> = {
  'ecdsa-p256': 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  sm2: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
};

function derInteger(n: bigint): Buffer {
  let hexText = n.toString(16);
  if (hexText.length % 2) hexText = `0${hexText}`;
  // A leading 0x00 only when the high bit is set (positive, minimal two's complement).
  if (parseInt(hexText.slice(0, 2), 16) >= 0x80) hexText = `00${hexText}`;
  const body = Buffer.from(hexText, 'hex');
  return Buffer.concat([Buffer.of(0x02, body.length), body]);
}

/** DER SEQUENCE { INTEGER r, INTEGER s } in its one canonical (minimal) encoding. */
function encodeSignature(r: bigint, s: bigint): Uint8Array {
  const body = Buffer.concat([derInteger(r), derInteger(s)]);
  return new Uint8Array(Buffer.concat([Buffer.of(0x30, body.length), body]));
}

/**
 * (r, s) of a signature in canonical DER with 0 < r, s < n; null for anything else — a long-form or padded length,
 * a non-minimal or negative integer, trailing bytes. One signature has exactly one accepted encoding.
 */
export function parseCanonicalSignature(algorithm: SignatureAlgorithm, der: Uint8Array): { r: bigint; s: bigint } | null {
  const b = Buffer.from(der);
  if (b.length < 8 || b[0] !== 0x30 || b[1] !== b.length - 2) return null;
  let at = 2;
  const integer = (): bigint | null => {
    if (b[at] !== 0x02) return null;
    const len = b[at + 1]!;
    if (len === 0 || len > 33 || at + 2 + len > b.length) return null;
    const body = b.subarray(at + 2, at + 2 + len);
    at += 2 + len;
    return BigInt(`0x${body.toString('hex')}`);
  };
  const r = integer();
  const s = integer();
  if (r === null || s === null || at !== b.length) return null;
  const n = curveOrder[algorithm];
  if (r <= 0n || r >= n || s <= 0n || s >= n) return null;
  return Buffer.from(encodeSignature(r, s)).equals(b) ? { r, s } : null;
}

/**
 * ECDSA is malleable: (r, n − s) verifies wherever (r, s) does. P-256 signatures are made low-s (s ≤ n/2, as
 * Bitcoin's BIP 62 and many verifiers require), and only low-s in canonical DER verifies, so a signed file has exactly
 * one valid signature value. SM2's verification equation involves s in t = r + s, so the flip never verifies there.
 */
function lowS(der: Uint8Array): Uint8Array {
  const parsed = parseCanonicalSignature('ecdsa-p256', der);
  if (!parsed) throw new Error('ECDSA signature is not canonical DER');
  const n = curveOrder['ecdsa-p256'];
  return parsed.s > n / 2n ? encodeSignature(parsed.r, n - parsed.s) : der;
}

/** A signing function over whole messages returning DER SEQUENCE { r, s }: SHA-256 for P-256, SM3 with the SM2 Z value (default user id) for SM2. */
export function signerFunction(algorithm: SignatureAlgorithm, keys: KeyPair): (data: Uint8Array) => Uint8Array {
  if (algorithm === 'sm2') {
    const privateHex = hex(keys.privateKey);
    const publicHex = hex(keys.publicPoint);
    return (data) =>
      fromHex(sm2.doSignature(Array.from(data), privateHex, { hash: true, der: true, publicKey: publicHex, pointPool: [sm2Nonce()] }));
  }
  const key = createPrivateKey({ key: Buffer.from(keys.privateKey), format: 'der', type: 'pkcs8' });
  return (data) => lowS(new Uint8Array(sign('sha256', data, { key, dsaEncoding: 'der' })));
}

/**
 * Whether `signature` (DER) is a valid signature of `data` by the key at `publicPoint`; false for any malformed input,
 * for a non-canonical DER encoding (either algorithm), and for a P-256 signature with s > n/2 (see `lowS`).
 */
export function verifySignature(
  algorithm: SignatureAlgorithm,
  publicPoint: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
  options: { requireLowS?: boolean } = {},
): boolean {
  try {
    const parsed = parseCanonicalSignature(algorithm, signature);
    if (!parsed) return false;
    if (algorithm === 'ecdsa-p256' && options.requireLowS !== false && parsed.s > curveOrder['ecdsa-p256'] / 2n) return false;
    if (algorithm === 'sm2') return sm2.doVerifySignature(Array.from(data), hex(signature), hex(publicPoint), { hash: true, der: true });
    const key = createPublicKey({ key: p256Spki(publicPoint), format: 'der', type: 'spki' });
    return verify('sha256', data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}
