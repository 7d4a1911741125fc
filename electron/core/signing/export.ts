// Owns the export of signed files (导出签名文件): the signed result file (*.rdr.json) and, for each signed review, the
// individual opinion as PDF (handwritten image + embedded PAdES signature) and DOCX (image + detached .sig.json).
import path from 'node:path';
import type { SessionDetail } from '../../../shared/domain';
import { resultFileSuffix } from '../../../shared/resultFile';
import type { ExportResult } from '../../../shared/signing';
import { AppError } from '../kernel/errors';
import { resolveTemplate } from '../output/catalog';
import { buildExpertContext } from '../output/context';
import { renderDocx } from '../output/docx/render';
import { safeFileStem } from '../kernel/files';
import { defaultExportFolder, StagedFolder } from '../output/files';
import { renderPdf } from '../output/pdf/render';
import { fillTemplate } from '../output/template/fill';
import type { ReadDb } from '../store/access';
import { latestSeal, type SealRecord } from '../store/seals';
import { detachedSignatureSuffix, signDetached } from './detached';
import { signPdf } from './pades';
import { buildResult, signResult } from './result';
import { projectStanding } from './plan';
import type { Signer } from './types';

/** The individual opinion template (专家个人评审意见表). */
const opinionTemplateId = 'expert-opinion';

/**
 * `<dataDir>/exports/<session title>/签名文件/`: where the export goes when the shell has no folder dialog (web mode) —
 * beside the session's generated documents, in a folder of its own so an unsigned document never replaces a signed one.
 */
export function exportFolder(dataDir: string, session: SessionDetail): string {
  return path.join(defaultExportFolder(dataDir, session.title), '签名文件');
}

export interface ExportInput {
  session: SessionDetail;
  signer: Signer;
  /** The cleaned handwritten signature; the export is refused without one. */
  signatureImage: Uint8Array | null;
  folder: string;
  now: Date;
  progress(done: number, total: number, current?: string): void;
}

/** Each project's seal, or why it cannot be exported yet (Chinese, naming the project; projectStanding judges each). */
function sealsToExport(
  db: ReadDb,
  session: SessionDetail,
  signer: Signer,
): { project: SessionDetail['projects'][number]; seal: SealRecord; recused: boolean }[] {
  const problems: { code: string; message: string; path: string }[] = [];
  const ready: { project: SessionDetail['projects'][number]; seal: SealRecord; recused: boolean }[] = [];
  for (const project of session.projects) {
    const { stage, seal, problem, recused } = projectStanding(db, session.id, project, signer.fingerprint);
    const say = (code: string, message: string) => problems.push({ code, message, path: project.id });
    if (problem) say(stage === 'unfinished' ? 'incomplete' : 'seal-broken', problem);
    else if (!seal) {
      const earlier = latestSeal(db, session.id, project.id);
      if (earlier && earlier.signerFingerprint !== signer.fingerprint)
        say('other-signer', `「${project.name}」的评审由另一签名身份签名：请用本机当前的签名身份重新签名。`);
      else
        say(
          'unsigned',
          earlier
            ? `「${project.name}」的评审在签名后重新打开过：请完成评审并重新签名。`
            : `「${project.name}」的评审尚未签名：请在评分页签名。`,
        );
    } else ready.push({ project, seal, recused });
  }
  if (problems.length) {
    throw new AppError(
      'invalid-input',
      `还有 ${problems.length} 个项目不能导出：\n${problems.map((p, i) => `${i + 1}. ${p.message}`).join('\n')}`,
      problems,
    );
  }
  return ready;
}

/** The opinion of one project, filled with the handwritten signature and the date it was signed. */
async function renderOpinion(
  db: ReadDb,
  session: SessionDetail,
  projectId: string,
  image: Uint8Array,
  signedAt: string,
  now: Date,
): Promise<{ pdf: Uint8Array; docx: Uint8Array; name: string }> {
  const resolved = resolveTemplate(db, opinionTemplateId);
  if (resolved.kind !== 'builtin') throw new Error(`template ${opinionTemplateId} is not built in`);
  const context = buildExpertContext(db, session.id, projectId, now, { signature: { image, signedAt } });
  const doc = fillTemplate(resolved.template, context, { createdAt: signedAt, author: context.expert?.name ?? '' });
  const [pdf, docx] = await Promise.all([renderPdf(doc), renderDocx(doc)]);
  return { pdf, docx, name: resolved.item.name };
}

/** What the export wrote, and the sealed versions it carried (recorded as 已导出). */
export interface ExportWritten extends ExportResult {
  seals: { projectId: string; sealVersion: number }[];
}

/** Writes every signed file into `folder` at once (staged, then moved into place); refuses while any project is not signed as it stands. */
export async function exportSigned(db: ReadDb, input: ExportInput): Promise<ExportWritten> {
  const { session, signer, now } = input;
  if (!input.signatureImage) throw new AppError('invalid-input', '尚未保存手写签名。请先在“签名身份”中书写或导入手写签名，再导出。');
  const ready = sealsToExport(db, session, signer);
  const opinions = ready.filter((r) => !r.recused);
  const total = 1 + opinions.length;
  const staged = new StagedFolder(input.folder);
  try {
    input.progress(0, total, '评审结果文件');
    const result = signResult(buildResult(db, session.id, signer, now), signer, now);
    const expertName = result.file.expert.name;
    await staged.write(`${safeFileStem(`评审结果-${session.title}-${expertName}`)}${resultFileSuffix}`, result.bytes);
    for (const [i, { project, seal }] of opinions.entries()) {
      input.progress(1 + i, total, project.name);
      const made = await renderOpinion(db, session, project.id, input.signatureImage, seal.signedAt, now);
      const stem = safeFileStem(`${made.name}-${project.name}`);
      const pdf = await signPdf(made.pdf, signer, {
        signedAt: now,
        name: expertName,
        reason: `${made.name}（${project.name}）`,
        location: session.location || session.issuer,
      });
      await staged.write(`${stem}.pdf`, pdf);
      await staged.write(`${stem}.docx`, made.docx);
      await staged.write(`${stem}.docx${detachedSignatureSuffix}`, signDetached(made.docx, `${stem}.docx`, signer, now).bytes);
    }
    const files = await staged.commit();
    input.progress(total, total);
    return {
      folder: input.folder,
      files: files.map((f) => f.name),
      rosterWarning: null,
      included: ready.map(({ project, recused }) => ({ projectId: project.id, name: project.name, documents: !recused })),
      seals: ready.map(({ project, seal }) => ({ projectId: project.id, sealVersion: seal.sealVersion })),
    };
  } catch (err) {
    await staged.discard();
    throw err;
  }
}
