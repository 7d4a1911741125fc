// Owns collecting the experts' signed results (收取评审结果): verifying each *.rdr.json against this session (signature, package, roster, history chain, rubric), refusing tampered, duplicate, superseded or foreign files with their reason, keeping every accepted submission, and reading the results in force back as reviews.
//
// A refused file writes nothing. A file is matched to the roster by the expert's name in its certificate; when the
// roster registers a fingerprint the certificate must carry it, and an expert who submitted before must sign with the
// same certificate again (a registered fingerprint identifies the expert even under a differently written name). The newest signing of an expert is in force; earlier ones stay as the submission history.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ResultImportOutcome, ResultRefusal } from '../../../shared/bureau';
import type { SessionDetail } from '../../../shared/domain';
import { yuanToFen } from '../../../shared/money';
import { normalizeFingerprint } from '../../../shared/signing';
import { resultFileSchema, resultFileSuffix, type ProjectResult, type ResultFile } from '../../../shared/resultFile';
import type { Review } from '../../../shared/scoring';
import { AppError } from '../api/errors';
import { rubricForSession } from '../scoring/view';
import { verifyResultFile } from '../signing/result';
import { currentResults, findResultByHash, insertResult, resultBytes, type StoredResult } from '../store/bureauResults';
import type { Db } from '../store/db';

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

const refuse = (file: string, refusal: ResultRefusal, message: string, expert: string | null = null): ResultImportOutcome => ({ file, status: 'refused', message, refusal, expert, signedAt: null });

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

const shortTime = (iso: string) => iso.replace('T', ' ').slice(0, 19);

/** Verifies one result file against the session and stores it when it is accepted. */
export function importResult(db: Db, session: SessionDetail, source: ResultSource, now: Date): ResultImportOutcome {
  const file = source.name;
  if (source.bytes.length > maxResultBytes) return refuse(file, 'too-large', `“${file}”有 ${(source.bytes.length / 2 ** 20).toFixed(1)} MB，远大于评审结果文件应有的大小，不是评审结果文件。请确认选择的是专家导出的 .rdr.json 文件。`);
  const fileSha256 = createHash('sha256').update(source.bytes).digest('hex');
  const same = findResultByHash(db, session.id, fileSha256);
  if (same) return refuse(file, 'duplicate', `“${file}”与已收到的${same.expertName}于 ${shortTime(same.signedAt)} 签名的结果文件完全相同，无需重复导入。`, same.expertName);

  const raw = rawJson(source.bytes);
  const claimedName = stringAt(raw, 'expert', 'name');
  const claimedPrint = stringAt(raw, 'expert', 'fingerprint');
  // The roster entry that registered this certificate, else the one of the same name (名单核对 then checks its fingerprint).
  const byPrint = claimedPrint ? session.experts.findIndex((e) => !!e.fingerprint && normalizeFingerprint(e.fingerprint) === claimedPrint) : -1;
  const position = byPrint >= 0 ? byPrint : session.experts.findIndex((e) => e.name.trim() === (claimedName ?? '').trim());
  const rosterEntry = position >= 0 ? session.experts[position] : null;
  const report = verifyResultFile(source.bytes, { expectedFingerprint: rosterEntry?.fingerprint ?? null, manifestSha256: session.manifestSha256 });
  if (!report.valid) {
    const failed = report.checks.find((c) => !c.ok)!;
    const packageId = stringAt(raw, 'packageId');
    if (failed.id === 'manifest' && packageId !== session.id) {
      return refuse(file, 'foreign', `“${file}”是另一个评审包（编号 ${packageId}）的评审结果，不属于本评审会“${session.title}”。请确认文件来源。`, claimedName);
    }
    return refuse(file, refusalOfCheck[failed.id] ?? 'tampered', `“${file}”未通过验证：${failed.message}`, claimedName);
  }
  const result = resultFileSchema.parse(raw);
  const name = result.expert.name;
  if (!rosterEntry) return refuse(file, 'not-on-roster', `“${file}”由“${name}”签名，但本评审会的专家名单中没有此人。请核对名单或文件来源。`, name);
  if (result.packageId !== session.id) return refuse(file, 'foreign', `“${file}”是另一个评审包（编号 ${result.packageId}）的评审结果，不属于本评审会。`, name);

  const held = currentResults(db, session.id).find((r) => r.expertPosition === position);
  if (held && held.fingerprint !== result.expert.fingerprint) {
    return refuse(file, 'roster-mismatch', `“${file}”所用的签名证书（指纹 ${result.expert.fingerprint.slice(0, 16)}…）与${name}先前提交所用的证书（${held.fingerprint.slice(0, 16)}…）不同。请联系该专家核对签名身份。`, name);
  }
  const rubric = rubricForSession(db, session);
  const known = new Set(session.projects.map((p) => p.id));
  for (const p of result.projects) {
    if (!known.has(p.projectId)) return refuse(file, 'foreign', `“${file}”含有本评审会没有的项目（${p.projectId}），不属于本评审会。`, name);
    if (p.rubricFingerprint !== rubric.fingerprint) {
      return refuse(file, 'rubric-mismatch', `“${file}”中项目 ${p.projectId} 按另一套评分标准评分（与本评审会执行的评分标准不一致），不能汇总。请确认专家使用的评审工作台版本与评审包。`, name);
    }
  }
  if (held && held.signedAt >= result.signedAt) {
    return refuse(file, 'superseded', `“${file}”是${name}于 ${shortTime(result.signedAt)} 签名的版本，已收到其 ${shortTime(held.signedAt)} 签名的${held.signedAt === result.signedAt ? '另一份' : '更新'}版本，此文件不再采用。`, name);
  }
  insertResult(
    db,
    { sessionId: session.id, expertPosition: position, expertName: name, fingerprint: result.expert.fingerprint, signedAt: result.signedAt, fileSha256, fileName: path.basename(file), receivedAt: now.toISOString() },
    source.bytes,
  );
  return {
    file,
    status: held ? 'replaced' : 'accepted',
    message: held ? `已收到${name}于 ${shortTime(result.signedAt)} 签名的新版本，替换 ${shortTime(held.signedAt)} 的版本（旧版本保留在提交记录中）。` : `已收到${name}于 ${shortTime(result.signedAt)} 签名的评审结果。`,
    refusal: null,
    expert: name,
    signedAt: result.signedAt,
  };
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
      out.push(refuse(path.basename(p), 'too-large', `“${path.basename(p)}”有 ${(stat.size / 2 ** 20).toFixed(1)} MB，远大于评审结果文件应有的大小，不是评审结果文件。`));
    } else {
      out.push({ name: path.basename(p), bytes: new Uint8Array(await fs.readFile(p)) });
    }
  }
  return out;
}

/** A stored result parsed again (it was verified when accepted). */
export function storedResultFile(db: Db, stored: StoredResult): ResultFile {
  return resultFileSchema.parse(JSON.parse(Buffer.from(resultBytes(db, stored.id)).toString('utf8')));
}

/** One project of a result file as the Review the scoring code computes from (amounts back to fen). */
export function reviewFromResult(p: ProjectResult, expertId: string): Review {
  const { state: _state, completedAt: _completedAt, history: _history, conclusion, investment, ...entered } = p;
  return {
    ...entered,
    expertId,
    conclusion: { chosen: conclusion.chosen, reason: conclusion.reason },
    investment: Object.fromEntries(investment.map((l) => [l.lineId, { approvedFen: l.approved === null ? null : yuanToFen(l.approved), reason: l.reason }])),
  };
}
