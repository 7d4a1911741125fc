// Owns checking a jurisdiction profile file as hostile input: a package's profile.json and `review-desk profile check`.
//
// In order, stopping at the first stage that finds anything: size (≤ 1 MiB), UTF-8, JSON, the raw object (no
// `__proto__`/`constructor`/`prototype` key, nesting ≤ 16), the strict file schema (unknown keys, wrong types, bounds,
// missing citations), then what a schema cannot say — every pattern safe (patternSafety.ts), rule ids unique, citations
// naming only the profile's own regulation or a national document (nationalDocuments.ts) — and last the resolved
// profile (merged with the built-in `national` when it `extends` it): rubric arithmetic and cross-references.
// Every problem is { code, message, path } with a Chinese message naming the file and the JSON path (`rules[3].pattern`).
import type { z } from 'zod';
import {
  citationPartPattern,
  maxProfileBytes,
  nationalDocumentCitationPattern,
  profileFileSchema,
  profileSchema,
  type Profile,
  type ProfileFile,
} from '../../../shared/profile';
import { fieldAt } from '../kernel/fieldPlace';
import { chineseMessages } from '../kernel/zodMessages';
import { isNationalDocument } from './nationalDocuments';
import { patternProblem } from './patternSafety';
import { defaultProfileDir, merge, ProfileError, readProfileFile, referenceVetoes } from './profiles';

export const profileIssueCodes = [
  'too-large',
  'encoding',
  'json',
  'forbidden-key',
  'too-deep',
  'unknown-key',
  'missing-field',
  'missing-citation',
  'wrong-type',
  'out-of-range',
  'invalid-value',
  'unsafe-pattern',
  'duplicate-id',
  'foreign-citation',
  'rubric-sum',
  'extends',
  'id-mismatch',
] as const;
export type ProfileIssueCode = (typeof profileIssueCodes)[number];

export interface ProfileIssue {
  code: ProfileIssueCode;
  /** Chinese, naming the file and the path. */
  message: string;
  /** JSON path in the file, `redFlags[3].patterns[0]`; '' for the whole file. */
  path: string;
}

export interface ProfileCheckResult {
  ok: boolean;
  errors: ProfileIssue[];
  /** The resolved profile, when `ok`. */
  profile: Profile | null;
}

export interface ProfileCheckOptions {
  /** How messages name the file: `profile.json` in a package, the path given on the command line. */
  fileName?: string;
  /** The id the profile must have (the manifest's `jurisdiction`). */
  expectedId?: string;
  /** Where the built-in `national` is read from when the profile extends it. */
  profileDir?: string;
}

/** Keys that could reach an object's prototype if any code ever merged the parsed object: refused anywhere. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
/** The deepest legitimate path is profile → redFlags → [i] → expect → [j] → patterns → [k]. */
const maxDepth = 16;
/** Enough to fix a file by; a hostile file could produce thousands. */
const maxIssues = 50;

type Segment = string | number;

/** `redFlags[3].patterns[0]`: the notation of the format page and of every message. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number' || (typeof seg === 'string' && /^\d+$/.test(seg))) out += `[${String(seg)}]`;
    else {
      const key = String(seg);
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? `${out ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** `rubric.dimensions[0].subCriteria` → its segments, and the note a path may start with (`（继承自 national）`). */
export function parsePath(formatted: string): { note: string; segments: Segment[] } {
  const note = /^（[^）]*）/.exec(formatted)?.[0] ?? '';
  const segments: Segment[] = [];
  for (const m of formatted.slice(note.length).matchAll(/\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z_$][\w$]*)/g))
    segments.push(m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? (JSON.parse(m[2]) as string) : m[3]!);
  return { note, segments };
}

/** How the collector words a message: the file and the path, then the reason. */
const messagePrefix = (fileName: string, where: string) => (where ? `${fileName} 字段 ${where}：` : `${fileName}：`);

/** An issue's reason alone, without the file and the path its message starts with (for callers that name the place in words). */
export function issueReason(issue: ProfileIssue, fileName = 'profile.json'): string {
  const prefix = messagePrefix(fileName, issue.path);
  return issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
}

class Collector {
  readonly errors: ProfileIssue[] = [];
  constructor(private readonly fileName: string) {}
  add(code: ProfileIssueCode, path: readonly Segment[] | string, detail: string): void {
    if (this.errors.length >= maxIssues) return;
    const where = typeof path === 'string' ? path : formatPath(path);
    this.errors.push({ code, path: where, message: `${messagePrefix(this.fileName, where)}${detail}` });
  }
  get failed(): boolean {
    return this.errors.length > 0;
  }
}

/** Checks a profile file's bytes; never throws for anything in the bytes. */
export function checkProfileBytes(bytes: Uint8Array, options: ProfileCheckOptions = {}): ProfileCheckResult {
  const issues = new Collector(options.fileName ?? 'profile.json');
  const fail = (): ProfileCheckResult => ({ ok: false, errors: issues.errors, profile: null });

  if (bytes.length > maxProfileBytes) return profileTooLarge(bytes.length, options.fileName);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    issues.add('encoding', '', '不是 UTF-8 编码（可能被保存成了 GBK），请以 UTF-8 重新保存');
    return fail();
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const position = /position (\d+)/.exec((err as Error).message ?? '')?.[1];
    issues.add(
      'json',
      '',
      position ? `不是有效的 JSON：第 ${position} 个字符附近有语法错误` : '不是有效的 JSON（语法错误，文件可能不完整）',
    );
    return fail();
  }
  checkRawShape(raw, issues);
  if (issues.failed) return fail();
  return checkProfileValue(raw, issues, options);
}

/** The verdict on a file of `size` bytes over the limit, for callers that stop reading at the limit. */
export function profileTooLarge(size: number, fileName = 'profile.json'): ProfileCheckResult {
  const issues = new Collector(fileName);
  issues.add('too-large', '', `文件过大（${size} 字节），辖区规则配置不得超过 ${maxProfileBytes} 字节（1 MB）`);
  return { ok: false, errors: issues.errors, profile: null };
}

/** Checks an already parsed value (the raw-shape check included). */
export function checkProfileJson(raw: unknown, options: ProfileCheckOptions = {}): ProfileCheckResult {
  const issues = new Collector(options.fileName ?? 'profile.json');
  checkRawShape(raw, issues);
  if (issues.failed) return { ok: false, errors: issues.errors, profile: null };
  return checkProfileValue(raw, issues, options);
}

/** Forbidden keys and nesting depth, walked without recursion so no input can exhaust the stack. */
function checkRawShape(raw: unknown, issues: Collector): void {
  const stack: { value: unknown; path: Segment[] }[] = [{ value: raw, path: [] }];
  let tooDeepReported = false;
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= maxDepth) {
      if (!tooDeepReported) issues.add('too-deep', path, `嵌套层数超过 ${maxDepth} 层`);
      tooDeepReported = true;
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (forbiddenKeys.has(key)) {
        issues.add('forbidden-key', [...path, key], `不允许使用键名“${key}”（可能篡改对象原型）`);
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
}

function checkProfileValue(raw: unknown, issues: Collector, options: ProfileCheckOptions): ProfileCheckResult {
  const fail = (): ProfileCheckResult => ({ ok: false, errors: issues.errors, profile: null });
  const parsed = profileFileSchema.safeParse(raw, chineseMessages);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) addZodIssue(issue, raw, issues, []);
    return fail();
  }
  const file = parsed.data;
  if (options.expectedId !== undefined && file.id !== options.expectedId) {
    issues.add('id-mismatch', ['id'], `应为评审包清单中的辖区编号 ${options.expectedId}，实为 ${file.id}`);
  }
  checkPatterns(file, issues);
  checkDuplicateIds(file, issues);
  checkCitations(file, ownNames(file), [], issues);
  if (issues.failed) return fail();

  // Resolve: a carried profile is complete, or extends the built-in national (never a district, never itself).
  let base: ProfileFile | null = null;
  if (file.extends) {
    if (file.extends === file.id) {
      issues.add('extends', ['extends'], '不能继承自身');
      return fail();
    }
    try {
      base = readProfileFile(file.extends, options.profileDir ?? defaultProfileDir);
    } catch (err) {
      issues.add('extends', ['extends'], `无法读取内置的 ${file.extends} 规则：${err instanceof ProfileError ? err.message : String(err)}`);
      return fail();
    }
    // Inherited rules run too, so their patterns must be as safe (the built-in ones are; this keeps it so). Their
    // citations need no check here: merging cites whatever is inherited unchanged as 参考做法 (profiles.ts).
    checkPatterns(base, issues, `（继承自 ${base.id}）`);
    if (issues.failed) return fail();
  }
  const resolved = profileSchema.safeParse(base ? merge(base, file) : file, chineseMessages);
  if (!resolved.success) {
    for (const issue of resolved.error.issues) addZodIssue(issue, undefined, issues, base ? ['（合并 national 后）'] : []);
    return fail();
  }
  for (const problem of referenceVetoes(resolved.data)) {
    // `字段 rubric.vetoes.0.citation：…` → path rubric.vetoes[0].citation and the reason.
    const m = /^字段 (\S+)：(.*)$/s.exec(problem);
    if (m)
      issues.add(
        'invalid-value',
        m[1]!.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg)),
        m[2]!,
      );
    else issues.add('invalid-value', '', problem);
  }
  if (issues.failed) return fail();
  return { ok: true, errors: [], profile: resolved.data };
}

// ── zod issues → profile issues ─────────────────────────────────────────────────────────────────────────────────

function addZodIssue(issue: z.core.$ZodIssue, raw: unknown, issues: Collector, prefix: string[]): void {
  const path = issue.path as Segment[];
  const shown = (p: Segment[]) => `${prefix.join('')}${formatPath(p)}`;
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys)
        issues.add(
          'unknown-key',
          shown([...path, key]),
          `未知的字段“${key}”：辖区规则配置不接受格式中未定义的字段（见辖区规则配置格式说明）`,
        );
      return;
    case 'invalid_type': {
      const present = raw === undefined ? true : fieldAt(raw, path).found;
      if (!present && path.at(-1) === 'citation') {
        issues.add('missing-citation', shown(path), '缺少引用（citation）：每条规则都必须注明所依据的办法名称和条款');
      } else if (!present) {
        issues.add('missing-field', shown(path), `缺少必填字段（${issue.message}）`);
      } else {
        issues.add('wrong-type', shown(path), issue.message);
      }
      return;
    }
    case 'too_big':
    case 'too_small':
      issues.add('out-of-range', shown(path), issue.message);
      return;
    case 'custom': {
      const code = (issue.params as { profileCode?: ProfileIssueCode } | undefined)?.profileCode;
      issues.add(code ?? 'invalid-value', shown(path), issue.message);
      return;
    }
    default:
      issues.add('invalid-value', shown(path), issue.message);
  }
}

// ── Patterns ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Every pattern list of the file: `patterns`, `upgradePatterns`, `termPatterns` … wherever they sit. */
function checkPatterns(file: ProfileFile, issues: Collector, note = ''): void {
  walk(file, [], (key, value, path) => {
    if (!/^(patterns|[a-z]+Patterns)$/.test(key) || !Array.isArray(value)) return;
    value.forEach((p, i) => {
      if (typeof p !== 'string') return;
      const problem = patternProblem(p);
      if (problem) issues.add('unsafe-pattern', `${note}${formatPath([...path, i])}`, `正则表达式“${p.slice(0, 60)}”不安全：${problem}`);
    });
  });
}

function walk(value: unknown, path: Segment[], visit: (key: string, value: unknown, path: Segment[]) => void): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], visit));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      visit(key, v, [...path, key]);
      walk(v, [...path, key], visit);
    }
  }
}

// ── Duplicate ids ───────────────────────────────────────────────────────────────────────────────────────────────

/** In every list of objects with an `id` (a section, sub-criteria, exceptions, kinds), each id once. */
function checkDuplicateIds(file: ProfileFile, issues: Collector): void {
  const visitList = (list: unknown[], path: Segment[]) => {
    const first = new Map<string, number>();
    list.forEach((item, i) => {
      const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return;
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, i);
      else issues.add('duplicate-id', [...path, i, 'id'], `编号重复：${id}（与同一列表第 ${earlier + 1} 项相同）`);
    });
  };
  walk({ root: file }, [], (_key, value, path) => {
    if (Array.isArray(value)) visitList(value, path.slice(1));
  });
}

// ── Citations ───────────────────────────────────────────────────────────────────────────────────────────────────

function ownNames(file: Pick<ProfileFile, 'citeAs' | 'regulation'>): Set<string> {
  return new Set([file.citeAs.trim(), file.regulation.trim()]);
}

/** The document a citation part names: the text before ` 第X条` / ` 附件`, or a national document cited whole. */
function citedDocument(part: string): string | null {
  if (citationPartPattern.test(part)) return part.replace(/ (第[〇零一二三四五六七八九十百\d]+条|附件).*$/, '').trim();
  return nationalDocumentCitationPattern.test(part) ? part : null;
}

/**
 * Each citation may name only the profile's own regulation (`citeAs` or `regulation`) or a national document. A
 * citation naming no document (参考做法) is the schema's business, not a foreign one.
 */
function checkCitations(value: unknown, own: Set<string>, path: Segment[], issues: Collector): void {
  walk(value, path, (key, v, p) => {
    if (key !== 'citation' || typeof v !== 'string') return;
    for (const part of v.split('；')) {
      const name = citedDocument(part);
      if (name === null || own.has(name) || isNationalDocument(name)) continue;
      const shortName = name.replace(/（[^）]*）$/, '');
      if (own.has(shortName) || isNationalDocument(shortName)) continue;
      issues.add(
        'foreign-citation',
        p,
        `引用了“${name}”：只能引用本配置所依据的办法（${[...own].join(' 或 ')}）或国家层面的文件，不能引用其他地区的办法`,
      );
    }
  });
}
