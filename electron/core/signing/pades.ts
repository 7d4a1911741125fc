// Owns the embedded PAdES signature (PDF 内嵌签名) of an opinion PDF: signing a pdfkit-made PDF and verifying the last signature in any PDF.
//
// Signing: @signpdf/placeholder-plain appends (incremental update, classic xref table) an invisible signature field
// whose /V dictionary has SubFilter ETSI.CAdES.detached, /M = the signing time, and a zero-filled /Contents of
// CONTENTS_BYTES; @signpdf/signpdf fixes /ByteRange and puts the CMS from cms.ts (hex, zero padded) into /Contents.
// Signing is async because @signpdf/signpdf's API is.
//
// Verifying is our own, strict reading: the last /ByteRange must cover the whole file except its /Contents hex
// string, that hex must be one letter case and zero padded after the CMS, and the CMS must be canonical DER — so a
// change to any byte of the file makes some check fail (test/core/signing/pades.property.test.ts).
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignPdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { verifySignature } from './algorithms';
import { assertValidAt, parseCertificate, type CertificateInfo } from './certificate';
import { buildSignedData, CmsError, digest, parseSignedData, type ParsedSignedData } from './cms';
import { SigningError } from './errors';
import type { Signer, VerificationReport } from './types';

/** Room reserved for the CMS (bytes; twice as many hex digits): a certificate plus signature is ~1–2 KB. */
const CONTENTS_BYTES = 8192;

export interface PdfSignatureOptions {
  /** Goes into /M (UTC); PAdES carries the claimed signing time there, not in the CMS. */
  signedAt: Date;
  /** Signer name shown by PDF readers (/Name). */
  name: string;
  /** 签名理由, e.g. 专家评审意见 (/Reason). */
  reason: string;
  /** 签名地点 (/Location). */
  location: string;
  contactInfo?: string;
}

/** @signpdf's signer interface around ours: returns the CMS over the bytes outside /Contents. */
class CmsSigner extends SignPdfSigner {
  constructor(private readonly signer: Signer) {
    super();
  }
  override async sign(signedBytes: Buffer): Promise<Buffer> {
    return buildSignedData(digest(this.signer.algorithm, [signedBytes]), this.signer);
  }
}

/**
 * placeholder-plain writes non-ASCII text strings as UTF-16 but then re-encodes them as UTF-8, garbling Chinese.
 * So each non-ASCII value is first written as an ASCII marker exactly as long as its UTF-16BE hex string, then the
 * `(marker)` is overwritten in place by `<FEFF…>` — same length, so every xref offset stays right.
 */
function textFields(values: string[]): { written: string[]; patch(pdf: Buffer, from: number): void } {
  const patches: { marker: string; hex: string }[] = [];
  const written = values.map((value, i) => {
    if (/^[\x20-\x7e]*$/.test(value)) return value;
    const hex = Buffer.from(`\ufeff${value}`, 'utf16le').swap16().toString('hex').toUpperCase();
    const marker = `RDTEXT${i}`.padEnd(hex.length, '_');
    patches.push({ marker, hex });
    return marker;
  });
  return {
    written,
    patch(pdf, from) {
      for (const { marker, hex } of patches) {
        const at = pdf.indexOf(`(${marker})`, from, 'latin1');
        if (at < 0) throw new Error(`签名字典中找不到待替换的文字字段 ${marker}。`);
        pdf.write(`<${hex}>`, at, 'latin1');
      }
    },
  };
}

/**
 * Signs `pdf` (a pdfkit PDF: classic xref table, ends with %%EOF) with an invisible PAdES B-B signature over the
 * whole file. Throws an Error with a Chinese message when the PDF cannot take a signature.
 */
export async function signPdf(pdf: Uint8Array, signer: Signer, opts: PdfSignatureOptions): Promise<Buffer> {
  const source = Buffer.from(pdf);
  const text = textFields([opts.name, opts.reason, opts.location, opts.contactInfo ?? '']);
  const [name, reason, location, contactInfo] = text.written as [string, string, string, string]; // one per value given
  try {
    const prepared = plainAddPlaceholder({
      pdfBuffer: source,
      name,
      reason,
      location,
      contactInfo,
      signingTime: opts.signedAt,
      signatureLength: CONTENTS_BYTES,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'ReviewDesk',
    });
    text.patch(prepared, source.length - 1);
    return await new SignPdf().sign(prepared, new CmsSigner(signer), opts.signedAt);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new Error(`无法在该 PDF 中加入签名（${detail}）：只能签署本程序生成的评审意见 PDF，请重新生成后再签名。`, { cause: err });
  }
}

type Check = VerificationReport['checks'][number];

/** A failure that ends verification early: the structure is too broken for the later checks to mean anything. */
class Stop extends Error {
  constructor(
    readonly id: string,
    message: string,
  ) {
    super(message);
  }
}

/** Where the last signature sits: its /ByteRange and the decoded CMS from its /Contents. */
interface Located {
  cms: Buffer;
  ranges: Buffer[];
  /** The signature dictionary's text outside /Contents (latin1), for /M. */
  dictionary: string;
}

const byteRangePattern = /\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/y;

function locate(bytes: Buffer): Located {
  const text = bytes.toString('latin1');
  const at = text.lastIndexOf('/ByteRange');
  if (at < 0) throw new Stop('signature-present', '文件中没有 PDF 签名（找不到 /ByteRange）：请确认选择的是已签名的评审意见 PDF。');
  byteRangePattern.lastIndex = at;
  const m = byteRangePattern.exec(text);
  if (!m) throw new Stop('byte-range', '签名字典的 /ByteRange 无法读取，文件可能已被改动或损坏。');
  const [a, b, c, d] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (a !== 0 || b <= at || c <= b + 1 || c + d !== bytes.length) {
    throw new Stop('byte-range', '签名未覆盖整个文件：/ByteRange 之外还有内容（签名后被追加或改动过）。');
  }
  if (text[b] !== '<' || text[c - 1] !== '>' || !/\/Contents\s*$/.test(text.slice(at, b))) {
    throw new Stop('byte-range', '签名未覆盖整个文件：/ByteRange 留出的空隙不正好是签名的 /Contents。');
  }
  // One letter case only: hex decoding ignores case, so a flipped letter would otherwise change no decoded byte.
  const hex = text.slice(b + 1, c - 1);
  if (hex.length % 2 !== 0 || !(/^[0-9a-f]+$/.test(hex) || /^[0-9A-F]+$/.test(hex))) {
    throw new Stop('cms', '签名数据（/Contents）含有非十六进制字符或大小写混用，文件可能已被改动。');
  }
  const contents = Buffer.from(hex, 'hex');
  const length = derElementLength(contents);
  if (length === null || contents.subarray(length).some((x) => x !== 0)) {
    throw new Stop('cms', '签名数据（/Contents）在 CMS 之后还有非零字节，文件可能已被改动。');
  }
  const objStart = text.lastIndexOf(' obj', at);
  const objEnd = text.indexOf('endobj', c);
  return {
    cms: contents.subarray(0, length),
    ranges: [bytes.subarray(a, b), bytes.subarray(c, c + d)],
    dictionary: text.slice(Math.max(objStart, 0), b) + text.slice(c, objEnd < 0 ? text.length : objEnd),
  };
}

/** Total length of the DER element at the start of `bytes` (a SEQUENCE), or null when its header is not DER. */
function derElementLength(bytes: Buffer): number | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  const lengthByte = bytes[1]!;
  const long = lengthByte >= 0x80;
  const n = long ? lengthByte & 0x7f : 0;
  if ((long && (n < 1 || n > 4)) || bytes.length < 2 + n) return null;
  const total = 2 + n + (long ? bytes.readUIntBE(2, n) : lengthByte);

  return total <= bytes.length ? total : null;
}

/** `/M (D:YYYYMMDDHHmmSS[Z|±HH'mm'])` as a Date, or null. */
function signingTime(dictionary: string): Date | null {
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?[^)]*\)/.exec(dictionary);
  if (!m) return null;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const isoDate = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Verifies the last signature in `pdf` (ours or any PAdES/adbe.pkcs7.detached signature over P-256 or SM2). */
export function verifyPdf(pdf: Uint8Array): VerificationReport {
  const checks: Check[] = [];
  const report: VerificationReport = { kind: 'pdf', valid: false, signer: null, signedAt: null, checks };
  const add = (id: string, ok: boolean, failure: string, success: string): void => {
    checks.push({ id, ok, message: ok ? success : failure });
  };
  try {
    const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    const located = locate(bytes);
    add('byte-range', true, '', '签名覆盖除签名值以外的整个文件。');
    let parsed: ParsedSignedData;
    try {
      parsed = parseSignedData(located.cms);
    } catch (err) {
      if (err instanceof CmsError) throw new Stop('cms', err.message);
      throw err;
    }
    add('cms', true, '', '签名数据结构完整。');
    let certificate: CertificateInfo;
    try {
      certificate = parseCertificate(parsed.certificateDer);
    } catch (err) {
      if (err instanceof SigningError) throw new Stop('certificate', err.message);
      throw err;
    }
    if (certificate.algorithm !== parsed.algorithm) throw new Stop('certificate', '证书的公钥算法与签名算法不一致。');
    add('certificate', true, '', '所附证书可以解析，自签名有效。');
    report.signer = { ...certificate.subject, fingerprint: certificate.fingerprint, algorithm: certificate.algorithm };
    add(
      'digest',
      Buffer.from(digest(parsed.algorithm, located.ranges)).equals(parsed.messageDigest),
      '文件内容与签名时不一致：签名后有字节被改动。',
      '文件内容与签名时一致。',
    );
    add(
      'signature',
      verifySignature(parsed.algorithm, certificate.publicPoint, parsed.signedAttributesDer, parsed.signature),
      '签名值与证书公钥不符：签名数据被改动或不是该证书签的。',
      '签名值有效。',
    );
    add(
      'signing-certificate',
      parsed.signingCertificateMatches,
      '签名属性中的证书摘要与所附证书不符：证书被替换过。',
      '签名所用证书与所附证书一致。',
    );
    const signedAt = signingTime(located.dictionary);
    report.signedAt = signedAt ? isoDate(signedAt) : null;
    if (!signedAt) {
      add('certificate-validity', false, '签名字典缺少可读的签名时间 /M，无法判断签名时证书是否有效。', '');
    } else {
      let problem = '';
      try {
        assertValidAt(certificate, signedAt);
      } catch (err) {
        if (!(err instanceof SigningError)) throw err;
        problem = `签名时证书无效：${err.message}`;
      }
      const { notBefore, notAfter } = certificate;
      add('certificate-validity', problem === '', problem, `签名时证书在有效期内（${isoDate(notBefore)} 至 ${isoDate(notAfter)}）。`);
    }
    report.valid = checks.every((c) => c.ok);
  } catch (err) {
    if (err instanceof Stop) checks.push({ id: err.id, ok: false, message: err.message });
    else
      checks.push({
        id: 'read',
        ok: false,
        message: `无法读取该 PDF 的签名：${err instanceof Error ? err.message : String(err)}。文件可能已损坏。`,
      });
  }
  return report;
}
