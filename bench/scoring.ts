// Scoring bench: review.save round trips (one changed field each, like a keystroke) over 200 projects × 12 experts of history, next to a bare better-sqlite3 insert on the same disk.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../electron/core/app';
import type { Review, ReviewView } from '../shared/scoring';
import { callCore } from '../electron/core/api/call';
import { percentile } from './stats';

const PROJECTS = 200;
const EXPERTS = 12;
const FIELDS_PER_EXPERT = 30;
const WARMUP = 20;
const SAVES = 300;
const SAMPLE = path.join(__dirname, '../resources/samples/wulong-2027.rpkg');

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

const call = <T>(core: Core, name: string, input: unknown): Promise<T> => callCore<T>(core.dispatch, name, input);

/** A fully scored review of the rubric in force, as a finished expert leaves it. */
function filledReview(view: ReviewView, projectId: string): Review {
  return {
    ...view.review,
    projectId,
    conflict: { hasConflict: false, note: '' },
    familiarity: 'familiar',
    dimensions: Object.fromEntries(
      view.rubric.rubric.dimensions.map((d) => [
        d.id,
        {
          scores: Object.fromEntries(d.subCriteria.map((c) => [c.id, c.maxPoints - 0.5])),
          opinion: `${d.name}论证充分，符合要求。`,
          lowScoreReason: '',
        },
      ]),
    ),
    overallOpinion: '同意该项目建设，建议按评审意见修改完善。',
  };
}

/** Where the seeded projects live: a past session of their own, or the session being scored (a 200-project meeting). */
type Placement = 'other-session' | 'same-session';
const PLACEMENT_LABELS: Record<Placement, string> = { 'other-session': '历史在另一评审会', 'same-session': '历史项目并入当前评审会' };

/**
 * The history volume named in issue 3, written with SQL (the store keeps one expert per machine, so the other experts'
 * rows cannot come through the API): PROJECTS projects, each with a stored review and FIELDS_PER_EXPERT history rows
 * from each of EXPERTS experts, cycling over the review's real field paths.
 */
function seedHistory(db: Database.Database, sessionId: string, view: ReviewView): number {
  const fields = view.rubric.rubric.dimensions.flatMap((d) => [
    ...d.subCriteria.map((c) => `dimensions.${d.id}.scores.${c.id}`),
    `dimensions.${d.id}.opinion`,
  ]);
  const project = db.prepare(`INSERT INTO projects VALUES (?, ?, ?, ?, '某区大数据发展局', NULL, 'new', 100000000, '区级财政', 12, 1, '')`);
  const review = db.prepare(`INSERT INTO reviews VALUES (?, ?, 'local', ?, ?, ?, '2026-03-05T09:00:00.000Z', NULL, NULL)`);
  const history = db.prepare(
    `INSERT INTO review_history (session_id, project_id, expert_id, at, field, before_json, after_json, kind) VALUES (?, ?, ?, ?, ?, ?, ?, 'edit')`,
  );
  db.prepare(`INSERT OR IGNORE INTO rubrics VALUES (?, ?)`).run(view.rubric.fingerprint, JSON.stringify(view.rubric));
  db.transaction(() => {
    for (let p = 0; p < PROJECTS; p++) {
      const id = `seed-${p}`;
      project.run(sessionId, id, 1000 + p, `历史项目 ${p + 1}`);
      review.run(sessionId, id, JSON.stringify(filledReview(view, id)), view.rubric.fingerprint, EXPERTS * FIELDS_PER_EXPERT);
      for (let e = 0; e < EXPERTS; e++) {
        for (let f = 0; f < FIELDS_PER_EXPERT; f++) {
          const field = fields[f % fields.length];
          const after = field!.endsWith('.opinion') ? JSON.stringify(`专家 ${e + 1} 的意见：论证充分，符合要求。`) : String(f % 10);
          history.run(
            sessionId,
            id,
            `e${String(e + 1).padStart(2, '0')}`,
            new Date(Date.UTC(2026, 2, 5, 9, 0, 0, (e * FIELDS_PER_EXPERT + f) * 1000)).toISOString(),
            field,
            'null',
            after,
          );
        }
      }
    }
  })();
  return (db.prepare(`SELECT COUNT(*) AS n FROM review_history`).get() as { n: number }).n;
}

interface Run {
  placement: Placement;
  sessionProjects: number;
  historyRows: number;
  dbMb: number;
  seedMs: number;
  save: { p50Ms: number; p99Ms: number };
  bare: { p50Ms: number; p99Ms: number };
}

/** Imports the sample, seeds the history, then times SAVES saves of its first project, each next to one bare insert. */
async function measure(dir: string, placement: Placement): Promise<Run> {
  const dataDir = path.join(dir, placement);
  const open = () =>
    openCore({
      dataDir,
      version: 'bench',
      transport: 'ipc',
      choosePath: null,
      openPath: async () => false,
      openFolder: async () => false,
      emit: () => undefined,
    });
  let core = await open();
  const session = await call<{ id: string }>(core, 'package.import', { jobId: 'bench', source: { kind: 'path', path: SAMPLE } });
  const projectId = (await call<{ projects: { id: string }[] }>(core, 'session.get', { sessionId: session.id })).projects[0]!.id;
  let view = await call<ReviewView>(core, 'review.get', { sessionId: session.id, projectId });
  core.close();

  const seedStart = process.hrtime.bigint();
  const seedDb = new Database(path.join(dataDir, 'review-desk.sqlite'));
  let seedSession = session.id;
  if (placement === 'other-session') {
    seedSession = 'bench-history';
    seedDb
      .prepare(`INSERT INTO sessions VALUES (?, 'h', 1, '某区大数据发展局', 'wulong', '往年评审会', '2026-03-05', '', 'c', 'i', '{}')`)
      .run(seedSession);
  }
  const historyRows = seedHistory(seedDb, seedSession, view);
  const sessionProjects = (seedDb.prepare(`SELECT COUNT(*) AS n FROM projects WHERE session_id = ?`).get(session.id) as { n: number }).n;
  seedDb.close();
  const seedMs = ms(seedStart);
  const dbMb = statSync(path.join(dataDir, 'review-desk.sqlite')).size / 2 ** 20;

  // The bare floor: one row like a history row per transaction, with the app's journal mode and durability.
  const bare = new Database(path.join(dir, `${placement}-bare.sqlite`));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec(`CREATE TABLE rows (id INTEGER PRIMARY KEY, at TEXT NOT NULL, field TEXT NOT NULL, before_json TEXT, after_json TEXT) STRICT`);
  const insert = bare.prepare(`INSERT INTO rows (at, field, before_json, after_json) VALUES (?, 'overallOpinion', ?, ?)`);
  const bareInsert = bare.transaction((i: number) =>
    insert.run(new Date().toISOString(), JSON.stringify('意'.repeat(i)), JSON.stringify('意'.repeat(i + 1))),
  );

  // Reopened as the app starts; each save changes one field (alternately a score and one more character of the overall opinion).
  core = await open();
  await call(core, 'expert.save', { name: '周建国', title: '', employer: '', phone: '' });
  // 确认身份 before scoring: 周建国 is the sample roster's first entry.
  await call(core, 'session.roster.confirm', { sessionId: session.id, position: 0 });
  await call(core, 'session.commitment.accept', { sessionId: session.id });
  const dimension = view.rubric.rubric.dimensions[0];
  const criterion = dimension!.subCriteria[0];
  const saveMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < WARMUP + SAVES; i++) {
    const review: Review =
      i % 2 === 0
        ? {
            ...view.review,
            dimensions: {
              ...view.review.dimensions,
              [dimension!.id]: {
                scores: { [criterion!.id]: ((i / 2) % (2 * criterion!.maxPoints + 1)) / 2 },
                opinion: '',
                lowScoreReason: '',
              },
            },
          }
        : { ...view.review, overallOpinion: view.review.overallOpinion + '意' };
    let start = process.hrtime.bigint();
    view = await call<ReviewView>(core, 'review.save', { sessionId: session.id, projectId, review, baseVersion: view.version });
    if (i >= WARMUP) saveMs.push(ms(start));
    start = process.hrtime.bigint();
    bareInsert(i);
    if (i >= WARMUP) bareMs.push(ms(start));
  }
  core.close();
  bare.close();
  return {
    placement,
    sessionProjects,
    historyRows,
    dbMb,
    seedMs,
    save: { p50Ms: percentile(saveMs, 50), p99Ms: percentile(saveMs, 99) },
    bare: { p50Ms: percentile(bareMs, 50), p99Ms: percentile(bareMs, 99) },
  };
}

export async function benchScoring(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rd-bench-scoring-'));
  try {
    const runs = [await measure(dir, 'other-session'), await measure(dir, 'same-session')];
    console.log(
      `\n评分保存：库中 ${PROJECTS} 个项目 × ${EXPERTS} 位专家的历史（review_history ${runs[0]!.historyRows} 行，库 ${runs[0]!.dbMb.toFixed(1)} MB，SQL 灌入约 ${(runs[0]!.seedMs / 1000).toFixed(1)} s）`,
    );
    console.log(
      `每次保存改一个字段（如一次击键），${SAVES} 次，与裸 better-sqlite3 INSERT（单行事务，WAL，synchronous=FULL，同盘）交替计时`,
    );
    console.table(
      runs.map((r) => ({
        历史位置: PLACEMENT_LABELS[r.placement],
        当前评审会项目数: r.sessionProjects,
        保存p50毫秒: r.save.p50Ms.toFixed(2),
        保存p99毫秒: r.save.p99Ms.toFixed(2),
        裸INSERT_p50毫秒: r.bare.p50Ms.toFixed(2),
        裸INSERT_p99毫秒: r.bare.p99Ms.toFixed(2),
        p50倍数: (r.save.p50Ms / r.bare.p50Ms).toFixed(1),
      })),
    );
    console.log('保存往返经 core.dispatch（含校验、历史行与返回视图），不含界面 300 ms 防抖；击键到「已保存」≈ 防抖 + 往返');
    return { projects: PROJECTS, experts: EXPERTS, fieldsPerExpert: FIELDS_PER_EXPERT, saves: SAVES, runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
