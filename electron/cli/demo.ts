// Owns `review-desk demo --out DIR`: the whole expert path with no window — import the sample package into a fresh data
// folder, accept the commitment, fill and complete every review from scripted answers, write every document into DIR,
// then sign as the expert would with a throwaway identity and write the signed files into DIR/签名文件, each verified.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PNG } from 'pngjs';
import type { Envelope } from '../../shared/api';
import type { ExpertProfile } from '../../shared/expert';
import { outputFormats, type OutputResult, type TemplateListItem } from '../../shared/output';
import type { Familiarity, Review, ReviewView } from '../../shared/scoring';
import { fingerprintGroups, type ExportResult, type IdentityView } from '../../shared/signing';
import { openCore, type Core } from '../core/app';
import { defaultTemplateDir } from '../core/output/template/builtins';
import { verifyFile } from '../core/signing/verify';
import { usageError } from './usage';

/** resources/ beside the templates, from source and from the bundle alike. */
const resourcesDir = path.dirname(defaultTemplateDir);
export const demoPackage = path.join(resourcesDir, 'samples', 'wulong-2027.rpkg');
export const demoAnswersFile = path.join(resourcesDir, 'demo', 'answers.json');

/** The scripted expert (resources/demo/answers.json): a profile and, per project id, what the expert enters. */
export interface DemoAnswers {
  expert: ExpertProfile;
  projects: Record<
    string,
    {
      familiarity: Familiarity;
      /** Dimension id → sub-criterion id → score. */
      scores: Record<string, Record<string, number>>;
      opinions: Record<string, string>;
      chapterOpinions: Record<string, string>;
      /** Budget-line id → approved amount in fen and the reason for the reduction. */
      investment: Record<string, { approvedFen: number; reason: string }>;
      overallOpinion: string;
    }
  >;
}

class DemoError extends Error {}

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const res = (await core.dispatch(name, input)) as Envelope<T>;
  if (!res.ok) throw new DemoError(`${name} 失败：${res.error.message}${res.error.problems?.length ? `\n  ${res.error.problems.map((p) => p.message).join('\n  ')}` : ''}`);
  return res.value;
}

/** The review as the scripted expert fills it in; a veto the pre-check left to the expert is ruled not to apply. */
function scriptedReview(view: ReviewView, answers: DemoAnswers['projects'][string]): Review {
  const rubric = view.rubric.rubric;
  return {
    ...view.review,
    conflict: { hasConflict: false, note: '' },
    familiarity: answers.familiarity,
    dimensions: Object.fromEntries(
      rubric.dimensions.map((d) => [d.id, { scores: Object.fromEntries(d.subCriteria.map((c) => [c.id, answers.scores[d.id]?.[c.id] ?? null])), opinion: answers.opinions[d.id] ?? '', lowScoreReason: '' }]),
    ),
    chapterOpinions: Object.fromEntries(view.chapters.map((c) => [c.id, answers.chapterOpinions[c.id] ?? ''])),
    vetoRulings: Object.fromEntries(view.vetoes.filter((v) => v.state === 'pending').map((v) => [v.veto.id, false])),
    investment: answers.investment,
    overallOpinion: answers.overallOpinion,
  };
}

/** The folder, inside DIR, the signed files (签名文件) are exported to: apart from the unsigned documents of the same names. */
export const signedFolderName = '签名文件';

/** A handwritten signature (手写签名) for the throwaway identity: three pen strokes in dark blue ink on white. */
function drawnSignature(): Uint8Array {
  const width = 240;
  const height = 90;
  const png = new PNG({ width, height });
  png.data.fill(255);
  const strokes: [number, number][][] = [
    [[20, 60], [40, 25], [55, 62], [72, 28], [88, 58]],
    [[100, 40], [130, 38], [118, 70], [150, 30]],
    [[160, 55], [185, 35], [200, 60], [225, 30]],
  ];
  const dot = (cx: number, cy: number) => {
    for (let y = Math.floor(cy) - 2; y <= cy + 2; y++) {
      for (let x = Math.floor(cx) - 2; x <= cx + 2; x++) {
        if (x >= 0 && y >= 0 && x < width && y < height && (x - cx) ** 2 + (y - cy) ** 2 <= 4.5) png.data.set([20, 30, 90, 255], (y * width + x) * 4);
      }
    }
  };
  for (const stroke of strokes) {
    for (let i = 1; i < stroke.length; i++) {
      const [[x0, y0], [x1, y1]] = [stroke[i - 1], stroke[i]];
      const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0));
      for (let k = 0; k <= steps; k++) dot(x0 + ((x1 - x0) * k) / steps, y0 + ((y1 - y0) * k) / steps);
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

/**
 * Signs as the expert: a throwaway P-256 identity under a random passphrase (口令) that is never shown, the drawn
 * signature, every review signed (签名封存), then the signed export through the app's folder dialog. Prints each file
 * written and then ✓ or ✗ per file as `verifyFile` finds it; returns whether every file verified.
 */
async function signAndExport(core: Core, sessionId: string, projects: { id: string; name: string }[], out: (line: string) => void): Promise<boolean> {
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
      out(`✗ 签名无效：${path.basename(file)}（${report.checks.filter((c) => !c.ok).map((c) => c.message || c.id).join('；')}）`);
    }
  }
  if (failed) out(`有 ${failed} 个签名文件未通过验证。`);
  return failed === 0;
}

export async function demo(argv: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, package: { type: 'string' } } });
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
    core = await openCore({ dataDir, version: 'demo', transport: 'ipc', choosePath: async () => chosenFolder, openPath: async () => false, openFolder: async () => false, emit: () => undefined });
    const session = await call<{ id: string; title: string }>(core, 'package.import', { jobId: 'demo-import', source: { kind: 'path', path: packageFile } }).catch((err: unknown) => {
      throw new DemoError(`${err instanceof Error ? err.message : String(err)}\n  样例评审包：${packageFile}（可用 npm run samples 生成，或用 --package 指定）`);
    });
    out(`已导入：${session.title}`);
    await call(core, 'expert.save', answers.expert);
    await call(core, 'session.commitment.accept', { sessionId: session.id });
    const detail = await call<{ projects: { id: string; name: string }[] }>(core, 'session.get', { sessionId: session.id });
    for (const project of detail.projects) {
      const scripted = answers.projects[project.id];
      if (!scripted) throw new DemoError(`作答脚本 ${demoAnswersFile} 中没有项目 ${project.id}（${project.name}）的评审意见。`);
      const view = await call<ReviewView>(core, 'review.get', { sessionId: session.id, projectId: project.id });
      await call(core, 'review.save', { sessionId: session.id, projectId: project.id, review: scriptedReview(view, scripted), baseVersion: view.version });
      const done = await call<ReviewView>(core, 'review.complete', { sessionId: session.id, projectId: project.id });
      out(`已完成评审：${project.name}（${done.totals.total} 分）`);
    }
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
    return (await signAndExport(core, session.id, detail.projects, out)) ? 0 : 1;
  } catch (err) {
    out(err instanceof DemoError ? err.message : `演示运行失败：${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    core?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
