// Signing bench: sign + verify of a 3-page opinion PDF (embedded PAdES) with ECDSA P-256 and SM2, p50 of N runs, next to `openssl cms -sign` / `-verify` of the same bytes with a P-256 key in the same run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { createIdentity, unlockIdentity } from '../electron/core/signing/identity';
import { signPdf, verifyPdf } from '../electron/core/signing/pades';
import type { SignatureAlgorithm, Signer } from '../electron/core/signing/types';
import { p50 } from './stats';

const RUNS = 30;
const WARMUP = 3;
const fontPath = createRequire(__filename).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** A 3-page opinion-like PDF as pdfkit makes them (classic xref, embedded CJK subset), fixed dates so the bytes repeat. */
function threePagePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: '专家个人评审意见表', CreationDate: new Date('2027-03-05T08:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const para =
    '项目建设依据充分，符合区级政务信息化建设规划和部门信息化整合建设总体方案。建设内容与业务需求匹配，技术路线成熟可行，投资估算基本合理。';
  doc.font(fontPath).fontSize(18).text('专家个人评审意见表', { align: 'center' });
  for (let page = 0; page < 3; page++) {
    if (page > 0) doc.addPage();
    for (let i = 0; i < 14; i++) doc.fontSize(12).text(`${page * 14 + i + 1}. ${para}`, { paragraphGap: 6 });
  }
  doc.end();
  return done;
}

async function signer(algorithm: SignatureAlgorithm, now: Date): Promise<{ signer: Signer; unlockMs: number }> {
  const stored = await createIdentity({
    algorithm,
    name: '王专家',
    title: '高级工程师',
    employer: '某设计院',
    passphrase: 'bench-passphrase',
    now,
  });
  const start = process.hrtime.bigint();
  const s = await unlockIdentity(stored, 'bench-passphrase', now);
  return { signer: s, unlockMs: ms(start) };
}

function openssl(args: string[]): number {
  const start = process.hrtime.bigint();
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return ms(start);
}

export async function benchSigning(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rd-bench-signing-'));
  try {
    const now = new Date();
    const pdf = await threePagePdf();
    const pdfFile = path.join(dir, 'opinion.pdf');
    writeFileSync(pdfFile, pdf);
    const [key, cert, sigFile] = ['key.pem', 'cert.pem', 'sig.der'].map((f) => path.join(dir, f)) as [string, string, string];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=bench',
        '-days',
        '1',
      ],
      { stdio: 'ignore' },
    );
    const sslSign = [
      'cms',
      '-sign',
      '-binary',
      '-in',
      pdfFile,
      '-signer',
      cert,
      '-inkey',
      key,
      '-md',
      'sha256',
      '-outform',
      'DER',
      '-out',
      sigFile,
    ];
    const sslVerify = [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      sigFile,
      '-content',
      pdfFile,
      '-CAfile',
      cert,
      '-purpose',
      'any',
      '-out',
      os.devNull,
    ];
    const identities = { 'ecdsa-p256': await signer('ecdsa-p256', now), sm2: await signer('sm2', now) };

    const times: Record<string, { sign: number[]; verify: number[] }> = {
      'ecdsa-p256': { sign: [], verify: [] },
      sm2: { sign: [], verify: [] },
      openssl: { sign: [], verify: [] },
    };
    const spawn: number[] = [];
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const keep = run >= WARMUP;
      // Interleaved, so a busy moment of the shared machine hits all three alike.
      for (const algorithm of ['ecdsa-p256', 'sm2'] as const) {
        let start = process.hrtime.bigint();
        const signed = await signPdf(pdf, identities[algorithm].signer, {
          signedAt: now,
          name: '王专家',
          reason: '专家个人评审意见',
          location: '会议室',
        });
        const signMs = ms(start);
        start = process.hrtime.bigint();
        const report = verifyPdf(signed);
        const verifyMs = ms(start);
        if (!report.valid) throw new Error(`${algorithm}: the signed PDF does not verify`);
        if (keep) {
          times[algorithm]!.sign.push(signMs);
          times[algorithm]!.verify.push(verifyMs);
        }
      }
      const sslSignMs = openssl(sslSign);
      const sslVerifyMs = openssl(sslVerify);
      const spawnMs = openssl(['version']);
      if (keep) {
        times.openssl!.sign.push(sslSignMs);
        times.openssl!.verify.push(sslVerifyMs);
        spawn.push(spawnMs);
      }
    }

    const rows = Object.entries(times).map(([name, t]) => {
      const total = t.sign.map((s, i) => s + t.verify[i]!);
      return { name, signP50Ms: +p50(t.sign)!.toFixed(2), verifyP50Ms: +p50(t.verify)!.toFixed(2), totalP50Ms: +p50(total)!.toFixed(2) };
    });
    const sslTotal = rows.find((r) => r.name === 'openssl')!.totalP50Ms;
    console.log(
      `\n签名与验证：3 页评审意见 PDF（${(pdf.length / 1024).toFixed(0)} KB），每项 ${RUNS} 次取中位数（先预热 ${WARMUP} 次），与 openssl cms（P-256，同一字节）交替计时`,
    );
    console.table(
      rows.map((r) => ({
        方式: r.name === 'openssl' ? 'openssl cms -sign / -verify' : `评审工作台 PAdES（${r.name === 'sm2' ? 'SM2/SM3' : 'ECDSA P-256'}）`,
        '签名 p50 (ms)': r.signP50Ms,
        '验证 p50 (ms)': r.verifyP50Ms,
        '合计 p50 (ms)': r.totalP50Ms,
        '相对 openssl': `${(r.totalP50Ms / sslTotal).toFixed(2)}×`,
      })),
    );
    const spawnP50 = p50(spawn);
    console.log(`openssl 每次是一个新进程：\`openssl version\` 的启动开销 p50 ${spawnP50!.toFixed(2)} ms，已含在其两项计时中。`);
    console.log(
      `解锁签名身份（scrypt N=2^15 + AES-256-GCM）：P-256 ${identities['ecdsa-p256'].unlockMs.toFixed(0)} ms，SM2 ${identities.sm2.unlockMs.toFixed(0)} ms（每次签名或导出一次，不计入上表）。`,
    );
    return {
      pdfBytes: pdf.length,
      pages: 3,
      runs: RUNS,
      rows,
      opensslSpawnP50Ms: +spawnP50!.toFixed(2),
      unlockMs: { 'ecdsa-p256': identities['ecdsa-p256'].unlockMs, sm2: identities.sm2.unlockMs },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
