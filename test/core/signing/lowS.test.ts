// Issue 17 item 10: an ECDSA signature (r, s) can be replaced by (r, n − s), which verifies under plain ECDSA. P-256
// signatures must be low-s in canonical DER to verify (result files, PAdES, everything through algorithms.ts), and
// signing always produces low-s. SM2's verification equation already refuses the flip.
import { afterEach, describe, expect, it } from 'vitest';
import { jcs } from '../../../electron/core/kernel/jcs';
import { importPackage } from '../../../electron/core/package/importer';
import { rubricForSession } from '../../../electron/core/scoring/view';
import { parseSignedData } from '../../../electron/core/signing/cms';
import { buildResult, signResult } from '../../../electron/core/signing/result';
import { localExpertId, saveReview, setCompleted } from '../../../electron/core/store/reviews';
import { getSession } from '../../../electron/core/store/sessions';
import { reviewSchema } from '../../../shared/scoring';
import { openTestCore, tempDir, writeMinimalPackage, type TestCore } from '../../helpers/core';
import { signPdf, verifyPdf } from '../../../electron/core/signing/pades';
import type { SignatureAlgorithm, VerificationReport } from '../../../electron/core/signing/types';
import { verifyResultFile } from '../../../electron/core/signing/result';
import { opinionPdf } from './padesFixtures';
import { makeTestIdentity, testNow } from './testSigner';

const order: Record<SignatureAlgorithm, bigint> = {
  'ecdsa-p256': 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  sm2: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
};

function derInteger(n: bigint): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  const body = Buffer.from(hex, 'hex');
  return Buffer.concat([Buffer.of(0x02, body.length), body]);
}

function readDer(der: Uint8Array): { r: bigint; s: bigint } {
  const b = Buffer.from(der);
  let at = b[1]! & 0x80 ? 2 + (b[1]! & 0x7f) : 2;
  const int = () => {
    const len = b[at + 1]!;
    const v = BigInt(`0x${b.subarray(at + 2, at + 2 + len).toString('hex')}`);
    at += 2 + len;
    return v;
  };
  return { r: int(), s: int() };
}

/** (r, s) → (r, n − s), in DER. */
function flip(algorithm: SignatureAlgorithm, der: Uint8Array): Buffer {
  const { r, s } = readDer(der);
  const body = Buffer.concat([derInteger(r), derInteger(order[algorithm] - s)]);
  return Buffer.concat([Buffer.of(0x30, body.length), body]);
}

const cores: TestCore[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.store.close();
});

/** A real signed result file: the minimal package imported, project p1 reviewed and completed, signed by `signer`. */
async function resultFileBytes(signer: Parameters<typeof buildResult>[2]): Promise<Uint8Array> {
  const core = await openTestCore();
  cores.push(core);
  const summary = await importPackage(core.ctx, 'job', await writeMinimalPackage(tempDir()));
  const db = core.store.db;
  const rubric = rubricForSession(db, getSession(db, summary.id)!);
  const blank = reviewSchema.parse({ projectId: 'p1', expertId: localExpertId, rubricFingerprint: rubric.fingerprint });
  saveReview(
    db,
    summary.id,
    'p1',
    { ...blank, conflict: { hasConflict: false, note: '' }, familiarity: 'familiar', overallOpinion: '同意立项。' },
    blank,
    rubric,
    0,
    '2027-03-05T09:01:00.000Z',
  );
  setCompleted(db, summary.id, 'p1', '2027-03-05T09:03:00.000Z', true, '');
  const signedAt = new Date('2027-03-05T10:00:00Z');
  return signResult(buildResult(db, summary.id, signer, signedAt), signer, signedAt).bytes;
}

interface DerNode {
  tag: number;
  bytes: Buffer;
  content: Buffer;
  children?: DerNode[];
}

function readNode(buf: Buffer, at: number): DerNode {
  const tag = buf[at]!;
  let len = buf[at + 1]!;
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = buf.readUIntBE(at + 2, n);
    header += n;
  }
  const content = buf.subarray(at + header, at + header + len);
  const node: DerNode = { tag, bytes: buf.subarray(at, at + header + len), content };
  if (tag & 0x20) {
    node.children = [];
    for (let i = 0; i < content.length;) {
      const child = readNode(content, i);
      node.children.push(child);
      i += child.bytes.length;
    }
  }
  return node;
}

function encodeNode(tag: number, content: Buffer): Buffer {
  const len = content.length;
  const header =
    len < 0x80
      ? Buffer.of(tag, len)
      : len < 0x100
        ? Buffer.of(tag, 0x81, len)
        : len < 0x10000
          ? Buffer.of(tag, 0x82, len >> 8, len & 0xff)
          : Buffer.of(tag, 0x83, len >> 16, (len >> 8) & 0xff, len & 0xff);
  return Buffer.concat([header, content]);
}

/** The CMS with the OCTET STRING holding `from` replaced by one holding `to`, every enclosing length recomputed. */
function replaceOctetString(cms: Buffer, from: Buffer, to: Buffer): Buffer {
  const rebuild = (node: DerNode): Buffer => {
    if (node.tag === 0x04 && node.content.equals(from)) return encodeNode(0x04, to);
    if (!node.children) return node.bytes;
    return encodeNode(node.tag, Buffer.concat(node.children.map(rebuild)));
  };
  return rebuild(readNode(cms, 0));
}

const signatureCheck = (report: VerificationReport) => report.checks.find((c) => c.id === 'signature');

describe('P-256 signatures are low-s', () => {
  it('signing always gives s ≤ n/2, and verification refuses the flipped (r, n − s)', async () => {
    const { signer } = await makeTestIdentity('ecdsa-p256');
    for (let i = 0; i < 40; i++) {
      const data = new TextEncoder().encode(`评审结果 ${i}`);
      const der = signer.sign(data);
      expect(readDer(der).s <= order['ecdsa-p256'] / 2n).toBe(true);
    }
  });

  for (const algorithm of ['ecdsa-p256', 'sm2'] as const) {
    it(`a result file whose ${algorithm} signature is flipped does not verify`, async () => {
      const { signer } = await makeTestIdentity(algorithm);
      const bytes = await resultFileBytes(signer);
      expect(verifyResultFile(bytes).valid).toBe(true);
      const file = JSON.parse(Buffer.from(bytes).toString('utf8'));
      const flipped = {
        ...file,
        signature: { ...file.signature, value: flip(algorithm, Buffer.from(file.signature.value, 'base64')).toString('base64') },
      };
      const report = verifyResultFile(jcs(flipped));
      expect(report.valid).toBe(false);
      // Only the signature is caught: the flipped file is otherwise the signed one.
      expect(report.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['signature']);
      expect(signatureCheck(report)?.ok).toBe(false);
    });

    it(`a PAdES signature (${algorithm}) whose s is flipped inside the CMS does not verify`, async () => {
      const { signer } = await makeTestIdentity(algorithm);
      const source = await opinionPdf();
      const signed = await signPdf(source, signer, { signedAt: testNow, name: '王专家', reason: '专家个人评审意见', location: '会议室' });
      expect(verifyPdf(signed).valid).toBe(true);
      const hex = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(signed.toString('latin1'))!;
      const padded = Buffer.from(hex[1]!, 'hex');
      const cms = readNode(padded, 0).bytes; // /Contents is zero padded after the CMS
      const { signature } = parseSignedData(cms);
      const forged = replaceOctetString(cms, Buffer.from(signature), flip(algorithm, signature));
      expect(Buffer.from(parseSignedData(forged).signature).equals(flip(algorithm, signature))).toBe(true);
      const forgedHex = Buffer.concat([forged, Buffer.alloc(padded.length - forged.length)]).toString('hex');
      const out = Buffer.from(signed);
      out.write(hex[1] === hex[1]!.toLowerCase() ? forgedHex : forgedHex.toUpperCase(), hex.index + hex[0].indexOf('<') + 1, 'latin1');
      const report = verifyPdf(out);
      expect(report.valid).toBe(false);
      expect(report.checks.some((c) => !c.ok)).toBe(true);
    });
  }
});
