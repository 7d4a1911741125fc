// Documents bench: the opinion letter (评审意见函) filled and rendered to DOCX + PDF (cold, warm p50, 100 letters, PDF size and pages), next to LibreOffice headless converting the same DOCX to PDF in the same run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoAnswersFile, demoPackage } from '../electron/cli/demo';
import { completeReviews, settleExpert, type DemoAnswers } from '../electron/cli/demoScript';
import { openCore, type Core } from '../electron/core/app';
import { resolveTemplate } from '../electron/core/output/catalog';
import { renderDocx } from '../electron/core/output/docx/render';
import { fillFor, makeDocument, type GenerateDeps } from '../electron/core/output/generate';
import type { RenderDoc } from '../electron/core/output/model';
import { renderPdf } from '../electron/core/output/pdf/render';
import type { Template } from '../electron/core/output/template/schema';
import { openStore } from '../electron/core/store/db';
import { getSession } from '../electron/core/store/sessions';
import { callCore } from '../electron/core/api/call';
import { p50 } from './stats';

const WARMUP = 5;
const RUNS = 30;
const LETTERS = 100;
const SOFFICE_RUNS = 5;
/** Our letters timed right before each soffice run, so both sides of the ratio see the same moments of the shared machine. */
const OURS_PER_SOFFICE_RUN = 6;
const LETTER_ID = 'opinion-letter';
const FORM_ID = 'expert-opinion';
/** The documents' only time (meta.createdAt), fixed so every run writes the same bytes. */
const NOW = new Date('2027-03-05T08:00:00.000Z');
const targets = { warmMs: 150, lettersS: 20, pdfKb: 200, sofficeFactor: 20 };

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const met = (ok: boolean) => (ok ? '达标 met' : '未达标 NOT met');

const call = <T>(core: Core, name: string, input: unknown): Promise<T> => callCore<T>(core.dispatch, name, input);

/**
 * The product's path to finished reviews, as `review-desk demo` walks it with the same answers file: import the sample
 * package, save the expert, accept the commitment, fill and complete every project's review.
 */
async function completedSession(dataDir: string): Promise<{ sessionId: string; projectIds: string[] }> {
  const answers = JSON.parse(readFileSync(demoAnswersFile, 'utf8')) as DemoAnswers;
  const core = await openCore({
    dataDir,
    version: 'bench',
    transport: 'ipc',
    choosePath: null,
    openPath: async () => false,
    openFolder: async () => false,
    emit: () => undefined,
  });
  try {
    const session = await call<{ id: string }>(core, 'package.import', { jobId: 'bench', source: { kind: 'path', path: demoPackage } });
    await settleExpert(core, session.id, answers, demoAnswersFile);
    const projects = await completeReviews(core, session.id, answers, demoAnswersFile, () => undefined);
    return { sessionId: session.id, projectIds: projects.map((p) => p.id) };
  } finally {
    core.close();
  }
}

async function pageCount(bytes: Buffer): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS })
    .promise;
  try {
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

interface Timed {
  fillMs: number;
  docxMs: number;
  pdfMs: number;
  totalMs: number;
  /** CPU time of this process (user + system) over the whole letter: less swayed than wall time by other load. */
  cpuMs: number;
  docx: Buffer;
  pdf: Buffer;
}

/** One letter as the product makes it: fill the template, then both renderers from the same document model. */
async function timedLetter(fill: () => RenderDoc): Promise<Timed> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const doc = fill();
  const fillMs = ms(start);
  let t = process.hrtime.bigint();
  const docx = Buffer.from(await renderDocx(doc));
  const docxMs = ms(t);
  t = process.hrtime.bigint();
  const pdf = await renderPdf(doc);
  const pdfMs = ms(t);
  const totalMs = ms(start);
  const used = process.cpuUsage(cpu);
  return { fillMs, docxMs, pdfMs, totalMs, cpuMs: (used.user + used.system) / 1000, docx, pdf };
}

/** The letter with another 发文字号 (…〔2027〕n号), so each of a batch's letters is a different document. */
const withDocNumber = (doc: RenderDoc, n: number): RenderDoc => ({
  ...doc,
  blocks: doc.blocks.map((b) => (b.kind === 'docNumber' ? { ...b, text: b.text.replace(/\d+号$/, `${n}号`) } : b)),
});

/** Where soffice is on PATH, or null. */
function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, 'soffice');
    if (dir && existsSync(file)) return file;
  }
  return null;
}

/** One `soffice --headless --convert-to pdf` of `docx` into `outDir` with the given profile; its wall time and the PDF. */
function sofficeConvert(soffice: string, profile: string, docx: string, outDir: string): { ms: number; pdf: Buffer } {
  const out = path.join(outDir, `${path.basename(docx, '.docx')}.pdf`);
  rmSync(out, { force: true });
  const start = process.hrtime.bigint();
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  const took = ms(start);
  if (!existsSync(out)) throw new Error(`soffice 没有写出 ${out}`);
  return { ms: took, pdf: readFileSync(out) };
}

export async function benchDocuments(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rd-bench-documents-'));
  let store: Awaited<ReturnType<typeof openStore>> | null = null;
  try {
    const setupStart = process.hrtime.bigint();
    const { sessionId, projectIds } = await completedSession(path.join(dir, 'data'));
    const setupMs = ms(setupStart);
    store = await openStore(path.join(dir, 'data'), () => NOW);
    const deps: GenerateDeps = { db: store.db, now: () => NOW };
    const session = getSession(store.db, sessionId)!;
    const builtin = (id: string): Template => {
      const resolved = resolveTemplate(store!.db, id);
      if (resolved.kind !== 'builtin') throw new Error(`${id} 不是内置模板`);
      return resolved.template;
    };
    const letter = builtin(LETTER_ID);
    const projectId = projectIds[0]!;
    const fillLetter = (id: string) => () => fillFor(deps, letter, sessionId, id);

    // Cold: the first document of the process (fonts loaded and parsed, WOFF2 decoder started, caches empty).
    const cold = await timedLetter(fillLetter(projectId));
    const warm: Timed[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t = await timedLetter(fillLetter(projectId));
      if (i >= WARMUP) warm.push(t);
    }
    const last = warm[warm.length - 1];
    if (!last!.pdf.equals(cold.pdf) || !last!.docx.equals(cold.docx)) throw new Error('同一封意见函两次生成的字节不同（应确定）');
    // The product's own path (makeDocument, as output.generate and the batch call it) gives the very same bytes.
    const job = (format: 'docx' | 'pdf') => ({ resolved: resolveTemplate(store!.db, LETTER_ID), projectId, format });
    const made = { docx: await makeDocument(deps, session, job('docx')), pdf: await makeDocument(deps, session, job('pdf')) };
    if (!Buffer.from(made.pdf.bytes).equals(cold.pdf) || !Buffer.from(made.docx.bytes).equals(cold.docx))
      throw new Error('makeDocument 与 fillFor + 渲染器的字节不同');
    const warmP50 = {
      fill: p50(warm.map((t) => t.fillMs)),
      docx: p50(warm.map((t) => t.docxMs)),
      pdf: p50(warm.map((t) => t.pdfMs)),
      total: p50(warm.map((t) => t.totalMs)),
      cpu: p50(warm.map((t) => t.cpuMs)),
    };

    // 100 letters: the sample's projects in turn, each letter with its own 发文字号 1…100.
    let batchBytes = 0;
    const batchStart = process.hrtime.bigint();
    for (let i = 0; i < LETTERS; i++) {
      const id = projectIds[i % projectIds.length];
      const t = await timedLetter(() => withDocNumber(fillFor(deps, letter, sessionId, id!), i + 1));
      batchBytes += t.docx.length + t.pdf.length;
    }
    const batchMs = ms(batchStart);

    // Size: the letter of every project; the expert-opinion form (专家个人评审意见表) where the letters are under 3 pages.
    const sizes: { document: string; project: string; pages: number; pdfBytes: number; docxBytes: number }[] = [];
    const projectName = (id: string) => session.projects.find((p) => p.id === id)?.name ?? id;
    for (const id of projectIds) {
      const t = await timedLetter(fillLetter(id));
      sizes.push({
        document: '评审意见函',
        project: projectName(id),
        pages: await pageCount(t.pdf),
        pdfBytes: t.pdf.length,
        docxBytes: t.docx.length,
      });
    }
    if (sizes.every((s) => s.pages < 3)) {
      const form = builtin(FORM_ID);
      for (const id of projectIds) {
        const t = await timedLetter(() => fillFor(deps, form, sessionId, id));
        sizes.push({
          document: '专家个人评审意见表',
          project: projectName(id),
          pages: await pageCount(t.pdf),
          pdfBytes: t.pdf.length,
          docxBytes: t.docx.length,
        });
      }
    }
    const threePage = sizes.filter((s) => s.pages >= 3);
    const maxBytesPerPage = Math.max(...sizes.map((s) => s.pdfBytes / s.pages));

    // LibreOffice: the same DOCX (the file makeDocument names) to PDF; a fresh profile, whose first run sets it up.
    const soffice = findSoffice();
    let lo: { firstMs: number; runsMs: number[]; medianMs: number; oursP50Ms: number; pages: number; pdfBytes: number } | null = null;
    if (soffice) {
      const docxFile = path.join(dir, made.docx.name);
      writeFileSync(docxFile, made.docx.bytes);
      const profile = path.join(dir, 'lo-profile');
      const outDir = path.join(dir, 'lo-out');
      const first = sofficeConvert(soffice, profile, docxFile, outDir);
      const runs: ReturnType<typeof sofficeConvert>[] = [];
      const ours: number[] = [];
      for (let i = 0; i < SOFFICE_RUNS; i++) {
        for (let k = 0; k < OURS_PER_SOFFICE_RUN; k++) ours.push((await timedLetter(fillLetter(projectId))).totalMs);
        runs.push(sofficeConvert(soffice, profile, docxFile, outDir));
      }
      const pdf = runs[runs.length - 1]!.pdf;
      lo = {
        firstMs: first.ms,
        runsMs: runs.map((r) => r.ms),
        medianMs: p50(runs.map((r) => r.ms)),
        oursP50Ms: p50(ours),
        pages: await pageCount(pdf),
        pdfBytes: pdf.length,
      };
    }

    const letterSize = sizes[0];
    console.log(
      `\n文书生成：评审意见函（模板 ${LETTER_ID}，样例评审包 ${path.basename(demoPackage)}，${projectIds.length} 个项目按 demo 作答完成评审，准备 ${(setupMs / 1000).toFixed(1)} s）`,
    );
    console.log(
      `单封 = fillFor + renderDocx + renderPdf；暖态先预热 ${WARMUP} 次再计 ${RUNS} 次取中位数；冷态为本进程第一封（含字体加载）；CPU 为本进程用户 + 系统时间（机器繁忙时比墙钟更能反映本身开销）`,
    );
    console.table([
      {
        项目: '单封 冷态 cold',
        '填充 fill (ms)': cold.fillMs.toFixed(1),
        'DOCX (ms)': cold.docxMs.toFixed(1),
        'PDF (ms)': cold.pdfMs.toFixed(1),
        '合计 total (ms)': cold.totalMs.toFixed(1),
        'CPU (ms)': cold.cpuMs.toFixed(1),
        目标: '—',
      },
      {
        项目: '单封 暖态 p50',
        '填充 fill (ms)': warmP50.fill!.toFixed(1),
        'DOCX (ms)': warmP50.docx!.toFixed(1),
        'PDF (ms)': warmP50.pdf!.toFixed(1),
        '合计 total (ms)': warmP50.total!.toFixed(1),
        'CPU (ms)': warmP50.cpu!.toFixed(1),
        目标: `< ${targets.warmMs} ms ${met(warmP50.total! < targets.warmMs)}`,
      },
      {
        项目: `${LETTERS} 封（3 个项目轮流，发文字号 1…${LETTERS}）`,
        '填充 fill (ms)': '',
        'DOCX (ms)': '',
        'PDF (ms)': '',
        '合计 total (ms)': batchMs.toFixed(0),
        'CPU (ms)': '',
        目标: `< ${targets.lettersS} s ${met(batchMs < targets.lettersS * 1000)}`,
      },
    ]);
    console.log('PDF 大小与页数（pdfjs 计页）：');
    console.table(
      sizes.map((s) => ({
        文书: s.document,
        项目: s.project,
        页数: s.pages,
        'PDF (KB)': (s.pdfBytes / 1024).toFixed(1),
        'DOCX (KB)': (s.docxBytes / 1024).toFixed(1),
      })),
    );
    const threePageNote = threePage.length
      ? `3 页及以上的 PDF 最大 ${(Math.max(...threePage.map((s) => s.pdfBytes)) / 1024).toFixed(1)} KB：< ${targets.pdfKb} KB ${met(threePage.every((s) => s.pdfBytes < targets.pdfKb * 1024))}`
      : `本样例中没有 3 页的文书；按每页最多 ${(maxBytesPerPage / 1024).toFixed(1)} KB 推算 3 页约 ${((3 * maxBytesPerPage) / 1024).toFixed(0)} KB（推算，未实测）`;
    console.log(threePageNote);
    if (lo) {
      const factor = lo.medianMs / lo.oursP50Ms;
      console.log(
        `\nLibreOffice headless 转换同一 DOCX 为 PDF（全新配置目录，首次 ${(lo.firstMs / 1000).toFixed(1)} s 含建配置目录，不计入；其后 ${SOFFICE_RUNS} 次取中位数；每次 soffice 前计本程序 ${OURS_PER_SOFFICE_RUN} 封，交替计时）：`,
      );
      console.table([
        {
          方式: '评审工作台 fill + DOCX + PDF（交替计时 p50）',
          '耗时 (ms)': lo.oursP50Ms.toFixed(1),
          页数: letterSize!.pages,
          'PDF (KB)': (letterSize!.pdfBytes / 1024).toFixed(1),
        },
        {
          方式: 'soffice --headless --convert-to pdf（中位数）',
          '耗时 (ms)': lo.medianMs.toFixed(0),
          页数: lo.pages,
          'PDF (KB)': (lo.pdfBytes / 1024).toFixed(1),
        },
      ]);
      console.log(
        `倍数：${factor.toFixed(0)}×（按交替计时；目标至少 ${targets.sofficeFactor}× ${met(factor >= targets.sofficeFactor)}），按上表暖态 p50 计为 ${(lo.medianMs / warmP50.total!).toFixed(0)}×；soffice 各次 ${lo.runsMs.map((x) => x.toFixed(0)).join(' / ')} ms，每次是一个新进程`,
      );
      if (lo.pages !== letterSize!.pages)
        console.log(
          `页数不同（${letterSize!.pages} 与 ${lo.pages}）：LibreOffice 以本机字体排版同一 DOCX，其中指定的仿宋_GB2312、方正小标宋简体等字体本机未安装时由替代字体代替。`,
        );
    } else {
      console.log('\n未找到 soffice：跳过与 LibreOffice 的对比。');
    }
    return {
      template: LETTER_ID,
      projects: projectIds.length,
      setupMs,
      cold: { fillMs: cold.fillMs, docxMs: cold.docxMs, pdfMs: cold.pdfMs, totalMs: cold.totalMs, cpuMs: cold.cpuMs },
      warm: { warmup: WARMUP, runs: RUNS, p50Ms: warmP50 },
      letters: { count: LETTERS, projectsCycled: projectIds.length, docNumberVaried: true, totalMs: batchMs, bytes: batchBytes },
      sizes,
      soffice: lo
        ? { ...lo, runs: SOFFICE_RUNS, factor: lo.medianMs / lo.oursP50Ms, factorVsWarmP50: lo.medianMs / warmP50.total! }
        : 'skipped: soffice not found',
      targets,
    };
  } finally {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
