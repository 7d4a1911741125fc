// Owns the panel opinion signed by every member (专家组成员签署) on the bureau's side: fixing a project's panel opinion PDF (定稿) and undoing it (撤销定稿), who is expected to sign, and importing the members' detached signatures (.sig.json) — each verified against the frozen bytes and matched to the member's certificate.
//
// Design: the opinion is rendered once at freezing with its date fixed, and those bytes are what every member signs
// on their own machine (`signing.signFile`). While a project's opinion is frozen the panel's decisions on it are
// refused, and so are result imports for the session (they change every project's scores and ranks); unfreezing
// drops the collected signatures. A member's certificate is the one the roster registered, else the one their
// accepted result file was signed with.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PanelOpinionStatus, PanelSignatureOutcome, PanelSignatureRefusal } from '../../../shared/bureau';
import type { SessionDetail } from '../../../shared/domain';
import { fingerprintGroups, normalizeFingerprint } from '../../../shared/signing';
import { AppError } from '../kernel/errors';
import { resolveTemplate } from '../output/catalog';
import { makeDocument } from '../output/generate';
import { detachedSignatureSchema, detachedSignatureSuffix, verifyDetached } from '../signing/detached';
import { currentResults } from '../store/bureauResults';
import type { ReadDb, WriteDb } from '../store/access';
import {
  deleteFrozenOpinion,
  findFrozenOpinion,
  frozenOpinionBytes,
  insertFrozenOpinion,
  insertPanelSignature,
  listFrozenOpinions,
  listPanelSignatures,
} from '../store/panelOpinions';
import { sessionPanel, type SessionPanel } from '../panel/panel';
import { sessionOrThrow } from '../context/session';
import { rosterExpertId } from '../panel/members';
import { projectOpinionSections, unconfirmedTitles } from '../panel/opinionSections';
import { formatDateTime } from '../../../shared/dateTime';

/** The refusal while sections of a project's panel opinion are not confirmed: names them, says what to do. */
export const unconfirmedMessage = (project: string, sections: readonly string[], act: '定稿' | '签发评审意见函') =>
  `“${project}”的专家组意见还有 ${sections.length} 部分未经组长确认：${sections.join('、')}。请组长在“专家组汇总 → 专家组意见”中逐项确认（可在合并稿上修改后保存）后再${act}。`;

/** A detached signature is a few kilobytes; anything past this is not one. */
export const maxSignatureBytes = 2 ** 20;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const shortPrint = (fingerprint: string) => `${fingerprintGroups(fingerprint).slice(0, 4).join(' ')} …`;

interface Signer {
  position: number;
  name: string;
}

/** Who signs a project's opinion: the members whose result covers it (完成), not those who declared 回避. */
function expectedSigners(computed: SessionPanel, projectId: string): { signers: Signer[]; recused: Signer[] } {
  const members = computed.panels.get(projectId)?.members ?? [];
  const positionOf = (expertId: string) => computed.session.experts.findIndex((_, i) => rosterExpertId(i) === expertId);
  const all = members.map((m) => ({
    position: positionOf(m.expertId),
    name: m.name,
    recused: m.view.review.conflict?.hasConflict === true,
  }));
  return {
    signers: all.filter((m) => !m.recused).map(({ position, name }) => ({ position, name })),
    recused: all.filter((m) => m.recused).map(({ position, name }) => ({ position, name })),
  };
}

/** The certificate each roster position signs with: the registered fingerprint, else the one of the expert's result in force. */
function memberFingerprints(db: ReadDb, session: SessionDetail): Map<number, { fingerprint: string; registered: boolean }> {
  const prints = new Map<number, { fingerprint: string; registered: boolean }>();
  for (const r of currentResults(db, session.id)) prints.set(r.expertPosition, { fingerprint: r.fingerprint, registered: false });
  session.experts.forEach((e, i) => {
    const registered = normalizeFingerprint(e.fingerprint ?? '');
    if (registered) prints.set(i, { fingerprint: registered, registered: true });
  });
  return prints;
}

const projectName = (session: SessionDetail, projectId: string) => session.projects.find((p) => p.id === projectId)?.name ?? projectId;

/** Every project's panel opinion: frozen or not, who is expected to sign, who has. */
export function opinionStatuses(db: ReadDb, sessionId: string, computed: SessionPanel = sessionPanel(db, sessionId)): PanelOpinionStatus[] {
  const frozen = new Map(listFrozenOpinions(db, sessionId).map((o) => [o.projectId, o]));
  const signatures = listPanelSignatures(db, sessionId);
  return computed.session.projects.map((p) => {
    const opinion = frozen.get(p.id) ?? null;
    const signers = expectedSigners(computed, p.id).signers.map((s) => {
      const got = opinion ? signatures.find((x) => x.projectId === p.id && x.expertPosition === s.position) : undefined;
      return {
        ...s,
        signature: got
          ? { signedAt: got.signedAt, fingerprint: got.fingerprint, receivedAt: got.receivedAt, fileName: got.fileName }
          : null,
      };
    });
    return {
      projectId: p.id,
      name: p.name,
      frozen: opinion
        ? { fileName: opinion.fileName, sha256: opinion.sha256, createdAt: opinion.createdAt, frozenAt: opinion.frozenAt }
        : null,
      signers,
      complete: opinion !== null && signers.length > 0 && signers.every((s) => s.signature !== null),
    };
  });
}

const statusOf = (db: ReadDb, sessionId: string, projectId: string) =>
  opinionStatuses(db, sessionId).find((s) => s.projectId === projectId)!;

/** Refuses a change to the panel of `projectId` (null: any project of the session) while its opinion is frozen. */
export function assertPanelOpen(db: ReadDb, sessionId: string, projectId: string | null): void {
  const frozen = listFrozenOpinions(db, sessionId).filter((o) => projectId === null || o.projectId === projectId);
  if (!frozen.length) return;
  const session = sessionOrThrow(db, sessionId);
  const names = frozen.map((o) => `“${projectName(session, o.projectId)}”`).join('、');
  const signed = listPanelSignatures(db, sessionId).filter((s) => frozen.some((o) => o.projectId === s.projectId)).length;
  throw new AppError(
    'invalid-input',
    `${names}的专家组意见已定稿${signed ? `，已收到 ${signed} 份成员签名` : ''}，专家组的评分、裁定和保留意见不能再改。如确需修改，请先撤销定稿（已收集的签名将作废），改完后重新定稿并请各成员重新签署。`,
  );
}

/** 定稿: renders the project's panel opinion PDF once, dated `now`, and keeps its bytes for every member to sign. */
export async function freezeOpinion(db: WriteDb, sessionId: string, projectId: string, now: Date): Promise<PanelOpinionStatus> {
  const computed = sessionPanel(db, sessionId);
  const { session } = computed;
  const name = projectName(session, projectId);
  if (!session.projects.some((p) => p.id === projectId)) throw new AppError('not-found', '找不到该项目。');
  const held = findFrozenOpinion(db, sessionId, projectId);
  if (held)
    throw new AppError(
      'invalid-input',
      `“${name}”的专家组意见已于 ${formatDateTime(held.frozenAt, { seconds: true })} 定稿。如需重新定稿，请先撤销定稿。`,
    );
  if (!expectedSigners(computed, projectId).signers.length)
    throw new AppError('invalid-input', `尚未收到任何专家对“${name}”的评审结果，专家组意见无从定稿。请先导入专家的评审结果。`);
  const decided = computed.view.projects.find((p) => p.projectId === projectId)!.conclusion;
  if (decided.conclusion === null)
    throw new AppError('invalid-input', `“${name}”的专家组结论尚未形成（${decided.reason ?? '无结论'}），请组长裁定结论后再定稿。`);
  // The members sign the panel's one voice: every section of the opinion confirmed by the chair, not a merged draft.
  const unconfirmed = unconfirmedTitles(projectOpinionSections(db, computed, projectId));
  if (unconfirmed.length) throw new AppError('invalid-input', unconfirmedMessage(name, unconfirmed, '定稿'));
  const resolved = resolveTemplate(db, 'panel-opinion');
  const doc = await makeDocument({ db, now: () => now }, session, { resolved, projectId, format: 'pdf' });
  insertFrozenOpinion(
    db,
    { sessionId, projectId, fileName: doc.name, sha256: sha256(doc.bytes), createdAt: now.toISOString(), frozenAt: now.toISOString() },
    doc.bytes,
  );
  return statusOf(db, sessionId, projectId);
}

/** 撤销定稿: the panel can change again; the signatures collected over the frozen bytes are dropped. */
export function unfreezeOpinion(db: WriteDb, sessionId: string, projectId: string): PanelOpinionStatus {
  const session = sessionOrThrow(db, sessionId);
  if (!findFrozenOpinion(db, sessionId, projectId))
    throw new AppError('invalid-input', `“${projectName(session, projectId)}”的专家组意见尚未定稿，无需撤销。`);
  deleteFrozenOpinion(db, sessionId, projectId);
  return statusOf(db, sessionId, projectId);
}

/** Writes the frozen opinion PDF into `folder` under its own name (the name the members' signatures state). */
export async function writeOpinionFile(db: ReadDb, sessionId: string, projectId: string, folder: string): Promise<string> {
  const session = sessionOrThrow(db, sessionId);
  const held = findFrozenOpinion(db, sessionId, projectId);
  if (!held) throw new AppError('invalid-input', `“${projectName(session, projectId)}”的专家组意见尚未定稿，请先定稿再分发给成员签署。`);
  await fs.mkdir(folder, { recursive: true });
  const file = path.join(folder, held.fileName);
  await fs.writeFile(file, frozenOpinionBytes(db, sessionId, projectId));
  return file;
}

export interface SignatureSource {
  name: string;
  bytes: Uint8Array;
}

const refuse = (
  file: string,
  refusal: PanelSignatureRefusal,
  message: string,
  expert: string | null = null,
  projectId: string | null = null,
): PanelSignatureOutcome => ({
  file,
  status: 'refused',
  message,
  refusal,
  projectId,
  expert,
  signedAt: null,
});

function parseSignature(bytes: Uint8Array) {
  try {
    const parsed = detachedSignatureSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Verifies each member's signature file against the session's frozen opinions and records the accepted ones, in the order given. */
export function importPanelSignatures(
  db: WriteDb,
  sessionId: string,
  sources: readonly SignatureSource[],
  now: Date,
): PanelSignatureOutcome[] {
  const computed = sessionPanel(db, sessionId);
  const { session } = computed;
  const frozen = listFrozenOpinions(db, sessionId);
  const prints = memberFingerprints(db, session);
  return sources.map(({ name: file, bytes }) => {
    if (bytes.length > maxSignatureBytes)
      return refuse(
        file,
        'unreadable',
        `“${file}”有 ${(bytes.length / 2 ** 20).toFixed(1)} MB，不是签名文件。请选择成员签署后交回的 ${detachedSignatureSuffix} 文件。`,
      );
    const sig = parseSignature(bytes);
    if (!sig)
      return refuse(
        file,
        'unreadable',
        `“${file}”不是可读的签名文件（${detachedSignatureSuffix}）。请选择成员签署专家组意见后交回的签名文件。`,
      );
    if (!frozen.length) return refuse(file, 'foreign', `本评审会尚无定稿的专家组意见，“${file}”无从核对。请先定稿并分发专家组意见。`);
    const target = frozen.find((o) => o.sha256 === sig.file.sha256) ?? null;
    const candidate = target ?? frozen.find((o) => o.fileName === sig.file.name) ?? frozen[0]!; // frozen is not empty (checked above)
    // The signature's own integrity first (certificate, signature value), whatever file it names.
    const report = verifyDetached(frozenOpinionBytes(db, sessionId, candidate.projectId), bytes, sig.file.name);
    const broken = report.checks.find((c) => !c.ok && c.id !== 'file-digest' && c.id !== 'file-name');
    if (broken) return refuse(file, 'tampered', `“${file}”未通过验证：${broken.message}`, report.signer?.name ?? null);
    if (!target) {
      return candidate.fileName === sig.file.name
        ? refuse(
            file,
            'other-version',
            `“${file}”签署的是“${sig.file.name}”的另一版本（SHA-256 ${sig.file.sha256.slice(0, 16)}…），不是当前定稿（${candidate.sha256.slice(0, 16)}…）。请把当前定稿文件发给该成员重新签署。`,
            report.signer?.name ?? null,
            candidate.projectId,
          )
        : refuse(
            file,
            'foreign',
            `“${file}”签署的文件“${sig.file.name}”不是本评审会任何一份已定稿的专家组意见。请确认文件来源。`,
            report.signer?.name ?? null,
          );
    }
    const signer = report.signer!;
    const project = projectName(session, target.projectId);
    const position = session.experts.findIndex((_, i) => prints.get(i)?.fingerprint === signer.fingerprint);
    if (position < 0) {
      const byName = session.experts.findIndex((e) => e.name.trim() === signer.name.trim());
      const expected = byName >= 0 ? prints.get(byName) : undefined;
      if (!expected) {
        return refuse(
          file,
          'not-member',
          `“${file}”由“${signer.name}”签名（证书指纹 ${shortPrint(signer.fingerprint)}），此人不在专家名单中，或尚未收到其评审结果、无从核对其证书。`,
          signer.name,
          target.projectId,
        );
      }
      return refuse(
        file,
        'signer-mismatch',
        `“${file}”由“${signer.name}”签名，但所用证书（指纹 ${shortPrint(signer.fingerprint)}）不是${session.experts[byName]!.name}${expected.registered ? '在专家名单中登记的证书' : '提交评审结果所用的证书'}（指纹 ${shortPrint(expected.fingerprint)}）。请联系该成员用本人的签名身份重新签署。`,
        signer.name,
        target.projectId,
      );
    }
    const member = session.experts[position]!.name;
    const { signers, recused } = expectedSigners(computed, target.projectId);
    if (recused.some((s) => s.position === position))
      return refuse(file, 'recused', `${member}已声明回避“${project}”，不参与该项目专家组意见的签署。`, member, target.projectId);
    if (!signers.some((s) => s.position === position))
      return refuse(
        file,
        'not-member',
        `尚未收到${member}对“${project}”的评审结果，其不是该项目专家组意见的签署人。`,
        member,
        target.projectId,
      );
    const held = listPanelSignatures(db, sessionId).find((s) => s.projectId === target.projectId && s.expertPosition === position);
    if (held) {
      const same = held.sigSha256 === sha256(bytes);
      return refuse(
        file,
        'duplicate',
        `已收到${member}于 ${formatDateTime(held.signedAt, { seconds: true })} 对“${project}”专家组意见的签名${same ? '（与此文件完全相同）' : ''}，无需重复导入。`,
        member,
        target.projectId,
      );
    }
    insertPanelSignature(
      db,
      sessionId,
      {
        projectId: target.projectId,
        expertPosition: position,
        expertName: member,
        fingerprint: signer.fingerprint,
        signedAt: sig.signedAt,
        sigSha256: sha256(bytes),
        fileName: path.basename(file),
        receivedAt: now.toISOString(),
      },
      bytes,
    );
    return {
      file,
      status: 'accepted',
      message: `已收到${member}于 ${formatDateTime(sig.signedAt, { seconds: true })} 对“${project}”专家组意见的签名。`,
      refusal: null,
      projectId: target.projectId,
      expert: member,
      signedAt: sig.signedAt,
    };
  });
}

/** Reads signature files from paths (files, or folders whose *.sig.json are taken in name order); a missing path is a refused outcome. */
export async function readSignatureSources(paths: string[]): Promise<(SignatureSource | PanelSignatureOutcome)[]> {
  const out: (SignatureSource | PanelSignatureOutcome)[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) out.push(refuse(path.basename(p), 'unreadable', `找不到文件“${p}”，请确认路径。`));
    else if (stat.isDirectory()) {
      const names = (await fs.readdir(p)).filter((n) => n.toLowerCase().endsWith(detachedSignatureSuffix)).sort();
      if (!names.length) throw new AppError('invalid-input', `文件夹“${p}”中没有签名文件（${detachedSignatureSuffix}）。`);
      out.push(...(await readSignatureSources(names.map((n) => path.join(p, n)))));
    } else if (stat.size > maxSignatureBytes)
      out.push(refuse(path.basename(p), 'unreadable', `“${path.basename(p)}”有 ${(stat.size / 2 ** 20).toFixed(1)} MB，不是签名文件。`));
    else out.push({ name: path.basename(p), bytes: new Uint8Array(await fs.readFile(p)) });
  }
  return out;
}
