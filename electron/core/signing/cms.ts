// Owns CMS SignedData (RFC 5652) as PAdES B-B needs it: building the detached CAdES signature over a digest, and reading one back strictly.
//
// What we write (ETSI EN 319 142-1 PAdES-B-B, EN 319 122-1 CAdES): SignedData version 1, one digest algorithm,
// encapContentInfo id-data without content (detached), the signer's certificate, one SignerInfo (version 1,
// issuerAndSerialNumber) whose signed attributes are contentType, messageDigest and ESS signingCertificateV2 (RFC 5035)
// — no signingTime: PAdES puts the claimed time in the signature dictionary's /M instead.
// P-256: SHA-256 digests, ecdsa-with-SHA256. SM2 (国密): SM3 digests via sm-crypto, SM2-with-SM3 signature OID.
//
// Reading is strict on purpose: the CMS must re-encode to exactly the bytes it was read from (canonical DER), so no
// byte of it can change without changing a value that a check below looks at.
import { AsnConvert, AsnObjectIdentifierConverter, AsnProp, AsnType, AsnTypeTypes, OctetString } from '@peculiar/asn1-schema';
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
  DigestAlgorithmIdentifiers,
  id_data,
  id_signedData,
} from '@peculiar/asn1-cms';
import { AlgorithmIdentifier, Certificate } from '@peculiar/asn1-x509';
import { createHash } from 'node:crypto';
import { sm3 } from 'sm-crypto';
import type { SignatureAlgorithm, Signer } from './types';

const OID = {
  data: id_data,
  signedData: id_signedData,
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  /** SM3 杂凑算法 (GM/T 0006). */
  sm3: '1.2.156.10197.1.401',
  /** SM2 签名 with SM3 (GM/T 0006 sm2sign-with-sm3). */
  sm2WithSm3: '1.2.156.10197.1.501',
} as const;

/** Digest and signature OIDs per algorithm. */
const SUITE: Record<SignatureAlgorithm, { digest: string; signature: string }> = {
  'ecdsa-p256': { digest: OID.sha256, signature: OID.ecdsaWithSha256 },
  sm2: { digest: OID.sm3, signature: OID.sm2WithSm3 },
};

// ESS signingCertificateV2 (RFC 5035), declared without decorator syntax: the schema decorators are applied as calls.
class EssCertIdV2 {
  /** DEFAULT sha256: absent for SHA-256, present (SM3) for SM2 signatures. */
  hashAlgorithm?: AlgorithmIdentifier;
  certHash = new OctetString();
}
AsnProp({ type: AlgorithmIdentifier, optional: true })(EssCertIdV2.prototype, 'hashAlgorithm');
AsnProp({ type: OctetString })(EssCertIdV2.prototype, 'certHash');
AsnType({ type: AsnTypeTypes.Sequence })(EssCertIdV2);

class SigningCertificateV2 {
  certs: EssCertIdV2[] = [];
}
AsnProp({ type: EssCertIdV2, repeated: 'sequence' })(SigningCertificateV2.prototype, 'certs');
AsnType({ type: AsnTypeTypes.Sequence })(SigningCertificateV2);

/** Hashes `chunks` with the digest of `algorithm`: SHA-256 (Node) or SM3 (sm-crypto; Electron's BoringSSL has no SM3). */
export function digest(algorithm: SignatureAlgorithm, chunks: Uint8Array[]): Uint8Array {
  if (algorithm === 'sm2') return Buffer.from(sm3(Buffer.concat(chunks)), 'hex');
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest();
}

const der = (value: unknown): Buffer => Buffer.from(AsnConvert.serialize(value));
const oidDer = (oid: string): Buffer => Buffer.from(AsnObjectIdentifierConverter.toASN(oid).toBER(false));

/** DER length octets for `n` content bytes. */
function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** DER SET OF Attribute: the bytes a CMS signature covers (RFC 5652 §5.4), members in the given order. */
function attributeSet(attributes: Attribute[]): Buffer {
  const body = Buffer.concat(attributes.map(der));
  return Buffer.concat([Buffer.from([0x31]), derLength(body.length), body]);
}

/** `attributes` in DER SET OF order (X.690 §11.6: by their encodings). */
const derOrder = (attributes: Attribute[]): Attribute[] =>
  attributes
    .map((a) => ({ a, bytes: der(a) }))
    .sort((x, y) => Buffer.compare(x.bytes, y.bytes))
    .map((e) => e.a);

function essCertHash(algorithm: SignatureAlgorithm, certificateDer: Uint8Array): EssCertIdV2 {
  const id = new EssCertIdV2();
  id.certHash = new OctetString(digest(algorithm, [certificateDer]));
  if (algorithm === 'sm2') id.hashAlgorithm = new AlgorithmIdentifier({ algorithm: OID.sm3 });
  return id;
}

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;

/**
 * A detached CMS SignedData (DER ContentInfo) whose messageDigest is `contentDigest` — the digest of the signed
 * bytes computed with `digest(signer.algorithm, …)`.
 */
export function buildSignedData(contentDigest: Uint8Array, signer: Signer): Buffer {
  const suite = SUITE[signer.algorithm];
  const certificate = AsnConvert.parse(signer.certificateDer, Certificate);
  const signingCertificate = new SigningCertificateV2();
  signingCertificate.certs = [essCertHash(signer.algorithm, signer.certificateDer)];
  const signedAttrs = derOrder([
    new Attribute({ attrType: OID.contentType, attrValues: [toArrayBuffer(oidDer(OID.data))] }),
    new Attribute({ attrType: OID.messageDigest, attrValues: [AsnConvert.serialize(new OctetString(contentDigest))] }),
    new Attribute({ attrType: OID.signingCertificateV2, attrValues: [AsnConvert.serialize(signingCertificate)] }),
  ]);
  const signerInfo = new SignerInfo({
    version: 1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({
        issuer: certificate.tbsCertificate.issuer,
        serialNumber: certificate.tbsCertificate.serialNumber,
      }),
    }),
    digestAlgorithm: new AlgorithmIdentifier({ algorithm: suite.digest }),
    signedAttrs,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: suite.signature }),
    signature: new OctetString(signer.sign(attributeSet(signedAttrs))),
  });
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([new AlgorithmIdentifier({ algorithm: suite.digest })]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: new CertificateSet([new CertificateChoices({ certificate })]),
    signerInfos: new SignerInfos([signerInfo]),
  });
  return der(new ContentInfo({ contentType: OID.signedData, content: AsnConvert.serialize(signedData) }));
}

/** A CMS that failed a structural check: `message` is Chinese and says what is wrong. */
export class CmsError extends Error {}

/** What a parsed PAdES CMS says; the caller checks the digest and signature against the PDF. */
export interface ParsedSignedData {
  algorithm: SignatureAlgorithm;
  /** The embedded signer certificate, exactly as embedded (canonical DER). */
  certificateDer: Buffer;
  messageDigest: Buffer;
  /** DER SET OF signed attributes: the exact bytes the signature covers. */
  signedAttributesDer: Buffer;
  signature: Buffer;
  /** Whether signingCertificateV2 names the embedded certificate (hash of its DER). */
  signingCertificateMatches: boolean;
}

const check = (ok: boolean, message: string): void => {
  if (!ok) throw new CmsError(message);
};

/** Parameters must be absent (what we write) or NULL (what some writers put after SHA-256). */
const plainAlgorithm = (a: AlgorithmIdentifier, oid: string): boolean =>
  a.algorithm === oid &&
  (a.parameters === undefined || (a.parameters !== null && Buffer.from(a.parameters).equals(Buffer.from([0x05, 0x00]))));

/** Parses `cms` (the DER without the /Contents zero padding) and checks its structure; throws CmsError. */
export function parseSignedData(cms: Uint8Array): ParsedSignedData {
  let contentInfo: ContentInfo;
  let signedData: SignedData;
  try {
    contentInfo = AsnConvert.parse(cms, ContentInfo);
    signedData = AsnConvert.parse(contentInfo.content, SignedData);
  } catch {
    throw new CmsError('签名数据（/Contents）不是可读的 CMS 结构，文件可能已被改动或损坏。');
  }
  check(contentInfo.contentType === OID.signedData, '签名数据不是 CMS SignedData。');
  check(
    der(contentInfo).equals(Buffer.from(cms)) && der(signedData).equals(Buffer.from(contentInfo.content)),
    '签名数据不是规范的 DER 编码，文件可能已被改动。',
  );
  check(signedData.version === 1 && signedData.signerInfos.length === 1, '签名数据应为版本 1 且只含一个签名者。');
  const signerInfo = signedData.signerInfos[0]!; // exactly one, checked above
  const algorithm = (Object.keys(SUITE) as SignatureAlgorithm[]).find((a) =>
    plainAlgorithm(signerInfo.signatureAlgorithm, SUITE[a].signature),
  );
  check(algorithm !== undefined, `不支持的签名算法 ${signerInfo.signatureAlgorithm.algorithm}：仅支持 ECDSA P-256 与 SM2。`);
  const suite = SUITE[algorithm!];
  check(
    signerInfo.version === 1 &&
      plainAlgorithm(signerInfo.digestAlgorithm, suite.digest) &&
      signedData.digestAlgorithms.length === 1 &&
      plainAlgorithm(signedData.digestAlgorithms[0]!, suite.digest),
    '签名数据的摘要算法与签名算法不匹配。',
  );
  check(
    signedData.encapContentInfo.eContentType === OID.data &&
      signedData.encapContentInfo.eContent === undefined &&
      signedData.crls === undefined,
    '签名数据应为不含内容的分离式签名（id-data）。',
  );
  const certificates = signedData.certificates ?? [];
  check(certificates.length === 1 && certificates[0]!.certificate !== undefined, '签名数据应正好包含签名者的一张证书。');
  const certificate = certificates[0]!.certificate!;
  const certificateDer = der(certificate);
  const sid = signerInfo.sid.issuerAndSerialNumber;
  check(
    sid !== undefined &&
      der(sid.issuer).equals(der(certificate.tbsCertificate.issuer)) &&
      Buffer.from(sid.serialNumber).equals(Buffer.from(certificate.tbsCertificate.serialNumber)),
    '签名者标识（颁发者与序列号）与所附证书不符。',
  );
  check(signerInfo.signedAttrs !== undefined, '签名数据缺少签名属性。');
  const attrs = signerInfo.signedAttrs!;
  const single = (oid: string): Buffer => {
    const found = attrs.filter((a) => a.attrType === oid);
    check(found.length === 1 && found[0]!.attrValues.length === 1, `签名属性 ${oid} 缺失或重复。`);
    return Buffer.from(found[0]!.attrValues[0]!);
  };
  check(single(OID.contentType).equals(oidDer(OID.data)), '签名属性 contentType 应为 id-data。');
  const messageDigest = Buffer.from(AsnConvert.parse(single(OID.messageDigest), OctetString).buffer);
  const essIds = AsnConvert.parse(single(OID.signingCertificateV2), SigningCertificateV2).certs;
  const expected = essCertHash(algorithm!, certificateDer);
  const essId = essIds[0];
  const signingCertificateMatches =
    essId !== undefined &&
    (essId.hashAlgorithm === undefined ? undefined : essId.hashAlgorithm.algorithm) === expected.hashAlgorithm?.algorithm &&
    Buffer.from(essId.certHash.buffer).equals(Buffer.from(expected.certHash.buffer));

  // The DER check above means re-encoding the attributes in their parsed order gives back the signed bytes
  // (asn1-schema keeps no raw bytes for repeated fields).
  const signedAttributesDer = attributeSet(attrs);
  return {
    algorithm: algorithm!,
    certificateDer,
    messageDigest,
    signedAttributesDer,
    signature: Buffer.from(signerInfo.signature.buffer),
    signingCertificateMatches,
  };
}
