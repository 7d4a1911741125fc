// The forms as a review office uses them, filled from the real sample and made months after the meeting (so a date taken
// from the clock would show): the expert's form with 评审重点, a ruled space to write by hand, a score range per
// sub-item and no pre-check annex unless asked; the sign-in sheet with 专业, 联系电话, 签到时间 and blank signature cells;
// the 回避承诺书 listing the session's projects and 申报单位 and dated when the expert accepted; signature lines without
// pre-printed names; an optional 表单编号 top right; and every built-in template, in PDF and DOCX, passing the document
// lint (documentLint.ts) — which is shown to catch what it should, naming the document and the text.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillFor, type GenerateDeps } from '../../../electron/core/output/generate';
import type { Block, RenderDoc } from '../../../electron/core/output/model';
import { renderDocx } from '../../../electron/core/output/docx/render';
import { renderPdf } from '../../../electron/core/output/pdf/render';
import { loadBuiltinTemplates } from '../../../electron/core/output/template/builtins';
import { tempDir } from '../../helpers/core';
import { sampleSession, type SampleSession } from '../sampleSession';
import { lintFiles, lintText } from './documentLint';

let s: SampleSession;
/** Generation runs on 2027-06-01, months after the meeting of 2027-03-18 at which everything was done. */
const later = new Date('2027-06-01T10:00:00+08:00');
const deps = (more: Partial<GenerateDeps> = {}): GenerateDeps => ({ db: s.store.db, now: () => later, ...more });
const templates = loadBuiltinTemplates();
const template = (id: string) => templates.find((t) => t.id === id)!;

beforeAll(async () => {
  s = await sampleSession();
}, 120_000);
afterAll(() => s?.close());

const tables = (doc: RenderDoc) => doc.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
const texts = (row: { text: string }[]) => row.map((c) => c.text);
const allText = (doc: RenderDoc) =>
  doc.blocks
    .map((b) => {
      if (b.kind === 'paragraph') return b.runs.map((r) => r.text).join('');
      if (b.kind === 'table') return b.rows.map((r) => texts(r).join('|')).join('\n');
      if (b.kind === 'closing') return `${b.organiser}\n${b.date}`;
      if (b.kind === 'signatures') return b.entries.map((e) => `${e.role}：${e.name} ${e.date ?? ''}`).join('\n');
      if ('text' in b) return b.text;
      return '';
    })
    .join('\n');

describe('专家个人评审意见表', () => {
  it('has 评审重点, a ruled space to write by hand, a score range per sub-item, a blank signature line, and no pre-check annex by default', () => {
    const doc = fillFor(deps(), template('expert-opinion'), s.sessionId, s.projectIds[0]!);
    const fields = tables(doc)[0]!;
    const focus = fields.rows.find((r) => r[0]!.text === '评审重点')!;
    expect(focus[1]!.text).toBe(
      '从必要性、紧迫性、可行性、安全性、集约性、投资金额6个方面评分并提出意见；对5个必备篇（章）逐一提出意见；认定7项一票否决情形是否成立；审核投资概算，提出核定金额。',
    );
    const scores = tables(doc).find((t) => t.rows[0]![2]?.text === '分值范围')!;
    expect(texts(scores.rows[1]!)).toEqual(['一', '必要性', '0～25', expect.stringMatching(/^\d+\.\d$/)]);
    expect(texts(scores.rows[2]!)).toEqual(['1', '建设依据充分性', '0～7', expect.stringMatching(/^\d+\.\d$/)]);
    const writing = tables(doc).find((t) => t.rows[0]![0]!.text === '补充意见（可手写）')!;
    expect(writing.rows).toHaveLength(6);
    for (const row of writing.rows.slice(1)) expect(row.map((c) => c.text.trim())).toEqual(['']);
    const signatures = doc.blocks.find((b) => b.kind === 'signatures');
    expect(signatures).toMatchObject({ entries: [{ role: '评审专家', name: '', date: null, image: null }] });
    expect(allText(doc)).not.toContain('形式审查');
    expect(doc.draft).toBeUndefined();
  });

  it('attaches the pre-check only when the expert asks, in plain Chinese: no rule ids, no project ids, no 「」', () => {
    const doc = fillFor(deps({ includePrecheck: true }), template('expert-opinion'), s.sessionId, s.projectIds[2]!);
    const text = allText(doc);
    expect(text).toContain('附：形式审查结论');
    expect(text).toContain('以下为本系统对申报材料的自动比对结果，仅供参考，不代替专家判断。');
    expect(text).toContain('费用列支范围'); // the budget check, once named by its id “eligibility”
    expect(text).toMatch(/与“武隆区智慧城管综合平台（二期）建设项目”均采购/);
    expect(text).not.toMatch(/eligibility|wl-2027-\d+|[「」]|未能读取申报文件的文本/);
  });

  it('prints a 表单编号 top right when the template has one', () => {
    const doc = fillFor(deps(), { ...template('expert-opinion'), formCode: '武数据评表-02' }, s.sessionId, s.projectIds[0]!);
    expect(doc.blocks[0]).toEqual({
      kind: 'paragraph',
      runs: [{ text: '武数据评表-02' }],
      align: 'right',
      firstLineIndentChars: 0,
      size: 'small',
    });
  });
});

describe('专家签到表 and 回避承诺书', () => {
  it('lists every expert with 专业, leaves 联系电话, 签到时间 and 签名 blank, and pre-prints no name on a signature line', () => {
    const doc = fillFor(deps(), template('attendance'), s.sessionId, null);
    const sheet = tables(doc)[0]!;
    expect(texts(sheet.rows[0]!)).toEqual(['序号', '姓名', '工作单位', '职称', '专业', '联系电话', '签到时间', '签名']);
    expect(sheet.rows).toHaveLength(6);
    expect(texts(sheet.rows[1]!)).toEqual(['1', '周建国', '重庆渝信规划设计研究院有限公司', '正高级工程师', '信息系统工程', '', '', '']);
    expect(texts(sheet.rows[4]!).slice(4)).toEqual(['工程造价', '', '', '']);
    expect(doc.page.orientation).toBe('landscape');
  });

  it('lists the session’s projects and 申报单位, and is dated when the expert accepted — not when it is printed', () => {
    const doc = fillFor(deps(), template('recusal-commitment'), s.sessionId, null);
    const projects = tables(doc)[0]!;
    expect(texts(projects.rows[0]!)).toEqual(['序号', '项目名称', '申报单位', '是否存在利害关系']);
    expect(projects.rows.slice(1).map((r) => texts(r).slice(1, 3))).toEqual([
      ['武隆区智慧城管综合平台（二期）建设项目', '重庆市武隆区数字化城市管理中心'],
      ['武隆区政务服务“一网通办”综合受理系统建设项目', '重庆市武隆区政务服务管理办公室'],
      ['武隆区城乡供水安全智慧监管平台建设项目', '重庆市武隆区水利局'],
    ]);
    const fields = tables(doc)[1]!;
    expect(fields.rows.find((r) => r[0]!.text === '承诺时间')![1]!.text).toBe('2027年3月18日');
    expect(allText(doc)).not.toContain('2027年6月1日');
  });
});

describe('the panel’s documents on an expert’s machine', () => {
  it('score summary: 专业 beside each expert, two decimals everywhere, the rounding rule stated, averages adding up', () => {
    const doc = fillFor(deps(), template('score-summary'), s.sessionId, s.projectIds[0]!);
    const table = tables(doc)[0]!;
    // Names over maxima in two header rows (as the XLSX sheet), so the 结论 column has room for 修改完善后通过.
    expect(texts(table.rows[0]!)).toEqual([
      '序号',
      '专家',
      '专业',
      '必要性',
      '紧迫性',
      '可行性',
      '安全性',
      '集约性',
      '投资金额',
      '总分',
      '结论',
    ]);
    expect(texts(table.rows[1]!)).toEqual(['25分', '10分', '20分', '15分', '15分', '15分', '100分']);
    expect(table.headerRows).toBe(2);
    expect(table.columns.at(-1)!.nowrap).toBe(true);
    expect(texts(table.rows[2]!).slice(1, 3)).toEqual(['周建国', '信息系统工程']);
    for (const cell of table.rows[2]!.slice(3, 10)) expect(cell.text).toMatch(/^\d+\.\d{2}$/);
    const mean = table.rows.find((r) => r[1]!.text === '平均分')!;
    const parts = mean.slice(2, 8).map((c) => Number(c.text));
    expect(Number(mean[8]!.text)).toBeCloseTo(
      parts.reduce((a, b) => a + b, 0),
      6,
    );
    expect(allText(doc)).toContain('各项平均分四舍五入保留两位小数，总分为各项之和');
  });

  it('a letter not issued is a draft, without a number, dated the meeting’s day and not the day it is printed', () => {
    const doc = fillFor(deps(), template('opinion-letter'), s.sessionId, s.projectIds[0]!);
    expect(doc.draft).toBe(true);
    expect(doc.blocks[1]).toEqual({ kind: 'docNumber', text: '（草稿：专家组意见尚有 12 部分待组长确认；本函尚未签发）' });
    expect(doc.page.letterhead?.docNumber).toBe('武数据评〔2027〕\u3000\u3000号');
    expect(doc.blocks.find((b) => b.kind === 'closing')).toMatchObject({ date: '2027年3月18日' });
    expect(allText(doc)).not.toContain('2027年6月1日');
  });
});

describe('document lint', () => {
  it('catches machine words, corner quotes, ISO dates and other districts, naming the document and the text', () => {
    const problems = lintText(
      '示例.pdf',
      '与「项目」（wl-2027-01）重复；eligibility 不符合；见 附件.docx；2027-03-18；参照东河区做法；APP 与 SSL VPN 可用。',
      'wulong',
    );
    expect(problems.map((p) => `${p.rule}“${p.text}”`)).toEqual([
      '项目或规则编号“wl-2027-01”',
      '文件名“附件.docx”',
      '「」引号“「”',
      '「」引号“」”',
      'ISO 日期“2027-03-18”',
      '规则编号“eligibility”',
      '英文单词“eligibility”',
      '英文单词“docx”',
      '其他辖区“东河”',
    ]);
    expect(problems.every((p) => p.document === '示例.pdf')).toBe(true);
    expect(lintText('示例.pdf', '3f2c1a0e-5b6d-4c7e-8f90-1a2b3c4d5e6f', 'wulong').map((p) => p.rule)).toContain('UUID');
  });

  it('passes every built-in template of the sample, as PDF and as DOCX, the expert form with its pre-check annex too', async () => {
    const dir = tempDir('rd-lint-');
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const t of templates) {
      for (const projectId of t.kind === 'session' ? [null] : s.projectIds) {
        const doc = fillFor(deps({ includePrecheck: true }), t, s.sessionId, projectId);
        const stem = path.join(dir, `${t.name}-${projectId ?? '评审会'}`);
        writeFileSync(`${stem}.pdf`, await renderPdf(doc));
        writeFileSync(`${stem}.docx`, await renderDocx(doc));
        files.push(`${stem}.pdf`, `${stem}.docx`);
      }
    }
    expect(files).toHaveLength(2 * (3 + 4 * 3)); // 3 session documents, 4 per project, 3 projects
    expect(await lintFiles(files, 'wulong')).toBe('');
  }, 120_000);
});
