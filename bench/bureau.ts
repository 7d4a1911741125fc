// Bureau bench (issue 7): aggregation and ranking of 200 projects × 15 experts, and import of 15 signed result files through bureau.results.import — time and peak memory.
import { cpSync, mkdtempSync, promises as fs, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import { PNG } from 'pngjs';
import { openCore, type Core } from '../electron/core/app';
import { aggregateProject, aggregateSession, type ExpertScores, type ProjectPanelInput } from '../electron/core/panel/aggregate';
import { profileRule } from '../electron/core/panel/rule';
import { loadProfile } from '../electron/core/precheck/profiles';
import type { DraftView, ResultImportOutcome } from '../shared/bureau';
import type { Review, ReviewView } from '../shared/scoring';
import type { ExportResult } from '../shared/signing';
import { callCore } from '../electron/core/api/call';
import { percentile } from './stats';

const AGG_PROJECTS = 200;
const EXPERTS = 15;
const AGG_WARMUP = 5;
const AGG_RUNS = 100;
/** Runs measured for memory, each alone after a full collection. */
const AGG_MEMORY_RUNS = 5;
/** Projects of the session whose 15 result files are imported: each file carries every project's signed review and history. */
const IMPORT_PROJECTS = 10;
const IMPORT_RUNS = 5;
/** The memory sampler's period. */
const SAMPLE_MS = 2;
const PASSPHRASE = 'bench-口令-2027-secure';
const PROPOSAL = path.join(__dirname, '../resources/samples/wulong-2027/documents/wl-2027-01/建设方案.pdf');
const NAMES = [
  '张建国',
  '王丽华',
  '李志强',
  '刘海燕',
  '陈国栋',
  '杨明远',
  '赵文静',
  '黄卫东',
  '周晓梅',
  '吴俊杰',
  '徐立新',
  '孙红霞',
  '马振华',
  '朱永平',
  '胡雪琴',
];

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const mb = (bytes: number) => bytes / 2 ** 20;

// A full collection before each baseline, so garbage of the setup does not count against the measured part.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const call = <T>(core: Core, name: string, input: unknown): Promise<T> => callCore<T>(core.dispatch, name, input);

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run aggregates the same inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ── Memory ──────────────────────────────────────────────────────────────────────────────────────────────────────────
/** RSS is sampled by a worker thread, so it is read even while the main thread runs a long synchronous call. */
const rssSampler = `
const { parentPort, workerData } = require('node:worker_threads');
let peak = 0, samples = 0;
const take = () => { const r = process.memoryUsage.rss(); if (r > peak) peak = r; samples++; };
const timer = setInterval(take, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); take(); parentPort.postMessage({ peak, samples }); });
take();
parentPort.postMessage('ready');
`;

interface MemoryPeak {
  rssBaseMb: number;
  rssPeakAboveBaseMb: number;
  heapBaseMb: number;
  heapPeakAboveBaseMb: number;
  rssSamples: number;
  heapSamples: number;
  /** process.resourceUsage().maxRSS before and after (the whole process's lifetime peak, setup included). */
  maxRssBeforeMb: number;
  maxRssAfterMb: number;
}

/** Peak RSS (worker thread, every SAMPLE_MS) and peak heapUsed (main-thread timer, plus `sampleHeap()` after each run) above the baseline at `start`. */
async function memoryProbe(): Promise<{ sampleHeap: () => void; stop: () => Promise<MemoryPeak> }> {
  const worker = new Worker(rssSampler, { eval: true, workerData: { everyMs: SAMPLE_MS } });
  await new Promise<void>((resolve) => worker.once('message', () => resolve()));
  gc();
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  const rssBase = process.memoryUsage().rss;
  const heapBase = process.memoryUsage().heapUsed;
  let heapPeak = heapBase;
  let heapSamples = 0;
  const sampleHeap = () => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    heapSamples++;
  };
  const timer = setInterval(sampleHeap, SAMPLE_MS);
  return {
    sampleHeap,
    stop: async () => {
      clearInterval(timer);
      sampleHeap();
      const rss = await new Promise<{ peak: number; samples: number }>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage('stop');
      });
      await worker.terminate();
      return {
        rssBaseMb: mb(rssBase),
        rssPeakAboveBaseMb: mb(Math.max(0, rss.peak - rssBase)),
        heapBaseMb: mb(heapBase),
        heapPeakAboveBaseMb: mb(heapPeak - heapBase),
        rssSamples: rss.samples,
        heapSamples,
        maxRssBeforeMb: mb(maxRssBefore),
        maxRssAfterMb: mb(process.resourceUsage().maxRSS * 1024),
      };
    },
  };
}

// ── Aggregation ─────────────────────────────────────────────────────────────────────────────────────────────────────
/**
 * 200 projects × 15 experts under the national rubric: each project has a quality, each expert a leniency; every
 * sub-criterion is a multiple of 0.5 within its maximum; about 3% of pairs recused (回避); 3–12 budget lines, each
 * expert approving either as requested or 70–100% of it (rounded to 1 000 元); a few chair overrides (组长裁定).
 */
function panelInputs(): ProjectPanelInput[] {
  const rubric = loadProfile('national').rubric;
  const bands = [...rubric.bands].sort((a, b) => b.minScore - a.minScore);
  const rand = rng(20270318);
  const leniency = NAMES.map(() => (rand() - 0.5) * 0.16);
  return Array.from({ length: AGG_PROJECTS }, (_, p): ProjectPanelInput => {
    const quality = 0.55 + rand() * 0.4;
    const lines = Array.from({ length: 3 + Math.floor(rand() * 10) }, (_, l) => ({
      id: `b${l + 1}`,
      name: `概算明细 ${l + 1}`,
      amountFen: (10 + Math.floor(rand() * 490)) * 1_000_000,
    }));
    const experts = NAMES.map((name, e): ExpertScores => {
      const dimensions = Object.fromEntries(
        rubric.dimensions.map((d) => {
          const sub = d.subCriteria.reduce(
            (s, c) =>
              s + Math.max(0, Math.min(c.maxPoints, Math.round(c.maxPoints * (quality + leniency[e]! + (rand() - 0.5) * 0.2) * 2) / 2)),
            0,
          );
          return [d.id, sub];
        }),
      );
      const total = Object.values(dimensions).reduce((s, v) => s + v, 0);
      const approvedFen = Object.fromEntries(
        lines.map((l) => [l.id, rand() < 0.5 ? null : Math.round((l.amountFen * (0.7 + rand() * 0.3)) / 100_000) * 100_000]),
      );
      return {
        expertId: `e${e + 1}`,
        name,
        recused: rand() < 0.03,
        dimensions,
        total,
        conclusion: bands.find((b) => total >= b.minScore)!.conclusion,
        approvedFen,
      };
    });
    const overrides =
      p % 40 === 7 ? { b1: { approvedFen: Math.round(lines[0]!.amountFen * 0.8), reason: '经专家组讨论，按市场询价核定' } } : undefined;
    return {
      projectId: `p${p + 1}`,
      name: `某区政务信息化项目 ${p + 1}`,
      dimensions: rubric.dimensions.map((d) => ({ id: d.id, name: d.name, maxPoints: d.maxPoints })),
      totalPoints: rubric.totalPoints,
      lines,
      experts,
      overrides,
    };
  });
}

async function benchAggregation() {
  let start = process.hrtime.bigint();
  const projects = panelInputs();
  const buildMs = ms(start);
  const rule = profileRule(loadProfile('national'));
  const recusals = projects.reduce((s, p) => s + p.experts.filter((e) => e.recused).length, 0);
  const lines = projects.reduce((s, p) => s + p.lines.length, 0);
  // Memory first, before the timing loop raises the process's peak: each run alone after a full collection, its result kept.
  const memoryRuns: (MemoryPeak & { retainedMb: number })[] = [];
  aggregateSession(projects, rule);
  for (let i = 0; i < AGG_MEMORY_RUNS; i++) {
    const probe = await memoryProbe();
    const result = aggregateSession(projects, rule);
    probe.sampleHeap();
    const peak = await probe.stop();
    gc();
    memoryRuns.push({ ...peak, retainedMb: mb(process.memoryUsage().heapUsed) - peak.heapBaseMb });
    if (result.projects.length !== AGG_PROJECTS) throw new Error('aggregateSession 结果数不符');
  }
  const most = (pick: (m: MemoryPeak & { retainedMb: number }) => number) => Math.max(...memoryRuns.map(pick));
  let last = aggregateSession(projects, rule);
  const [session, perProject]: number[][] = [[], []];
  // Interleaved: the whole session, then the same 200 projects through aggregateProject alone (no ranking, no session 核减).
  for (let i = 0; i < AGG_WARMUP + AGG_RUNS; i++) {
    start = process.hrtime.bigint();
    last = aggregateSession(projects, rule);
    const t = ms(start);
    start = process.hrtime.bigint();
    const alone = projects.map((p) => aggregateProject(p, rule));
    const u = ms(start);
    if (alone.length !== AGG_PROJECTS) throw new Error('aggregateProject 结果数不符');
    await new Promise((resolve) => setImmediate(resolve));
    if (i < AGG_WARMUP) continue;
    session!.push(t);
    perProject!.push(u);
  }
  const ranked = last.ranking.filter((r) => r.rank !== null).length;
  if (last.projects.length !== AGG_PROJECTS || ranked === 0)
    throw new Error(`汇总结果不完整：${last.projects.length} 个项目，${ranked} 个有排名`);
  return {
    projects: AGG_PROJECTS,
    experts: EXPERTS,
    recusals,
    budgetLines: lines,
    ranked,
    buildInputsMs: buildMs,
    warmup: AGG_WARMUP,
    runs: AGG_RUNS,
    deviations: last.projects.reduce((s, p) => s + p.deviations.length, 0),
    aggregateSession: { p50Ms: percentile(session!, 50), p99Ms: percentile(session!, 99) },
    aggregateProjectX200: { p50Ms: percentile(perProject!, 50), p99Ms: percentile(perProject!, 99) },
    rankingAndSessionReductionInferredMs: percentile(session!, 50)! - percentile(perProject!, 50)!,
    memory: {
      runs: memoryRuns,
      rssPeakAboveBaseMb: most((m) => m.rssPeakAboveBaseMb),
      heapPeakAboveBaseMb: most((m) => m.heapPeakAboveBaseMb),
      retainedMb: most((m) => m.retainedMb),
    },
  };
}

// ── Import ──────────────────────────────────────────────────────────────────────────────────────────────────────────
const host = (dataDir: string) => ({
  dataDir,
  version: 'bench',
  transport: 'ipc' as const,
  choosePath: null,
  openPath: async () => false,
  openFolder: async () => false,
  emit: () => undefined,
});

function signaturePng(): Uint8Array {
  const png = new PNG({ width: 200, height: 80 });
  png.data.fill(255);
  for (let x = 20; x < 180; x++) png.data.set([10, 10, 60, 255], (40 * 200 + x) * 4);
  return new Uint8Array(PNG.sync.write(png));
}

/** The bureau's exported session: national rules, 15 experts (the first chairs), IMPORT_PROJECTS projects with a proposal and 3 budget lines each. */
async function exportedSession(bureau: Core): Promise<{ sessionId: string; copies: string[] }> {
  let view = await call<DraftView>(bureau, 'bureau.draft.create', {
    session: {
      jurisdiction: 'national',
      issuer: '某区大数据发展局',
      title: '2027年度某区政务信息化项目专家评审会',
      date: '2027-03-18',
      location: '区政务服务中心第一会议室',
      experts: NAMES.map((name) => ({ name, title: '高级工程师', employer: `${name}所在设计院`, fingerprint: '' })),
      chair: NAMES[0],
    },
  });
  const proposal = new Uint8Array(readFileSync(PROPOSAL));
  for (let p = 1; p <= IMPORT_PROJECTS; p++) {
    view = await call<DraftView>(bureau, 'bureau.draft.saveProject', {
      draftId: view.draft.id,
      baseVersion: view.version,
      project: {
        id: `p${p}`,
        name: `某区政务信息化项目 ${p}`,
        applicant: `某区第${p}委办局`,
        type: 'new',
        investmentFen: 180_000_000,
        fundingSource: '区级财政资金',
        periodMonths: 12,
        inAnnualPlan: true,
        summary: '建设业务应用系统，接入共享交换平台。',
        budgetLines: [
          { id: 'b1', name: '应用软件开发', amountFen: 100_000_000 },
          { id: 'b2', name: '服务器', amountFen: 50_000_000 },
          { id: 'b3', name: '等保测评', amountFen: 30_000_000 },
        ],
      },
    });
    view = await call<DraftView>(bureau, 'bureau.draft.addDocument', {
      draftId: view.draft.id,
      baseVersion: view.version,
      projectId: `p${p}`,
      name: '建设方案.pdf',
      kind: 'proposal',
      title: '建设方案',
      bytes: proposal,
    });
  }
  if (view.problems.length) throw new Error(`草稿不能导出：${view.problems.map((x) => x.message).join('；')}`);
  const exported = await call<{ sessionId: string }>(bureau, 'bureau.draft.export', {
    draftId: view.draft.id,
    jobId: 'bench',
    destination: 'default',
  });
  const copies = await call<{ folder: string; files: string[] }>(bureau, 'bureau.draft.copies', {
    draftId: view.draft.id,
    destination: 'default',
  });
  return { sessionId: exported.sessionId, copies: copies.files.map((f) => path.join(copies.folder, f)) };
}

/** Expert e's review of project p: sub-criteria 0–1 points under their maximum, b1 approved at 80–95%, the rest as requested. */
function reviewOf(view: ReviewView, e: number, p: number): Review {
  const off = (e + p) % 3;
  return {
    ...view.review,
    conflict: { hasConflict: false, note: '' },
    familiarity: 'familiar',
    dimensions: Object.fromEntries(
      view.rubric.rubric.dimensions.map((d) => [
        d.id,
        {
          scores: Object.fromEntries(d.subCriteria.map((c) => [c.id, c.maxPoints - 0.5 * off])),
          opinion: `${d.name}论证较充分，符合要求。`,
          lowScoreReason: '',
        },
      ]),
    ),
    chapterOpinions: Object.fromEntries(view.chapters.map((c) => [c.id, `${c.title}内容完整。`])),
    vetoRulings: Object.fromEntries(view.vetoes.map((v) => [v.veto.id, false])),
    overallOpinion: '项目建设必要，方案基本可行，建议按评审意见修改完善后实施。',
    conclusion: { chosen: null, reason: '' },
    investment: { b1: { approvedFen: 100_000_000 - 5_000_000 * ((e + p) % 4), reason: '按市场询价核定' } },
  };
}

/** One expert's machine from an empty data folder to the signed result file, copied to `resultsDir`; expert 3 recuses from project 2 (回避). */
async function expertResult(e: number, copy: string, sessionId: string, root: string, resultsDir: string): Promise<string> {
  const core = await openCore(host(path.join(root, `expert-${e + 1}`)));
  try {
    await call(core, 'expert.save', { name: NAMES[e], title: '高级工程师', employer: `${NAMES[e]}所在设计院`, phone: '' });
    await call(core, 'signing.identity.create', { passphrase: PASSPHRASE });
    await call(core, 'signing.image.save', { png: signaturePng() });
    const imported = await call<{ id: string }>(core, 'package.import', { jobId: 'bench', source: { kind: 'path', path: copy } });
    if (imported.id !== sessionId) throw new Error(`专家${NAMES[e]}导入的评审包编号 ${imported.id} 与评审会 ${sessionId} 不符`);
    // 确认身份 before scoring: expert e is the roster's entry e (exportedSession lists NAMES in order).
    await call(core, 'session.roster.confirm', { sessionId, position: e });
    await call(core, 'session.commitment.accept', { sessionId });
    for (let p = 1; p <= IMPORT_PROJECTS; p++) {
      const key = { sessionId, projectId: `p${p}` };
      const view = await call<ReviewView>(core, 'review.get', key);
      const review =
        e === 2 && p === 2 ? { ...view.review, conflict: { hasConflict: true, note: '本人参与过该项目前期咨询' } } : reviewOf(view, e, p);
      const saved = await call<ReviewView>(core, 'review.save', { ...key, review, baseVersion: view.version });
      if (saved.missing.length) throw new Error(`专家${NAMES[e]}项目 p${p} 未填完：${saved.missing.map((m) => m.message).join('；')}`);
      await call(core, 'review.complete', key);
      await call(core, 'review.sign', { ...key, passphrase: PASSPHRASE });
    }
    const out = await call<ExportResult>(core, 'signing.export', {
      sessionId,
      jobId: 'bench',
      passphrase: PASSPHRASE,
      destination: 'default',
    });
    const name = out.files.find((f) => f.endsWith('.rdr.json'));
    if (!name) throw new Error(`专家${NAMES[e]}的导出中没有 .rdr.json`);
    const file = path.join(resultsDir, name);
    await fs.copyFile(path.join(out.folder, name), file);
    return file;
  } finally {
    core.close();
  }
}

interface ImportRun {
  importMs: number;
  accepted: number;
  memory: MemoryPeak;
}

/** One import of every file in one call, on a fresh copy of the bureau's data folder; fails unless all are accepted. */
async function importOnce(pristine: string, dataDir: string, sessionId: string, files: string[]): Promise<ImportRun> {
  cpSync(pristine, dataDir, { recursive: true });
  const core = await openCore(host(dataDir));
  try {
    const probe = await memoryProbe();
    const start = process.hrtime.bigint();
    const outcomes = await call<ResultImportOutcome[]>(core, 'bureau.results.import', {
      sessionId,
      sources: files.map((p) => ({ kind: 'path', path: p })),
    });
    const importMs = ms(start);
    const memory = await probe.stop();
    // The roster registers no fingerprints, so each first key is held (待确认) after full verification (issue 17):
    // held costs the same checks as accepted, and either counts as imported here.
    const refused = outcomes.filter((o) => o.status !== 'accepted' && o.status !== 'held');
    if (outcomes.length !== files.length || refused.length) {
      throw new Error(
        `导入未全部接受（${outcomes.length - refused.length}/${files.length}）：${refused.map((o) => `${o.file}：${o.message}`).join('；')}`,
      );
    }
    return { importMs, accepted: outcomes.length, memory };
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchImport(dir: string) {
  const setupStart = process.hrtime.bigint();
  const bureauDir = path.join(dir, 'bureau');
  const bureau = await openCore(host(bureauDir));
  let exported: Awaited<ReturnType<typeof exportedSession>>;
  try {
    exported = await exportedSession(bureau);
  } finally {
    bureau.close();
  }
  const resultsDir = path.join(dir, 'results');
  await fs.mkdir(resultsDir);
  const files: string[] = [];
  for (let e = 0; e < EXPERTS; e++) files.push(await expertResult(e, exported.copies[e]!, exported.sessionId, dir, resultsDir));
  const setupMs = ms(setupStart);
  const sizes = await Promise.all(files.map(async (f) => (await fs.stat(f)).size));

  // The first import of the process (code paths cold), then IMPORT_RUNS more, each on its own fresh copy of the bureau's data.
  const cold = await importOnce(bureauDir, path.join(dir, 'bureau-run-0'), exported.sessionId, files);
  const runs: ImportRun[] = [];
  for (let i = 1; i <= IMPORT_RUNS; i++)
    runs.push(await importOnce(bureauDir, path.join(dir, `bureau-run-${i}`), exported.sessionId, files));
  const times = runs.map((r) => r.importMs);
  return {
    files: files.length,
    sessionProjects: IMPORT_PROJECTS,
    fileBytes: { total: sizes.reduce((s, x) => s + x, 0), min: Math.min(...sizes), max: Math.max(...sizes) },
    setupMs,
    cold,
    runs,
    warm: { p50Ms: percentile(times, 50), maxMs: Math.max(...times), perFileP50Ms: percentile(times, 50)! / files.length },
  };
}

export async function benchBureau(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rd-bench-bureau-'));
  try {
    const agg = await benchAggregation();
    const imp = await benchImport(dir);
    const f = (x: number, d = 1) => x.toFixed(d);
    console.log(
      `\n专家组汇总 aggregation：${agg.projects} 个项目 × ${agg.experts} 位专家（全国通用评分标准，回避 ${agg.recusals} 人次，概算明细 ${agg.budgetLines} 条，偏离提醒 ${agg.deviations} 条，排名 ${agg.ranked} 个项目；输入生成 ${f(agg.buildInputsMs)} ms 不计）`,
    );
    console.log(
      `预热 ${agg.warmup} 次后计 ${agg.runs} 次（p99 约为最慢一次）；aggregateSession 与逐项目 aggregateProject 交替计时（排名在 aggregateSession 内，非独立函数）`,
    );
    console.table([
      {
        '项目 item': 'aggregateSession（汇总 + 排名 + 全会核减）',
        'p50 (ms)': f(agg.aggregateSession.p50Ms!, 2),
        'p99 (ms)': f(agg.aggregateSession.p99Ms!, 2),
      },
      {
        '项目 item': `aggregateProject × ${agg.projects}（仅逐项目汇总）`,
        'p50 (ms)': f(agg.aggregateProjectX200.p50Ms!, 2),
        'p99 (ms)': f(agg.aggregateProjectX200.p99Ms!, 2),
      },
      {
        '项目 item': '排名 + 全会核减 ranking（p50 差值推算 inferred）',
        'p50 (ms)': f(agg.rankingAndSessionReductionInferredMs, 2),
        'p99 (ms)': '—',
      },
    ]);
    const memRow = (label: string, m: MemoryPeak, retainedMb: number | null = null) => ({
      '阶段 phase': label,
      'RSS 基线 base (MB)': f(m.rssBaseMb),
      'RSS 峰值增量 peak Δ (MB)': f(m.rssPeakAboveBaseMb),
      'heapUsed 基线 (MB)': f(m.heapBaseMb),
      'heapUsed 峰值增量 Δ (MB)': f(m.heapPeakAboveBaseMb),
      '结果保留 retained (MB)': retainedMb === null ? '—' : f(retainedMb),
      'maxRSS 前/后 before/after (MB)': `${f(m.maxRssBeforeMb)} / ${f(m.maxRssAfterMb)}`,
    });
    const aggRuns = agg.memory.runs;
    const aggPeak: MemoryPeak = {
      ...aggRuns[0]!,
      rssPeakAboveBaseMb: agg.memory.rssPeakAboveBaseMb,
      heapPeakAboveBaseMb: agg.memory.heapPeakAboveBaseMb,
      maxRssAfterMb: aggRuns[aggRuns.length - 1]!.maxRssAfterMb,
    };
    console.log(
      `\n导入评审结果 import：${imp.files} 个 .rdr.json（评审会 ${imp.sessionProjects} 个项目，每个文件 ${f(imp.fileBytes.min / 1024)}–${f(imp.fileBytes.max / 1024)} KB，合计 ${f(imp.fileBytes.total / 1024)} KB），一次 bureau.results.import 调用，全部通过验证（名单未登记指纹，首次证书均待确认 held）`,
    );
    console.log(
      `准备 setup（组织方建包 + ${EXPERTS} 位专家评分、签名、导出，不计入）：${f(imp.setupMs / 1000)} s；每次导入用组织方数据目录的全新副本`,
    );
    console.table([
      {
        '次序 run': '首次 cold',
        '导入 import (ms)': f(imp.cold.importMs),
        '每文件 per file (ms)': f(imp.cold.importMs / imp.files),
        '通过 accepted+held': imp.cold.accepted,
      },
      ...imp.runs.map((r, i) => ({
        '次序 run': `${i + 1}`,
        '导入 import (ms)': f(r.importMs),
        '每文件 per file (ms)': f(r.importMs / imp.files),
        '通过 accepted+held': r.accepted,
      })),
      {
        '次序 run': `p50（${imp.runs.length} 次）`,
        '导入 import (ms)': f(imp.warm.p50Ms!),
        '每文件 per file (ms)': f(imp.warm.perFileP50Ms),
        '通过 accepted+held': '',
      },
    ]);
    console.log(
      `\n峰值内存 peak memory（RSS 由工作线程每 ${SAMPLE_MS} ms 采样，同步计算中也能采到；heapUsed 由主线程每 ${SAMPLE_MS} ms 及调用返回时采样，同步调用中途采不到，含调用产生而未回收的垃圾；基线前先 GC；汇总为 ${aggRuns.length} 次单独运行的最大值，结果保留 = 运行后 GC 时结果对象仍占的堆；maxRSS 为进程生命周期峰值，含此前的准备）`,
    );
    const lastRun = imp.runs[imp.runs.length - 1];
    console.table([
      memRow(`汇总 aggregateSession（${aggRuns.length} 次取最大）`, aggPeak, agg.memory.retainedMb),
      memRow('导入 import 首次 cold', imp.cold.memory),
      memRow(`导入 import 第 ${imp.runs.length} 次`, lastRun!.memory),
    ]);
    return { aggregation: agg, import: imp, sampleEveryMs: SAMPLE_MS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
