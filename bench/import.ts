// Import bench: package import throughput next to `openssl dgst -sha256` over the same bytes, and peak RSS as packages grow.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { writePackageZip } from '../electron/core/package/write';
import { p50 } from './stats';

const SIZES_MB = [20, 100, 200];
const FILE_MB = 10;
const RUNS = 3;

interface Row {
  sizeMb: number;
  bytes: number;
  opensslMs: number;
  copyMs: number;
  importMs: number;
  importVsOpenssl: number;
  peakRssMb: number;
}

/** A package of incompressible documents (worst case for hashing and inflating), written as a real .rpkg. */
async function makePackage(root: string, sizeMb: number): Promise<{ zip: string; files: string[]; bytes: number }> {
  const folder = path.join(root, `pkg-${sizeMb}`);
  const documents = [];
  const files: string[] = [];
  for (let i = 0; i < sizeMb / FILE_MB; i++) {
    const rel = `documents/p1/附件${i}.pdf`;
    const data = randomBytes(FILE_MB * 2 ** 20);
    const full = path.join(folder, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, data);
    files.push(full);
    documents.push({
      id: `d${i}`,
      kind: 'other',
      title: `附件${i}`,
      path: rel,
      sha256: createHash('sha256').update(data).digest('hex'),
      bytes: data.length,
    });
  }
  const manifest = {
    formatVersion: 1,
    packageId: '00000000-0000-4000-8000-0000000000' + String(sizeMb).padStart(2, '0').slice(-2),
    createdAt: '2027-01-01T00:00:00Z',
    issuer: '基准测试',
    jurisdiction: 'national',
    session: { title: `基准 ${sizeMb} MB`, date: '2027-01-01', experts: [{ name: '专家' }], chair: '专家' },
    projects: [{ id: 'p1', name: '基准项目', applicant: '单位', type: 'new', totalInvestment: 1, inAnnualPlan: true, documents }],
  };
  writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest));
  const zip = path.join(root, `pkg-${sizeMb}.rpkg`);
  await writePackageZip(folder, zip);
  return { zip, files, bytes: sizeMb * 2 ** 20 };
}

/**
 * The copy floor: an import must write every byte into the data folder. `dd` reads and writes like the import does;
 * `cp` is no floor, as it may clone blocks (copy_file_range, reflink) without writing them.
 */
function timeCopy(files: string[], root: string): number {
  const target = path.join(root, 'dd-target');
  mkdirSync(target, { recursive: true });
  const start = process.hrtime.bigint();
  for (const [i, file] of files.entries()) execFileSync('dd', [`if=${file}`, `of=${path.join(target, String(i))}`, 'bs=1M', 'status=none']);
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  rmSync(target, { recursive: true, force: true });
  return elapsed;
}

function timeOpenssl(files: string[]): number {
  const start = process.hrtime.bigint();
  execFileSync('openssl', ['dgst', '-sha256', ...files], { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The import runs bundled, as the shipped app runs it (no TypeScript compilation in the timing), with its worker beside it. */
function bundleImportChild(): string {
  const outdir = path.join(__dirname, 'work');
  buildSync({
    entryPoints: {
      'import-child': path.join(__dirname, 'import-child.ts'),
      'workers/stage': path.join(__dirname, '../electron/core/package/stageWorker.ts'),
    },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outExtension: { '.js': '.cjs' },
    logLevel: 'warning',
  });
  return path.join(outdir, 'import-child.cjs');
}

function timeImport(child: string, zip: string): { ms: number; maxRssMb: number } {
  const res = spawnSync(process.execPath, [child, zip], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(res.stderr);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!);
}

export async function benchImport(): Promise<Record<string, unknown>> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rd-bench-pkg-'));
  const rows: Row[] = [];
  const child = bundleImportChild();
  try {
    for (const sizeMb of SIZES_MB) {
      const pkg = await makePackage(root, sizeMb);
      const openssl: number[] = [];
      const copies: number[] = [];
      const imports: { ms: number; maxRssMb: number }[] = [];
      // Interleaved so both see the same page-cache and CPU conditions.
      for (let run = 0; run < RUNS; run++) {
        openssl.push(timeOpenssl(pkg.files));
        copies.push(timeCopy(pkg.files, root));
        imports.push(timeImport(child, pkg.zip));
      }
      const opensslMs = p50(openssl);
      const importMs = p50(imports.map((r) => r.ms));
      rows.push({
        sizeMb,
        bytes: pkg.bytes,
        opensslMs,
        copyMs: p50(copies),
        importMs,
        importVsOpenssl: opensslMs / importMs,
        peakRssMb: Math.max(...imports.map((r) => r.maxRssMb)),
      });
      rmSync(path.join(root, `pkg-${sizeMb}`), { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }

  const mbps = (bytes: number, ms: number) => (bytes / 2 ** 20 / (ms / 1000)).toFixed(0);
  console.log(
    `\n评审包导入（解压 + SHA-256 校验 + 落盘 + 入库），与 openssl dgst -sha256（只读）和 dd（只复制）同批对比；各取 ${RUNS} 次中位数`,
  );
  console.table(
    rows.map((r) => ({
      包大小MB: r.sizeMb,
      'openssl MB/s': mbps(r.bytes, r.opensslMs),
      'dd 复制 MB/s': mbps(r.bytes, r.copyMs),
      '导入 MB/s': mbps(r.bytes, r.importMs),
      '导入/openssl': `${(r.importVsOpenssl * 100).toFixed(0)}%`,
      '导入/dd': `${((r.copyMs / r.importMs) * 100).toFixed(0)}%`,
      '峰值RSS MB': r.peakRssMb.toFixed(0),
    })),
  );
  const rssGrowth = rows.at(-1)!.peakRssMb / rows[0]!.peakRssMb;
  const targets = {
    throughputAtLeast40PercentOfOpenssl: rows.at(-1)!.importVsOpenssl >= 0.4,
    peakRssFlat: rssGrowth < 1.5,
  };
  console.log(`峰值 RSS：${rows[0]!.sizeMb} MB → ${rows.at(-1)!.sizeMb} MB 增长 ${rssGrowth.toFixed(2)} 倍（目标：基本持平，< 1.5 倍）`);
  console.log(
    `目标：200 MB 包吞吐 ≥ openssl 的 40%：${targets.throughputAtLeast40PercentOfOpenssl ? '达成' : '未达成'}；内存持平：${targets.peakRssFlat ? '达成' : '未达成'}`,
  );
  return { runs: RUNS, rows, rssGrowth, targets };
}
