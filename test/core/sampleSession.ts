// Test helper: the real sample package (resources/samples/wulong-2027.rpkg) imported into a fresh data folder through the dispatcher, with the expert's profile, the identity confirmed on the roster, the commitment and completed reviews saved as an expert would.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openCore, type Core } from '../../electron/core/app';
import { openStore, type Store } from '../../electron/core/store/db';
import type { Review, ReviewView } from '../../shared/scoring';
import type { RosterCheck } from '../../shared/signing';
import { quietHost, tempDir } from '../helpers/core';
import { callCore } from '../../electron/core/api/call';

export const wulongSample = path.resolve(__dirname, '../../resources/samples/wulong-2027.rpkg');
/** The same sample as a folder (written beside the .rpkg by `npm run samples`). */
export const wulongSampleFolder = path.resolve(__dirname, '../../resources/samples/wulong-2027');

/** A copy of the sample folder re-issued under another jurisdiction (only manifest.json's `jurisdiction` changes). */
export function reissued(jurisdiction: string): string {
  const folder = path.join(tempDir('rd-reissued-'), 'wulong-2027');
  cpSync(wulongSampleFolder, folder, { recursive: true });
  const manifestPath = path.join(folder, 'manifest.json');
  writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, 'utf8')), jurisdiction }, null, 2));
  return folder;
}

export const ok = <T>(core: Core, name: string, input: unknown): Promise<T> => callCore<T>(core.dispatch, name, input);

/**
 * 确认身份 as the expert does on opening a package: the roster entry `position` (default: the one the app suggests for the name
 * on this machine), or the name as it is when the package has no roster. Scoring is refused before it.
 */
export async function confirmIdentity(core: Core, sessionId: string, position?: number): Promise<RosterCheck> {
  const check = await ok<RosterCheck>(core, 'session.roster.get', { sessionId });
  const chosen = check.roster.length === 0 ? null : (position ?? check.suggested);
  if (check.roster.length > 0 && chosen === null) throw new Error(`no roster entry to confirm: ${check.problem}`);
  return ok<RosterCheck>(core, 'session.roster.confirm', { sessionId, position: chosen });
}

/**
 * A complete review: every sub-criterion at its maximum minus `deduct(i)` half-points, an opinion per dimension and
 * chapter, every pending veto ruled out, and the first budget lines cut to 90% (核减) with a reason.
 */
export function completedReview(view: ReviewView, opts: { reducedLines?: number; overall?: string } = {}): Review {
  const rubric = view.rubric.rubric;
  const reduced = view.reductions.lines.slice(0, opts.reducedLines ?? 2);
  return {
    ...view.review,
    conflict: { hasConflict: false, note: '' },
    familiarity: 'familiar',
    dimensions: Object.fromEntries(
      rubric.dimensions.map((d, i) => [
        d.id,
        {
          scores: Object.fromEntries(d.subCriteria.map((c, j) => [c.id, c.maxPoints - ((i + j) % 3) * 0.5])),
          opinion: `${d.name}论证充分,建议保留`,
          lowScoreReason: '',
        },
      ]),
    ),
    chapterOpinions: Object.fromEntries(view.chapters.map((c) => [c.id, `${c.title}内容完整。`])),
    vetoRulings: Object.fromEntries(view.vetoes.filter((v) => v.state === 'pending').map((v) => [v.veto.id, false])),
    overallOpinion: opts.overall ?? '项目建设必要,方案基本可行。',
    investment: Object.fromEntries(
      reduced.map((l) => [l.lineId, { approvedFen: Math.round(l.requestedFen * 0.9), reason: '单价偏高,按市场价核定' }]),
    ),
  };
}

export interface SampleSession {
  dataDir: string;
  sessionId: string;
  projectIds: string[];
  /** A store on the same data folder, for modules that read the database directly. */
  store: Store;
  close(): void;
}

/**
 * Imports the Wulong sample (re-issued under `jurisdiction` when given), saves the expert profile (周建国, the package's chair), confirms that roster entry (确认身份), accepts the commitment and, for the
 * projects in `complete` (default: all), saves and completes a review built by `completedReview`.
 */
export async function sampleSession(
  opts: { complete?: (projectId: string) => boolean; now?: () => Date; jurisdiction?: string } = {},
): Promise<SampleSession> {
  const dataDir = tempDir('rd-sample-');
  const source = opts.jurisdiction ? reissued(opts.jurisdiction) : wulongSample;
  let clock = Date.parse('2027-03-18T09:00:00+08:00');
  const now = opts.now ?? (() => new Date((clock += 1000)));
  const core = await openCore(quietHost(dataDir), now);
  try {
    const summary = await ok<{ id: string }>(core, 'package.import', { jobId: 'sample', source: { kind: 'path', path: source } });
    await ok(core, 'expert.save', {
      name: '周建国',
      title: '正高级工程师',
      employer: '重庆渝信规划设计研究院有限公司',
      phone: '023-6000000',
    });
    await confirmIdentity(core, summary.id);
    await ok(core, 'session.commitment.accept', { sessionId: summary.id });
    const session = await ok<{ projects: { id: string }[] }>(core, 'session.get', { sessionId: summary.id });
    const projectIds = session.projects.map((p) => p.id);
    for (const projectId of projectIds.filter(opts.complete ?? (() => true))) {
      const empty = await ok<ReviewView>(core, 'review.get', { sessionId: summary.id, projectId });
      const saved = await ok<ReviewView>(core, 'review.save', {
        sessionId: summary.id,
        projectId,
        review: completedReview(empty),
        baseVersion: 0,
      });
      if (saved.missing.length)
        throw new Error(`sample review of ${projectId} incomplete: ${saved.missing.map((m) => m.message).join('; ')}`);
      await ok(core, 'review.complete', { sessionId: summary.id, projectId });
    }
    core.close();
    const store = await openStore(dataDir, now);
    return { dataDir, sessionId: summary.id, projectIds, store, close: () => store.close() };
  } catch (err) {
    core.close();
    throw err;
  }
}
