// Owns filling a template with a data context: template blocks → the resolved document model (RenderDoc) both renderers lay out.
import { mapBlockText, type Block, type RenderDoc, type TableCell, type TableColumn } from '../model';
import { chineseNumeral, cornerQuotesToCurly, listMarker, nestQuotes } from '../typography';
import type { FindingShapeValue, InvestmentValue, SignatureEntryValue, TemplateContext } from './contextShape';
import type { Template, TemplateBlock } from './schema';
import { parseText, renderText, type TextLookup } from './textTemplate';

/** A value the template requires is missing; the message names the template and the field. */
export class TemplateFillError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'TemplateFillError';
  }
}

type Scope = Map<string, unknown>;

function valueAt(context: TemplateContext, scope: Scope, path: string): unknown {
  const [head, ...rest] = path.split('.') as [string, ...string[]]; // split yields at least one piece
  let v: unknown = scope.has(head) ? scope.get(head) : (context as Record<string, unknown>)[head];
  for (const key of rest) v = v === null || v === undefined ? null : (v as Record<string, unknown>)[key];
  return v ?? null;
}

function present(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  return true;
}

/** What the expert enters, named as the 评分 form names it: a missing one is theirs to fill, not the template's to change. */
const expertEntries: Record<string, string> = {
  'review.conflict': '回避声明',
  'review.familiarity': '对项目的熟悉程度',
  'review.overallOpinion': '总体评审意见',
  'review.conclusion': '评审结论',
  'review.conclusionReason': '改选结论的理由',
};

const cell = (text: string, extra: Omit<TableCell, 'text'> = {}): TableCell => ({ text, ...extra });
const header = (names: string[]) => names.map((n) => cell(n, { bold: true, align: 'center' as const }));

class Filler {
  private readonly headingCounts = [0, 0, 0];
  readonly blocks: Block[] = [];

  constructor(
    private readonly template: Template,
    private readonly context: TemplateContext,
  ) {}

  private lookup(scope: Scope): TextLookup {
    return {
      value: (p) => {
        const v = valueAt(this.context, scope, p);
        return typeof v === 'string' ? v : null;
      },
      present: (p) => present(valueAt(this.context, scope, p)),
      missing: (p) => {
        const what = expertEntries[p];
        throw new TemplateFillError(
          what
            ? `无法生成“${this.template.name}”：评审记录中还没有填写${what}。请在“评分”中填写后再生成。`
            : `无法生成“${this.template.name}”：字段 ${p} 没有内容。请先补全评审记录或评审会信息；若该项可以空缺，请在模板中写作 {{${p}?}}。`,
          p,
        );
      },
    };
  }

  text(source: string, scope: Scope): string {
    return renderText(parseText(source), this.lookup(scope));
  }

  private list<T>(path: string, scope: Scope): T[] {
    const v = valueAt(this.context, scope, path);
    if (v === null) this.lookup(scope).missing(path);
    return v as T[];
  }

  fill(blocks: TemplateBlock[], scope: Scope): void {
    for (const b of blocks) {
      if (b.when && !present(valueAt(this.context, scope, b.when))) continue;
      this.block(b, scope);
    }
  }

  private block(b: TemplateBlock, scope: Scope): void {
    const out = this.blocks;
    switch (b.kind) {
      case 'title':
      case 'docNumber':
        out.push({ kind: b.kind, text: this.text(b.text, scope) });
        return;
      case 'addressee':
        out.push({ kind: 'addressee', text: `${this.text(b.text, scope).replace(/[:：]\s*$/, '')}：` });
        return;
      case 'heading': {
        const text = this.text(b.text, scope);
        if (!b.numbered) return void out.push({ kind: 'heading', level: b.level, text });
        const i = b.level - 1;
        // One count per heading level (1..3).
        this.headingCounts[i]! += 1;
        this.headingCounts.fill(0, i + 1);
        out.push({ kind: 'heading', level: b.level, text: `${listMarker(b.level, this.headingCounts[i]!)}${text}` });
        return;
      }
      case 'paragraph': {
        if (b.runs) {
          out.push({
            kind: 'paragraph',
            runs: b.runs.map((r) => ({ ...r, text: this.text(r.text, scope) })),
            align: b.align,
            firstLineIndentChars: b.indent,
            size: b.size,
          });
          return;
        }
        // A text of several lines (a chair's opinion typed in paragraphs) is that many paragraphs, in both formats.
        const lines = this.text(b.text ?? '', scope)
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l, _, all) => l || all.length === 1);
        for (const text of lines)
          out.push({ kind: 'paragraph', runs: [{ text }], align: b.align, firstLineIndentChars: b.indent, size: b.size });
        return;
      }
      case 'fields':
        out.push(this.fields(b, scope));
        return;
      case 'table': {
        const items = this.list<unknown>(b.each, scope);
        const rows = items.map((item) => b.cells.map((c) => cell(this.text(c, new Map(scope).set(b.as, item)))));
        const footer = b.footer.map((row) => row.map((c) => cell(this.text(c, scope), { bold: true })));
        // A column whose cell template is empty is written in by hand (签到, 联系电话): it keeps its share of the width.
        // A column printing a conclusion (…conclusion}}) is read whole: 修改完善后通过 never breaks.
        const columns: TableColumn[] = b.columns.map((c, i) => ({
          weight: c.weight,
          align: c.align,
          ...(b.cells[i]?.trim() === '' ? { hand: true } : {}),
          ...(/^\{\{(\w+\.)*conclusion\??\}\}$/.test(b.cells[i]?.trim() ?? '') ? { nowrap: true } : {}),
        }));
        out.push({
          kind: 'table',
          columns,
          rows: [header(b.columns.map((c) => c.header)), ...rows, ...footer],
          headerRows: 1,
          size: b.size,
        });
        return;
      }
      case 'scoreTable':
        out.push(this.scoreTable(b.source, b.size, scope));
        return;
      case 'investmentTable': {
        const inv = valueAt(this.context, scope, b.source) as InvestmentValue | null;
        if (!inv) return this.lookup(scope).missing(b.source);
        out.push(investmentTable(inv, b.size));
        return;
      }
      case 'precheckTable':
        out.push(precheckTable(this.list<FindingShapeValue>(b.source, scope), b.size));
        return;
      case 'panelScoreTable':
        if (!this.context.panel) return this.lookup(scope).missing('panel');
        out.push(panelScoreTable(this.context.panel, b.size));
        return;
      case 'attachments':
        out.push({ kind: 'attachments', items: b.items.map((t) => this.text(t, scope)) });
        return;
      case 'signatures': {
        const entries = b.sources.flatMap((s) => this.list<SignatureEntryValue>(s, scope));
        out.push({ kind: 'signatures', entries: entries.map((e) => ({ ...e })), columns: b.columns });
        return;
      }
      case 'closing':
        out.push({ kind: 'closing', organiser: this.text(b.organiser, scope), date: this.text(b.date, scope), seal: b.seal });
        return;
      case 'record': {
        const record = {
          kind: 'record' as const,
          copyTo: this.text(b.copyTo, scope).trim(),
          printer: this.text(b.printer, scope).trim(),
          printedOn: this.text(b.printedOn, scope).trim(),
          rules: b.rules,
        };
        if (record.copyTo || record.printer || record.printedOn) out.push(record);
        return;
      }
      case 'spacer':
        out.push({ kind: 'spacer', lines: b.lines });
        return;
      case 'writingSpace': {
        // One column, a heading row and empty ruled rows (a full-width space keeps each row one line tall).
        const rows = [
          [cell(this.text(b.label, scope), { bold: true, align: 'left' })],
          ...Array.from({ length: b.lines }, () => [cell('\u3000')]),
        ];
        out.push({ kind: 'table', columns: [{ weight: 1, align: 'left' }], rows, headerRows: 1, size: b.size });
        return;
      }
      case 'pageBreak':
        out.push({ kind: 'pageBreak' });
        return;
      case 'each':
        for (const item of this.list<unknown>(b.each, scope)) this.fill(b.blocks, new Map(scope).set(b.as, item));
        return;
    }
  }

  private fields(b: Extract<TemplateBlock, { kind: 'fields' }>, scope: Scope): Block {
    const rows: TableCell[][] = [];
    let pending: TableCell[] = [];
    const flush = () => {
      if (pending.length === 2 && b.columns === 4) pending[1]!.colSpan = 3;
      if (pending.length) rows.push(pending);
      pending = [];
    };
    for (const f of b.items) {
      const pair = [cell(f.label, { bold: true, align: 'center' }), cell(this.text(f.value, scope), { align: 'left' })];
      if (f.wide || b.columns === 2) {
        flush();
        pending = pair;
        flush();
      } else {
        pending.push(...pair);
        if (pending.length === 4) flush();
      }
    }
    flush();
    const columns: TableColumn[] =
      b.columns === 4
        ? [
            { weight: 2, align: 'center' },
            { weight: 4, align: 'left' },
            { weight: 2, align: 'center' },
            { weight: 4, align: 'left' },
          ]
        : [
            { weight: 2, align: 'center' },
            { weight: 6, align: 'left' },
          ];
    return { kind: 'table', columns, rows, headerRows: 0, size: b.size };
  }

  private scoreTable(source: string, size: 'body' | 'small', scope: Scope): Block {
    const review = valueAt(this.context, scope, source) as NonNullable<TemplateContext['review']> | null;
    if (!review) return this.lookup(scope).missing(source);
    const rows: TableCell[][] = [header(['序号', '评审维度及评分项', '分值范围', '得分'])];
    review.dimensions.forEach((d, i) => {
      rows.push([
        cell(chineseNumeral(i + 1), { bold: true }),
        cell(d.name, { bold: true, align: 'left' }),
        cell(d.range, { bold: true }),
        cell(d.score, { bold: true }),
      ]);
      d.subCriteria.forEach((c, j) =>
        rows.push([cell(String(j + 1)), cell(c.name, { align: 'left' }), cell(c.range), cell(c.score ?? '')]),
      );
    });
    rows.push([cell(''), cell('合计', { bold: true }), cell(review.totalPoints, { bold: true }), cell(review.total, { bold: true })]);
    return {
      kind: 'table',
      columns: [
        { weight: 1, align: 'center' },
        { weight: 6, align: 'left' },
        { weight: 1.2, align: 'center' },
        { weight: 1.2, align: 'center' },
      ],
      rows,
      headerRows: 1,
      size,
    };
  }
}

function investmentTable(inv: InvestmentValue, size: 'body' | 'small'): Block {
  const rows: TableCell[][] = [
    header(['序号', '费用项目', '申报金额（万元）', '核定金额（万元）', '核减额（万元）', '核减率', '核减说明']),
  ];
  for (const l of inv.lines)
    rows.push([
      cell(l.index),
      cell(l.name, { align: 'left' }),
      cell(l.requested, { align: 'right' }),
      cell(l.approved, { align: 'right' }),
      cell(l.reduction, { align: 'right' }),
      cell(l.rate, { align: 'right' }),
      cell(l.reason ?? '', { align: 'left' }),
    ]);
  rows.push([
    cell(''),
    cell('合计', { bold: true }),
    cell(inv.requested, { bold: true, align: 'right' }),
    cell(inv.approved, { bold: true, align: 'right' }),
    cell(inv.reduction, { bold: true, align: 'right' }),
    cell(inv.rate, { bold: true, align: 'right' }),
    cell(''),
  ]);
  const columns: TableColumn[] = [0.8, 4, 1.8, 1.8, 1.6, 1.3, 3].map((weight, i) => ({
    weight,
    align: i === 1 || i === 6 ? 'left' : i === 0 ? 'center' : 'right',
  }));
  return { kind: 'table', columns, rows, headerRows: 1, size };
}

function precheckTable(findings: FindingShapeValue[], size: 'body' | 'small'): Block {
  const rows: TableCell[][] = [header(['序号', '审查事项', '结论', '说明', '依据'])];
  for (const f of findings)
    rows.push([
      cell(f.index),
      cell(f.rule, { align: 'left' }),
      cell(f.status),
      cell(f.message, { align: 'left' }),
      cell(f.citation, { align: 'left' }),
    ]);
  const columns: TableColumn[] = [
    { weight: 0.8, align: 'center' },
    { weight: 2.6, align: 'left' },
    { weight: 1.4, align: 'center' },
    { weight: 5, align: 'left' },
    { weight: 3, align: 'left' },
  ];
  return { kind: 'table', columns, rows, headerRows: 1, size };
}

function panelScoreTable(panel: NonNullable<TemplateContext['panel']>, size: 'body' | 'small'): Block {
  const dims = panel.dimensions;
  // Two header rows, names over maxima (as the XLSX sheet): a maximum in brackets beside its name made the score columns
  // so wide that the 结论 (修改完善后通过, the regulation's words, read whole) no longer fitted on one line.
  const spanned = (name: string) => cell(name, { bold: true, align: 'center', rowSpan: 2 });
  const rows: TableCell[][] = [
    [spanned('序号'), spanned('专家'), spanned('专业'), ...header([...dims.map((d) => d.name), '总分']), spanned('结论')],
    header([...dims.map((d) => `${d.max}分`), `${panel.total.max}分`]),
  ];
  for (const e of panel.experts)
    rows.push([
      cell(e.index),
      cell(e.name),
      cell(e.specialty),
      ...e.scores.map((s) => cell(s.score)),
      cell(e.total, { bold: true }),
      cell(e.conclusion ?? ''),
    ]);
  // The statistics rows' label spans 专家 and 专业; the total is the sum of the dimensions' figures as printed.
  const stat = (label: string, pick: (x: { mean: string | null; trimmedMean: string | null; inForce: string | null }) => string | null) =>
    rows.push([
      cell(''),
      cell(label, { bold: true, colSpan: 2 }),
      ...dims.map((d) => cell(pick(d) ?? '—')),
      cell(pick(panel.total) ?? '—', { bold: true }),
      cell(''),
    ]);
  stat('平均分', (x) => x.mean);
  stat('去掉最高分和最低分后的平均分', (x) => x.trimmedMean);
  stat(`采用值（${panel.total.rule}）`, (x) => x.inForce);
  const columns: TableColumn[] = [
    { weight: 0.8, align: 'center' },
    { weight: 2, align: 'center' },
    { weight: 2, align: 'center' },
    ...dims.map(() => ({ weight: 1.4, align: 'center' as const })),
    { weight: 1.6, align: 'center' },
    { weight: 2, align: 'center', nowrap: true },
  ];
  return { kind: 'table', columns, rows, headerRows: 2, size };
}

/**
 * The template filled with the context: every placeholder replaced, headings numbered, tables expanded. Throws a
 * `TemplateFillError` naming the field when a required value is missing. Deterministic: `createdAt` is the only time.
 */
export function fillTemplate(
  template: Template,
  context: TemplateContext,
  opts: { createdAt: string; author: string; draft?: string | null },
): RenderDoc {
  const filler = new Filler(template, context);
  const scope: Scope = new Map();
  const title = filler.text(template.title, scope);
  const header = filler.text(template.page.header, scope);
  const letterhead = template.page.letterhead && {
    mark: filler.text(template.page.letterhead.mark, scope),
    docNumber: filler.text(template.page.letterhead.docNumber, scope),
  };
  filler.fill(template.blocks, scope);
  const blocks = filler.blocks;
  // 表单编号 at the top right of a form's first page.
  if (template.formCode?.trim())
    blocks.unshift({
      kind: 'paragraph',
      runs: [{ text: template.formCode.trim() }],
      align: 'right',
      firstLineIndentChars: 0,
      size: 'small',
    });
  // A draft says so under its title (both formats); the PDF marks its pages too (RenderDoc.draft).
  if (opts.draft) {
    const at = blocks.findIndex((b) => b.kind === 'title');
    blocks.splice(at + 1, 0, { kind: 'docNumber', text: opts.draft });
  }
  // 「」 become “” and quotation marks inside quotation marks (a quoted project name in a quoted title) alternate “‘’” in every text.
  const quotes = (s: string) => nestQuotes(cornerQuotesToCurly(s));
  return {
    meta: {
      title: quotes(title),
      templateId: template.id,
      templateVersion: template.version,
      author: opts.author,
      createdAt: opts.createdAt,
    },
    page: {
      orientation: template.page.orientation,
      marginsMm: { ...template.page.marginsMm },
      grid: template.page.grid && { ...template.page.grid },
      pageNumbers: template.page.pageNumbers,
      header: quotes(header),
      letterhead,
    },
    blocks: blocks.map((b) => mapBlockText(b, quotes)),
    ...(opts.draft ? { draft: true } : {}),
  };
}
