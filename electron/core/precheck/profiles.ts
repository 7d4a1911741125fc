// Owns loading jurisdiction profiles (辖区规则配置) from resources/profiles: read, validate, merge `extends`, cache.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { profileFileSchema, profileSchema, type Profile, type ProfileFile } from '../../../shared/profile';
import { yuanToFen } from '../../../shared/money';

/** Bundled builds run from dist/ (resources/ beside it, inside app.asar); from source this file sits three folders down. */
export const defaultProfileDir = __filename.endsWith('.cjs')
  ? path.join(__dirname, '..', 'resources', 'profiles')
  : path.resolve(__dirname, '../../../resources/profiles');

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

/** Built-in zod messages in Chinese, for this parse only (other modules keep their own wording). */
const chineseMessages = { error: z.locales.zhCN().localeError };

function describeIssues(where: string, error: z.ZodError): ProfileError {
  const lines = error.issues.slice(0, 10).map((issue) => `  字段 ${issue.path.map(String).join('.') || '（整体）'}：${issue.message}`);
  return new ProfileError(`辖区规则配置 ${where} 无效：\n${lines.join('\n')}`);
}

function readProfileFile(id: string, dir: string): ProfileFile {
  const file = path.join(dir, `${id}.json`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : `不是有效的 JSON（${(err as Error).message.slice(0, 120)}）`;
    throw new ProfileError(`辖区规则配置 ${id}.json ${reason}`);
  }
  const parsed = profileFileSchema.safeParse(json, chineseMessages);
  if (!parsed.success) throw describeIssues(`${id}.json`, parsed.error);
  if (parsed.data.id !== id) throw new ProfileError(`辖区规则配置 ${id}.json 无效：\n  字段 id：应为 ${id}，实为 ${parsed.data.id}`);
  return parsed.data;
}

/**
 * Rules with an id already inherited replace that rule where it stands; new rules go in front of the inherited ones,
 * so a district's own budget rules are tried before the shared ones. `removed` drops inherited rules.
 */
function mergeById<T extends { id: string }>(base: T[], own: T[], removed: Set<string>): T[] {
  const ownById = new Map(own.map((r) => [r.id, r]));
  const inherited = base.filter((r) => !removed.has(r.id)).map((r) => ownById.get(r.id) ?? r);
  const baseIds = new Set(base.map((r) => r.id));
  return [...own.filter((r) => !baseIds.has(r.id)), ...inherited];
}

function removedIn(file: ProfileFile, section: string): Set<string> {
  const prefix = `${section}.`;
  return new Set(file.remove.filter((r) => r.startsWith(prefix)).map((r) => r.slice(prefix.length)));
}

function merge(base: ProfileFile, own: ProfileFile): unknown {
  return {
    id: own.id,
    name: own.name,
    regulation: own.regulation,
    citeAs: own.citeAs,
    place: own.place,
    bodies: own.bodies,
    rubric: {
      totalPoints: own.rubric.totalPoints ?? base.rubric.totalPoints,
      dimensions: base.rubric.dimensions.map((d) => own.rubric.dimensions.find((o) => o.id === d.id) ?? d),
      vetoes: mergeById(base.rubric.vetoes, own.rubric.vetoes, removedIn(own, 'veto')),
      bands: own.rubric.bands ?? base.rubric.bands,
      vetoConclusion: own.rubric.vetoConclusion ?? base.rubric.vetoConclusion,
    },
    requiredDocuments: mergeById(base.requiredDocuments, own.requiredDocuments, removedIn(own, 'docs')),
    requiredChapters: mergeById(base.requiredChapters, own.requiredChapters, removedIn(own, 'chapter')),
    thresholds: mergeById(base.thresholds, own.thresholds, removedIn(own, 'threshold')),
    redFlags: mergeById(base.redFlags, own.redFlags, removedIn(own, 'red-flag')),
    budgetRules: mergeById(base.budgetRules, own.budgetRules, removedIn(own, 'budget')),
    consolidation: { ...base.consolidation, ...own.consolidation },
    aggregation: own.aggregation ?? base.aggregation,
    letter: own.letter,
  };
}

const cache = new Map<string, Profile>();

/** The resolved profile for a jurisdiction id; throws a `ProfileError` naming the file and field when it is invalid. */
export function loadProfile(id: string, dir: string = defaultProfileDir): Profile {
  const key = `${path.resolve(dir)}\0${id}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const own = readProfileFile(id, dir);
  if (own.extends && own.extends === own.id) throw new ProfileError(`辖区规则配置 ${id}.json 无效：\n  字段 extends：不能继承自身`);
  const base = own.extends ? readProfileFile(own.extends, dir) : null;
  if (base?.extends) throw new ProfileError(`辖区规则配置 ${own.extends}.json 无效：\n  字段 extends：被继承的配置不能再继承其他配置`);
  const resolved = profileSchema.safeParse(base ? merge(base, own) : own, chineseMessages);
  if (!resolved.success) throw describeIssues(base ? `${id}.json（合并 ${base.id}.json 后）` : `${id}.json`, resolved.error);
  cache.set(key, resolved.data);
  return resolved.data;
}

/** A threshold the profile states in yuan, as integer fen (分). */
export function thresholdFen(profile: Profile, thresholdId: string): number {
  const threshold = profile.thresholds.find((t) => t.id === thresholdId && t.unit === 'yuan');
  if (!threshold) throw new ProfileError(`辖区规则配置 ${profile.id} 缺少以元计的阈值 ${thresholdId}`);
  return yuanToFen(threshold.value);
}
