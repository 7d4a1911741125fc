// `review-desk demo --out DIR`: the whole expert path without a window writes every built-in template as DOCX and PDF plus the score sheets, and each file parses and names its project; then it signs every review with a throwaway identity and exports the signed files into DIR/签名文件, each of which verifies (our verifier, and pdfsig for the PDFs); then the panel's full cycle into DIR/专家组: three members' results, each project's panel opinion signed by all three, and the letters holding the panel's total recomputed here from the three scripts.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli';
import { demoAnswersFile, demoPackage, signedFolderName, type DemoAnswers } from '../../../electron/cli/demo';
import { panelAnswersFiles, panelFolderName, panelSubfolders } from '../../../electron/cli/demoPanel';
import { extractText } from '../../../electron/core/documents/text';
import { builtinTemplateIds, loadBuiltinTemplates } from '../../../electron/core/output/template/builtins';
import { verifyDetached } from '../../../electron/core/signing/detached';
import { verifyFile } from '../../../electron/core/signing/verify';
import { nearDuplicateSentences } from '../../../electron/core/panel/opinionMerge';
import { tempDir } from '../../helpers/core';
import { documentText, lintFiles } from '../output/documentLint';

async function demo(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await run(['demo', ...args], (l) => lines.push(l));
  return { code, lines };
}

let samplePackage = demoPackage;
/** One demo run shared by the tests (it takes a while on two cores): its folder, exit code and printed lines. */
let out: string;
let code: number;
let lines: string[];
beforeAll(async () => {
  if (!existsSync(samplePackage)) {
    const { makeSamples } = await import('../../../scripts/make-samples');
    const dir = tempDir();
    await makeSamples(dir);
    samplePackage = path.join(dir, 'wulong-2027.rpkg');
  }
  out = path.join(tempDir(), '输出 文件夹');
  ({ code, lines } = await demo(['--out', out, '--package', samplePackage]));
}, 240_000);

/** The file names printed as written into `folder` (lines that are a path directly inside it). */
const printedIn = (folder: string) =>
  lines
    .filter((l) => path.dirname(l) === folder)
    .map((l) => path.basename(l))
    .sort();

describe('review-desk demo', () => {
  it('writes every built-in template as DOCX and PDF and the score sheets, printing each path', () => {
    expect(code, lines.join('\n')).toBe(0);

    const written = readdirSync(out)
      .filter((f) => f !== signedFolderName && f !== panelFolderName)
      .sort();
    expect(printedIn(out)).toEqual(written); // every file printed, and nothing else written (no staging leftovers)

    const answers = JSON.parse(readFileSync(demoAnswersFile, 'utf8')) as DemoAnswers;
    const projectCount = Object.keys(answers.projects).length;
    const templates = loadBuiltinTemplates();
    expect(templates.map((t) => t.id).sort()).toEqual([...builtinTemplateIds].sort());
    for (const t of templates) {
      const copies = t.kind === 'session' ? 1 : projectCount;
      for (const ext of ['docx', 'pdf'])
        expect(
          written.filter((f) => f.startsWith(`${t.name}-`) && f.endsWith(`.${ext}`)),
          `${t.name}.${ext}`,
        ).toHaveLength(copies);
    }
    // The session's workbook and CSV (评分表), and each project's own (项目评分表).
    for (const ext of ['xlsx', 'csv']) {
      expect(written.filter((f) => f.startsWith('评分表-') && f.endsWith(`.${ext}`))).toHaveLength(1);
      expect(written.filter((f) => f.startsWith('项目评分表-') && f.endsWith(`.${ext}`))).toHaveLength(projectCount);
    }
    expect(written.filter((f) => /\.(xlsx|csv)$/.test(f))).toHaveLength(2 + 2 * projectCount);
  });

  it('fills the documents from the scripted answers: the project name and the expert opinion are in the PDF and the DOCX', async () => {
    expect(code, lines.join('\n')).toBe(0);
    const answers = JSON.parse(readFileSync(demoAnswersFile, 'utf8')) as DemoAnswers;
    const expert = loadBuiltinTemplates().find((t) => t.id === 'expert-opinion')!;
    const files = readdirSync(out);
    const opinions = Object.values(answers.projects).map((p) => p.overallOpinion);
    const found = new Set<string>();
    const pdfs = files.filter((f) => f.startsWith(`${expert.name}-`) && f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(opinions.length);
    for (const pdfName of pdfs) {
      const name = pdfName.slice(expert.name.length + 1, -'.pdf'.length);
      // Page furniture (第 n 页 共 m 页, the running header from page 2) is not content: a long opinion may run across a page break.
      const pages = (await extractText(path.join(out, pdfName), 'pdf', name)).pages.map((p) =>
        p.text.replace(/\s/g, '').replace(/第\d+页共\d+页/g, ''),
      );
      const pdfText = pages.map((text, i) => (i === 0 ? text : text.replace(expert.name, ''))).join('');
      const docx = (await mammoth.extractRawText({ path: path.join(out, pdfName.replace(/\.pdf$/, '.docx')) })).value;
      expect(pdfText).toContain(name.replace(/\s/g, ''));
      expect(docx).toContain(name);
      // Each project's form carries that project's scripted opinion, in both formats.
      const own = opinions.filter((o) => pdfText.includes(o.replace(/\s/g, '')));
      expect(own, pdfName).toHaveLength(1);
      expect(docx).toContain(own[0]);
      found.add(own[0]!);
    }
    expect(found.size).toBe(opinions.length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(
      path.join(
        out,
        files.find((f) => f.endsWith('.xlsx'))!,
      ),
    );
    expect(workbook.worksheets.length).toBeGreaterThan(0);
    const csv = readFileSync(
      path.join(
        out,
        files.find((f) => f.endsWith('.csv'))!,
      ),
    );
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel and WPS
  }, 60_000);

  it('signs every review and exports the signed files into DIR/签名文件, each verified and marked ✓', async () => {
    expect(code, lines.join('\n')).toBe(0);
    const answers = JSON.parse(readFileSync(demoAnswersFile, 'utf8')) as DemoAnswers;
    const projectCount = Object.keys(answers.projects).length;
    const signed = path.join(out, signedFolderName);
    const files = readdirSync(signed).sort();
    expect(printedIn(signed)).toEqual(files); // every signed file printed, no staging leftovers
    const results = files.filter((f) => f.endsWith('.rdr.json'));
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    const docxs = files.filter((f) => f.endsWith('.docx'));
    expect(results).toHaveLength(1);
    expect(pdfs).toHaveLength(projectCount);
    expect(docxs).toHaveLength(projectCount);
    expect(files.filter((f) => f.endsWith('.docx.sig.json')).sort()).toEqual(docxs.map((d) => `${d}.sig.json`).sort());
    expect(files).toHaveLength(1 + 3 * projectCount);

    // Every file verifies with our verifier, signed by the scripted expert, and the demo said so.
    for (const name of files) {
      const report = await verifyFile(path.join(signed, name));
      expect(report.valid, `${name}: ${JSON.stringify(report.checks.filter((c) => !c.ok))}`).toBe(true);
      expect(report.signer?.name).toBe(answers.expert.name);
      expect(lines).toContain(`✓ 签名有效：${name}`);
    }
    expect(lines.filter((l) => l.startsWith('✗'))).toEqual([]);
    // The PDFs verify in poppler too, and carry the signing date on the signature line.
    for (const name of pdfs) {
      const file = path.join(signed, name);
      expect(execFileSync('/usr/bin/pdfsig', [file], { encoding: 'utf8' }), name).toMatch(/Signature is Valid/);
      expect(execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s/g, '')).toMatch(
        /日期：\d{4}年\d{1,2}月\d{1,2}日/,
      );
    }
    // The signed DOCX names its signing date too, as the PDF does.
    for (const name of docxs)
      expect((await mammoth.extractRawText({ path: path.join(signed, name) })).value.replace(/\s/g, '')).toMatch(
        /日期：\d{4}年\d{1,2}月\d{1,2}日/,
      );

    // The check is real: the result file with one byte changed no longer verifies.
    const changed = readFileSync(path.join(signed, results[0]!));
    changed[changed.indexOf(answers.expert.name)]! ^= 0x01;
    const tampered = path.join(tempDir(), results[0]!);
    writeFileSync(tampered, changed);
    expect((await verifyFile(tampered)).valid).toBe(false);
  }, 60_000);

  it('runs the panel: three signed results, each panel opinion signed by every member, letters with the panel total', async () => {
    expect(code, lines.join('\n')).toBe(0);
    const panel = path.join(out, panelFolderName);
    const scripts = [demoAnswersFile, ...panelAnswersFiles].map((f) => JSON.parse(readFileSync(f, 'utf8')) as DemoAnswers);
    const members = scripts.map((s) => s.expert.name);
    const folder = (name: keyof typeof panelSubfolders) => path.join(panel, panelSubfolders[name]);

    // Every file written is printed, in each folder.
    expect(printedIn(panel)).toEqual(
      readdirSync(panel)
        .filter((f) => !Object.values(panelSubfolders).includes(f as never))
        .sort(),
    );
    for (const name of ['results', 'opinions'] as const) expect(printedIn(folder(name))).toEqual(readdirSync(folder(name)).sort());
    expect(readdirSync(folder('signatures')).sort()).toEqual([...members].sort());
    for (const m of members)
      expect(printedIn(path.join(folder('signatures'), m))).toEqual(readdirSync(path.join(folder('signatures'), m)).sort());

    // The three results verify, one per member.
    const results = readdirSync(folder('results'));
    expect(results).toHaveLength(3);
    const signers = await Promise.all(results.map((r) => verifyFile(path.join(folder('results'), r))));
    expect(signers.every((r) => r.valid)).toBe(true);
    expect(signers.map((r) => r.signer!.name).sort()).toEqual([...members].sort());

    // Each project's frozen opinion carries the three members' signatures over its exact bytes, by three distinct keys.
    const projectIds = Object.keys(scripts[0]!.projects);
    const opinions = readdirSync(folder('opinions'));
    expect(opinions).toHaveLength(projectIds.length);
    for (const name of opinions) {
      const bytes = readFileSync(path.join(folder('opinions'), name));
      const prints = new Set<string>();
      for (const m of members) {
        const report = verifyDetached(bytes, readFileSync(path.join(folder('signatures'), m, `${name}.sig.json`)), name);
        expect(report.valid, `${m} ${name}: ${JSON.stringify(report.checks.filter((c) => !c.ok))}`).toBe(true);
        expect(report.signer!.name).toBe(m);
        prints.add(report.signer!.fingerprint);
      }
      expect(prints.size).toBe(3);
      const changed = Buffer.from(bytes);
      changed[Math.floor(changed.length / 2)]! ^= 0x01;
      expect(verifyDetached(changed, readFileSync(path.join(folder('signatures'), members[0]!, `${name}.sig.json`)), name).valid).toBe(
        false,
      );
    }
    expect(lines.filter((l) => l.startsWith('✓ 成员签名有效'))).toHaveLength(3 * projectIds.length);
    expect(lines.filter((l) => l.startsWith('✗'))).toEqual([]);

    // The panel total in force, recomputed from the three scripts: fewer than five experts, so each dimension's plain mean
    // (rounded to two decimals; thirds of half-points never end in 5), the total their sum.
    const written = readdirSync(panel);
    for (const id of projectIds) {
      const dimensions = Object.keys(scripts[0]!.projects[id]!.scores);
      const mean = (d: string) =>
        scripts.reduce((sum, s) => sum + Object.values(s.projects[id]!.scores[d]!).reduce((a, b) => a + b, 0), 0) / scripts.length;
      const inForce = dimensions.reduce((sum, d) => sum + Math.round(mean(d) * 100), 0) / 100;
      const inForceText = inForce.toFixed(2);
      const letter = written.find(
        (f) =>
          f.startsWith('评审意见函-') &&
          f.endsWith('.pdf') &&
          lines.some((l) => l.startsWith(`${f.slice('评审意见函-'.length, -'.pdf'.length)}：`) && l.includes(`采用值 ${inForceText}`)),
      );
      expect(letter, `${id}: ${inForceText}`).toBeDefined();
      const text = execFileSync('/usr/bin/pdftotext', [path.join(panel, letter!), '-'], { encoding: 'utf8' }).replace(/\s/g, '');
      expect(text).toContain(`专家组评分采用值为${inForceText}分`);
    }
    expect(written.filter((f) => f.startsWith('评审意见函-') && f.endsWith('.pdf'))).toHaveLength(projectIds.length);
    expect(written.filter((f) => /\.(xlsx|csv)$/.test(f))).toHaveLength(2);
  }, 60_000);

  it('issues every letter under its own 文号, dated the meeting day, in one voice: the chair’s text, no near-duplicate sentence, no 草稿', async () => {
    expect(code, lines.join('\n')).toBe(0);
    const panel = path.join(out, panelFolderName);
    const issued = lines.filter((l) => l.startsWith('已签发：'));
    const numbers = issued.map((l) => /^已签发：(武数据评〔2027〕\d+号)（/.exec(l)![1]!);
    expect(numbers.sort()).toEqual(['武数据评〔2027〕1号', '武数据评〔2027〕2号', '武数据评〔2027〕3号']);
    const letters = readdirSync(panel).filter((f) => f.startsWith('评审意见函-') && f.endsWith('.pdf'));
    const printed = new Set<string>();
    const chair = JSON.parse(readFileSync(path.resolve(__dirname, '../../../resources/demo/panel.json'), 'utf8')) as {
      projects: Record<string, Record<string, string>>;
    };
    for (const f of letters) {
      const text = execFileSync('/usr/bin/pdftotext', [path.join(panel, f), '-'], { encoding: 'utf8' }).replace(/\s/g, '');
      const number = numbers.find((n) => text.includes(n))!;
      expect(number, f).toBeDefined();
      printed.add(number);
      expect(text).toContain('武隆区大数据发展局');
      expect(text).toContain('抄送：武隆区财政局。');
      expect(text).not.toContain('草稿');
      expect(text).not.toContain('待组长确定');
      // The chair's words for the project, not the members' three paragraphs.
      expect(Object.values(chair.projects).some((p) => text.includes(p['dimension:urgency']!.replace(/\s/g, '')))).toBe(true);
    }
    expect(printed.size).toBe(3);
    // The panel's documents speak with one voice: no sentence repeats an earlier one (bigram Dice ≥ 0.6).
    const panelDocs = [
      ...letters.map((f) => path.join(panel, f)),
      ...readdirSync(path.join(panel, panelSubfolders.opinions)).map((f) => path.join(panel, panelSubfolders.opinions, f)),
    ];
    for (const file of panelDocs) {
      const text = execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' })
        .replace(/—\s*\d+\s*—|第\s*\d+\s*页\s*共\s*\d+\s*页/g, '')
        .replace(/\s+/g, '');
      expect(nearDuplicateSentences([text]), path.basename(file)).toEqual([]);
    }
  }, 60_000);

  it('dates every document by the act — the meeting day the demo runs on — and prints no machine words in any of them', async () => {
    expect(code, lines.join('\n')).toBe(0);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir, { withFileTypes: true })) {
        if (f.isDirectory()) walk(path.join(dir, f.name));
        else if (/\.(pdf|docx)$/.test(f.name)) files.push(path.join(dir, f.name));
      }
    };
    walk(out);
    // The expert's documents (7 templates), the signed ones, the panel opinions, the letters and score summaries.
    expect(files.length).toBeGreaterThanOrEqual(2 * (3 + 4 * 3) + 2 * 3 + 3 + 2 * 3 * 2);
    const dates = new Set<string>();
    for (const f of files)
      for (const d of (await documentText(f)).replace(/\s/g, '').match(/\d{4}年\d{1,2}月\d{1,2}日/g) ?? []) dates.add(d);
    expect([...dates]).toEqual(['2027年3月18日']);
    expect(await lintFiles(files, 'wulong')).toBe('');
  }, 120_000);

  it('refuses a missing --out with the usage (exit 2), and names the package when it cannot be read (exit 1)', async () => {
    expect((await demo([])).code).toBe(2);
    const missing = await demo(['--out', tempDir(), '--package', path.join(tempDir(), '没有.rpkg')]);
    expect(missing.code).toBe(1);
    expect(missing.lines.join('\n')).toMatch(/没有\.rpkg/);
  }, 60_000);
});
