// Owns the placeholders of templates: which paths a template uses, which of them the data context lacks (checked at load time), the list of known paths, and the context flattened to path → text for a bureau's own .docx.
import { z } from 'zod';
import { contextShape, findingShape, investmentShape, sessionRoots, signatureEntryShape, type TemplateContext } from './contextShape';
import type { Template, TemplateBlock } from './schema';
import { parseText, textPaths, TextSyntaxError } from './textTemplate';

type Shape = z.ZodType;

/** One use of a path in a template, and where (e.g. `blocks[3].text`). */
export interface PlaceholderUse {
  path: string;
  use: 'value' | 'condition' | 'list' | 'review' | 'investment' | 'findings' | 'signatures';
  where: string;
}

export interface PlaceholderProblem {
  path: string;
  where: string;
  message: string;
}

const unwrap = (s: Shape): Shape => (s instanceof z.ZodNullable ? unwrap(s.unwrap() as Shape) : s);

/** The schema at a dotted path, with `scope` binding `each` aliases to their list's element; null when unknown. */
function shapeAt(path: string, scope: Map<string, Shape>): Shape | null {
  const [head, ...rest] = path.split('.') as [string, ...string[]]; // split yields at least one piece
  let s: Shape | undefined = scope.get(head) ?? (contextShape.shape as Record<string, Shape>)[head];
  for (const key of rest) {
    if (!s) return null;
    const inner = unwrap(s);
    s = inner instanceof z.ZodObject ? (inner.shape as Record<string, Shape>)[key] : undefined;
  }
  return s ?? null;
}

const reviewShape = unwrap(contextShape.shape.review);

/** What each kind of use requires of the schema at its path. */
function fits(use: PlaceholderUse['use'], s: Shape): boolean {
  const inner = unwrap(s);
  switch (use) {
    case 'value':
      return inner instanceof z.ZodString;
    case 'condition':
      return true;
    case 'list':
      return inner instanceof z.ZodArray;
    case 'review':
      return inner === reviewShape;
    case 'investment':
      return inner === investmentShape;
    case 'findings':
      return inner instanceof z.ZodArray && inner.element === findingShape;
    case 'signatures':
      return inner instanceof z.ZodArray && inner.element === signatureEntryShape;
  }
}

const useWords: Record<PlaceholderUse['use'], string> = {
  value: '文字字段',
  condition: '字段',
  list: '列表字段',
  review: '评审记录（如 review）',
  investment: '投资审核数据（如 review.investment）',
  findings: '形式审查结论列表（如 precheck.findings）',
  signatures: '签字列表（如 signatures.members）',
};

function textUses(text: string, where: string): PlaceholderUse[] {
  return textPaths(parseText(text)).map((p) => ({ path: p.path, use: p.use, where }));
}

/** Calls `visit` for each use in block order; `each` blocks bind their alias for their children. */
function walk(
  blocks: TemplateBlock[],
  prefix: string,
  scope: Map<string, Shape>,
  visit: (u: PlaceholderUse, scope: Map<string, Shape>) => void,
): void {
  blocks.forEach((b, i) => {
    const at = `${prefix}[${i}]`;
    const uses: PlaceholderUse[] = b.when ? [{ path: b.when, use: 'condition', where: `${at}.when` }] : [];
    switch (b.kind) {
      case 'title':
      case 'docNumber':
      case 'addressee':
      case 'heading':
        uses.push(...textUses(b.text, `${at}.text`));
        break;
      case 'paragraph':
        if (b.text !== undefined) uses.push(...textUses(b.text, `${at}.text`));
        b.runs?.forEach((r, j) => uses.push(...textUses(r.text, `${at}.runs[${j}].text`)));
        break;
      case 'fields':
        b.items.forEach((f, j) => uses.push(...textUses(f.value, `${at}.items[${j}].value`)));
        break;
      case 'attachments':
        b.items.forEach((t, j) => uses.push(...textUses(t, `${at}.items[${j}]`)));
        break;
      case 'closing':
        uses.push(...textUses(b.organiser, `${at}.organiser`), ...textUses(b.date, `${at}.date`));
        break;
      case 'record':
        uses.push(
          ...textUses(b.copyTo, `${at}.copyTo`),
          ...textUses(b.printer, `${at}.printer`),
          ...textUses(b.printedOn, `${at}.printedOn`),
        );
        break;
      case 'scoreTable':
        uses.push({ path: b.source, use: 'review', where: `${at}.source` });
        break;
      case 'investmentTable':
        uses.push({ path: b.source, use: 'investment', where: `${at}.source` });
        break;
      case 'precheckTable':
        uses.push({ path: b.source, use: 'findings', where: `${at}.source` });
        break;
      case 'signatures':
        b.sources.forEach((s, j) => uses.push({ path: s, use: 'signatures', where: `${at}.sources[${j}]` }));
        break;
      case 'panelScoreTable':
        uses.push({ path: 'panel.experts', use: 'list', where: at }, { path: 'panel.dimensions', use: 'list', where: at });
        break;
      case 'table':
      case 'each':
        break;
      case 'writingSpace':
        uses.push(...textUses(b.label, `${at}.label`));
        break;
      case 'spacer':
      case 'pageBreak':
        break;
    }
    for (const u of uses) visit(u, scope);
    if (b.kind === 'table' || b.kind === 'each') {
      visit({ path: b.each, use: 'list', where: `${at}.each` }, scope);
      const list = shapeAt(b.each, scope);
      const element = list && unwrap(list) instanceof z.ZodArray ? ((unwrap(list) as z.ZodArray).element as Shape) : z.never();
      const inner = new Map(scope).set(b.as, element);
      if (b.kind === 'each') walk(b.blocks, `${at}.blocks`, inner, visit);
      else {
        b.cells.forEach((c, j) => textUses(c, `${at}.cells[${j}]`).forEach((u) => visit(u, inner)));
        b.footer.forEach((row, r) => row.forEach((c, j) => textUses(c, `${at}.footer[${r}][${j}]`).forEach((u) => visit(u, scope))));
      }
    }
  });
}

/** The template text's syntax errors and every path the context lacks or that does not fit its use. */
export function placeholderProblems(template: Pick<Template, 'kind' | 'title' | 'page' | 'blocks'>): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = [];
  const check = (u: PlaceholderUse, scope: Map<string, Shape>) => {
    const s = shapeAt(u.path, scope);
    const root = u.path.split('.')[0]!; // split yields at least one piece
    if (!s || s instanceof z.ZodNever) problems.push({ path: u.path, where: u.where, message: `未知的占位符 {{${u.path}}}` });
    else if (template.kind === 'session' && !scope.has(root) && !(sessionRoots as readonly string[]).includes(root)) {
      problems.push({
        path: u.path,
        where: u.where,
        message: `{{${u.path}}} 属于项目数据，评审会文书（kind 为 session）只能使用 ${sessionRoots.join('、')}`,
      });
    } else if (!fits(u.use, s)) problems.push({ path: u.path, where: u.where, message: `{{${u.path}}} 不是${useWords[u.use]}` });
  };
  try {
    for (const [text, where] of [
      [template.title, 'title'],
      [template.page.header, 'page.header'],
      [template.page.letterhead?.mark ?? '', 'page.letterhead.mark'],
      [template.page.letterhead?.docNumber ?? '', 'page.letterhead.docNumber'],
    ] as const) {
      textUses(text, where).forEach((u) => check(u, new Map()));
    }
    walk(template.blocks, 'blocks', new Map(), check);
  } catch (err) {
    if (!(err instanceof TextSyntaxError)) throw err;
    problems.push({ path: '', where: '', message: err.message });
  }
  return problems;
}

/** Every path a template uses, in order of first use (aliases such as `item.name` as written). */
export function placeholdersOf(template: Pick<Template, 'title' | 'page' | 'blocks'>): string[] {
  const seen = new Set<string>();
  for (const text of [
    template.title,
    template.page.header,
    template.page.letterhead?.mark ?? '',
    template.page.letterhead?.docNumber ?? '',
  ])
    textUses(text, '').forEach((u) => seen.add(u.path));
  walk(template.blocks, 'blocks', new Map(), (u) => seen.add(u.path));
  return [...seen];
}

function scalarPaths(s: Shape, prefix: string): string[] {
  const inner = unwrap(s);
  if (inner instanceof z.ZodString) return [prefix];
  if (inner instanceof z.ZodObject)
    return Object.entries(inner.shape as Record<string, Shape>).flatMap(([k, v]) => scalarPaths(v, prefix ? `${prefix}.${k}` : k));
  return []; // lists and images: not a single text
}

/** The dotted paths of the context that hold one text (lists are reachable only through `each`). */
export function knownPlaceholders(): string[] {
  return scalarPaths(contextShape, '');
}

/** Path → final text of every known placeholder (missing values as ""), for filling a bureau's own .docx. */
export function flattenContext(context: TemplateContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of knownPlaceholders()) {
    let v: unknown = context;
    for (const key of p.split('.')) v = v === null || v === undefined ? null : (v as Record<string, unknown>)[key];
    out[p] = typeof v === 'string' ? v : '';
  }
  return out;
}
