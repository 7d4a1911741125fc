// 签发评审意见函 through the dispatcher: the letters screen's view (the 成文日期 bounds, the projects whose panel opinion
// the chair has not confirmed), refusals (unconfirmed sections named, a date before the meeting, a date that is no date,
// a reissue in another year), the bureau's settings printed in the letter (发文机关标志, 抄送), one 文号 per letter from the
// register across two sessions — also when two issues race — the same number when a letter is issued again, the letter's
// dates from the act and not the clock, and the register exported as CSV and XLSX.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { DraftView, LetterRegisterEntry, LettersView } from '../../../shared/bureau';
import type { OutputResult } from '../../../shared/output';
import { tempDir } from '../../helpers/core';
import {
  confirmPanelOpinion,
  expertMachine,
  exportResult,
  importConfirmed,
  makeDraft,
  ok,
  openPackage,
  openTestCore,
  refused,
  reviewOf,
  scoreAndSign,
  type TestExpert,
} from './cycle';

const cores: Core[] = [];
afterAll(() => cores.forEach((c) => c.close()));

type Issued = OutputResult & { letters: LetterRegisterEntry[] };
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, '');

let bureau: Core;
let a: string; // a session with two members
let b: string; // another session of the same bureau, one member

/** A draft exported as a package, the experts' results on it imported; the session's id. */
async function session(title: string, experts: TestExpert[]): Promise<string> {
  const made = await makeDraft(bureau);
  const draft = await ok<DraftView>(bureau, 'bureau.draft.saveSession', {
    draftId: made.draft.id,
    baseVersion: made.version,
    session: { ...made.draft.session, title },
  });
  const { sessionId } = await ok<{ sessionId: string }>(bureau, 'bureau.draft.export', {
    draftId: draft.draft.id,
    jobId: 'e',
    destination: 'default',
  });
  const copies = await ok<{ folder: string; files: string[] }>(bureau, 'bureau.draft.copies', {
    draftId: draft.draft.id,
    destination: 'default',
  });
  const keep = tempDir('rd-letters-');
  const results: string[] = [];
  for (const e of experts) {
    const copy = copies.files.find((f) => f.includes(e.name))!;
    await openPackage(e, path.join(copies.folder, copy));
    await scoreAndSign(e, (view) => reviewOf(view, experts.indexOf(e), null));
    results.push((await exportResult(e, path.join(keep, e.name))).file);
  }
  expect((await importConfirmed(bureau, sessionId, results)).map((o) => o.status)).toEqual(experts.map(() => 'accepted'));
  return sessionId;
}

beforeAll(async () => {
  ({ core: bureau } = await openTestCore());
  cores.push(bureau);
  const [jia, yi] = await Promise.all(['专家甲', '专家乙'].map((n) => expertMachine(n)));
  cores.push(jia!.core, yi!.core);
  a = await session('2027年度测试区政务信息化项目专家评审会（第一批）', [jia!, yi!]);
  const [jia2] = await Promise.all(['专家甲'].map((n) => expertMachine(n)));
  cores.push(jia2!.core);
  b = await session('2027年度测试区政务信息化项目专家评审会（第二批）', [jia2!]);
}, 240_000);

const issue = (sessionId: string, date: string) => ({
  sessionId,
  jobId: `issue-${sessionId}-${date}`,
  date,
  formats: ['pdf', 'docx'],
  destination: 'default',
});

describe('签发评审意见函', () => {
  it('is refused, naming the sections, until the chair has confirmed the panel opinion', async () => {
    const view = await ok<LettersView>(bureau, 'bureau.letters.get', { sessionId: a });
    // The test clock runs in the days before the meeting: the default 成文日期 is the meeting's own date.
    expect(view).toMatchObject({ earliestDate: '2027-03-18', defaultDate: '2027-03-18', prefix: '测数据评', register: [] });
    expect(view.unconfirmed).toEqual([
      { projectId: 'p1', name: '测试区智慧城管综合平台建设项目', sections: expect.arrayContaining(['必要性', '综合意见']) },
    ]);
    const refusal = await refused(bureau, 'bureau.letters.issue', issue(a, '2027-03-18'));
    expect(refusal.code).toBe('invalid-input');
    expect(refusal.message).toMatch(/“测试区智慧城管综合平台建设项目”的专家组意见还有 \d+ 部分未经组长确认：必要性、.*综合意见。/);
    // The letter made meanwhile is a draft, says so, and has no number.
    const draft = await ok<OutputResult>(bureau, 'output.generate', {
      sessionId: a,
      projectId: 'p1',
      templateId: 'opinion-letter',
      format: 'pdf',
      destination: 'default',
    });
    const text = pdfText(draft.files[0]!.path);
    expect(text).toMatch(/（草稿：专家组意见尚有\d+部分待组长确认；本函尚未签发）/);
    expect(text).toContain('测数据评〔2027〕号');
    await confirmPanelOpinion(bureau, a, 'p1');
    await confirmPanelOpinion(bureau, b, 'p1');
    expect((await ok<LettersView>(bureau, 'bureau.letters.get', { sessionId: a })).unconfirmed).toEqual([]);
  });

  it('refuses a 成文日期 before the review meeting, and one that is not a date', async () => {
    expect((await refused(bureau, 'bureau.letters.issue', issue(a, '2027-03-17'))).message).toBe(
      '成文日期 2027年3月17日 早于评审会日期 2027年3月18日：评审意见函在评审会之后形成，成文日期不能早于评审会。',
    );
    expect((await refused(bureau, 'bureau.letters.issue', issue(a, '2027-02-30'))).message).toMatch(/不是有效的日期/);
    expect((await refused(bureau, 'bureau.letters.issue', { ...issue(a, '2027-03-18'), date: '18/03/2027' })).code).toBe('invalid-input');
  });

  it('gives each letter the next number, never one number to two letters — also when two issues race', async () => {
    const settings = await ok<LettersView['settings']>(bureau, 'bureau.letters.saveSettings', {
      issuerMark: '测试区大数据发展局',
      numberPrefix: '测数评',
      copyTo: ['测试区财政局', '测试区审计局。', '测试区财政局'],
    });
    expect(settings).toMatchObject({ issuerMark: '测试区大数据发展局', numberPrefix: '测数评', copyTo: ['测试区财政局', '测试区审计局'] });
    expect(
      (await refused(bureau, 'bureau.letters.saveSettings', { issuerMark: '', numberPrefix: '测数评〔2027〕', copyTo: [] })).code,
    ).toBe('invalid-input');
    // Both sessions' letters issued at once: the dispatcher runs the two calls interleaved.
    const [first, second] = await Promise.all([
      ok<Issued>(bureau, 'bureau.letters.issue', issue(a, '2027-03-18')),
      ok<Issued>(bureau, 'bureau.letters.issue', issue(b, '2027-03-18')),
    ]);
    const numbers = [first!.letters[0]!.number, second!.letters[0]!.number].sort();
    expect(numbers).toEqual(['测数评〔2027〕1号', '测数评〔2027〕2号']);
    expect(first!.files.map((f) => path.extname(f.path)).sort()).toEqual(['.docx', '.pdf']);
  });

  it('prints the number, the chosen 成文日期, the bureau’s 发文机关标志 and 抄送, and is final; issued again it keeps its number', async () => {
    const before = (await ok<LettersView>(bureau, 'bureau.letters.get', { sessionId: a })).register.find((l) => l.sessionId === a)!;
    const again = await ok<Issued>(bureau, 'bureau.letters.issue', issue(a, '2027-03-19'));
    expect(again.letters).toEqual([{ ...before, dated: '2027-03-19', issuedAt: again.letters[0]!.issuedAt }]);
    const text = pdfText(again.files.find((f) => f.path.endsWith('.pdf'))!.path);
    expect(text).toContain(before.number);
    expect(text).toContain('2027年3月19日');
    expect(text).toContain('测试区大数据发展局');
    expect(text).toContain('抄送：测试区财政局，测试区审计局。');
    expect(text).not.toContain('草稿');
    // The letter's date is the date chosen, not the day it was made (the test clock is days before the meeting).
    expect(text).not.toMatch(/2027年3月1[0-7]日/);
    // A preview reads the register too: the same number and date.
    const preview = Buffer.from(
      await ok<Uint8Array>(bureau, 'output.preview', { sessionId: a, projectId: 'p1', templateId: 'opinion-letter' }),
    );
    const previewFile = path.join(tempDir('rd-letters-preview-'), 'preview.pdf');
    writeFileSync(previewFile, preview);
    expect(pdfText(previewFile)).toContain(`${before.number}`);
    // Issued again in another year: refused, the number stays.
    expect((await refused(bureau, 'bureau.letters.issue', issue(a, '2028-01-05'))).message).toMatch(
      /已登记为测数评〔2027〕\d号.*成文日期应在 2027 年内，文号不变/,
    );
  });

  it('lists the register and exports it as CSV and XLSX', async () => {
    const view = await ok<LettersView>(bureau, 'bureau.letters.get', { sessionId: a });
    expect(view.register.map((l) => [l.number, l.dated])).toEqual([
      ['测数评〔2027〕2号', '2027-03-18'],
      ['测数评〔2027〕1号', expect.any(String)],
    ]);
    const csv = await ok<{ file: string }>(bureau, 'bureau.letters.exportRegister', { format: 'csv', destination: 'default' });
    const lines = readFileSync(csv.file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('文号,评审会,项目,成文日期,签发时间,首次签发时间');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^测数评〔2027〕2号,2027年度测试区政务信息化项目专家评审会（第二批）,测试区智慧城管综合平台建设项目,2027年3月18日,2027-03-1\d \d\d:\d\d,/,
    );
    const xlsx = await ok<{ file: string }>(bureau, 'bureau.letters.exportRegister', { format: 'xlsx', destination: 'default' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.file);
    const sheet = wb.getWorksheet('发文登记')!;
    expect(sheet.getRow(2).values).toEqual([undefined, '文号', '评审会', '项目', '成文日期', '签发时间', '首次签发时间']);
    expect(sheet.getRow(3).getCell(1).value).toBe('测数评〔2027〕2号');
    expect(sheet.getRow(4).getCell(1).value).toBe('测数评〔2027〕1号');
  });
});
