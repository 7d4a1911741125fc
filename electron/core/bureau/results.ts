// Owns collecting the experts' signed results (收取评审结果): verifying each *.rdr.json against this session (signature, package, roster, history chain, rubric), refusing tampered, duplicate, superseded or foreign files with their reason, and keeping every accepted submission (panel/members.ts reads the results in force back as reviews).
//
// A refused file writes nothing. A file is matched to the roster by the expert's name in its certificate; when the
// roster registers a fingerprint the certificate must carry it, and an expert who submitted before must sign with the
// same certificate again (a registered fingerprint identifies the expert even under a differently written name). The newest signing of an expert is in force; earlier ones stay as the submission history.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ResultImportOutcome, ResultRefusal } from '../../../shared/bureau';
import type { SessionDetail } from '../../../shared/domain';
import { samePackageId } from '../../../shared/manifest';
import { fingerprintGroups, normalizeFingerprint } from '../../../shared/signing';
import { resultFileSchema, resultFileSuffix } from '../../../shared/resultFile';
import { AppError } from '../kernel/errors';
import { fenToWan, yuanToFen } from '../../../shared/money';
import { validateApprovedFen, validateScore } from '../../../shared/scoreInput';
import type { ResultFile } from '../../../shared/resultFile';
import { sessionProfile } from '../context/session';
import { missingForCompletion } from '../scoring/completeness';
import { rubricForSession } from '../scoring/view';
import { reviewFromResult } from '../panel/members';
import { verifyResultFile } from '../signing/result';
import { packageCreatedAt } from '../store/sessions';
import {
  currentResults,
  deletePendingOfExpert,
  findPendingByHash,
  findResultByHash,
  insertPendingResult,
  insertResult,
  listPendingResults,
  pendingResultBytes,
} from '../store/bureauResults';
import { transaction, type WriteDb } from '../store/access';
import { formatDateTime } from '../../../shared/dateTime';

/** A result file of a large session is well under a megabyte; anything past this is not one. */
export const maxResultBytes = 16 * 2 ** 20;

export interface ResultSource {
  /** Shown in the outcome. */
  name: string;
  bytes: Uint8Array;
}

/** Which kind of refusal each verification check stands for; the first failed check decides. */
const refusalOfCheck: Record<string, ResultRefusal> = {
  json: 'unreadable',
  'format-version': 'unreadable',
  schema: 'unreadable',
  roster: 'roster-mismatch',
  manifest: 'foreign',
};

const refuse = (file: string, refusal: ResultRefusal, message: string, expert: string | null = null): ResultImportOutcome => ({
  file,
  status: 'refused',
  message,
  refusal,
  expert,
  signedAt: null,
});

/** A string member of a JSON object, read without trusting the object (hostile keys such as __proto__ are plain data). */
function stringAt(value: unknown, ...keys: string[]): string | null {
  let at: unknown = value;
  for (const key of keys) {
    if (at === null || typeof at !== 'object' || Array.isArray(at) || !Object.prototype.hasOwnProperty.call(at, key)) return null;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === 'string' ? at : null;
}

function rawJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/** How far a signing time may lie ahead of this machine's clock (the two machines' clocks differ a little). */
export const clockSkewMs = 5 * 60_000;

/** Signing times compared as instants: `…+08:00` and `…Z` are the same scale (a string comparison is not). */
const instant = (iso: string) => Date.parse(iso);

/**
 * What the signed content says, checked against the package's rubric and budget: every score within its sub-criterion's
 * range and step, a review marked complete really complete (the form's own completeness rule, scoring/completeness.ts),
 * approved amounts within 0 … the package's requested amount, and a signing time neither in the future nor before the
 * package was made. The first problem, in Chinese naming the expert, the project and the field; null when sound.
 *
 * Completeness is judged without the pre-check's findings: the expert may have set a finding aside (不适用) on their
 * machine, which the file does not carry, so a veto left pending there is the expert's to judge, not the bureau's.
 */
function contentProblem(db: WriteDb, session: SessionDetail, result: ResultFile, file: string, now: Date): string | null {
  const name = result.expert.name;
  const signed = instant(result.signedAt);
  if (signed > now.getTime() + clockSkewMs)
    return `“${file}”中${name}的签名时间 ${formatDateTime(result.signedAt, { seconds: true })} 晚于本机当前时间，签名时间不可能在将来。请核对专家电脑的时钟或文件来源。`;
  const created = packageCreatedAt(db, session.id);
  if (created !== null && signed < instant(created))
    return `“${file}”中${name}的签名时间 ${formatDateTime(result.signedAt, { seconds: true })} 早于评审包的制作时间 ${formatDateTime(created, { seconds: true })}，不可能是对本评审包的评审。`;
  const { rubric } = rubricForSession(db, session);
  const profile = sessionProfile(db, session);
  for (const p of result.projects) {
    const project = session.projects.find((x) => x.id === p.projectId)!;
    const at = `${name}对项目“${project.name}”`;
    for (const [dimensionId, entry] of Object.entries(p.dimensions)) {
      const dimension = rubric.dimensions.find((d) => d.id === dimensionId);
      if (!dimension) return `“${file}”中${at}的评分含有评分标准中没有的维度（${dimensionId}）。`;
      for (const [criterionId, score] of Object.entries(entry?.scores ?? {})) {
        const criterion = dimension.subCriteria.find((c) => c.id === criterionId);
        if (!criterion) return `“${file}”中${at}的「${dimension.name}」含有评分标准中没有的子项（${criterionId}）。`;
        const problem = score === null ? null : validateScore(score, criterion);
        if (problem) return `“${file}”中${at}的「${dimension.name} · ${criterion.name}」得分 ${score} 不合评分标准：${problem}。`;
      }
    }
    for (const line of p.investment) {
      const budget = project.budgetLines.find((l) => l.id === line.lineId);
      if (!budget) return `“${file}”中${at}的投资审核含有评审包中没有的概算条目（${line.lineId}）。`;
      const approvedFen = line.approved === null ? null : yuanToFen(line.approved);
      const problem = approvedFen === null ? null : validateApprovedFen(approvedFen, budget);
      if (problem)
        return `“${file}”中${at}的「${budget.name}」建议核定 ${fenToWan(approvedFen!)} 万元，超出申报金额 ${fenToWan(budget.amountFen)} 万元或不合金额规则：${problem}。`;
    }
    if (p.state === 'complete') {
      const lines = project.budgetLines.map(({ id, name: lineName, amountFen }) => ({ id, name: lineName, amountFen }));
      const missing = missingForCompletion(reviewFromResult(p, 'result'), rubric, profile.requiredChapters, lines, {
        projectType: project.type,
      });
      if (missing.length > 0)
        return `“${file}”中${at}的评审标记为已完成，但并未完成：${missing
          .slice(0, 3)
          .map((m) => m.message)
          .join('；')}${missing.length > 3 ? ` 等 ${missing.length} 项` : ''}。`;
    }
  }
  return null;
}

const groups = (fingerprint: string) => fingerprintGroups(fingerprint).join(' ');

export interface ImportOptions {
  /** A fingerprint the bureau has confirmed for this file's expert (待确认 → 确认): bound without holding. */
  confirmedFingerprint?: string;
  /** The archive's results: the bureau that signed the archive confirmed their keys when it received them. */
  trustArchive?: boolean;
}

/**
 * Verifies one result file against the session and stores it when it is accepted. A result whose expert the roster
 * lists without a fingerprint, signed by a key not yet bound to that expert, is held (待确认) rather than accepted: the
 * first key seen for a name is not trusted silently, and the bureau confirms it (`confirmPendingKey`).
 */
export function importResult(
  db: WriteDb,
  session: SessionDetail,
  source: ResultSource,
  now: Date,
  options: ImportOptions = {},
): ResultImportOutcome {
  const file = source.name;
  if (source.bytes.length > maxResultBytes)
    return refuse(
      file,
      'too-large',
      `“${file}”有 ${(source.bytes.length / 2 ** 20).toFixed(1)} MB，远大于评审结果文件应有的大小，不是评审结果文件。请确认选择的是专家导出的 .rdr.json 文件。`,
    );
  const fileSha256 = createHash('sha256').update(source.bytes).digest('hex');
  const same = findResultByHash(db, session.id, fileSha256);
  if (same)
    return refuse(
      file,
      'duplicate',
      `“${file}”与已收到的${same.expertName}于 ${formatDateTime(same.signedAt, { seconds: true })} 签名的结果文件完全相同，无需重复导入。`,
      same.expertName,
    );

  const waiting = findPendingByHash(db, session.id, fileSha256);
  if (waiting)
    return refuse(
      file,
      'duplicate',
      `“${file}”与已收到、待确认签名证书的${waiting.expertName}的结果文件完全相同，无需重复导入；请在“提交情况”中核对并确认其指纹。`,
      waiting.expertName,
    );

  const raw = rawJson(source.bytes);
  const claimedName = stringAt(raw, 'expert', 'name');
  const claimedPrint = stringAt(raw, 'expert', 'fingerprint');
  // The roster entry that registered this certificate, else the one of the same name (名单核对 then checks its fingerprint).
  const byPrint = claimedPrint
    ? session.experts.findIndex((e) => !!e.fingerprint && normalizeFingerprint(e.fingerprint) === claimedPrint)
    : -1;
  const position = byPrint >= 0 ? byPrint : session.experts.findIndex((e) => e.name.trim() === (claimedName ?? '').trim());
  const rosterEntry = position >= 0 ? session.experts[position] : null;
  const report = verifyResultFile(source.bytes, {
    expectedFingerprint: rosterEntry?.fingerprint ?? null,
    manifestSha256: session.manifestSha256,
  });
  if (!report.valid) {
    const failed = report.checks.find((c) => !c.ok)!;
    const packageId = stringAt(raw, 'packageId');
    if (failed.id === 'manifest' && !samePackageId(packageId, session.id)) {
      return refuse(
        file,
        'foreign',
        `“${file}”是另一个评审包（编号 ${packageId}）的评审结果，不属于本评审会“${session.title}”。请确认文件来源。`,
        claimedName,
      );
    }
    return refuse(file, refusalOfCheck[failed.id] ?? 'tampered', `“${file}”未通过验证：${failed.message}`, claimedName);
  }
  const result = resultFileSchema.parse(raw);
  const name = result.expert.name;
  if (!rosterEntry)
    return refuse(file, 'not-on-roster', `“${file}”由“${name}”签名，但本评审会的专家名单中没有此人。请核对名单或文件来源。`, name);
  if (!samePackageId(result.packageId, session.id))
    return refuse(file, 'foreign', `“${file}”是另一个评审包（编号 ${result.packageId}）的评审结果，不属于本评审会。`, name);

  const held = currentResults(db, session.id).find((r) => r.expertPosition === position);
  if (held && held.fingerprint !== result.expert.fingerprint) {
    return refuse(
      file,
      'roster-mismatch',
      `“${file}”所用的签名证书（指纹 ${result.expert.fingerprint.slice(0, 16)}…）与${name}先前提交所用的证书（${held.fingerprint.slice(0, 16)}…）不同。请联系该专家核对签名身份。`,
      name,
    );
  }
  const rubric = rubricForSession(db, session);
  const known = new Set(session.projects.map((p) => p.id));
  for (const p of result.projects) {
    if (!known.has(p.projectId))
      return refuse(file, 'foreign', `“${file}”含有本评审会没有的项目（${p.projectId}），不属于本评审会。`, name);
    if (p.rubricFingerprint !== rubric.fingerprint) {
      return refuse(
        file,
        'rubric-mismatch',
        `“${file}”中项目 ${p.projectId} 按另一套评分标准评分（与本评审会执行的评分标准不一致），不能汇总。请确认专家使用的评审工作台版本与评审包。`,
        name,
      );
    }
  }
  const problem = contentProblem(db, session, result, file, now);
  if (problem) return refuse(file, 'invalid-content', problem, name);
  const bound =
    !!rosterEntry.fingerprint || !!held || options.trustArchive === true || options.confirmedFingerprint === result.expert.fingerprint;
  if (!bound) {
    insertPendingResult(
      db,
      {
        sessionId: session.id,
        expertPosition: position,
        expertName: name,
        fingerprint: result.expert.fingerprint,
        signedAt: result.signedAt,
        fileSha256,
        fileName: path.basename(file),
        receivedAt: now.toISOString(),
      },
      source.bytes,
    );
    return {
      file,
      status: 'held',
      message: `“${file}”由${name}签名，签名有效，但专家名单没有为${name}登记证书指纹，这是第一次收到其签名证书（指纹 ${groups(result.expert.fingerprint)}）。请与${name}本人核对该指纹后在“提交情况”中确认；确认前此结果暂不采用。`,
      refusal: null,
      expert: name,
      signedAt: result.signedAt,
    };
  }
  if (held && instant(held.signedAt) >= instant(result.signedAt)) {
    return refuse(
      file,
      'superseded',
      `“${file}”是${name}于 ${formatDateTime(result.signedAt, { seconds: true })} 签名的版本，已收到其 ${formatDateTime(held.signedAt, { seconds: true })} 签名的${instant(held.signedAt) === instant(result.signedAt) ? '另一份' : '更新'}版本，此文件不再采用。`,
      name,
    );
  }
  insertResult(
    db,
    {
      sessionId: session.id,
      expertPosition: position,
      expertName: name,
      fingerprint: result.expert.fingerprint,
      signedAt: result.signedAt,
      fileSha256,
      fileName: path.basename(file),
      receivedAt: now.toISOString(),
    },
    source.bytes,
  );
  return {
    file,
    status: held ? 'replaced' : 'accepted',
    message: held
      ? `已收到${name}于 ${formatDateTime(result.signedAt, { seconds: true })} 签名的新版本，替换 ${formatDateTime(held.signedAt, { seconds: true })} 的版本（旧版本保留在提交记录中）。`
      : `已收到${name}于 ${formatDateTime(result.signedAt, { seconds: true })} 签名的评审结果。`,
    refusal: null,
    expert: name,
    signedAt: result.signedAt,
  };
}

/**
 * 确认签名证书: the bureau has checked a held result's fingerprint with the expert. The key is bound to that expert: the
 * expert's held results signed by it are judged again (in signing order, as on import) and accepted; those signed by
 * another key are refused. One transaction.
 */
export function confirmPendingKey(db: WriteDb, session: SessionDetail, pendingId: number, now: Date): ResultImportOutcome[] {
  return transaction(db, () => {
    const pending = listPendingResults(db, session.id);
    const chosen = pending.find((r) => r.id === pendingId);
    if (!chosen) throw new AppError('not-found', '该待确认的结果已不存在（可能已经确认），请重新加载提交情况。');
    const mine = pending
      .filter((r) => r.expertPosition === chosen.expertPosition)
      .map((r) => ({ row: r, bytes: pendingResultBytes(db, r.id) }));
    deletePendingOfExpert(db, session.id, chosen.expertPosition);
    return mine.map(({ row, bytes }) =>
      row.fingerprint === chosen.fingerprint
        ? importResult(db, session, { name: row.fileName, bytes }, now, { confirmedFingerprint: chosen.fingerprint })
        : refuse(
            row.fileName,
            'roster-mismatch',
            `“${row.fileName}”所用的签名证书（指纹 ${groups(row.fingerprint)}）不是已确认的${row.expertName}的证书（${groups(chosen.fingerprint)}），不予采用。请联系该专家核对签名身份。`,
            row.expertName,
          ),
    );
  });
}

/** Reads result files from paths (files, or folders whose *.rdr.json are taken in name order) without reading oversized files into memory. */
export async function readResultSources(paths: string[]): Promise<(ResultSource | ResultImportOutcome)[]> {
  const out: (ResultSource | ResultImportOutcome)[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) {
      out.push(refuse(path.basename(p), 'unreadable', `找不到文件“${p}”，请确认路径。`));
    } else if (stat.isDirectory()) {
      const names = (await fs.readdir(p)).filter((n) => n.toLowerCase().endsWith(resultFileSuffix)).sort();
      if (names.length === 0) throw new AppError('invalid-input', `文件夹“${p}”中没有评审结果文件（${resultFileSuffix}）。`);
      out.push(...(await readResultSources(names.map((n) => path.join(p, n)))));
    } else if (stat.size > maxResultBytes) {
      out.push(
        refuse(
          path.basename(p),
          'too-large',
          `“${path.basename(p)}”有 ${(stat.size / 2 ** 20).toFixed(1)} MB，远大于评审结果文件应有的大小，不是评审结果文件。`,
        ),
      );
    } else {
      out.push({ name: path.basename(p), bytes: new Uint8Array(await fs.readFile(p)) });
    }
  }
  return out;
}
