// Owns reading template files: parse and validate one (schema and placeholders, errors in Chinese naming the file) and load the built-in templates from resources/templates.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chineseMessages } from '../../kernel/zodMessages';
import { placeholderProblems } from './placeholders';
import { templateSchema, type Template } from './schema';

/** Bundled builds run from dist/ (resources/ beside it, inside app.asar); from source this file sits four folders down. */
export const defaultTemplateDir = __filename.endsWith('.cjs')
  ? path.join(__dirname, '..', 'resources', 'templates')
  : path.resolve(__dirname, '../../../../resources/templates');

/** The ids of the built-in templates, in the order the app lists them. */
export const builtinTemplateIds = [
  'expert-opinion',
  'panel-opinion',
  'opinion-letter',
  'score-summary',
  'session-score-summary',
  'attendance',
  'recusal-commitment',
] as const;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** A template from its JSON; throws a `TemplateError` naming `fileName`, each bad field, and every unknown placeholder. */
export function parseTemplate(json: unknown, fileName: string): Template {
  const parsed = templateSchema.safeParse(json, chineseMessages);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((i) => `  字段 ${i.path.map(String).join('.') || '（整体）'}：${i.message}`);
    throw new TemplateError(`模板 ${fileName} 无效：\n${lines.join('\n')}`);
  }
  const problems = placeholderProblems(parsed.data);
  if (problems.length) {
    const lines = problems.slice(0, 10).map((p) => `  ${p.where ? `${p.where}：` : ''}${p.message}`);
    throw new TemplateError(`模板 ${fileName} 无效：\n${lines.join('\n')}\n可用的占位符见模板说明（knownPlaceholders）。`);
  }
  return parsed.data;
}

/** Reads and parses one template file. */
export function readTemplateFile(file: string): Template {
  const name = path.basename(file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : `不是有效的 JSON（${(err as Error).message.slice(0, 120)}）`;
    throw new TemplateError(`模板 ${name} ${reason}`);
  }
  const template = parseTemplate(json, name);
  if (`${template.id}.json` !== name)
    throw new TemplateError(`模板 ${name} 无效：\n  字段 id：应为 ${name.replace(/\.json$/, '')}，实为 ${template.id}`);
  return template;
}

const cache = new Map<string, Template[]>();

/** Every built-in template in `builtinTemplateIds` order; throws if one is missing, invalid, or the folder holds an unknown file. */
export function loadBuiltinTemplates(dir: string = defaultTemplateDir): Template[] {
  const key = path.resolve(dir);
  const cached = cache.get(key);
  if (cached) return cached;
  const extra = readdirSync(dir).filter((f) => f.endsWith('.json') && !(builtinTemplateIds as readonly string[]).includes(f.slice(0, -5)));
  if (extra.length) throw new TemplateError(`模板目录中有未登记的模板文件：${extra.join('、')}`);
  const templates = builtinTemplateIds.map((id) => readTemplateFile(path.join(dir, `${id}.json`)));
  cache.set(key, templates);
  return templates;
}
