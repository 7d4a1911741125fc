// Owns generating the sample review packages in resources/samples/ — each as a folder and a deterministic .rpkg (`npx tsx scripts/make-samples.ts`).
//
// wulong-2027: complete and compliant (武隆). donghe-2027-defects: structurally valid, with content defects a pre-check
// must find (see scripts/samples/donghe.ts). PDFs embed Noto Sans Hans from @embedpdf/fonts-sc (see scripts/sample-fonts.ts).
// Every date inside the files is fixed, so re-running produces byte-identical files and the same manifest hashes.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeFile, writePackageZip } from '../electron/core/package/write';
import { manifestSchema, type Manifest, type ManifestProject } from '../shared/manifest';
import { dongheDefectsPackage } from './samples/donghe';
import { lineAmountFen, totalFen, type SamplePackage, type SampleProject } from './samples/sample-project';
import { wulongPackage } from './samples/wulong';

export const samplePackages: SamplePackage[] = [wulongPackage, dongheDefectsPackage];

export interface WrittenSample {
  dirName: string;
  folder: string;
  rpkg: string;
  manifest: Manifest;
}

async function writeProject(folder: string, p: SampleProject): Promise<ManifestProject> {
  const documents: ManifestProject['documents'] = [];
  // One at a time: docx numbers some ids with process-wide counters, so a fixed order keeps the bytes reproducible.
  for (const d of p.documents) {
    const rel = `documents/${p.id}/${d.fileName}`;
    const abs = path.join(folder, ...rel.split('/'));
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, await d.render());
    const { sha256, bytes } = await describeFile(abs, rel);
    documents.push({ id: d.id, kind: d.kind, title: d.title, path: rel, sha256, bytes });
  }
  return {
    id: p.id,
    name: p.name,
    applicant: p.applicant,
    supervisor: p.supervisor,
    type: p.type,
    totalInvestment: totalFen(p.budget) / 100,
    fundingSource: p.fundingSource,
    periodMonths: p.periodMonths,
    inAnnualPlan: p.inAnnualPlan,
    summary: p.summary,
    documents,
    budgetLines: p.budget.map((b, i) => ({
      id: `${p.id}-b${String(i + 1).padStart(2, '0')}`,
      name: b.name,
      category: b.category,
      quantity: b.quantity,
      unit: b.unit,
      unitPrice: b.unitPriceFen / 100,
      amount: lineAmountFen(b) / 100,
      note: b.note ?? '',
    })),
  };
}

async function writeSample(pkg: SamplePackage, outDir: string): Promise<WrittenSample> {
  const folder = path.join(outDir, pkg.dirName);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const projects: ManifestProject[] = [];
  for (const p of pkg.projects) projects.push(await writeProject(folder, p));
  const manifest = manifestSchema.parse({
    formatVersion: 1,
    packageId: pkg.packageId,
    createdAt: pkg.createdAt,
    issuer: pkg.issuer,
    jurisdiction: pkg.jurisdiction,
    session: pkg.session,
    projects,
  });
  await writeFile(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const rpkg = path.join(outDir, `${pkg.dirName}.rpkg`);
  await writePackageZip(folder, rpkg);
  return { dirName: pkg.dirName, folder, rpkg, manifest };
}

/** Writes every sample package into `outDir` (replacing earlier copies) and returns where each went. */
export async function makeSamples(outDir: string): Promise<WrittenSample[]> {
  await mkdir(outDir, { recursive: true });
  const written: WrittenSample[] = [];
  for (const pkg of samplePackages) written.push(await writeSample(pkg, outDir));
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'samples');
  const started = Date.now();
  makeSamples(outDir).then(
    (written) => {
      for (const w of written) {
        const files = w.manifest.projects.reduce((n, p) => n + p.documents.length, 0);
        console.log(`${w.dirName}: ${w.manifest.projects.length} 个项目，${files} 个文件 → ${path.relative(process.cwd(), w.rpkg)}`);
      }
      console.log(`完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
