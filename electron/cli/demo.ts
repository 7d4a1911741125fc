// Owns `review-desk demo --out DIR`: the whole expert path with no window — import the sample package into a fresh data
// folder, accept the commitment, fill and complete every review from scripted answers, write every document into DIR,
// then sign as the expert would with a throwaway identity and write the signed files into DIR/签名文件, each verified;
// then the panel's full cycle into DIR/专家组 (./demoPanel.ts).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { outputFormats, type OutputResult, type TemplateListItem } from '../../shared/output';
import { fingerprintGroups, type ExportResult, type IdentityView } from '../../shared/signing';
import { openCore, type Core } from '../core/app';
import { verifyPackage } from '../core/package/verify';
import { verifyFile } from '../core/signing/verify';
import { runPanel } from './demoPanel';
import {
  call,
  completeReviews,
  DemoError,
  demoResourcesDir,
  drawnSignature,
  meetingClock,
  settleExpert,
  type DemoAnswers,
} from './demoScript';
import { usageError } from './usage';

export type { DemoAnswers };

export const demoPackage = path.join(demoResourcesDir, 'samples', 'wulong-2027.rpkg');
export const demoAnswersFile = path.join(demoResourcesDir, 'demo', 'answers.json');

/** The folder, inside DIR, the signed files (签名文件) are exported to: apart from the unsigned documents of the same names. */
export const signedFolderName = '签名文件';

/**
 * Signs as the expert: a throwaway P-256 identity under a random passphrase (口令) that is never shown, the drawn
 * signature, every review signed (签名封存), then the signed export through the app's folder dialog. Prints each file
 * written and then ✓ or ✗ per file as `verifyFile` finds it; returns whether every file verified, the passphrase and the result file.
 */
async function signAndExport(
  core: Core,
  sessionId: string,
  projects: { id: string; name: string }[],
  out: (line: string) => void,
): Promise<{ verified: boolean; passphrase: string; resultFile: string }> {
  const passphrase = randomBytes(24).toString('base64url');
  const identity = await call<IdentityView>(core, 'signing.identity.create', { algorithm: 'ecdsa-p256', passphrase });
  out(`已创建临时签名身份：${identity.name}，证书指纹 ${fingerprintGroups(identity.fingerprint).join(' ')}`);
  await call(core, 'signing.image.save', { png: drawnSignature() });
  for (const project of projects) {
    await call(core, 'review.sign', { sessionId, projectId: project.id, passphrase });
    out(`已签名：${project.name}`);
  }
  const exported = await call<ExportResult>(core, 'signing.export', { sessionId, jobId: 'demo-export', passphrase, destination: 'choose' });
  const folder = exported.folder;
  if (!folder) throw new DemoError('未能导出签名文件：没有选定文件夹。');
  const files = exported.files.map((name) => path.join(folder, name));
  for (const file of files) out(file);
  let failed = 0;
  for (const file of files) {
    const report = await verifyFile(file);
    if (report.valid) out(`✓ 签名有效：${path.basename(file)}`);
    else {
      failed++;
      out(
        `✗ 签名无效：${path.basename(file)}（${report.checks
          .filter((c) => !c.ok)
          .map((c) => c.message || c.id)
          .join('；')}）`,
      );
    }
  }
  if (failed) out(`有 ${failed} 个签名文件未通过验证。`);
  const resultFile = files.find((f) => f.endsWith('.rdr.json'));
  if (!resultFile) throw new DemoError('导出的签名文件中没有评审结果文件（.rdr.json）。');
  return { verified: failed === 0, passphrase, resultFile };
}

export async function demo(argv: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, package: { type: 'string' } },
  });
  if (!values.out || positionals.length) return usageError(out);
  const outDir = path.resolve(values.out);
  const packageFile = path.resolve(values.package ?? demoPackage);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'review-desk-demo-'));
  let core: Core | null = null;
  // The "folder dialog" of this run answers with DIR, then DIR/签名文件, so files go through the app's own batch and export.
  let chosenFolder = outDir;
  try {
    mkdirSync(outDir, { recursive: true });
    const answers = JSON.parse(readFileSync(demoAnswersFile, 'utf8')) as DemoAnswers;
    // Every machine of the demo runs on the review meeting's day (the package's session date), not on today's clock.
    const meetingDate = await verifyPackage(packageFile)
      .then((v) => v.manifest.session.date)
      .catch((err: unknown) => {
        throw new DemoError(
          `${err instanceof Error ? err.message : String(err)}\n  样例评审包：${packageFile}（可用 npm run samples 生成，或用 --package 指定）`,
        );
      });
    const now = meetingClock(meetingDate);
    core = await openCore(
      {
        dataDir,
        version: 'demo',
        transport: 'ipc',
        choosePath: async () => chosenFolder,
        openPath: async () => false,
        openFolder: async () => false,
        emit: () => undefined,
      },
      now,
    );
    const session = await call<{ id: string; title: string }>(core, 'package.import', {
      jobId: 'demo-import',
      source: { kind: 'path', path: packageFile },
    }).catch((err: unknown) => {
      throw new DemoError(
        `${err instanceof Error ? err.message : String(err)}\n  样例评审包：${packageFile}（可用 npm run samples 生成，或用 --package 指定）`,
      );
    });
    out(`已导入：${session.title}`);
    await settleExpert(core, session.id, answers, demoAnswersFile);
    const projects = await completeReviews(core, session.id, answers, demoAnswersFile, (project, total) =>
      out(`已完成评审：${project.name}（${total} 分）`),
    );
    const templates = await call<TemplateListItem[]>(core, 'templates.list', {});
    const result = await call<OutputResult>(core, 'output.batch', {
      sessionId: session.id,
      jobId: 'demo-batch',
      templateIds: templates.filter((x) => x.kind !== 'docx').map((x) => x.id),
      formats: [...outputFormats],
      destination: 'choose',
    });
    for (const file of result.files) out(file.path);
    chosenFolder = path.join(outDir, signedFolderName);
    const signed = await signAndExport(core, session.id, projects, out);
    if (!signed.verified) return 1;
    return (await runPanel(
      { name: answers.expert.name, core, passphrase: signed.passphrase, resultFile: signed.resultFile },
      packageFile,
      outDir,
      out,
      now,
    ))
      ? 0
      : 1;
  } catch (err) {
    out(err instanceof DemoError ? err.message : `演示运行失败：${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    core?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
