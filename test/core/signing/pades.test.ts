// Embedded PAdES signatures: a pdfkit PDF signed with P-256 passes poppler's pdfsig and OpenSSL; SM2 passes our verifier and OpenSSL's SM2; broken inputs fail in Chinese.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { digest, parseSignedData } from '../../../electron/core/signing/cms';
import { signPdf, verifyPdf, type PdfSignatureOptions } from '../../../electron/core/signing/pades';
import type { Signer } from '../../../electron/core/signing/types';
import { tempDir } from '../../helpers/core';
import { opinionPdf, pdfsig } from './padesFixtures';
import { makeTestIdentity, testNow } from './testSigner';

const signedAt = new Date(testNow.getTime() + 30 * 60_000);
const options: PdfSignatureOptions = {
  signedAt,
  name: '王专家',
  reason: '专家个人评审意见',
  location: '北京市',
  contactInfo: 'wang@example.cn',
};
const chinese = /\p{Script=Han}/u;

/** The signed byte ranges and the CMS (without zero padding) of the last signature, read independently of pades.ts. */
function pieces(pdf: Buffer): { content: Buffer; cms: Buffer } {
  const m = [...pdf.toString('latin1').matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g)].pop()!;
  const [a, b, c, d] = m.slice(1).map(Number);
  const contents = Buffer.from(pdf.subarray(b! + 1, c! - 1).toString('latin1'), 'hex');
  const length = 4 + contents.readUInt16BE(2); // 30 82 hi lo: every CMS here is 256 B – 64 KB
  return { content: Buffer.concat([pdf.subarray(a, a! + b!), pdf.subarray(c, c! + d!)]), cms: contents.subarray(0, length) };
}

/** Writes `files` to a fresh folder and runs openssl there; returns stdout+stderr. */
function openssl(args: string[], files: Record<string, Uint8Array>): string {
  const dir = tempDir('rd-pades-ossl-');
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}

let unsigned: Buffer;
beforeAll(async () => {
  unsigned = await opinionPdf();
});

describe('P-256 PAdES signature', () => {
  let signer: Signer;
  let signed: Buffer;
  beforeAll(async () => {
    signer = (await makeTestIdentity('ecdsa-p256', { name: '李工', title: '正高级工程师', employer: '省信息中心' })).signer;
    signed = await signPdf(unsigned, signer, options);
  });

  it('is valid for poppler pdfsig, which sees a PAdES signature over the whole document', () => {
    const out = pdfsig(signed);
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signing Hash Algorithm: SHA-256');
    expect(out).toContain('Signer Certificate Common Name: 李工');
  });

  it('is valid for our verifier, with the signer, fingerprint and /M time', () => {
    const report = verifyPdf(signed);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.signer).toEqual({
      name: '李工',
      title: '正高级工程师',
      employer: '省信息中心',
      fingerprint: signer.fingerprint,
      algorithm: 'ecdsa-p256',
    });
    expect(report.signedAt).toBe(signedAt.toISOString().replace('.000Z', 'Z'));
  });

  it('carries a CAdES B-B CMS that OpenSSL verifies: detached, contentType + messageDigest + signingCertificateV2, no signingTime', () => {
    const { content, cms } = pieces(signed);
    expect(
      openssl(
        ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.der', '-content', 'content.bin', '-noverify', '-out', 'out.bin'],
        { 'sig.der': cms, 'content.bin': content },
      ),
    ).toContain('CMS Verification successful');
    const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der', '-noout'], { 'sig.der': cms });
    expect(printed).toMatch(/d\.signedData:\s+version: 1/);
    expect(printed).toContain('algorithm: sha256 (2.16.840.1.101.3.4.2.1)');
    expect(printed).toContain('algorithm: ecdsa-with-SHA256 (1.2.840.10045.4.3.2)');
    expect(printed).toMatch(/eContent: <ABSENT>/);
    expect(printed).toContain('object: contentType (1.2.840.113549.1.9.3)');
    expect(printed).toContain('object: messageDigest (1.2.840.113549.1.9.4)');
    expect(printed).toMatch(/object: .*\(1\.2\.840\.113549\.1\.9\.16\.2\.47\)/);
    expect(printed).not.toContain('signingTime');
    expect(printed).toContain('d.issuerAndSerialNumber');
  });

  it('writes the Chinese name, reason and location as UTF-16 and keeps the PDF readable (xref offsets intact)', () => {
    const text = signed.toString('latin1');
    const utf16 = (key: string): string => {
      const hex = new RegExp(`/${key} <FEFF([0-9A-F]+)>`).exec(text)![1];
      return Buffer.from(hex!, 'hex').swap16().toString('utf16le');
    };
    expect([utf16('Name'), utf16('Reason'), utf16('Location')]).toEqual(['王专家', '专家个人评审意见', '北京市']);
    expect(text).toContain('/ContactInfo (wang@example.cn)');
    expect(text).toContain('/M (D:20270305093000Z)');
    const file = path.join(tempDir('rd-pades-'), 'signed.pdf');
    writeFileSync(file, signed);
    expect(execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('核减投资');
  });

  it('differs between two signings of the same input only inside /Contents (ECDSA is randomized)', async () => {
    const again = await signPdf(unsigned, signer, options);
    const a = pieces(signed);
    const b = pieces(again);
    expect(again.length).toBe(signed.length);
    expect(b.content.equals(a.content)).toBe(true);
    expect(verifyPdf(again).valid).toBe(true);
  });
});

describe('SM2 PAdES signature', () => {
  let signer: Signer;
  let signed: Buffer;
  beforeAll(async () => {
    signer = (await makeTestIdentity('sm2')).signer;
    signed = await signPdf(unsigned, signer, options);
  });

  it('is valid for our verifier and names the SM2 signer', () => {
    const report = verifyPdf(signed);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.signer).toMatchObject({
      name: '王专家',
      title: '高级工程师',
      employer: '某设计院',
      fingerprint: signer.fingerprint,
      algorithm: 'sm2',
    });
  });

  it('uses the SM3 and SM2 OIDs, an SM3 message digest that OpenSSL agrees with, and an SM2 signature OpenSSL verifies', () => {
    const { content, cms } = pieces(signed);
    const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der', '-noout'], { 'sig.der': cms });
    expect(printed).toContain('algorithm: sm3 (1.2.156.10197.1.401)');
    expect(printed).toContain('algorithm: SM2-with-SM3 (1.2.156.10197.1.501)');
    expect(printed).not.toContain('sha256');

    const parsed = parseSignedData(cms);
    const opensslSm3 = openssl(['dgst', '-sm3', '-hex', 'content.bin'], { 'content.bin': content }).trim().split(' ').pop();
    expect(Buffer.from(digest('sm2', [content])).toString('hex')).toBe(opensslSm3);
    expect(parsed.messageDigest.toString('hex')).toBe(opensslSm3);

    const pem = openssl(['x509', '-inform', 'DER', '-in', 'cert.der', '-pubkey', '-noout'], { 'cert.der': parsed.certificateDer });
    const files = { 'pub.pem': Buffer.from(pem), 'attrs.der': parsed.signedAttributesDer, 'sig.der': parsed.signature };
    const verifySm2 = (id: string) =>
      openssl(['dgst', '-sm3', '-verify', 'pub.pem', '-sigopt', `distid:${id}`, '-signature', 'sig.der', 'attrs.der'], files);
    expect(verifySm2('1234567812345678')).toContain('Verified OK');
    expect(verifySm2('another-user-id')).toContain('Verification failure');
  });

  it('is reported invalid after a byte of the page content changes', () => {
    const copy = Buffer.from(signed);
    copy[Math.floor(pieces(signed).content.length / 3)]! ^= 0x01;
    const report = verifyPdf(copy);
    expect(report.valid).toBe(false);
    expect(report.checks.find((c) => c.id === 'digest')).toMatchObject({ ok: false, message: expect.stringMatching(chinese) });
  });
});

describe('PDFs that do not verify', () => {
  it('signing something that is not a pdfkit PDF fails with a Chinese message', async () => {
    const signer = (await makeTestIdentity()).signer;
    await expect(signPdf(Buffer.from('不是 PDF'), signer, options)).rejects.toThrow(/无法在该 PDF 中加入签名/);
    await expect(signPdf(unsigned.subarray(0, unsigned.length - 10), signer, options)).rejects.toThrow(/只能签署本程序生成的评审意见 PDF/);
  });

  it('an unsigned PDF: invalid, no signer, a Chinese reason', () => {
    const report = verifyPdf(unsigned);
    expect(report).toMatchObject({ kind: 'pdf', valid: false, signer: null, signedAt: null });
    expect(report.checks).toEqual([{ id: 'signature-present', ok: false, message: expect.stringMatching(/没有 PDF 签名/) }]);
  });

  it('a truncated signed PDF: invalid without throwing, at every cut', async () => {
    const signed = await signPdf(unsigned, (await makeTestIdentity()).signer, options);
    for (const length of [0, 1, 100, Math.floor(signed.length / 2), pieces(signed).content.length, signed.length - 1]) {
      const report = verifyPdf(signed.subarray(0, length));
      expect(report.valid, `cut at ${length}`).toBe(false);
      expect(report.checks.at(-1)!.message).toMatch(chinese);
    }
  });

  it('bytes appended after signing (an incremental update): "签名未覆盖整个文件"', async () => {
    const signed = await signPdf(unsigned, (await makeTestIdentity()).signer, options);
    const report = verifyPdf(Buffer.concat([signed, Buffer.from('\n1 0 obj\n(改动)\nendobj\n%%EOF\n')]));
    expect(report.valid).toBe(false);
    expect(report.checks).toEqual([{ id: 'byte-range', ok: false, message: expect.stringContaining('签名未覆盖整个文件') }]);
  });

  it('a certificate that had expired at the signing time: signature intact, certificate check fails in Chinese', async () => {
    const { signer } = await makeTestIdentity('ecdsa-p256', { now: new Date('2020-01-01T00:00:00Z'), validYears: 1 });
    const report = verifyPdf(await signPdf(unsigned, signer, options));
    expect(report.valid).toBe(false);
    expect(report.checks.filter((c) => !c.ok)).toEqual([
      { id: 'certificate-validity', ok: false, message: expect.stringMatching(/证书.*过期/) },
    ]);
    expect(report.checks.find((c) => c.id === 'signature')!.ok).toBe(true);
  });
});
