// Pre-check benches: text extraction + indexing of a 300-page PDF next to poppler's pdftotext, search latency over
// 2,000 indexed pages, and precision/recall of the budget classifier and of chapter detection on the labelled sets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractText } from '../electron/core/documents/text';
import { evaluateBudgetClassifier } from '../electron/core/precheck/budget';
import { crossProjectFindings, fromManifestProject } from '../electron/core/precheck/checks';
import { loadProfile } from '../electron/core/precheck/profiles';
import { manifestSchema } from '../shared/manifest';
import { openStore } from '../electron/core/store/db';
import { saveDocumentText, searchSession } from '../electron/core/store/texts';
import { makeChapterFixtures, makeLongPdf } from '../scripts/make-chapter-fixtures';
import { budgetLineFixtures } from '../scripts/make-precheck-fixtures';
import { evaluateChapterDetection } from '../test/helpers/chapters';
import { percentile } from './stats';

const RUNS = 3;
const SEARCH_PAGES = 2000;
const QUERIES = ['数据资源共享', '网络安全等级保护', '密码应用', '政务云', '专网', '集约化建设', '不存在的词语组合', '运行维护'];

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchPrecheck(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rd-bench-text-'));
  try {
    const pdf = path.join(dir, 'long.pdf');
    await makeLongPdf(pdf, 300);

    // Extraction + indexing, next to pdftotext on the same file (interleaved runs, medians).
    const store = await openStore(path.join(dir, 'data'));
    store.db.prepare(`INSERT INTO sessions VALUES ('s', 'h', 1, '局', 'national', '会', '2027-01-01', '', 'c', 'i', '{}')`).run();
    store.db.prepare(`INSERT INTO projects VALUES ('s', 'p', 0, '项目', '单位', NULL, 'new', 0, '', NULL, 1, '')`).run();
    const addDocument = (n: number) =>
      Number(
        store.db
          .prepare(
            `INSERT INTO documents (session_id, project_id, id, position, kind, title, path, sha256, bytes) VALUES ('s', 'p', ?, ?, 'proposal', ?, 'x.pdf', 'x', 0)`,
          )
          .run(`d${n}`, n, `方案${n}`).lastInsertRowid,
      );
    const ours: number[] = [];
    const poppler: number[] = [];
    let text = await extractText(pdf, 'pdf', 'warm-up'); // pdf.js's one-time module load is not per-document work
    for (let run = 0; run < RUNS; run++) {
      let start = process.hrtime.bigint();
      execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, path.join(dir, 'out.txt')]);
      poppler.push(ms(start));
      start = process.hrtime.bigint();
      text = await extractText(pdf, 'pdf', `d${run}`);
      saveDocumentText(store.db, addDocument(run), text, 'ok', null, 'now');
      ours.push(ms(start));
    }
    const extraction = {
      pages: text.pages.length,
      pdftotextMs: median(poppler),
      extractAndIndexMs: median(ours),
      ratio: median(ours)! / median(poppler)!,
    };

    // Search latency with at least 2,000 pages indexed.
    for (let n = RUNS; n * text.pages.length < SEARCH_PAGES; n++) saveDocumentText(store.db, addDocument(n), text, 'ok', null, 'now');
    const indexedPages = (store.db.prepare(`SELECT COUNT(*) AS n FROM document_pages`).get() as { n: number }).n;
    const latencies: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const q of QUERIES) {
        const start = process.hrtime.bigint();
        searchSession(store.db, 's', q);
        latencies.push(ms(start));
      }
    }
    store.close();
    const search = { indexedPages, queries: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };

    const classifier = evaluateBudgetClassifier(budgetLineFixtures());
    const chaptersDir = path.join(dir, 'chapters');
    await makeChapterFixtures(chaptersDir);
    const chapters = await evaluateChapterDetection(chaptersDir);

    const crossProject = benchCrossProject(1000);

    console.log(`\n文本提取 + 建索引：${extraction.pages} 页 PDF，与 pdftotext 同批对比（各 ${RUNS} 次中位数）`);
    console.table([
      {
        pdftotext毫秒: extraction.pdftotextMs!.toFixed(0),
        本程序毫秒: extraction.extractAndIndexMs!.toFixed(0),
        倍数: extraction.ratio.toFixed(1),
      },
    ]);
    console.log(
      `全文检索：已索引 ${search.indexedPages} 页，${search.queries} 次查询，p50 ${search.p50Ms!.toFixed(2)} ms，p99 ${search.p99Ms!.toFixed(2)} ms`,
    );
    console.log(`预算分类（${classifier.total} 条标注）：准确率 ${(classifier.accuracy * 100).toFixed(1)}%`);
    console.table(
      Object.entries(classifier.perVerdict).map(([v, s]) => ({
        结论: v,
        精确率: s.precision.toFixed(2),
        召回率: s.recall.toFixed(2),
        样本数: s.support,
      })),
    );
    console.log(`跨项目检查（${crossProject.projects} 个项目，整个评审会一次）：${crossProject.ms.toFixed(0)} ms`);
    console.log(
      `篇章识别（${chapters.documents} 份标注文档）：精确率 ${chapters.precision.toFixed(2)}，召回率 ${chapters.recall.toFixed(2)}，页码正确率 ${chapters.pageAccuracy.toFixed(2)}`,
    );
    return {
      extraction,
      search,
      crossProject,
      classifier: { total: classifier.total, accuracy: classifier.accuracy, perVerdict: classifier.perVerdict, errors: classifier.errors },
      chapters: {
        documents: chapters.documents,
        precision: chapters.precision,
        recall: chapters.recall,
        pageAccuracy: chapters.pageAccuracy,
        mistakes: chapters.mistakes,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Cross-project findings of a session of `count` projects (issue 17: once per session, indexed, not pairwise per project). */
function benchCrossProject(count: number): { projects: number; ms: number } {
  const projects = manifestSchema.shape.projects
    .parse(
      Array.from({ length: count }, (_, i) => ({
        id: `P${i}`,
        name: i % 10 === 0 ? `第${i}号视频监控平台` : `第${i}号专项业务项目`,
        applicant: '局',
        type: 'new',
        totalInvestment: 1,
        inAnnualPlan: true,
        documents: [],
        budgetLines: [
          {
            id: 'a',
            name:
              i % 10 === 0
                ? '城市运行感知数据汇聚模块开发'
                : `业务模块${[...String(i).padStart(4, '0')].map((d) => '甲乙丙丁戊己庚辛壬癸'[Number(d)]).join('')}定制开发`,
            category: '软件开发',
            amount: 1,
          },
        ],
      })),
    )
    .map(fromManifestProject);
  const start = process.hrtime.bigint();
  crossProjectFindings(projects, loadProfile('national'));
  return { projects: count, ms: ms(start) };
}
