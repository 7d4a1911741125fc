// Test helper for the bureau's full cycle: a bureau core and expert cores on separate data folders, a small realistic draft, experts who score, sign and export through the real calls.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { openCore, type Core } from '../../../electron/core/app';
import type { DraftView, PanelOpinionText, ResultImportOutcome, StatusBoard } from '../../../shared/bureau';
import type { ApiErrorBody, Envelope } from '../../../shared/api';
import type { Review, ReviewView } from '../../../shared/scoring';
import type { ExportResult, IdentityView } from '../../../shared/signing';
import { quietHost, tempDir } from '../../helpers/core';
import { callCore } from '../../../electron/core/api/call';
import { confirmIdentity } from '../sampleSession';

export const passphrase = '评审口令-2027-secure';
export const samplesDir = path.resolve(__dirname, '../../../resources/samples/wulong-2027/documents/wl-2027-01');

let clock = Date.parse('2027-03-10T09:00:00+08:00');
/** One clock for every core, one second a call: signing times are ordered as the test acts. */
export const tick = () => new Date((clock += 1000));

export async function openTestCore(dataDir = tempDir('rd-bureau-'), now: () => Date = tick): Promise<{ core: Core; dataDir: string }> {
  const core = await openCore(quietHost(dataDir), now);
  return { core, dataDir };
}

export const ok = <T>(core: Core, name: string, input: unknown): Promise<T> => callCore<T>(core.dispatch, name, input);

export async function refused(core: Core, name: string, input: unknown): Promise<ApiErrorBody> {
  const res = (await core.dispatch(name, input)) as Envelope<unknown>;
  if (res.ok) throw new Error(`${name} was not refused`);
  return res.error;
}

/** A refused input as "field：what is wrong" — the field's path travels beside the user's message, not inside it. */
export const atField = (error: ApiErrorBody): string => `${error.problems?.[0]?.path}：${error.problems?.[0]?.message}`;

function signaturePng(): Uint8Array {
  const png = new PNG({ width: 200, height: 80 });
  png.data.fill(255);
  for (let x = 20; x < 180; x++) png.data.set([10, 10, 60, 255], (40 * 200 + x) * 4);
  return new Uint8Array(PNG.sync.write(png));
}

export interface TestExpert {
  name: string;
  core: Core;
  dataDir: string;
  identity: IdentityView;
  sessionId?: string;
}

/**
 * An expert's machine: profile saved, signing identity created, handwritten signature saved. `now` is its clock (the
 * shared test clock unless given; a bureau on the real clock refuses results signed in its future).
 */
export async function expertMachine(name: string, now: () => Date = tick): Promise<TestExpert> {
  const { core, dataDir } = await openTestCore(undefined, now);
  await ok(core, 'expert.save', { name, title: '高级工程师', employer: `${name}所在设计院`, phone: '' });
  const identity = await ok<IdentityView>(core, 'signing.identity.create', { passphrase });
  await ok(core, 'signing.image.save', { png: signaturePng() });
  return { name, core, dataDir, identity };
}

/** The bureau's draft: national rules, three experts (甲 chair), one project with a real proposal and two budget lines. */
export async function makeDraft(bureau: Core, fingerprints: Record<string, string> = {}): Promise<DraftView> {
  const experts = ['专家甲', '专家乙', '专家丙'].map((name) => ({
    name,
    title: '高级工程师',
    employer: `${name}所在设计院`,
    fingerprint: fingerprints[name] ?? '',
  }));
  let view = await ok<DraftView>(bureau, 'bureau.draft.create', {
    session: {
      jurisdiction: 'national',
      issuer: '测试区大数据发展局',
      title: '2027年度测试区政务信息化项目专家评审会',
      date: '2027-03-18',
      location: '区政务服务中心第一会议室',
      experts,
      chair: '专家甲',
    },
  });
  view = await ok<DraftView>(bureau, 'bureau.draft.saveProject', {
    draftId: view.draft.id,
    baseVersion: view.version,
    project: {
      id: 'p1',
      name: '测试区智慧城管综合平台建设项目',
      applicant: '测试区城市管理局',
      type: 'new',
      investmentFen: 150_000_000,
      fundingSource: '区级财政资金',
      periodMonths: 12,
      inAnnualPlan: true,
      summary: '建设城管综合指挥平台，接入视频与物联感知数据。',
      budgetLines: [
        { id: 'b1', name: '应用软件开发', category: '软件', quantity: 1, unit: '项', unitPriceFen: 100_000_000, amountFen: 100_000_000 },
        { id: 'b2', name: '服务器', category: '硬件', quantity: 5, unit: '台', unitPriceFen: 10_000_000, amountFen: 50_000_000 },
      ],
    },
  });
  return ok<DraftView>(bureau, 'bureau.draft.addDocument', {
    draftId: view.draft.id,
    baseVersion: view.version,
    projectId: 'p1',
    name: '建设方案.pdf',
    kind: 'proposal',
    title: '建设方案',
    bytes: new Uint8Array(await fs.readFile(path.join(samplesDir, '建设方案.pdf'))),
  });
}

/** A bureau machine with makeDraft's draft exported: its session registered for collecting results. The caller closes the core. */
export async function registeredSession(
  fingerprints: Record<string, string> = {},
): Promise<{ core: Core; dataDir: string; sessionId: string }> {
  const { core, dataDir } = await openTestCore();
  const draft = await makeDraft(core, fingerprints);
  const { sessionId } = await ok<{ sessionId: string }>(core, 'bureau.draft.export', {
    draftId: draft.draft.id,
    jobId: 'e',
    destination: 'default',
  });
  return { core, dataDir, sessionId };
}

/**
 * Expert k's review: every sub-criterion at its maximum minus k half-points, line b1 approved at `b1Fen`, and
 * optionally a chosen conclusion with its reason.
 */
export function reviewOf(
  view: ReviewView,
  k: number,
  b1Fen: number | null,
  opts: { chosen?: 'approve' | 'revise' | 'reject'; overall?: string } = {},
): Review {
  const rubric = view.rubric.rubric;
  return {
    ...view.review,
    conflict: { hasConflict: false, note: '' },
    familiarity: 'familiar',
    dimensions: Object.fromEntries(
      rubric.dimensions.map((d) => [
        d.id,
        {
          scores: Object.fromEntries(d.subCriteria.map((c) => [c.id, c.maxPoints - 0.5 * k])),
          opinion: `${d.name}论证较充分。`,
          lowScoreReason: '',
        },
      ]),
    ),
    chapterOpinions: Object.fromEntries(view.chapters.map((c) => [c.id, `${c.title}内容完整。`])),
    vetoRulings: Object.fromEntries(view.vetoes.map((v) => [v.veto.id, false])),
    overallOpinion: opts.overall ?? '项目建设必要，方案基本可行。',
    conclusion: { chosen: opts.chosen ?? null, reason: opts.chosen ? '数据共享方案尚需完善' : '' },
    investment: b1Fen === null ? {} : { b1: { approvedFen: b1Fen, reason: '按市场价核定' } },
  };
}

/** The expert opens the package `file` as a user does: imports it, confirms who they are on its roster (确认身份) and accepts the commitment. */
export async function openPackage(e: TestExpert, file: string): Promise<string> {
  e.sessionId = (await ok<{ id: string }>(e.core, 'package.import', { jobId: 'i', source: { kind: 'path', path: file } })).id;
  await confirmIdentity(e.core, e.sessionId);
  await ok(e.core, 'session.commitment.accept', { sessionId: e.sessionId });
  return e.sessionId;
}

/** Saves, completes and signs the expert's review of a project. */
export async function scoreAndSign(e: TestExpert, review: (view: ReviewView) => Review, projectId = 'p1'): Promise<void> {
  const key = { sessionId: e.sessionId!, projectId };
  const view = await ok<ReviewView>(e.core, 'review.get', key);
  const saved = await ok<ReviewView>(e.core, 'review.save', { ...key, review: review(view), baseVersion: view.version });
  if (saved.missing.length) throw new Error(`incomplete: ${saved.missing.map((m) => m.message).join('; ')}`);
  await ok(e.core, 'review.complete', key);
  await ok(e.core, 'review.sign', { ...key, passphrase });
}

/** The signed result file the expert's export wrote (H8's signing.export), copied to `keep` so later exports do not replace it. */
export async function exportResult(e: TestExpert, keep: string): Promise<{ file: string; bytes: Uint8Array }> {
  const out = await ok<ExportResult>(e.core, 'signing.export', { sessionId: e.sessionId, jobId: 'x', passphrase, destination: 'default' });
  const name = out.files.find((f) => f.endsWith('.rdr.json'))!;
  await fs.mkdir(keep, { recursive: true });
  const file = path.join(keep, name);
  await fs.copyFile(path.join(out.folder, name), file);
  return { file, bytes: new Uint8Array(await fs.readFile(file)) };
}

/**
 * Imports result files as the bureau does when the roster registers no fingerprints: the held results (待确认) are
 * confirmed (the bureau has read each expert's fingerprint with them), and each file's final outcome is returned.
 */
export async function importConfirmed(bureau: Core, sessionId: string, files: string[]): Promise<ResultImportOutcome[]> {
  const outcomes = await ok<ResultImportOutcome[]>(bureau, 'bureau.results.import', {
    sessionId,
    sources: files.map((p) => ({ kind: 'path', path: p })),
  });
  if (!outcomes.some((o) => o.status === 'held')) return outcomes;
  const board = await ok<StatusBoard>(bureau, 'bureau.results.status', { sessionId });
  const confirmed = new Map<string, ResultImportOutcome>();
  for (const e of board.experts) {
    const first = e.pending[0];
    if (first)
      for (const o of await ok<ResultImportOutcome[]>(bureau, 'bureau.results.confirmKey', { sessionId, pendingId: first.id }))
        confirmed.set(o.file, o);
  }
  return outcomes.map((o) => (o.status === 'held' ? (confirmed.get(path.basename(o.file)) ?? o) : o));
}

/**
 * The chair confirms every section of a project's panel opinion that is not confirmed yet, settling the merged draft as a
 * chair would: the shared points, else the first member's own wording of the points to settle.
 */
export async function confirmPanelOpinion(bureau: Core, sessionId: string, projectId: string): Promise<void> {
  const text = await ok<PanelOpinionText>(bureau, 'bureau.panel.opinionText.get', { sessionId, projectId });
  for (const s of text.sections.filter((x) => !x.confirmed)) {
    const [shared, settle] = s.draft.split('待组长确定：');
    const settled =
      shared!.trim() ||
      (settle ?? '')
        .trim()
        .split('\n')[0]!
        .replace(/^[^：]+：/, '');
    await ok(bureau, 'bureau.panel.opinionText.save', { sessionId, projectId, section: s.section, text: settled, baseVersion: s.version });
  }
}
