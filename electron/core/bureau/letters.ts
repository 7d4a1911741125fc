// Owns issuing the letters (签发评审意见函) on the bureau's side: the bureau's letter settings (发文机关标志, 文号 prefix,
// 抄送), the 成文日期 chosen when letters are issued (never before the review meeting), the refusal while the chair has
// not confirmed every section of a project's panel opinion, the 文号 each letter takes from the register (发文登记,
// store/letterRegister.ts) and keeps when issued again, the letters written through the 文书 batch, and the register
// shown and exported (CSV / XLSX).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LetterRegisterEntry, LetterSettingsInput, LettersView } from '../../../shared/bureau';
import type { OutputResult } from '../../../shared/output';
import { AppError } from '../kernel/errors';
import { chooseFolder } from '../kernel/files';
import type { Host } from '../kernel/handlers';
import type { JobRegistry } from '../jobs/registry';
import { sessionOrThrow } from '../context/session';
import { runBatch, plannedJobs } from '../output/batch';
import { resolveTemplate } from '../output/catalog';
import { defaultNumberPrefix, letterKind } from '../output/context';
import { defaultExportFolder } from '../output/files';
import { rowsCsv } from '../output/sheets/csv';
import type { SheetCell, SheetModel } from '../output/sheets/model';
import { sheetsXlsx } from '../output/sheets/xlsx';
import { formatDate } from '../output/typography';
import { sessionPanel } from '../panel/panel';
import type { ReadDb, WriteDb } from '../store/access';
import { countResults } from '../store/bureauResults';
import { findLetter, listLetters, loadLetterSettings, registerLetter, saveLetterSettings, type LetterEntry } from '../store/letterRegister';
import { unconfirmedProjects } from './panelOpinion';
import { unconfirmedMessage } from './panelSigning';

/** A calendar date (YYYY-MM-DD) as China reads it at `at` (UTC+8): the day a letter issued then would be dated. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const isCalendarDate = (d: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) &&
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
  new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

const entryView = (e: LetterEntry): LetterRegisterEntry => ({
  number: e.number,
  sessionId: e.sessionId,
  projectId: e.projectId,
  sessionTitle: e.sessionTitle,
  projectName: e.projectName,
  dated: e.dated,
  issuedAt: e.issuedAt,
  firstIssuedAt: e.firstIssuedAt,
});

/** The letters screen of a session: settings, the prefix in force, the dates, what blocks issuing, the register. */
export function lettersView(db: ReadDb, sessionId: string, now: Date): LettersView {
  const session = sessionOrThrow(db, sessionId);
  const settings = loadLetterSettings(db);
  const today = chinaDate(now);
  return {
    settings,
    prefix: settings.numberPrefix || defaultNumberPrefix(session.issuer),
    earliestDate: session.date,
    defaultDate: today > session.date ? today : session.date,
    unconfirmed: countResults(db, sessionId) > 0 ? unconfirmedProjects(db, sessionId) : [],
    register: listLetters(db).map(entryView),
  };
}

/** Saves the bureau's letter settings (normalised: 抄送 without trailing punctuation and without repeats). */
export function saveSettings(db: WriteDb, input: LetterSettingsInput, now: Date): LettersView['settings'] {
  const copyTo = [...new Set(input.copyTo.map((c) => c.trim().replace(/[，。,.；;、]+$/u, '')).filter(Boolean))];
  saveLetterSettings(db, { issuerMark: input.issuerMark.trim(), numberPrefix: input.numberPrefix.trim(), copyTo }, now.toISOString());
  return loadLetterSettings(db);
}

export interface IssueInput {
  sessionId: string;
  jobId: string;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  projectIds: string[] | null;
  formats: ('docx' | 'pdf')[];
  destination: 'default' | 'choose';
}

export interface IssueContext {
  db: WriteDb;
  host: Host;
  jobs: JobRegistry;
  now: () => Date;
}

/**
 * 签发: checks the date and that every chosen project's panel opinion is confirmed and decided, takes (or keeps) each
 * letter's 文号 in the register, then writes the letters. Nothing is registered when a check fails or the folder dialog
 * is closed; once registered, a letter keeps its number even if writing the files fails (issue it again).
 */
export async function issueLetters(ctx: IssueContext, input: IssueInput): Promise<OutputResult & { letters: LetterRegisterEntry[] }> {
  const { db } = ctx;
  const session = sessionOrThrow(db, input.sessionId);
  if (!isCalendarDate(input.date)) throw new AppError('invalid-input', `成文日期“${input.date}”不是有效的日期，请重新选择。`);
  if (input.date < session.date) {
    throw new AppError(
      'invalid-input',
      `成文日期 ${formatDate(input.date)} 早于评审会日期 ${formatDate(session.date)}：评审意见函在评审会之后形成，成文日期不能早于评审会。`,
    );
  }
  if (countResults(db, session.id) === 0)
    throw new AppError('invalid-input', '尚未收到专家的评审结果，专家组意见无从形成，不能签发评审意见函。');
  const projects = session.projects.filter((p) => input.projectIds === null || input.projectIds.includes(p.id));
  if (!projects.length || (input.projectIds && projects.length !== input.projectIds.length))
    throw new AppError('not-found', '该评审会中没有所选项目，请刷新后重试。');
  const computed = sessionPanel(db, session.id);
  const blocked = unconfirmedProjects(db, session.id, computed).filter((u) => projects.some((p) => p.id === u.projectId));
  if (blocked.length)
    throw new AppError('invalid-input', blocked.map((b) => unconfirmedMessage(b.name, b.sections, '签发评审意见函')).join('\n'));
  for (const p of projects) {
    const decided = computed.view.projects.find((x) => x.projectId === p.id)?.conclusion;
    if (!decided || decided.conclusion === null)
      throw new AppError(
        'invalid-input',
        `“${p.name}”的专家组结论尚未形成（${decided?.reason ?? '无结论'}），请组长裁定结论后再签发评审意见函。`,
      );
  }
  const year = Number(input.date.slice(0, 4));
  for (const p of projects) {
    const held = findLetter(db, session.id, p.id, letterKind);
    if (held && held.year !== year) {
      throw new AppError(
        'invalid-input',
        `“${p.name}”的评审意见函已登记为${held.number}（${formatDate(held.dated)}），重新签发时成文日期应在 ${held.year} 年内，文号不变。`,
      );
    }
  }
  const resolved = resolveTemplate(db, letterKind);
  const folder = await chooseFolder(
    ctx.host,
    input.destination,
    defaultExportFolder(ctx.host.dataDir, session.title),
    '选择评审意见函保存位置',
  );
  if (folder === null) return { folder: null, files: [], skipped: [], letters: [] };
  const prefix = loadLetterSettings(db).numberPrefix || defaultNumberPrefix(session.issuer);
  const issuedAt = ctx.now().toISOString();
  const letters = projects.map((p) =>
    registerLetter(db, {
      prefix,
      year,
      sessionId: session.id,
      projectId: p.id,
      letterKind,
      sessionTitle: session.title,
      projectName: p.name,
      dated: input.date,
      issuedAt,
    }),
  );
  const planned = plannedJobs(
    session,
    [resolved],
    input.formats,
    projects.map((p) => p.id),
  );
  const result = await runBatch(
    { db, now: ctx.now, jobs: ctx.jobs, onProgress: (pr) => ctx.host.emit('job.progress', pr) },
    session,
    planned,
    folder,
    input.jobId,
  );
  return { folder, ...result, letters: letters.map(entryView) };
}

/** The register as one sheet: 文号, 评审会, 项目, 成文日期, 签发时间 (China time), 首次签发. */
export function registerSheet(entries: readonly LetterEntry[]): SheetModel {
  const text = (t: string): SheetCell => ({ value: t, text: t });
  // 2027-03-18 09:30 in China time (UTC+8).
  const time = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  const header = ['文号', '评审会', '项目', '成文日期', '签发时间', '首次签发时间'];
  return {
    name: '发文登记',
    widths: [22, 34, 40, 16, 18, 18],
    headerRows: 2,
    frozenColumns: 1,
    decimals: 0,
    rows: [
      { kind: 'title', cells: [text('发文登记'), ...header.slice(1).map(() => text(''))] },
      { kind: 'header', cells: header.map(text) },
      ...entries.map((e) => ({
        kind: 'body' as const,
        cells: [e.number, e.sessionTitle, e.projectName, formatDate(e.dated), time(e.issuedAt), time(e.firstIssuedAt)].map(text),
      })),
    ],
  };
}

/** Writes the whole register as 发文登记.xlsx or .csv into the chosen folder (web mode: `<data>/bureau/exports/`). */
export async function exportRegister(
  db: ReadDb,
  host: Host,
  format: 'xlsx' | 'csv',
  destination: 'default' | 'choose',
  now: Date,
): Promise<string | null> {
  const folder = await chooseFolder(host, destination, path.join(host.dataDir, 'bureau', 'exports'), '选择发文登记的保存位置');
  if (folder === null) return null;
  const sheet = registerSheet(listLetters(db));
  const bytes =
    format === 'csv'
      ? rowsCsv(sheet.rows.filter((r) => r.kind !== 'title'))
      : await sheetsXlsx([sheet], { title: '发文登记', author: '评审工作台', createdAt: now.toISOString() });
  await fs.mkdir(folder, { recursive: true });
  const file = path.join(folder, `发文登记.${format}`);
  await fs.writeFile(file, bytes);
  return file;
}
