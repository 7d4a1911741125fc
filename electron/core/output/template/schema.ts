// Owns the schema of a template file (模板, resources/templates/*.json): id, version, name, kind, page setup and blocks.
//
// Text fields are template text (textTemplate.ts): `{{path}}`, `{{path?}}` (optional: empty when missing) and
// `{{#if path}}…{{else}}…{{/if}}`. Any block may carry `when: "path"` to appear only when the value is present and
// non-empty. `each` repeats its blocks once per list item, the item bound to `as` (default `item`). Headings are
// numbered automatically in the order they are filled (一、 /（一）/ 1.), so a repeated heading numbers itself.
import { z } from 'zod';

const path = z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, { message: '应为以点分隔的字段路径，如 project.name' });
const alias = z.string().regex(/^[a-z][A-Za-z0-9]*$/, { message: '应为小写字母开头的名称，如 item' });
const textTemplate = z.string();
const align = z.enum(['justify', 'left', 'center', 'right']);
const size = z.enum(['body', 'small']).default('body');
const when = { when: path.optional() };

const run = z.object({
  text: textTemplate,
  bold: z.boolean().optional(),
  underline: z.boolean().optional(),
  font: z.enum(['xiaobiaosong', 'fangsong', 'hei', 'kai']).optional(),
});

const leafBlocks = [
  /** 标题 */
  z.object({ kind: z.literal('title'), text: textTemplate, ...when }),
  /** 发文字号 or a sub-title line */
  z.object({ kind: z.literal('docNumber'), text: textTemplate, ...when }),
  /** 主送机关; a full-width colon is added when the text lacks one. */
  z.object({ kind: z.literal('addressee'), text: textTemplate, ...when }),
  z.object({
    kind: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    text: textTemplate,
    numbered: z.boolean().default(true),
    ...when,
  }),
  /** Give `text` (one run) or `runs`. */
  z
    .object({
      kind: z.literal('paragraph'),
      text: textTemplate.optional(),
      runs: z.array(run).optional(),
      align: align.default('justify'),
      indent: z.number().int().min(0).max(4).default(2),
      size,
      ...when,
    })
    .refine((p) => (p.text === undefined) !== (p.runs === undefined), { message: '段落应给出 text 或 runs 之一' }),
  /** Label/value rows (项目名称 | …), `columns` 2 (label, value) or 4 (two pairs per row). */
  z.object({
    kind: z.literal('fields'),
    columns: z.union([z.literal(2), z.literal(4)]).default(4),
    items: z.array(z.object({ label: z.string().min(1), value: textTemplate, wide: z.boolean().default(false) })).min(1),
    size,
    ...when,
  }),
  /** A table with one row per item of `each`, and optional fixed `footer` rows. */
  z.object({
    kind: z.literal('table'),
    columns: z.array(z.object({ header: z.string(), weight: z.number().positive(), align: align.default('center') })).min(1),
    each: path,
    as: alias.default('item'),
    cells: z.array(textTemplate).min(1),
    footer: z.array(z.array(textTemplate)).default([]),
    size,
    ...when,
  }),
  /** 评分表: dimension / sub-criterion / 分值 / 得分 with 小计 rows and a 合计 row; `source` is a review. */
  z.object({ kind: z.literal('scoreTable'), source: path.default('review'), size, ...when }),
  /** 投资审核表: 申报/核定/核减 (万元) and 核减率 per budget line with a 合计 row. */
  z.object({ kind: z.literal('investmentTable'), source: path, size, ...when }),
  /** 形式审查 annex: 审查事项 / 结论 / 说明 / 依据. */
  z.object({ kind: z.literal('precheckTable'), source: path.default('precheck.findings'), size: size.default('small'), ...when }),
  /** 评分汇总表: experts × dimensions with totals, then 平均分 / 去掉最高最低后平均分 / 采用值 rows. */
  z.object({ kind: z.literal('panelScoreTable'), size: size.default('small'), ...when }),
  /** 附件说明 */
  z.object({ kind: z.literal('attachments'), items: z.array(textTemplate).min(1), ...when }),
  /** Signature lines from one or more lists of signature entries, in order. */
  z.object({
    kind: z.literal('signatures'),
    sources: z.array(path).min(1),
    columns: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
    ...when,
  }),
  /** 发文机关署名 + 成文日期 (+ 印章 area). */
  z.object({ kind: z.literal('closing'), organiser: textTemplate, date: textTemplate, seal: z.boolean(), ...when }),
  /** 版记 at the foot of the last page: 抄送, 印发机关 and 印发日期 (each may be empty; all empty: no 版记), separator lines. */
  z.object({
    kind: z.literal('record'),
    copyTo: textTemplate.default(''),
    printer: textTemplate.default(''),
    printedOn: textTemplate.default(''),
    rules: z.boolean().default(true),
    ...when,
  }),
  z.object({ kind: z.literal('spacer'), lines: z.number().int().min(1).max(10), ...when }),
  /** Space to write by hand (手写): a ruled box of `lines` empty rows under a heading row `label`. */
  z.object({ kind: z.literal('writingSpace'), label: textTemplate, lines: z.number().int().min(1).max(20), size, ...when }),
  z.object({ kind: z.literal('pageBreak'), ...when }),
] as const;

export type LeafBlock = z.infer<(typeof leafBlocks)[number]>;
export type EachBlock = { kind: 'each'; each: string; as: string; blocks: TemplateBlock[]; when?: string };
export type TemplateBlock = LeafBlock | EachBlock;

const eachBlock: z.ZodType<EachBlock, unknown> = z.lazy(() =>
  z.object({ kind: z.literal('each'), each: path, as: alias.default('item'), blocks: z.array(blockSchema).min(1), ...when }),
);

export const blockSchema: z.ZodType<TemplateBlock, unknown> = z.lazy(() => z.union([...leafBlocks, eachBlock]));

const pageSchema = z.object({
  orientation: z.enum(['portrait', 'landscape']),
  marginsMm: z.object({
    top: z.number().positive(),
    bottom: z.number().positive(),
    left: z.number().positive(),
    right: z.number().positive(),
  }),
  grid: z.object({ lines: z.number().int().positive(), chars: z.number().int().positive() }).nullable(),
  pageNumbers: z.enum(['gbt9704', 'center', 'none']),
  header: textTemplate.default(''),
  /** 信函格式 版头 on page 1 (GB/T 9704 10.1): 发文机关标志 and 发文字号, template text. */
  letterhead: z
    .object({ mark: textTemplate, docNumber: textTemplate.default('') })
    .nullable()
    .default(null),
});

/** What a template serves: one expert's document of a project, the panel's document of a project, or a session document. */
export const templateKinds = ['expert', 'panel', 'session'] as const;
export type TemplateKind = (typeof templateKinds)[number];

export const templateSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '编号只能由小写字母、数字和连字符组成' }),
  version: z.number().int().positive(),
  /** Chinese name shown to users, e.g. 评审意见函. */
  name: z.string().trim().min(1),
  kind: z.enum(templateKinds),
  /** Document title (file properties and the default file name), template text. */
  title: textTemplate,
  /** 表单编号 of a form, printed at the top right of its first page (e.g. 武数据评表-03); '' or absent: none. */
  formCode: z.string().max(40).optional(),
  page: pageSchema,
  blocks: z.array(blockSchema).min(1),
});

export type Template = z.infer<typeof templateSchema>;
