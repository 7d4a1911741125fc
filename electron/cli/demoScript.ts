// Owns the demo's scripted experts (作答脚本): the answers' shape, calling the core as the screens do, settling who the expert is, filling and completing each review from the script, and a drawn handwritten signature for a throwaway identity.
import path from 'node:path';
import { PNG } from 'pngjs';
import type { ExpertProfile } from '../../shared/expert';
import type { Familiarity, Review, ReviewView } from '../../shared/scoring';
import type { RosterCheck } from '../../shared/signing';
import type { Core } from '../core/app';
import { defaultTemplateDir } from '../core/output/template/builtins';
import { callCore } from '../core/api/call';
import { ApiError } from '../../shared/client';

/** resources/ beside the templates, from source and from the bundle alike. */
export const demoResourcesDir = path.dirname(defaultTemplateDir);

/** A scripted expert (resources/demo/answers*.json): a profile and, per project id, what the expert enters. */
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

/**
 * The chair's script (resources/demo/panel.json): the bureau's letter settings and, per project and section of the panel
 * opinion (`dimension:<id>`, `chapter:<id>`, `overall`), the text the chair writes from the members' opinions.
 */
export interface DemoPanelScript {
  chair: string;
  letters: { issuerMark: string; numberPrefix: string; copyTo: string[] };
  projects: Record<string, Record<string, string>>;
}

export const demoPanelFile = path.join(demoResourcesDir, 'demo', 'panel.json');

/**
 * The demo's clock: the review meeting's day from 09:00 China time, running on from there as the demo runs, so every
 * date the documents print (the commitment, the signatures, the letters' 成文日期) is the meeting's, not today's.
 */
export function meetingClock(date: string, startedAt = Date.now()): () => Date {
  const start = Date.parse(`${date}T09:00:00+08:00`);
  return () => new Date(start + (Date.now() - startedAt));
}

/** A failure the demo explains in Chinese (printed as is, exit 1). */
export class DemoError extends Error {}

/** A call of the demo's script; a refusal becomes a DemoError that prints the call and every problem. */
export async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  try {
    return await callCore<T>(core.dispatch, name, input);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    throw new DemoError(
      `${name} 失败：${err.message}${err.problems.length ? `\n  ${err.problems.map((p) => p.message).join('\n  ')}` : ''}`,
    );
  }
}

/** The review as the scripted expert fills it in; a veto the pre-check left to the expert is ruled not to apply. */
function scriptedReview(view: ReviewView, answers: DemoAnswers['projects'][string]): Review {
  const rubric = view.rubric.rubric;
  return {
    ...view.review,
    conflict: { hasConflict: false, note: '' },
    familiarity: answers.familiarity,
    dimensions: Object.fromEntries(
      rubric.dimensions.map((d) => [
        d.id,
        {
          scores: Object.fromEntries(d.subCriteria.map((c) => [c.id, answers.scores[d.id]?.[c.id] ?? null])),
          opinion: answers.opinions[d.id] ?? '',
          lowScoreReason: '',
        },
      ]),
    ),
    chapterOpinions: Object.fromEntries(view.chapters.map((c) => [c.id, answers.chapterOpinions[c.id] ?? ''])),
    vetoRulings: Object.fromEntries(view.vetoes.filter((v) => v.state === 'pending').map((v) => [v.veto.id, false])),
    investment: answers.investment,
    overallOpinion: answers.overallOpinion,
  };
}

/**
 * The scripted expert opens the session as the screens have it: 专家信息 saved, who they are confirmed on the package's roster
 * (确认身份, the entry the app suggests for that name), then the commitment (专家承诺书) — scoring is refused before these.
 */
export async function settleExpert(core: Core, sessionId: string, answers: DemoAnswers, answersFile: string): Promise<void> {
  await call(core, 'expert.save', answers.expert);
  const check = await call<RosterCheck>(core, 'session.roster.get', { sessionId });
  const position = check.roster.length === 0 ? null : check.suggested;
  if (check.roster.length > 0 && position === null)
    throw new DemoError(`作答脚本 ${answersFile} 中的专家“${answers.expert.name}”无法与评审包的专家名单对应：${check.problem ?? ''}`);
  await call(core, 'session.roster.confirm', { sessionId, position });
  await call(core, 'session.commitment.accept', { sessionId });
}

/** Fills and completes every project's review from the script; `done` hears each project with its total. */
export async function completeReviews(
  core: Core,
  sessionId: string,
  answers: DemoAnswers,
  answersFile: string,
  done: (project: { id: string; name: string }, total: number) => void,
): Promise<{ id: string; name: string }[]> {
  const detail = await call<{ projects: { id: string; name: string }[] }>(core, 'session.get', { sessionId });
  for (const project of detail.projects) {
    const scripted = answers.projects[project.id];
    if (!scripted) throw new DemoError(`作答脚本 ${answersFile} 中没有项目 ${project.id}（${project.name}）的评审意见。`);
    const view = await call<ReviewView>(core, 'review.get', { sessionId, projectId: project.id });
    await call(core, 'review.save', {
      sessionId,
      projectId: project.id,
      review: scriptedReview(view, scripted),
      baseVersion: view.version,
    });
    const completed = await call<ReviewView>(core, 'review.complete', { sessionId, projectId: project.id });
    done(project, completed.totals.total);
  }
  return detail.projects;
}

/** A handwritten signature (手写签名) for a throwaway identity: three pen strokes in dark blue ink on white. */
export function drawnSignature(): Uint8Array {
  const width = 240;
  const height = 90;
  const png = new PNG({ width, height });
  png.data.fill(255);
  const strokes: [number, number][][] = [
    [
      [20, 60],
      [40, 25],
      [55, 62],
      [72, 28],
      [88, 58],
    ],
    [
      [100, 40],
      [130, 38],
      [118, 70],
      [150, 30],
    ],
    [
      [160, 55],
      [185, 35],
      [200, 60],
      [225, 30],
    ],
  ];
  const dot = (cx: number, cy: number) => {
    for (let y = Math.floor(cy) - 2; y <= cy + 2; y++) {
      for (let x = Math.floor(cx) - 2; x <= cx + 2; x++) {
        if (x >= 0 && y >= 0 && x < width && y < height && (x - cx) ** 2 + (y - cy) ** 2 <= 4.5)
          png.data.set([20, 30, 90, 255], (y * width + x) * 4);
      }
    }
  };
  for (const stroke of strokes) {
    for (let i = 1; i < stroke.length; i++) {
      const [[x0, y0], [x1, y1]] = [stroke[i - 1]!, stroke[i]!];

      const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0));
      for (let k = 0; k <= steps; k++) dot(x0 + ((x1 - x0) * k) / steps, y0 + ((y1 - y0) * k) / steps);
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}
