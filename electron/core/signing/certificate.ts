// Owns the expert's self-signed X.509 certificate (自签名证书): building it for either algorithm, parsing and checking it, and its fingerprint (证书指纹).
//
// One builder serves both algorithms: the TBSCertificate is assembled with @peculiar/asn1-x509 and signed by our own
// signer function, so the SM2 path never reaches a crypto provider (Electron's BoringSSL lacks SM2/SM3).
import { createHash } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  BasicConstraints,
  Certificate,
  Extension,
  Extensions,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
  id_ce_basicConstraints,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { fingerprintGroups } from '../../../shared/signing';
import { signerFunction, verifySignature, type KeyPair } from './algorithms';
import { SigningError, signingMessages } from './errors';
import type { SignatureAlgorithm } from './types';
import { formatDateTime } from '../../../shared/dateTime';

/** The person a certificate names: 姓名 (CN), 职称 (title, 2.5.4.12), 工作单位 (O). */
export interface CertificateSubject {
  name: string;
  title: string;
  employer: string;
}

export interface CertificateInfo {
  algorithm: SignatureAlgorithm;
  subject: CertificateSubject;
  notBefore: Date;
  notAfter: Date;
  /** Uncompressed EC point of the subject's public key. */
  publicPoint: Uint8Array;
  fingerprint: string;
}

const oid = {
  commonName: '2.5.4.3',
  title: '2.5.4.12',
  organization: '2.5.4.10',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sm2WithSm3: '1.2.156.10197.1.501',
};

/** Per algorithm: the DER of its named-curve OID (prime256v1, sm2p256v1) and its certificate signature algorithm. */
const profiles: Record<SignatureAlgorithm, { curve: string; signature: string }> = {
  'ecdsa-p256': { curve: '06082a8648ce3d030107', signature: oid.ecdsaWithSha256 },
  sm2: { curve: '06082a811ccf5501822d', signature: oid.sm2WithSm3 },
};

const sha256 = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();
const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;

/** SHA-256 of the certificate DER, lowercase hex. */
export function certificateFingerprint(der: Uint8Array): string {
  return sha256(der).toString('hex');
}

/** 64 hex digits → 4-digit groups for reading aloud: the first 8 groups (`short`) and all 16 (`full`). */
export function formatFingerprint(hex: string): { short: string; full: string } {
  const groups = fingerprintGroups(hex);
  return { short: groups.slice(0, 8).join(' '), full: groups.join(' ') };
}

function subjectName(s: CertificateSubject): Name {
  const attributes: [string, string][] = [
    [oid.organization, s.employer],
    [oid.title, s.title],
    [oid.commonName, s.name],
  ];
  return new Name(
    attributes
      .filter(([, value]) => value.trim() !== '')
      .map(
        ([type, value]) =>
          new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value: new AttributeValue({ utf8String: value.trim() }) })]),
      ),
  );
}

function extension(extnID: string, critical: boolean, value: unknown): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

export interface CertificateRequest {
  algorithm: SignatureAlgorithm;
  keys: KeyPair;
  subject: CertificateSubject;
  notBefore: Date;
  notAfter: Date;
}

/** A self-signed v3 certificate (DER) for a key pair: subject = issuer, digitalSignature + nonRepudiation, not a CA. */
export function createCertificate(req: CertificateRequest): Uint8Array {
  const profile = profiles[req.algorithm];
  const keyId = sha256(req.keys.publicPoint).subarray(0, 20);
  const serial = Uint8Array.from(sha256(Buffer.concat([Buffer.from('serial'), req.keys.publicPoint])).subarray(0, 16));
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive and minimally encoded
  const name = subjectName(req.subject);
  const signatureAlgorithm = new AlgorithmIdentifier({ algorithm: profile.signature });
  const tbsCertificate = new TBSCertificate({
    version: Version.v3,
    serialNumber: toArrayBuffer(serial),
    signature: signatureAlgorithm,
    issuer: name,
    validity: new Validity({ notBefore: req.notBefore, notAfter: req.notAfter }),
    subject: name,
    subjectPublicKeyInfo: new SubjectPublicKeyInfo({
      algorithm: new AlgorithmIdentifier({ algorithm: oid.ecPublicKey, parameters: toArrayBuffer(Buffer.from(profile.curve, 'hex')) }),
      subjectPublicKey: toArrayBuffer(req.keys.publicPoint),
    }),
    extensions: new Extensions([
      extension(id_ce_basicConstraints, true, new BasicConstraints({ cA: false })),
      extension(id_ce_keyUsage, true, new KeyUsage(KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation)),
      extension(id_ce_subjectKeyIdentifier, false, new SubjectKeyIdentifier(toArrayBuffer(keyId))),
    ]),
  });
  const signature = signerFunction(req.algorithm, req.keys)(new Uint8Array(AsnConvert.serialize(tbsCertificate)));
  return new Uint8Array(
    AsnConvert.serialize(new Certificate({ tbsCertificate, signatureAlgorithm, signatureValue: toArrayBuffer(signature) })),
  );
}

function malformed(detail: string): SigningError {
  return new SigningError('certificate-malformed', signingMessages.certificateMalformed(detail));
}

function readSubject(name: Name): CertificateSubject {
  const subject: CertificateSubject = { name: '', title: '', employer: '' };
  const field: Record<string, keyof CertificateSubject> = {
    [oid.commonName]: 'name',
    [oid.title]: 'title',
    [oid.organization]: 'employer',
  };
  for (const rdn of name) {
    for (const atv of rdn) {
      const key = field[atv.type];
      if (key) subject[key] = atv.value.toString();
    }
  }

  return subject;
}

/**
 * Parses a certificate this app issued and checks it is self-consistent: strict DER, a supported key and matching
 * signature algorithm, and a self-signature its own public key verifies. Throws SigningError('certificate-malformed').
 */
export function parseCertificate(der: Uint8Array): CertificateInfo {
  let cert: Certificate;
  try {
    cert = AsnConvert.parse(der, Certificate);
  } catch {
    throw malformed('不是有效的 X.509 证书');
  }
  const tbs = cert.tbsCertificate;
  let tbsDer: Uint8Array;
  try {
    tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
    if (!Buffer.from(AsnConvert.serialize(cert)).equals(Buffer.from(der))) throw new Error('not DER');
  } catch {
    throw malformed('编码不规范或含多余字节');
  }
  const spki = tbs.subjectPublicKeyInfo;
  const curve = spki.algorithm.parameters ? Buffer.from(spki.algorithm.parameters).toString('hex') : '';
  const algorithm = (Object.keys(profiles) as SignatureAlgorithm[]).find((a) => profiles[a].curve === curve);
  if (spki.algorithm.algorithm !== oid.ecPublicKey || !algorithm) throw malformed('公钥算法不受支持');
  if (cert.signatureAlgorithm.algorithm !== profiles[algorithm].signature || tbs.signature.algorithm !== profiles[algorithm].signature) {
    throw malformed('签名算法与公钥不一致');
  }
  const publicPoint = new Uint8Array(spki.subjectPublicKey);
  if (publicPoint.length !== 65 || publicPoint[0] !== 0x04) throw malformed('公钥格式不正确');
  // A certificate is pinned by the SHA-256 of its whole DER (its fingerprint, which rosters and reports name), so a
  // flipped self-signature is another certificate; identities made before signing was low-s keep working.
  if (!verifySignature(algorithm, publicPoint, tbsDer, new Uint8Array(cert.signatureValue), { requireLowS: false }))
    throw malformed('证书自签名校验失败');
  return {
    algorithm,
    subject: readSubject(tbs.subject),
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    publicPoint,
    fingerprint: certificateFingerprint(der),
  };
}

/** Throws SigningError when `at` lies outside the certificate's validity (有效期). */
export function assertValidAt(info: CertificateInfo, at: Date): void {
  if (at.getTime() > info.notAfter.getTime()) {
    throw new SigningError(
      'certificate-expired',
      signingMessages.certificateExpired(formatDateTime(info.notAfter.toISOString()), formatDateTime(at.toISOString())),
    );
  }
  if (at.getTime() < info.notBefore.getTime()) {
    throw new SigningError(
      'certificate-not-yet-valid',
      signingMessages.certificateNotYetValid(formatDateTime(info.notBefore.toISOString()), formatDateTime(at.toISOString())),
    );
  }
}
