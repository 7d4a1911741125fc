// Test helpers for chapter detection: the required chapters of 武隆 第十四条 + 朔城 第九条 + 达拉特 第八条, and scoring the labelled set.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RequiredChapter } from '../../shared/precheck';
import { extractText } from '../../electron/core/documents/text';
import { detectChapters } from '../../electron/core/precheck/chapters';
import type { PrecheckProject } from '../../electron/core/precheck/checks';
import { makeChapterFixtures } from '../../scripts/make-chapter-fixtures';
import { tempDir } from './core';

export const chapterFixturesDir = path.resolve(__dirname, '..', 'fixtures', 'chapters');

let generated: Promise<{ dir: string; labels: ChapterLabels }> | undefined;

/**
 * The labelled set (`npx tsx scripts/make-chapter-fixtures.ts` writes test/fixtures/chapters/); where it has not been
 * written, each test process generates its own copy in a temporary folder, so parallel test files never race.
 */
export async function chapterFixtures(): Promise<{ dir: string; labels: ChapterLabels }> {
  if (existsSync(path.join(chapterFixturesDir, 'labels.json'))) {
    return {
      dir: chapterFixturesDir,
      labels: JSON.parse(await readFile(path.join(chapterFixturesDir, 'labels.json'), 'utf8')) as ChapterLabels,
    };
  }
  generated ??= (async () => {
    const dir = tempDir('rd-chapters-');
    return { dir, labels: await makeChapterFixtures(dir) };
  })();
  return generated;
}

const wulong = '武隆区政务信息化项目管理办法 第十四条';
const shuocheng = '朔州市朔城区政务信息化项目建设应用管理办法 第九条';
const dalate = '达拉特旗数字城市建设项目管理办法（征求意见稿） 第八条';

/** The ids the jurisdiction profiles use for the same chapters. */
export const requiredChapters: RequiredChapter[] = [
  { id: 'data-governance', title: '数据资源收集治理及业务应用梳理', synonyms: [], citation: wulong },
  { id: 'data-sharing', title: '数据资源共享分析', synonyms: ['信息资源共享分析'], citation: `${wulong}；${shuocheng}；${dalate}` },
  { id: 'network-security', title: '网络安全保护措施', synonyms: ['网络安全保障措施'], citation: `${wulong}；${dalate}` },
  { id: 'crypto', title: '密码应用方案', synonyms: [], citation: wulong },
  { id: 'intensive', title: '集约化建设', synonyms: [], citation: wulong },
];

/** A new project (新建, in the annual plan) with these documents and no budget: what a chapter check needs of a project. */
export const newProject = (documents: PrecheckProject['documents']): PrecheckProject => ({
  id: 'p',
  name: '武隆区智慧养老服务平台建设项目',
  applicant: '重庆市武隆区民政局',
  type: 'new',
  totalInvestmentFen: 100_000_000,
  inAnnualPlan: true,
  fundingSource: '区级财政资金',
  summary: '',
  documents,
  budgetLines: [],
});

export type ChapterId = 'data-governance' | 'data-sharing' | 'network-security' | 'crypto' | 'intensive';

/** test/fixtures/chapters/labels.json: per document, the chapters it has and the page each starts on (DOCX: by its page breaks). */
export interface ChapterLabels {
  documents: {
    file: string;
    kind: 'pdf' | 'docx';
    description: string;
    chapters: Partial<Record<ChapterId, { page: number; heading: string }>>;
  }[];
}

export interface ChapterMistake {
  file: string;
  chapterId: string;
  problem: 'missed' | 'false-positive' | 'wrong-page';
  expected?: number;
  found?: number;
  heading?: string;
}

export interface ChapterScore {
  documents: number;
  precision: number;
  recall: number;
  /** Of the chapters correctly found, the share reported on the labelled page. */
  pageAccuracy: number;
  mistakes: ChapterMistake[];
}

/** Extracts every labelled document, detects its chapters and scores them against labels.json. */
export async function evaluateChapterDetection(fixturesDir: string): Promise<ChapterScore> {
  const labels = JSON.parse(await readFile(path.join(fixturesDir, 'labels.json'), 'utf8')) as ChapterLabels;
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let rightPages = 0;
  const mistakes: ChapterMistake[] = [];
  for (const doc of labels.documents) {
    const text = await extractText(path.join(fixturesDir, doc.file), doc.kind, doc.file);
    for (const match of detectChapters([text], requiredChapters)) {
      const label = doc.chapters[match.chapterId as ChapterId];
      if (match.found && label) {
        truePositives++;
        if (match.page === label.page) rightPages++;
        else
          mistakes.push({
            file: doc.file,
            chapterId: match.chapterId,
            problem: 'wrong-page',
            expected: label.page,
            found: match.page,
            heading: match.heading,
          });
      } else if (match.found) {
        falsePositives++;
        mistakes.push({ file: doc.file, chapterId: match.chapterId, problem: 'false-positive', found: match.page, heading: match.heading });
      } else if (label) {
        falseNegatives++;
        mistakes.push({ file: doc.file, chapterId: match.chapterId, problem: 'missed', expected: label.page });
      }
    }
  }
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    documents: labels.documents.length,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
    pageAccuracy: ratio(rightPages, truePositives),
    mistakes,
  };
}
