// `review-desk verify`: exit codes, the Chinese report (signer, fingerprint groups, time, each check) and the --json shape.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli';
import { signDetached } from '../../../electron/core/signing/detached';
import { signPdf } from '../../../electron/core/signing/pades';
import { fingerprintGroups } from '../../../shared/signing';
import { tempDir } from '../../helpers/core';
import { opinionPdf, tamper } from '../signing/padesFixtures';
import { makeTestIdentity, testNow } from '../signing/testSigner';

let dir: string;
let fingerprint: string;
let signedPdf: Buffer;

beforeAll(async () => {
  const { signer } = await makeTestIdentity('sm2');
  fingerprint = signer.fingerprint;
  dir = tempDir('rd-cli-verify-');
  signedPdf = await signPdf(await opinionPdf(), signer, {
    signedAt: testNow,
    name: '王专家',
    reason: '专家个人评审意见',
    location: '会议室',
  });
  writeFileSync(path.join(dir, 'opinion.pdf'), signedPdf);
  const docx = new TextEncoder().encode('PK fake docx bytes for a detached signature');
  writeFileSync(path.join(dir, 'opinion.docx'), docx);
  writeFileSync(path.join(dir, 'opinion.docx.sig.json'), signDetached(docx, 'opinion.docx', signer, testNow).bytes);
  writeFileSync(path.join(dir, 'unsigned.docx'), docx);
});

async function verify(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await run(['verify', ...args], (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('review-desk verify', () => {
  it('exits 0 for a signed PDF and prints signer, fingerprint in groups, time and every check', async () => {
    const res = await verify([path.join(dir, 'opinion.pdf')]);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^✓ 签名有效：PDF 文件 /);
    expect(res.out).toContain('签名人：王专家（高级工程师，某设计院）');
    expect(res.out).toContain(`证书指纹：${fingerprintGroups(fingerprint).join(' ')}`);
    expect(res.out).toContain('签名算法：SM2 / SM3（国密）');
    expect(res.out).toMatch(/签名时间：2027-03-05T09:00:00(\.000)?Z/);
    expect(res.out).not.toContain('✗');
    expect((res.out.match(/^ {4}✓ /gm) ?? []).length).toBeGreaterThan(2);
  });

  it('exits 1 for a PDF with a changed byte and says which check failed', async () => {
    const file = path.join(dir, 'tampered.pdf');
    writeFileSync(file, tamper(signedPdf, 400, 0x20));
    const res = await verify([file]);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/^✗ 签名无效/);
    expect(res.out).toMatch(/^ {4}✗ \S/m);
  });

  it('checks a DOCX against the .sig.json beside it, and calls a DOCX without one invalid', async () => {
    expect((await verify([path.join(dir, 'opinion.docx')])).code).toBe(0);
    const unsigned = await verify([path.join(dir, 'unsigned.docx')]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.out).toContain('没有签名');
  });

  it('prints the report as JSON under --json', async () => {
    const res = await verify([path.join(dir, 'opinion.pdf'), '--json']);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.out);
    expect(report).toMatchObject({
      kind: 'pdf',
      valid: true,
      signer: { name: '王专家', fingerprint, algorithm: 'sm2' },
      signedAt: expect.stringMatching(/^2027-03-05T09:00:00/),
    });
    expect(report.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
    const missing = await verify([path.join(dir, 'nope.pdf'), '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toMatchObject({ valid: false, error: expect.stringContaining('无法读取文件') });
  });

  it('exits 2 with the usage text for a missing file argument, two files or an unknown option', async () => {
    for (const args of [[], ['a.pdf', 'b.pdf'], ['a.pdf', '--bogus']]) {
      const res = await verify(args);
      expect(res.code).toBe(2);
      expect(res.out).toContain('review-desk verify <文件> [--json]');
    }
  });
});
