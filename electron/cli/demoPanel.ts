// Owns the panel part of `review-desk demo` (专家组): two more scripted experts, each on a machine of their own, score, sign and export the same package; a bureau machine takes the package, imports the three signed results, aggregates, freezes each project's panel opinion, has every member sign it and imports the signatures; then it writes the letters (评审意见函) and the session's score sheets into DIR/专家组.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type {
  LetterRegisterEntry,
  LettersView,
  PanelOpinionStatus,
  PanelOpinionText,
  PanelSignatureOutcome,
  PanelView,
  ResultImportOutcome,
  StatusBoard,
} from '../../shared/bureau';
import type { OutputResult } from '../../shared/output';
import type { ExportResult, IdentityView, SignedFile } from '../../shared/signing';
import { openCore, type Core } from '../core/app';
import { SHEET_TEMPLATE_ID } from '../core/output/catalog';
import {
  call,
  completeReviews,
  DemoError,
  demoPanelFile,
  demoResourcesDir,
  drawnSignature,
  settleExpert,
  type DemoAnswers,
  type DemoPanelScript,
} from './demoScript';

/** The scripted answers of the panel's two other members (the chair 周建国, and 陈晓梅). */
export const panelAnswersFiles = [
  path.join(demoResourcesDir, 'demo', 'answers-2.json'),
  path.join(demoResourcesDir, 'demo', 'answers-3.json'),
];
/** DIR/专家组: the bureau's side of the demo. */
export const panelFolderName = '专家组';
/** Inside DIR/专家组: the members' result files, the frozen panel opinions, each member's signatures over them. */
export const panelSubfolders = { results: '评审结果', opinions: '专家组意见', signatures: '成员签名' } as const;

/** A panel member's machine, kept open until the member has signed the panel opinions. */
export interface DemoMember {
  name: string;
  core: Core;
  passphrase: string;
  /** The signed result file (评审结果) the member exported. */
  resultFile: string;
}

interface Machines {
  cores: Core[];
  dirs: string[];
  /** The demo's clock (the review meeting's day), shared by every machine. */
  now: () => Date;
}

async function machine(machines: Machines, choosePath: () => string): Promise<Core> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'review-desk-demo-'));
  machines.dirs.push(dataDir);
  const core = await openCore(
    {
      dataDir,
      version: 'demo',
      transport: 'ipc',
      choosePath: async () => choosePath(),
      openPath: async () => false,
      openFolder: async () => false,
      emit: () => undefined,
    },
    machines.now,
  );
  machines.cores.push(core);
  return core;
}

/** A scripted expert on a fresh machine: imports the package, completes every review, signs with a throwaway identity, exports; the result file is copied to `resultsDir`. */
async function scriptedMember(
  machines: Machines,
  packageFile: string,
  answersFile: string,
  resultsDir: string,
  out: (line: string) => void,
): Promise<DemoMember> {
  const answers = JSON.parse(readFileSync(answersFile, 'utf8')) as DemoAnswers;
  const name = answers.expert.name;
  const core = await machine(machines, () => resultsDir);
  const session = await call<{ id: string }>(core, 'package.import', { jobId: 'demo-import', source: { kind: 'path', path: packageFile } });
  await settleExpert(core, session.id, answers, answersFile);
  const projects = await completeReviews(core, session.id, answers, answersFile, (project, total) =>
    out(`${name} 已完成评审：${project.name}（${total} 分）`),
  );
  const passphrase = randomBytes(24).toString('base64url');
  await call<IdentityView>(core, 'signing.identity.create', { algorithm: 'ecdsa-p256', passphrase });
  await call(core, 'signing.image.save', { png: drawnSignature() });
  for (const project of projects) await call(core, 'review.sign', { sessionId: session.id, projectId: project.id, passphrase });
  const exported = await call<ExportResult>(core, 'signing.export', {
    sessionId: session.id,
    jobId: 'demo-export',
    passphrase,
    destination: 'default',
  });
  const result = exported.files.find((f) => f.endsWith('.rdr.json'));
  if (!result || !exported.folder) throw new DemoError(`${name} 未能导出评审结果文件。`);
  const resultFile = path.join(resultsDir, result);
  copyFileSync(path.join(exported.folder, result), resultFile);
  out(resultFile);
  return { name, core, passphrase, resultFile };
}

const panelScript = () => JSON.parse(readFileSync(demoPanelFile, 'utf8')) as DemoPanelScript;

/**
 * The chair writes the panel's opinion: for every project and section, the script's text is saved over the merged draft
 * the app offers (saving confirms the section). A section the script lacks is an error naming it.
 */
async function confirmPanelTexts(bureau: Core, sessionId: string, out: (line: string) => void): Promise<void> {
  const script = panelScript();
  for (const status of await call<PanelOpinionStatus[]>(bureau, 'bureau.panel.opinions', { sessionId })) {
    const texts = script.projects[status.projectId];
    const opinion = await call<PanelOpinionText>(bureau, 'bureau.panel.opinionText.get', { sessionId, projectId: status.projectId });
    for (const section of opinion.sections) {
      const text = texts?.[section.section];
      if (!text)
        throw new DemoError(`组长脚本 ${demoPanelFile} 中没有“${status.name}”的“${section.title}”（${section.section}）的专家组意见。`);
      await call(bureau, 'bureau.panel.opinionText.save', {
        sessionId,
        projectId: status.projectId,
        section: section.section,
        text,
        baseVersion: section.version,
      });
    }
    out(`组长${script.chair}已确认“${status.name}”的专家组意见（${opinion.sections.length} 部分）`);
  }
}

/** 均值 / 采用值 / 结论 / 排序 of one project, on one line. */
function summaryLine(view: PanelView, projectId: string): string {
  const a = view.aggregate.projects.find((p) => p.projectId === projectId)!;
  const decided = view.projects.find((p) => p.projectId === projectId)!.conclusion;
  const rule = a.total.inForceRule === 'trimmed-mean' ? '去掉最高最低分后的平均分' : '平均分';
  return `${a.name}：平均分 ${a.total.mean?.text ?? '—'}，采用值 ${a.total.inForce?.text ?? '—'}（${rule}），结论 ${decided.label ?? '未形成'}，排序第 ${a.rank ?? '—'} 名`;
}

/**
 * The panel after the first expert (`first`, whose machine is still open): two more members, the bureau's import and
 * aggregation, the signed panel opinions and the letters. Prints every file written and ✓/✗ per member signature;
 * returns whether every result and signature was accepted.
 */
export async function runPanel(
  first: DemoMember,
  packageFile: string,
  outDir: string,
  out: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  const root = path.join(outDir, panelFolderName);
  const folders = {
    results: path.join(root, panelSubfolders.results),
    opinions: path.join(root, panelSubfolders.opinions),
    signatures: path.join(root, panelSubfolders.signatures),
  };
  for (const f of Object.values(folders)) mkdirSync(f, { recursive: true });
  const machines: Machines = { cores: [], dirs: [], now };
  try {
    out('—— 专家组 ——');
    const firstResult = path.join(folders.results, path.basename(first.resultFile));
    copyFileSync(first.resultFile, firstResult);
    out(firstResult);
    const members = [{ ...first, resultFile: firstResult }];
    for (const answersFile of panelAnswersFiles)
      members.push(await scriptedMember(machines, packageFile, answersFile, folders.results, out));

    // The bureau holds the same package the experts reviewed, and collects their results.
    let chosen = root;
    const bureau = await machine(machines, () => chosen);
    const session = await call<{ id: string; title: string }>(bureau, 'package.import', {
      jobId: 'demo-bureau',
      source: { kind: 'path', path: packageFile },
    });
    const received = await call<ResultImportOutcome[]>(bureau, 'bureau.results.import', {
      sessionId: session.id,
      sources: members.map((m) => ({ kind: 'path', path: m.resultFile })),
    });
    for (const r of received) out(`${r.status === 'refused' ? '✗' : r.status === 'held' ? '？' : '✓'} ${r.message}`);
    if (received.some((r) => r.status === 'refused')) return false;
    // The roster registers no fingerprints: each first key is held (待确认) until the bureau confirms it. Here the bureau
    // has read each member's fingerprint with them, and confirms it.
    if (received.some((r) => r.status === 'held')) {
      const board = await call<StatusBoard>(bureau, 'bureau.results.status', { sessionId: session.id });
      for (const e of board.experts) {
        const first = e.pending[0];
        if (!first) continue;
        const confirmed = await call<ResultImportOutcome[]>(bureau, 'bureau.results.confirmKey', {
          sessionId: session.id,
          pendingId: first.id,
        });
        for (const r of confirmed) out(`${r.status === 'refused' ? '✗' : '✓'} 已与${e.name}核对证书指纹并确认：${r.message}`);
        if (confirmed.some((r) => r.status === 'refused')) return false;
      }
    }

    // The chair confirms the panel's one voice, section by section, from the members' opinions (the script's wording).
    await confirmPanelTexts(bureau, session.id, out);

    // Each project's panel opinion is frozen, written for the members, and signed by each of them on their own machine.
    const opinions: { projectId: string; file: string }[] = [];
    chosen = folders.opinions;
    for (const p of (await call<PanelOpinionStatus[]>(bureau, 'bureau.panel.opinions', { sessionId: session.id })).map(
      (s) => s.projectId,
    )) {
      await call<PanelOpinionStatus>(bureau, 'bureau.panel.freeze', { sessionId: session.id, projectId: p });
      const { file } = await call<{ file: string | null }>(bureau, 'bureau.panel.opinionFile', {
        sessionId: session.id,
        projectId: p,
        destination: 'choose',
      });
      if (!file) throw new DemoError('未能写出专家组意见文件。');
      out(file);
      opinions.push({ projectId: p, file });
    }
    const memberFolders: string[] = [];
    for (const m of members) {
      const folder = path.join(folders.signatures, m.name);
      mkdirSync(folder, { recursive: true });
      memberFolders.push(folder);
      for (const o of opinions) {
        const signed = await call<SignedFile>(m.core, 'signing.signFile', {
          source: { kind: 'upload', name: path.basename(o.file), bytes: new Uint8Array(readFileSync(o.file)) },
          passphrase: m.passphrase,
        });
        const sigFile = path.join(folder, signed.name);
        writeFileSync(sigFile, signed.bytes);
        out(sigFile);
      }
    }
    const outcomes = await call<PanelSignatureOutcome[]>(bureau, 'bureau.panel.importSignatures', {
      sessionId: session.id,
      sources: memberFolders.map((f) => ({ kind: 'path', path: f })),
    });
    for (const o of outcomes) out(o.status === 'accepted' ? `✓ 成员签名有效：${o.message}` : `✗ 成员签名未被接受：${o.message}`);
    const statuses = await call<PanelOpinionStatus[]>(bureau, 'bureau.panel.opinions', { sessionId: session.id });
    for (const s of statuses)
      if (!s.complete)
        out(
          `✗ “${s.name}”的专家组意见尚缺成员签名：${s.signers
            .filter((x) => !x.signature)
            .map((x) => x.name)
            .join('、')}`,
        );

    // The letters, issued on the meeting's day with the bureau's settings, each taking its 文号 from the register; then
    // the score summaries and the session's score sheets.
    chosen = root;
    const script = panelScript();
    await call(bureau, 'bureau.letters.saveSettings', script.letters);
    const meeting = await call<LettersView>(bureau, 'bureau.letters.get', { sessionId: session.id });
    const issued = await call<OutputResult & { letters: LetterRegisterEntry[] }>(bureau, 'bureau.letters.issue', {
      sessionId: session.id,
      jobId: 'demo-letters',
      date: meeting.earliestDate,
      formats: ['docx', 'pdf'],
      destination: 'choose',
    });
    for (const file of issued.files) out(file.path);
    for (const l of issued.letters) out(`已签发：${l.number}（${l.projectName}，成文日期 ${l.dated}）`);
    const result = await call<OutputResult>(bureau, 'output.batch', {
      sessionId: session.id,
      jobId: 'demo-sheets',
      templateIds: ['score-summary', SHEET_TEMPLATE_ID],
      formats: ['docx', 'pdf', 'xlsx', 'csv'],
      destination: 'choose',
    });
    for (const file of result.files) out(file.path);
    const view = await call<PanelView>(bureau, 'bureau.panel.get', { sessionId: session.id });
    for (const s of statuses) out(summaryLine(view, s.projectId));
    return outcomes.every((o) => o.status === 'accepted') && statuses.every((s) => s.complete);
  } finally {
    for (const core of machines.cores) core.close();
    for (const dir of machines.dirs) rmSync(dir, { recursive: true, force: true });
  }
}
