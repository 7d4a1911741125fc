// Owns the layout of the score sheets (评分汇总表) as plain rows of cells, which the XLSX and CSV writers both read.
//
// One layout, two writers: the XLSX gets the formulas with their cached results, the CSV the same cells as shown text.
// A session gives a summary sheet (one row per project, in rank order) and one sheet per project: a title, two header
// rows (dimension names, then maxima), one row per expert (回避 written out), then 有效评分人数 / 平均分 / 中位数 /
// 去掉最高最低后平均 / 标准差 / 采用值 / 排名, the calculation trace, deviation warnings, and the investment table.
import { fenToWan } from '../../../../shared/money';
import type { Conclusion } from '../../../../shared/profile';
import { formatBasisPoints, type Reduction } from '../../../../shared/scoring';
import type { DimensionAggregate, Figure, ProjectAggregate, SessionAggregate } from '../../panel/aggregate';

/** How a number is shown: a score as entered, a figure at the rule's decimals, 万元 with two decimals, a rate. */
export type CellFormat = 'general' | 'figure' | 'wan' | 'percent';

export interface SheetCell {
  /** What the cell holds: text, a number, or the cached result of `formula`. */
  value: string | number | null;
  /** What a reader sees (the CSV writes this). */
  text: string;
  /** Excel formula without the leading "=". */
  formula?: string;
  format?: CellFormat;
}

export type RowKind = 'title' | 'subtitle' | 'header' | 'body' | 'summary' | 'section' | 'note';

export interface SheetRow {
  kind: RowKind;
  cells: SheetCell[];
}

export interface SheetModel {
  /** Worksheet name: unique in the workbook, at most 31 characters, none of []:*?/\. */
  name: string;
  /** Column widths in characters. */
  widths: number[];
  /** Rows from the top that stay frozen and repeat on every printed page (title and headers). */
  headerRows: number;
  /** Columns from the left that stay frozen. */
  frozenColumns: number;
  decimals: number;
  rows: SheetRow[];
}

export interface ScoreSheetInput {
  /** 评审会名称, e.g. 2027年第一批政务信息化项目评审会. */
  sessionTitle: string;
  session: SessionAggregate;
  /** Label of each conclusion (the rubric's bands: 通过 / 修改完善后通过 / 不予通过). */
  conclusionLabels: Record<Conclusion, string>;
  /** ISO 8601; the workbook's created and modified time, so the same inputs give the same bytes. */
  createdAt: string;
  author: string;
}

const blank: SheetCell = { value: null, text: '' };
const text = (t: string): SheetCell => ({ value: t, text: t });
const score = (n: number): SheetCell => ({ value: n, text: String(n), format: 'general' });
/** An expert's score in a table of figures: the same format as the averages beside it (17.50 next to 17.83). */
const points = (n: number, decimals: number, formula?: string): SheetCell => ({
  value: n,
  text: n.toFixed(decimals),
  format: 'figure',
  ...(formula ? { formula } : {}),
});
const computed = (formula: string, f: Figure): SheetCell => ({ value: f.value, text: f.text, formula, format: 'figure' });
const wanCell = (fen: number, formula?: string): SheetCell => ({
  value: fen / 1_000_000,
  text: fenToWan(fen),
  format: 'wan',
  ...(formula ? { formula } : {}),
});
const rateCell = (r: Reduction, formula: string): SheetCell =>
  r.reductionRateBp === null
    ? text('—')
    : { value: r.reductionRateBp / 10_000, text: formatBasisPoints(r.reductionRateBp), format: 'percent', formula };

/** 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A row of `width` cells with the first ones given and the rest blank. */
function row(kind: RowKind, width: number, cells: SheetCell[]): SheetRow {
  return { kind, cells: [...cells, ...Array.from({ length: width - cells.length }, () => blank)] };
}

const summaryLabels = ['有效评分人数', '平均分', '中位数', '去掉最高最低后平均', '标准差（总体）', '采用值'] as const;

/**
 * The summary cells of one column of expert scores (rows first..last), formulas with the aggregation's results. The
 * total's column (`parts`: the dimensions' columns) sums the dimensions' figures rounded as displayed, so the row adds up.
 */
function summaryColumn(
  s: DimensionAggregate,
  col: string,
  first: number,
  last: number,
  meanRow: number,
  trimmedRow: number,
  decimals: number,
  parts: string[] = [],
): SheetCell[] {
  const r = `${col}${first}:${col}${last}`;
  const count: SheetCell = { value: s.n, text: String(s.n), formula: `COUNT(${r})`, format: 'general' };
  if (!s.mean || !s.median || !s.stdDev || !s.inForce) return [count, text('—'), text('—'), text('—'), text('—'), text('—')];
  const sumOf = (row: number) => parts.map((c) => `ROUND(${c}${row},${decimals})`).join('+');
  const mean = parts.length ? computed(sumOf(meanRow), s.mean) : computed(`AVERAGE(${r})`, s.mean);
  const trimmed = s.trimmedMean
    ? computed(parts.length ? sumOf(trimmedRow) : `(SUM(${r})-MAX(${r})-MIN(${r}))/(COUNT(${r})-2)`, s.trimmedMean)
    : text('不去极值');
  const inForceRow = s.inForceRule === 'trimmed-mean' ? trimmedRow : meanRow;
  return [
    count,
    mean,
    computed(`MEDIAN(${r})`, s.median),
    trimmed,
    computed(`STDEVP(${r})`, s.stdDev),
    computed(`ROUND(${col}${inForceRow},${decimals})`, s.inForce),
  ];
}

/** Where a project's sheet holds what the summary sheet refers to. */
export interface ProjectSheetRefs {
  /** The 采用值 row (dimensions' columns B…, then the total's). */
  inForceRow: number;
  /** The investment table's 合计 row: 申报 in B, 核定 in C. */
  investmentTotalRow: number;
}

function investmentRows(p: ProjectAggregate, width: number, firstRow: number): SheetRow[] {
  const header = row(
    'header',
    width,
    ['费用明细', '申报金额（万元）', '核定金额（万元）', '核减额（万元）', '核减率', '核定方式'].map(text),
  );
  const source = { median: '专家中位数', mean: '专家平均数', chair: '组长裁定', requested: '按申报金额' } as const;
  const lines = p.lines.map((l, i) => {
    const r = firstRow + 1 + i;
    const how = l.source === 'chair' ? `组长裁定：${l.chairReason}` : source[l.source];
    return row('body', width, [
      text(l.name),
      wanCell(l.requestedFen),
      wanCell(l.approvedFen),
      wanCell(l.reductionFen, `B${r}-C${r}`),
      rateCell(l, `D${r}/B${r}`),
      text(how),
    ]);
  });
  const last = firstRow + p.lines.length;
  const t = firstRow + p.lines.length + 1;
  const sum = (c: string) => `SUM(${c}${firstRow + 1}:${c}${last})`;
  const total = row('summary', width, [
    text('合计'),
    wanCell(p.reduction.requestedFen, sum('B')),
    wanCell(p.reduction.approvedFen, sum('C')),
    wanCell(p.reduction.reductionFen, sum('D')),
    rateCell(p.reduction, `D${t}/B${t}`),
  ]);
  return [header, ...lines, total];
}

/** The sheet of one project: experts × dimensions with the panel's figures, trace, warnings and investment. */
export function projectSheet(input: ScoreSheetInput, p: ProjectAggregate, name: string): SheetModel {
  return projectSheetWithRefs(input, p, name).model;
}

function projectSheetWithRefs(input: ScoreSheetInput, p: ProjectAggregate, name: string): { model: SheetModel; refs: ProjectSheetRefs } {
  const series = [...p.dimensions, p.total];
  const decimals = p.rule.decimals;
  const width = series.length + 2; // 专家, dimensions…, 总分, 结论
  const rows: SheetRow[] = [
    row('title', width, [text(`评分汇总表（${p.name}）`)]),
    row('subtitle', width, [
      text(`${input.sessionTitle}　有效专家 ${p.n} 位${p.recused.length ? `，回避 ${p.recused.length} 位（不计入）` : ''}`),
    ]),
    row('header', width, [text('专家'), ...series.map((s) => text(s.name)), text('结论')]),
    row('header', width, [text('满分'), ...series.map((s) => score(s.maxPoints))]),
  ];
  const first = rows.length + 1;
  const scoreOf = (s: DimensionAggregate, id: string) => s.scores.find((x) => x.expertId === id)?.score ?? 0;
  for (const e of p.roster) {
    if (e.recused) {
      rows.push(row('body', width, [text(e.name), ...series.map(() => text('回避')), text('回避')]));
      continue;
    }
    const r = rows.length + 1;
    const total = scoreOf(p.total, e.expertId);
    const sum = points(total, decimals, `SUM(B${r}:${columnLetter(width - 2)}${r})`);
    const conclusion = e.conclusion ? input.conclusionLabels[e.conclusion] : '';
    rows.push(
      row('body', width, [text(e.name), ...p.dimensions.map((s) => points(scoreOf(s, e.expertId), decimals)), sum, text(conclusion)]),
    );
  }
  const last = Math.max(first, rows.length);
  const meanRow = rows.length + 2;
  const trimmedRow = rows.length + 4;
  const inForceRow = rows.length + 6;
  const dimensionColumns = p.dimensions.map((_, i) => columnLetter(i + 2));
  const columns = series.map((s, i) =>
    summaryColumn(s, columnLetter(i + 2), first, last, meanRow, trimmedRow, decimals, s.id === 'total' ? dimensionColumns : []),
  );
  summaryLabels.forEach((label, k) => rows.push(row('summary', width, [text(label), ...columns.map((c) => c[k]!)]))); // summaryColumn gives a cell per label
  const rank: SheetCell = p.rank === null ? text('—') : { value: p.rank, text: String(p.rank), format: 'general' };
  rows.push(row('summary', width, [text('排名'), ...p.dimensions.map(() => blank), rank]));
  rows.push(row('section', width, [text('计算过程')]));
  p.trace.forEach((t) => rows.push(row('note', width, [text(t)])));
  if (p.deviations.length) {
    rows.push(row('section', width, [text('评分偏离提醒')]));
    p.deviations.forEach((d) => rows.push(row('note', width, [text(d.message)])));
  }
  rows.push(row('section', width, [text('投资审核')]));
  rows.push(...investmentRows(p, width, rows.length + 1));
  rows.push(
    row('note', width, [
      text(`说明：各项平均分四舍五入保留 ${decimals} 位小数，总分为各项之和；专家评分与平均分同以 ${decimals} 位小数列出。`),
    ]),
  );
  const model = { name, widths: [20, ...series.map(() => 12), 18], headerRows: 4, frozenColumns: 1, decimals, rows };
  return { model, refs: { inForceRow, investmentTotalRow: rows.length - 1 } };
}

/**
 * The session's summary: one row per project in rank order, figures in force, 核减, and the session's totals. With
 * `refs` (each project's sheet name and rows), the figures are formulas over the project sheets — a score corrected there
 * flows into the summary, its total, rank and 核减.
 */
export function sessionSheet(
  input: ScoreSheetInput,
  refs: ReadonlyMap<string, ProjectSheetRefs & { sheet: string }> = new Map(),
): SheetModel {
  const { session } = input;
  const dims = session.projects[0]?.dimensions ?? [];
  const headers = [
    '排名',
    '项目名称',
    ...dims.map((d) => `${d.name}（${d.maxPoints}）`),
    `总分（${session.projects[0]?.total.maxPoints ?? ''}）`,
    '有效专家',
    '回避',
    '申报金额（万元）',
    '核定金额（万元）',
    '核减额（万元）',
    '核减率',
  ];
  const width = headers.length;
  const money = width - 3; // first money column (1-based): 申报金额
  const req = columnLetter(money);
  const app = columnLetter(money + 1);
  const red = columnLetter(money + 2);
  const rows: SheetRow[] = [
    row('title', width, [text('评分汇总表')]),
    row('subtitle', width, [text(`${input.sessionTitle}　共 ${session.projects.length} 个项目，按采用的总分排序（并列同名次）`)]),
    row('header', width, headers.map(text)),
  ];
  const byId = new Map(session.projects.map((p) => [p.projectId, p]));
  const first = rows.length + 1;
  const last = first + session.ranking.length - 1;
  const totalCol = columnLetter(dims.length + 3);
  for (const entry of session.ranking) {
    const p = byId.get(entry.projectId) as ProjectAggregate;
    const r = rows.length + 1;
    const ref = refs.get(p.projectId);
    // 'name'!B12: a cell of the project's sheet (quotes doubled inside the quoted sheet name).
    const at = (col: string, row: number) => (ref ? `'${ref.sheet.replace(/'/g, "''")}'!${col}${row}` : undefined);
    const figureCell = (f: Figure | null, formula?: string): SheetCell =>
      f ? { value: f.value, text: f.text, format: 'figure', ...(formula ? { formula } : {}) } : text('—');
    const rank: SheetCell =
      p.rank === null
        ? text('—')
        : { ...score(p.rank), ...(ref ? { formula: `RANK(${totalCol}${r},${totalCol}$${first}:${totalCol}$${last})` } : {}) };
    rows.push(
      row('body', width, [
        rank,
        text(p.name),
        ...p.dimensions.map((d, i) => figureCell(d.inForce, at(columnLetter(i + 2), ref?.inForceRow ?? 0))),
        figureCell(p.total.inForce, at(columnLetter(p.dimensions.length + 2), ref?.inForceRow ?? 0)),
        score(p.n),
        score(p.recused.length),
        wanCell(p.reduction.requestedFen, at('B', ref?.investmentTotalRow ?? 0)),
        wanCell(p.reduction.approvedFen, at('C', ref?.investmentTotalRow ?? 0)),
        wanCell(p.reduction.reductionFen, `${req}${r}-${app}${r}`),
        rateCell(p.reduction, `${red}${r}/${req}${r}`),
      ]),
    );
  }
  const t = rows.length + 1;
  const sum = (c: string) => `SUM(${c}${first}:${c}${last})`;
  const s = session.reduction;
  rows.push(
    row('summary', width, [
      text('合计'),
      ...Array.from({ length: money - 2 }, () => blank),
      wanCell(s.requestedFen, sum(req)),
      wanCell(s.approvedFen, sum(app)),
      wanCell(s.reductionFen, sum(red)),
      rateCell(s, `${red}${t}/${req}${t}`),
    ]),
  );
  return {
    name: '评分汇总',
    widths: [6, 28, ...dims.map(() => 11), 11, 9, 6, 14, 14, 14, 9],
    headerRows: 3,
    frozenColumns: 2,
    decimals: session.rule.decimals,
    rows,
  };
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique among `taken`. */
function sheetName(base: string, taken: Set<string>): string {
  const clean = base.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  let name = clean;
  for (let i = 2; taken.has(name); i += 1) name = `${clean.slice(0, 31 - String(i).length - 1)}~${i}`;
  taken.add(name);
  return name;
}

/** The sheets of a session (summary first, its figures formulas over the project sheets, then each project), or of one project when `projectId` is given. */
export function scoreSheets(input: ScoreSheetInput, projectId?: string): SheetModel[] {
  const projects = projectId === undefined ? input.session.projects : input.session.projects.filter((p) => p.projectId === projectId);
  if (projects.length === 0) throw new Error(`评分汇总表：本次评审中没有编号为“${projectId}”的项目，请检查项目编号`);
  const taken = new Set<string>(projectId === undefined ? ['评分汇总'] : []);
  const sheets = projects.map((p, i) => ({
    projectId: p.projectId,
    ...projectSheetWithRefs(input, p, sheetName(`${i + 1} ${p.name}`, taken)),
  }));
  const refs = new Map(sheets.map((s) => [s.projectId, { ...s.refs, sheet: s.model.name }]));
  return projectId === undefined ? [sessionSheet(input, refs), ...sheets.map((s) => s.model)] : sheets.map((s) => s.model);
}

/**
 * The one table of a sheet, for CSV (one table per file): its header and body rows with the summary rows that follow
 * them directly — no title, notes, trace or second table.
 */
export function firstTable(model: SheetModel): SheetRow[] {
  const start = model.rows.findIndex((r) => r.kind === 'header');
  if (start < 0) return [];
  let end = start;
  while (end < model.rows.length && ['header', 'body', 'summary'].includes(model.rows[end]!.kind)) end++;
  return model.rows.slice(start, end);
}
