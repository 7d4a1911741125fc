// Template files: the schema and placeholder checks refuse bad files by name, the built-ins load, and filling numbers headings, repeats blocks and names a missing field.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExpertContext } from '../../../../electron/core/output/context';
import {
  builtinTemplateIds,
  defaultTemplateDir,
  loadBuiltinTemplates,
  parseTemplate,
  readTemplateFile,
  TemplateError,
} from '../../../../electron/core/output/template/builtins';
import type { TemplateContext } from '../../../../electron/core/output/template/contextShape';
import { fillTemplate, TemplateFillError } from '../../../../electron/core/output/template/fill';
import { flattenContext, knownPlaceholders, placeholdersOf } from '../../../../electron/core/output/template/placeholders';
import type { Template } from '../../../../electron/core/output/template/schema';
import { sampleSession, type SampleSession } from '../../sampleSession';

const base = {
  id: 'test-form',
  version: 1,
  name: '测试表',
  kind: 'expert',
  title: '{{project.name}}测试表',
  page: { orientation: 'portrait', marginsMm: { top: 37, bottom: 35, left: 28, right: 26 }, grid: null, pageNumbers: 'center', header: '' },
};
const withBlocks = (blocks: unknown[], extra: object = {}) => ({ ...base, ...extra, blocks });
const opts = { createdAt: '2027-03-20T02:00:00.000Z', author: '周建国' };

describe('parseTemplate', () => {
  it('refuses an unknown placeholder, naming the file, the place and the placeholder', () => {
    const json = withBlocks([{ kind: 'paragraph', text: '项目：{{project.nmae}}' }]);
    expect(() => parseTemplate(json, 'my-letter.json')).toThrow(TemplateError);
    expect(() => parseTemplate(json, 'my-letter.json')).toThrow(
      /模板 my-letter\.json 无效[\s\S]*blocks\[0\]\.text：未知的占位符 \{\{project\.nmae\}\}/,
    );
  });

  it('refuses an unknown file on disk by its file name', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rd-tpl-'));
    const file = path.join(dir, 'test-form.json');
    writeFileSync(
      file,
      JSON.stringify(
        withBlocks([{ kind: 'each', each: 'review.dimensions', blocks: [{ kind: 'heading', level: 2, text: '{{item.nome}}' }] }]),
      ),
    );
    expect(() => readTemplateFile(file)).toThrow(/模板 test-form\.json 无效[\s\S]*\{\{item\.nome\}\}/);
    writeFileSync(file, '{ not json');
    expect(() => readTemplateFile(file)).toThrow(/模板 test-form\.json 不是有效的 JSON/);
  });

  it('refuses misuse of known paths, bad syntax and bad fields', () => {
    expect(() => parseTemplate(withBlocks([{ kind: 'paragraph', text: '{{review.dimensions}}' }]), 'a.json')).toThrow(
      /\{\{review\.dimensions\}\} 不是文字字段/,
    );
    expect(() => parseTemplate(withBlocks([{ kind: 'each', each: 'project.name', blocks: [{ kind: 'pageBreak' }] }]), 'a.json')).toThrow(
      /不是列表字段/,
    );
    expect(() => parseTemplate(withBlocks([{ kind: 'investmentTable', source: 'review' }]), 'a.json')).toThrow(/不是投资审核数据/);
    expect(() => parseTemplate(withBlocks([{ kind: 'paragraph', text: '{{#if review.total}}无结尾' }]), 'a.json')).toThrow(
      /缺少对应的 \{\{\/if\}\}/,
    );
    expect(() => parseTemplate(withBlocks([{ kind: 'paragraph', text: '{{ project name }}' }]), 'a.json')).toThrow(/无法识别的占位符/);
    expect(() => parseTemplate(withBlocks([{ kind: 'heading', level: 5, text: 'x' }]), 'a.json')).toThrow(
      /模板 a\.json 无效[\s\S]*字段 blocks/,
    );
    expect(() => parseTemplate({ ...withBlocks([]), version: 1.5 }, 'a.json')).toThrow(/字段 version/);
    // A session document cannot use project data.
    expect(() =>
      parseTemplate(withBlocks([{ kind: 'paragraph', text: '{{project.name}}' }], { kind: 'session', title: '签到' }), 'a.json'),
    ).toThrow(/属于项目数据/);
  });

  it('lists the placeholders a template uses, and the known ones', () => {
    const t = parseTemplate(
      withBlocks([
        { kind: 'paragraph', text: '{{#if project.supervisor}}主管：{{project.supervisor}}{{/if}}{{review.total}}' },
        { kind: 'each', each: 'review.dimensions', as: 'dim', blocks: [{ kind: 'heading', level: 2, text: '{{dim.name}}' }] },
      ]),
      'a.json',
    );
    expect(placeholdersOf(t)).toEqual(['project.name', 'project.supervisor', 'review.total', 'review.dimensions', 'dim.name']);
    const known = knownPlaceholders();
    expect(known).toEqual(
      expect.arrayContaining([
        'project.name',
        'session.docNumber',
        'review.investment.reduction',
        'panel.total.inForce',
        'letter.title',
        'today',
      ]),
    );
    expect(known).not.toContain('review.dimensions');
  });
});

describe('built-in templates', () => {
  it('load in order, each version 1 with a Chinese name and a file named by its id', () => {
    const templates = loadBuiltinTemplates();
    expect(templates.map((t) => t.id)).toEqual([...builtinTemplateIds]);
    expect(templates.map((t) => t.name)).toEqual([
      '专家个人评审意见表',
      '专家组评审意见',
      '评审意见函',
      '评分汇总表',
      '评审会评分汇总表',
      '专家签到表',
      '回避承诺书',
    ]);
    for (const t of templates) {
      expect(t.version).toBe(1);
      expect(JSON.parse(readFileSync(path.join(defaultTemplateDir, `${t.id}.json`), 'utf8')).id).toBe(t.id);
    }
    const letter = templates.find((t) => t.id === 'opinion-letter')!;
    expect(letter.page).toMatchObject({
      marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
      grid: { lines: 22, chars: 28 },
      pageNumbers: 'gbt9704',
    });
    expect(templates.find((t) => t.id === 'expert-opinion')!.page).toMatchObject({ grid: null, pageNumbers: 'center' });
    expect(templates.find((t) => t.id === 'score-summary')!.page.orientation).toBe('landscape');
  });
});

describe('fillTemplate on the sample session', () => {
  let s: SampleSession;
  let ctx: TemplateContext;
  const now = new Date('2027-03-20T02:00:00Z');
  beforeAll(async () => {
    s = await sampleSession({ complete: (id) => id === 'wl-2027-01' });
    ctx = buildExpertContext(s.store.db, s.sessionId, 'wl-2027-01', now);
  }, 120_000);
  afterAll(() => s?.close());

  const form = (blocks: unknown[]): Template => parseTemplate(withBlocks(blocks), 'test-form.json');

  it('numbers headings per level, restarting level 2 under each level 1, and repeats `each` blocks', () => {
    const doc = fillTemplate(
      form([
        { kind: 'heading', level: 1, text: '评分' },
        { kind: 'each', each: 'review.dimensions', as: 'dim', blocks: [{ kind: 'heading', level: 2, text: '{{dim.name}}' }] },
        { kind: 'heading', level: 1, text: '篇章' },
        { kind: 'each', each: 'review.chapters', blocks: [{ kind: 'heading', level: 2, text: '{{item.title}}' }] },
        { kind: 'heading', level: 1, text: '附', numbered: false },
      ]),
      ctx,
      opts,
    );
    const headings = doc.blocks.map((b) => (b.kind === 'heading' ? b.text : ''));
    const dims = ctx.review!.dimensions.map((d) => d.name);
    expect(headings.slice(0, 7)).toEqual([
      '一、评分',
      ...dims.map((d, i) => `${['（一）', '（二）', '（三）', '（四）', '（五）', '（六）'][i]}${d}`),
    ]);
    expect(headings[7]).toBe('二、篇章');
    expect(headings[8]).toMatch(/^（一）/);
    expect(headings.at(-1)).toBe('附');
    expect(doc.meta).toEqual({ title: `${ctx.project!.name}测试表`, templateId: 'test-form', templateVersion: 1, ...opts });
  });

  it('fails on a missing required field, naming it; renders an optional one empty; honours `when` and {{#if}}', () => {
    const empty: TemplateContext = { ...ctx, review: { ...ctx.review!, overallOpinion: null } };
    const required = form([{ kind: 'paragraph', text: '总体意见：{{review.overallOpinion}}' }]);
    expect(() => fillTemplate(required, empty, opts)).toThrow(TemplateFillError);
    // What the expert enters is named as the 评分 form names it, never by its placeholder.
    expect(() => fillTemplate(required, empty, opts)).toThrow(
      /^无法生成“测试表”：评审记录中还没有填写总体评审意见。请在“评分”中填写后再生成。$/,
    );
    // Anything else is the template's to mark optional: the placeholder is named, with how.
    const noSource: TemplateContext = { ...ctx, review: { ...ctx.review!, conclusionSource: null } };
    const other = form([{ kind: 'paragraph', text: '结论依据：{{review.conclusionSource}}' }]);
    expect(() => fillTemplate(other, noSource, opts)).toThrow(
      /无法生成“测试表”：字段 review\.conclusionSource 没有内容.*\{\{review\.conclusionSource\?\}\}/,
    );
    const optional = form([
      { kind: 'paragraph', text: '总体意见：{{review.overallOpinion?}}。{{#if review.overallOpinion}}有{{else}}无{{/if}}' },
      { kind: 'paragraph', text: '不应出现', when: 'review.overallOpinion' },
    ]);
    const doc = fillTemplate(optional, empty, opts);
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: '总体意见：。无' }], align: 'justify', firstLineIndentChars: 2, size: 'body' },
    ]);
  });

  it('expands the score table with sub-criteria, each with its score range (0～7), and a total equal to the review total', () => {
    const doc = fillTemplate(form([{ kind: 'scoreTable' }]), ctx, opts);
    const table = doc.blocks[0];
    if (table!.kind !== 'table') throw new Error('not a table');
    const subCount = ctx.review!.dimensions.reduce((n, d) => n + d.subCriteria.length, 0);
    expect(table.rows).toHaveLength(1 + ctx.review!.dimensions.length + subCount + 1);
    expect(table.rows[0]!.map((c) => c.text)).toEqual(['序号', '评审维度及评分项', '分值范围', '得分']);
    expect(table.rows.at(-1)!.map((c) => c.text)).toEqual(['', '合计', '100', ctx.review!.total]);
    const first = ctx.review!.dimensions[0]!;
    expect(table.rows[1]!.map((c) => c.text)).toEqual(['一', first.name, `0～${first.max}`, first.score]);
    expect(table.rows[2]!.map((c) => c.text)).toEqual([
      '1',
      first.subCriteria[0]!.name,
      `0～${first.subCriteria[0]!.max}`,
      first.subCriteria[0]!.score,
    ]);
    // One format in the 得分 column: one decimal for every score (18.0 beside 17.5).
    for (const row of table.rows.slice(1)) if (row[3]!.text) expect(row[3]!.text).toMatch(/^\d+\.\d$/);
  });

  it('flattens the context for a bureau .docx: every known path, missing as ""', () => {
    const flat = flattenContext({ ...ctx, project: { ...ctx.project!, supervisor: null } });
    expect(Object.keys(flat).sort()).toEqual(knownPlaceholders().sort());
    expect(flat['project.name']).toBe(ctx.project!.name);
    expect(flat['project.supervisor']).toBe('');
    expect(flat['review.investment.reduction']).toBe(ctx.review!.investment.reduction);
  });
});
