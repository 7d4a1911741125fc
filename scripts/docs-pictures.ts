// Writes the pictures of docs/documents.md: `review-desk demo` makes every document a review produces (the expert's
// signed forms, the panel's opinions and letters as the bureau issues them, the session's sheets), and pdftoppm renders
// a page of each document type into docs/img/documents/ — what the office will print. With the bundled fonts only
// (REVIEW_DESK_FONT_DIRS empty), so the pictures do not depend on this machine's fonts.  npm run docs:pictures
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demo, signedFolderName } from '../electron/cli/demo';
import { fontDirsVariable } from '../electron/core/output/fonts/systemFonts';

/** Each picture: the file it is written to, the demo's PDF (folder and name prefix) and the page shown. */
export const documentPictures = [
  { picture: 'opinion-letter.png', folder: '专家组', prefix: '评审意见函-', page: 1 },
  { picture: 'opinion-letter-last.png', folder: '专家组', prefix: '评审意见函-', page: 'last' },
  { picture: 'panel-opinion.png', folder: path.join('专家组', '专家组意见'), prefix: '专家组评审意见-', page: 1 },
  { picture: 'expert-opinion.png', folder: signedFolderName, prefix: '专家个人评审意见表-', page: 1 },
  { picture: 'score-summary.png', folder: '专家组', prefix: '评分汇总表-', page: 1 },
  { picture: 'session-score-summary.png', folder: '', prefix: '评审会评分汇总表-', page: 1 },
  { picture: 'attendance.png', folder: '', prefix: '专家签到表-', page: 1 },
  { picture: 'recusal-commitment.png', folder: '', prefix: '回避承诺书-', page: 1 },
] as const;

const outDir = path.resolve(__dirname, '..', 'docs', 'img', 'documents');
/** Small enough for a page of docs, large enough to read a heading: A4 at 50 dpi is 413 × 585 pixels. */
const dpi = 50;

function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = /^Pages:\s+(\d+)/m.exec(info);
  if (!pages) throw new Error(`pdfinfo 没有给出 ${pdf} 的页数`);
  return Number(pages[1]);
}

async function main(): Promise<void> {
  process.env[fontDirsVariable] = '';
  const work = mkdtempSync(path.join(os.tmpdir(), 'rd-docs-pictures-'));
  try {
    const lines: string[] = [];
    const code = await demo(['--out', work], (line) => lines.push(line));
    if (code !== 0) throw new Error(`review-desk demo 失败（退出码 ${code}）：\n${lines.join('\n')}`);
    mkdirSync(outDir, { recursive: true });
    for (const p of documentPictures) {
      const folder = path.join(work, p.folder);
      // The demo's projects in name order: the first project's document of each type.
      const name = readdirSync(folder)
        .filter((f) => f.startsWith(p.prefix) && f.endsWith('.pdf'))
        .sort()[0];
      if (!name) throw new Error(`demo 输出的 ${folder} 中没有 ${p.prefix}*.pdf`);
      const pdf = path.join(folder, name);
      const page = p.page === 'last' ? pageCount(pdf) : p.page;
      const target = path.join(outDir, p.picture.replace(/\.png$/, ''));
      execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, target]);
      console.log(`${path.relative(process.cwd(), `${target}.png`)}  ←  ${path.join(p.folder, name)} 第 ${page} 页`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
