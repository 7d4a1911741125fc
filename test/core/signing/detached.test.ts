// Detached signatures beside a real DOCX, and verifyFile choosing the kind by content: round trips, renamed or missing files, unsigned files, single-byte tampering (property).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import fc from 'fast-check';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { detachedSignatureSuffix, signDetached, verifyDetached } from '../../../electron/core/signing/detached';
import { jcs } from '../../../electron/core/kernel/jcs';
import type { VerificationReport } from '../../../electron/core/signing/types';
import { verifyFile } from '../../../electron/core/signing/verify';
import { tempDir } from '../../helpers/core';
import { makeTestIdentity, testNow, type TestIdentity } from './testSigner';

const chinese = /[\u4e00-\u9fff]/;
const failedIds = (r: VerificationReport) => r.checks.filter((c) => !c.ok).map((c) => c.id);
const docxName = '专家个人评审意见表-测试项目.docx';

let docx: Uint8Array;
let p256: TestIdentity;
let sm2: TestIdentity;
beforeAll(async () => {
  docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('专家个人评审意见：同意立项。')] }] })));
  [p256, sm2] = await Promise.all([makeTestIdentity('ecdsa-p256'), makeTestIdentity('sm2')]);
});

/** Writes the DOCX and its signature into a fresh folder; returns the DOCX path. */
function writePair(signature: Uint8Array, docxBytes = docx): string {
  const dir = tempDir();
  const file = path.join(dir, docxName);
  writeFileSync(file, docxBytes);
  writeFileSync(`${file}${detachedSignatureSuffix}`, signature);
  return file;
}

describe.each(['ecdsa-p256', 'sm2'] as const)('detached signature (%s)', (algorithm) => {
  it('signs a real DOCX and verifies it from either file of the pair', async () => {
    const { signer } = algorithm === 'sm2' ? sm2 : p256;
    expect((await mammoth.extractRawText({ buffer: Buffer.from(docx) })).value).toContain('同意立项');
    const { signature, bytes } = signDetached(docx, `/some/folder/${docxName}`, signer, testNow);
    expect(signature.file).toMatchObject({ name: docxName, bytes: docx.length });
    expect(Buffer.from(bytes).equals(Buffer.from(jcs(signature)))).toBe(true);
    const file = writePair(bytes);
    const renamedSignature = path.join(path.dirname(file), 'signature.json');
    writeFileSync(renamedSignature, bytes);
    for (const report of [
      await verifyFile(file),
      await verifyFile(`${file}${detachedSignatureSuffix}`),
      await verifyFile(renamedSignature),
    ]) {
      expect(failedIds(report)).toEqual([]);
      expect(report).toMatchObject({
        kind: 'docx',
        valid: true,
        signedAt: testNow.toISOString(),
        signer: { name: '王专家', algorithm, fingerprint: signer.fingerprint },
      });
    }
  });
});

describe('detached signature failures', () => {
  it('a changed DOCX, a renamed pair and an expired certificate each fail with a Chinese reason', async () => {
    const { bytes } = signDetached(docx, docxName, p256.signer, testNow);
    const changed = Uint8Array.from(docx);
    changed[changed.length - 30]! ^= 0x20;
    const r1 = verifyDetached(changed, bytes, docxName);
    expect(failedIds(r1)).toEqual(['file-digest']);
    expect(r1.checks.find((c) => c.id === 'file-digest')!.message).toContain('在签名后被修改过');
    const file = writePair(bytes);
    const renamed = path.join(path.dirname(file), '改名.docx');
    renameSync(file, renamed);
    renameSync(`${file}${detachedSignatureSuffix}`, `${renamed}${detachedSignatureSuffix}`);
    expect(failedIds(await verifyFile(renamed))).toEqual(['file-name']);
    const old = await makeTestIdentity('ecdsa-p256', { now: new Date('2020-01-01T00:00:00Z'), validYears: 1 });
    expect(() => signDetached(docx, docxName, old.signer, testNow)).toThrowError(/过期/);
  });

  it('changing any single byte of the DOCX or of its signature file makes verification fail (property, 200 runs)', () => {
    const { bytes: sig } = signDetached(docx, docxName, p256.signer, testNow);
    expect(verifyDetached(docx, sig, docxName).valid).toBe(true);
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 255 }), (inSignature, at, delta) => {
        const target = Uint8Array.from(inSignature ? sig : docx);
        target[at % target.length] = (target[at % target.length]! + delta) % 256;
        const report = inSignature ? verifyDetached(docx, target, docxName) : verifyDetached(target, sig, docxName);
        expect(report.valid).toBe(false);
        expect(report.checks.filter((c) => !c.ok).every((c) => chinese.test(c.message))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('verifyFile', () => {
  it('a file with no signature, and a signature file without its DOCX, are invalid with a Chinese reason', async () => {
    const dir = tempDir();
    const plain = path.join(dir, '未签名.docx');
    writeFileSync(plain, docx);
    const r1 = await verifyFile(plain);
    expect(r1).toMatchObject({ valid: false, signer: null });
    expect(r1.checks[0]!.message).toContain('没有签名');
    const { bytes } = signDetached(docx, '不存在.docx', p256.signer, testNow);
    const lonely = path.join(dir, `不存在.docx${detachedSignatureSuffix}`);
    writeFileSync(lonely, bytes);
    const r2 = await verifyFile(lonely);
    expect(r2.valid).toBe(false);
    expect(r2.checks[0]!.message).toContain('找不到签名文件');
  });

  it('sends a PDF to the PAdES verifier by content, whatever its name', async () => {
    const pdfPath = path.join(tempDir(), 'named-like-a.docx');
    writeFileSync(pdfPath, readFileSync(path.join(__dirname, '../../fixtures/chapters/01-house.pdf')));
    const report = await verifyFile(pdfPath);
    expect(report.kind).toBe('pdf');
    expect(report.valid).toBe(false);
  });
});
