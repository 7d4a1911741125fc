// Any single changed byte of a signed PDF makes our verifier say invalid (fast-check over the whole file, the CMS hex and SM2), and pdfsig agrees where it looks.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf, verifyPdf } from '../../../electron/core/signing/pades';
import { opinionPdf, pdfsig, tamper } from './padesFixtures';
import { makeTestSigner, testNow } from './testSigner';

const options = { signedAt: testNow, name: '王专家', reason: '专家个人评审意见', location: '北京市' };

/** Where the last signature's /Contents hex string lies: [start, end) of its hex digits, and how many are CMS (not zero padding). */
function contentsHex(pdf: Buffer): { start: number; end: number; cmsDigits: number } {
  const m = [...pdf.toString('latin1').matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g)].pop()!;
  const [, b, c] = m.slice(1).map(Number);
  const hex = pdf.subarray(b! + 1, c! - 1).toString('latin1');
  return { start: b! + 1, end: c! - 1, cmsDigits: hex.replace(/(00)+$/, '').length };
}

const changedByte = (length: number) => fc.tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: 255 }));

describe('a P-256 signed PDF with one byte changed', () => {
  let signed: Buffer;
  beforeAll(async () => {
    signed = await signPdf(await opinionPdf(), await makeTestSigner('ecdsa-p256'), options);
    expect(verifyPdf(signed).valid).toBe(true);
  });

  it('is never valid, whichever byte of the file changes (300 random positions, random XOR masks)', () => {
    fc.assert(
      fc.property(changedByte(signed.length), ([position, mask]) => !verifyPdf(tamper(signed, position, mask)).valid),
      { numRuns: 300 },
    );
  });

  it('is never valid when the change falls inside the CMS hex digits, including letter-case flips (200 runs)', () => {
    const { start, cmsDigits } = contentsHex(signed);
    const caseFlip = fc.integer({ min: 0, max: cmsDigits - 1 }).map((i) => [start + i, 0x20] as const);
    const anyMask = fc.tuple(fc.integer({ min: start, max: start + cmsDigits - 1 }), fc.integer({ min: 1, max: 255 }));
    fc.assert(
      fc.property(fc.oneof(caseFlip, anyMask), ([position, mask]) => !verifyPdf(tamper(signed, position, mask)).valid),
      { numRuns: 200 },
    );
  });

  it('is also invalid for pdfsig at positions in the signed bytes and in the CMS itself', () => {
    const { start, end } = contentsHex(signed);
    const positions = {
      header: 10,
      pageContent: Math.floor(start / 2),
      byteRangeDigit: signed.lastIndexOf('/ByteRange [0 ') + 14,
      cmsTag: start,
      cmsBody: start + 600,
      trailer: signed.length - 3,
    };
    expect(positions.pageContent).toBeLessThan(start);
    expect(end).toBeLessThan(positions.trailer);
    for (const [where, position] of Object.entries(positions)) {
      // XOR 0x01 keeps hex digits hex digits (0↔1, 2↔3, …, a↔`): pdfsig must reject on content, not on syntax.
      const tampered = tamper(signed, position, 0x01);
      expect(verifyPdf(tampered).valid, where).toBe(false);
      expect(pdfsig(tampered), where).not.toContain('Signature is Valid');
    }
  });
});

describe('an SM2 signed PDF with one byte changed', () => {
  it('is never valid (40 random positions: SM3 in JavaScript is slower)', async () => {
    const signed = await signPdf(await opinionPdf(), await makeTestSigner('sm2'), options);
    expect(verifyPdf(signed).valid).toBe(true);
    fc.assert(
      fc.property(changedByte(signed.length), ([position, mask]) => !verifyPdf(tamper(signed, position, mask)).valid),
      { numRuns: 40 },
    );
  });
});
