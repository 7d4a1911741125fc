// Owns the template catalogue (模板目录) the app offers: built-ins as shipped or as last edited, the bureau's uploaded
// .docx, the score sheets; a built-in's editable texts (JSON Pointers) and applying text edits to it.
import type { TemplateListItem, TemplateText, TextEdit } from '../../../shared/output';
import { AppError } from '../kernel/errors';
import type { ReadDb } from '../store/access';
import { findDocxTemplate, latestDocxTemplates, latestTemplateVersion, type StoredDocxTemplate } from '../store/templates';
import { loadBuiltinTemplates, parseTemplate } from './template/builtins';
import type { Template } from './template/schema';

/** The score sheets (评分表) are code, not a template file; they are listed beside the templates under this id. */
export const SHEET_TEMPLATE_ID = 'score-sheet';
/** One project's score sheet (项目评分表) as a file of its own: the same layout, that project's sheet only. */
export const PROJECT_SHEET_TEMPLATE_ID = 'project-score-sheet';
const SHEET_VERSION = 1;
const DOCX_PREFIX = 'docx-';

export type ResolvedTemplate =
  | { kind: 'builtin'; item: TemplateListItem; template: Template }
  | { kind: 'docx'; item: TemplateListItem; docx: StoredDocxTemplate }
  | { kind: 'sheet'; item: TemplateListItem };

let builtins: Template[] | null = null;
/** The shipped templates, read once from resources/templates. */
export function shippedTemplates(): Template[] {
  builtins ??= loadBuiltinTemplates();
  return builtins;
}

function builtinItem(shipped: Template, inForce: Template, edit: { editedAt: string; basedOn: number } | null): TemplateListItem {
  return {
    id: shipped.id,
    kind: 'builtin',
    name: inForce.name,
    version: inForce.version,
    editedAt: edit?.editedAt ?? null,
    basedOn: edit?.basedOn ?? null,
    scope: shipped.kind === 'session' ? 'session' : 'project',
    formats: ['docx', 'pdf'],
    previewable: true,
  };
}

function resolveBuiltin(db: ReadDb, shipped: Template): ResolvedTemplate {
  const edit = latestTemplateVersion(db, shipped.id);
  // A shipped template newer than every edit (an app update) is in force again; the edit stays in the history.
  if (!edit || edit.version <= shipped.version) return { kind: 'builtin', item: builtinItem(shipped, shipped, null), template: shipped };
  const template = parseTemplate(JSON.parse(edit.json), `${shipped.name}（第 ${edit.version} 版）`);
  return { kind: 'builtin', item: builtinItem(shipped, template, edit), template };
}

function docxItem(d: StoredDocxTemplate): TemplateListItem {
  return {
    id: `${DOCX_PREFIX}${d.id}`,
    kind: 'docx',
    name: d.name,
    version: d.version,
    editedAt: d.uploadedAt,
    basedOn: null,
    scope: 'project',
    formats: ['docx'],
    previewable: false,
  };
}

const sheetItem: TemplateListItem = {
  id: SHEET_TEMPLATE_ID,
  kind: 'sheet',
  name: '评分表（Excel / CSV）',
  version: SHEET_VERSION,
  editedAt: null,
  basedOn: null,
  scope: 'session',
  formats: ['xlsx', 'csv'],
  previewable: false,
};

const projectSheetItem: TemplateListItem = {
  ...sheetItem,
  id: PROJECT_SHEET_TEMPLATE_ID,
  name: '项目评分表（Excel / CSV）',
  scope: 'project',
};

export function listTemplates(db: ReadDb): TemplateListItem[] {
  return [
    ...shippedTemplates().map((t) => resolveBuiltin(db, t).item),
    sheetItem,
    projectSheetItem,
    ...latestDocxTemplates(db).map(docxItem),
  ];
}

export function resolveTemplate(db: ReadDb, templateId: string): ResolvedTemplate {
  if (templateId === SHEET_TEMPLATE_ID) return { kind: 'sheet', item: sheetItem };
  if (templateId === PROJECT_SHEET_TEMPLATE_ID) return { kind: 'sheet', item: projectSheetItem };
  if (templateId.startsWith(DOCX_PREFIX)) {
    const docx = findDocxTemplate(db, Number(templateId.slice(DOCX_PREFIX.length)));
    if (docx) return { kind: 'docx', item: docxItem(docx), docx };
  }
  const shipped = shippedTemplates().find((t) => t.id === templateId);
  if (!shipped) throw new AppError('not-found', `找不到模板「${templateId}」，请刷新模板列表后重试。`);
  return resolveBuiltin(db, shipped);
}

export function uploadedItem(d: StoredDocxTemplate): TemplateListItem {
  return docxItem(d);
}

// ── Editable texts ──────────────────────────────────────────────────────────────────────────────────────────────

const blockLabels: Record<string, string> = {
  title: '标题',
  docNumber: '发文字号',
  addressee: '主送机关',
  heading: '小标题',
  paragraph: '段落',
};
const pointer = (parts: (string | number)[]) => '/' + parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Every text of a template a user may reword, in document order: the document title, then each block's wording. */
export function editableTexts(template: Template): TemplateText[] {
  const out: TemplateText[] = [{ path: '/title', label: '文件标题', value: template.title, multiline: false }];
  // A form's 表单编号 (top right of page 1), where the template is a form that has one.
  if (template.formCode !== undefined) out.push({ path: '/formCode', label: '表单编号', value: template.formCode, multiline: false });
  const walk = (blocks: unknown[], at: (string | number)[]) => {
    blocks.forEach((raw, i) => {
      const b = raw as Record<string, unknown>;
      const here = [...at, i];
      const n = out.length;
      if (b.kind === 'each') walk(b.blocks as unknown[], [...here, 'blocks']);
      else if (typeof b.text === 'string' && blockLabels[b.kind as string]) {
        out.push({
          path: pointer([...here, 'text']),
          label: `${blockLabels[b.kind as string]} ${n}`,
          value: b.text,
          multiline: b.kind === 'paragraph',
        });
      } else if (b.kind === 'paragraph' && Array.isArray(b.runs)) {
        (b.runs as { text: string }[]).forEach((r, j) =>
          out.push({
            path: pointer([...here, 'runs', j, 'text']),
            label: `段落 ${n} · 第 ${j + 1} 段文字`,
            value: r.text,
            multiline: true,
          }),
        );
      } else if (b.kind === 'attachments') {
        (b.items as string[]).forEach((item, j) =>
          out.push({ path: pointer([...here, 'items', j]), label: `附件 ${j + 1}`, value: item, multiline: false }),
        );
      } else if (b.kind === 'closing') {
        out.push({ path: pointer([...here, 'organiser']), label: '署名', value: b.organiser as string, multiline: false });
        out.push({ path: pointer([...here, 'date']), label: '成文日期', value: b.date as string, multiline: false });
      }
    });
  };
  walk(template.blocks, ['blocks']);
  return out;
}

/**
 * Applies text edits to a template and validates the result as a template file. Only the editable texts may change:
 * an edit naming any other path is refused, so an edit cannot alter structure, page setup or the template's id.
 */
export function applyTextEdits(template: Template, edits: readonly TextEdit[]): Template {
  if (!edits.length) return template;
  const allowed = new Set(editableTexts(template).map((t) => t.path));
  const copy = structuredClone(template) as unknown as Record<string, unknown>;
  for (const { path, value } of edits) {
    if (!allowed.has(path)) throw new AppError('invalid-input', `模板「${template.name}」中没有可编辑的文字「${path}」，请刷新后重试。`);
    const parts = path
      .slice(1)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop()!;
    let node = copy as Record<string, unknown>;
    for (const p of parts) node = node[p] as Record<string, unknown>;
    node[last] = value;
  }
  try {
    return parseTemplate(copy, `「${template.name}」（修改稿）`);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new AppError('invalid-input', `${why}\n请检查占位符 {{…}} 的写法，如 {{project.name}}；可选内容写作 {{project.supervisor?}}。`);
  }
}
