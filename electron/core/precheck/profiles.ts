// Owns loading jurisdiction profiles (辖区规则配置) from resources/profiles: read, validate, merge `extends` (what a district
// inherits without restating becomes 参考做法), refuse vetoes resting on 参考做法, cache; and the profile's fingerprint.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { isReferencePractice, referencePracticeCitation } from '../../../shared/precheck';
import { profileFileSchema, profileSchema, type Profile, type ProfileFile } from '../../../shared/profile';
import { yuanToFen } from '../../../shared/money';
import { AppError } from '../kernel/errors';
import { jcs } from '../kernel/jcs';
import { chineseMessages } from '../kernel/zodMessages';

/** Bundled builds run from dist/ (resources/ beside it, inside app.asar); from source this file sits three folders down. */
export const defaultProfileDir = __filename.endsWith('.cjs')
  ? path.join(__dirname, '..', 'resources', 'profiles')
  : path.resolve(__dirname, '../../../resources/profiles');

/** A profile that is missing or invalid; the message names the file and the field, and reaches the user as it is. */
export class ProfileError extends AppError {
  constructor(message: string) {
    super('profile-invalid', message);
    this.name = 'ProfileError';
  }
}

function describeIssues(where: string, error: z.ZodError): ProfileError {
  const lines = error.issues.slice(0, 10).map((issue) => `  字段 ${issue.path.map(String).join('.') || '（整体）'}：${issue.message}`);
  return new ProfileError(`辖区规则配置 ${where} 无效：\n${lines.join('\n')}`);
}

export function readProfileFile(id: string, dir: string): ProfileFile {
  const file = path.join(dir, `${id}.json`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : `不是有效的 JSON（${(err as Error).message.slice(0, 120)}）`;
    throw new ProfileError(`辖区规则配置 ${id}.json ${reason}`);
  }
  const parsed = profileFileSchema.safeParse(json, chineseMessages);
  if (!parsed.success) throw describeIssues(`${id}.json`, parsed.error);
  if (parsed.data.id !== id) throw new ProfileError(`辖区规则配置 ${id}.json 无效：\n  字段 id：应为 ${id}，实为 ${parsed.data.id}`);
  return parsed.data;
}

/** An inherited rule the district does not restate: its regulation does not lay it down, so it is 参考做法. */
function asReference<T extends { citation: string }>(rule: T): T {
  const exceptions = (rule as { exceptions?: { citation: string }[] }).exceptions;
  return {
    ...rule,
    citation: referencePracticeCitation,
    ...(exceptions ? { exceptions: exceptions.map((e) => ({ ...e, citation: referencePracticeCitation })) } : {}),
  };
}

/**
 * Rules with an id already inherited replace that rule where it stands; new rules go in front of the inherited ones,
 * so a district's own budget rules are tried before the shared ones. `removed` drops inherited rules. An inherited
 * rule kept as it is becomes 参考做法 (`adopt`): a district profile cites its own regulation or nothing.
 */
function mergeById<T extends { id: string; citation: string }>(base: T[], own: T[], removed: Set<string>): T[] {
  const ownById = new Map(own.map((r) => [r.id, r]));
  const inherited = base.filter((r) => !removed.has(r.id)).map((r) => ownById.get(r.id) ?? asReference(r));
  const baseIds = new Set(base.map((r) => r.id));
  return [...own.filter((r) => !baseIds.has(r.id)), ...inherited];
}

function removedIn(file: ProfileFile, section: string): Set<string> {
  const prefix = `${section}.`;
  return new Set(file.remove.filter((r) => r.startsWith(prefix)).map((r) => r.slice(prefix.length)));
}

/**
 * A district over `national`: its own rules, and whatever it inherits without restating, cited 参考做法（本区办法未作规定）
 * — never the national document's citation, let alone another district's. Vetoes inherited that way are refused
 * after merging (`referenceVetoes`), so a district restates or removes each.
 */
export function merge(base: ProfileFile, own: ProfileFile): unknown {
  const dimension = (d: ProfileFile['rubric']['dimensions'][number]) => ({ ...d, subCriteria: d.subCriteria.map(asReference) });
  const aggregation =
    own.aggregation ?? (base.aggregation?.citation ? { ...base.aggregation, citation: referencePracticeCitation } : base.aggregation);
  return {
    id: own.id,
    name: own.name,
    regulation: own.regulation,
    citeAs: own.citeAs,
    place: own.place,
    version: own.version,
    bodies: own.bodies,
    rubric: {
      totalPoints: own.rubric.totalPoints ?? base.rubric.totalPoints,
      dimensions: base.rubric.dimensions.map((d) => own.rubric.dimensions.find((o) => o.id === d.id) ?? dimension(d)),
      vetoes: mergeById(base.rubric.vetoes, own.rubric.vetoes, removedIn(own, 'veto')),
      bands: own.rubric.bands ?? base.rubric.bands,
      vetoConclusion: own.rubric.vetoConclusion ?? base.rubric.vetoConclusion,
    },
    requiredDocuments: mergeById(base.requiredDocuments, own.requiredDocuments, removedIn(own, 'docs')),
    requiredChapters: mergeById(base.requiredChapters, own.requiredChapters, removedIn(own, 'chapter')),
    thresholds: mergeById(base.thresholds, own.thresholds, removedIn(own, 'threshold')),
    redFlags: mergeById(base.redFlags, own.redFlags, removedIn(own, 'red-flag')),
    budgetRules: mergeById(base.budgetRules, own.budgetRules, removedIn(own, 'budget')),
    consolidation: { ...base.consolidation, ...(base.consolidation ? { citation: referencePracticeCitation } : {}), ...own.consolidation },
    aggregation,
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
  const where = base ? `${id}.json（合并 ${base.id}.json 后）` : `${id}.json`;
  const resolved = profileSchema.safeParse(base ? merge(base, own) : own, chineseMessages);
  if (!resolved.success) throw describeIssues(where, resolved.error);
  const vetoProblems = referenceVetoes(resolved.data);
  if (vetoProblems.length > 0) throw new ProfileError(`辖区规则配置 ${where} 无效：\n${vetoProblems.map((p) => `  ${p}`).join('\n')}`);
  cache.set(key, resolved.data);
  return resolved.data;
}

/**
 * A veto (一票否决) forces 不予通过, so it must rest on the regulation itself: one cited `参考做法（本区办法未作规定）`, or
 * naming a rule that is only 参考做法, is refused.
 */
export function referenceVetoes(profile: Profile): string[] {
  const referenceRules = new Set([
    ...profile.requiredDocuments.filter((r) => isReferencePractice(r.citation)).map((r) => `docs.${r.id}`),
    ...profile.requiredChapters.filter((r) => isReferencePractice(r.citation)).map((r) => `chapter.${r.id}`),
    ...profile.redFlags.filter((r) => isReferencePractice(r.citation)).map((r) => `red-flag.${r.id}`),
  ]);
  const problems: string[] = [];
  profile.rubric.vetoes.forEach((v, i) => {
    if (isReferencePractice(v.citation)) problems.push(`字段 rubric.vetoes.${i}.citation：一票否决项须依据本办法的条款，不能是参考做法`);
    v.rules.forEach((r, j) => {
      if (referenceRules.has(r)) problems.push(`字段 rubric.vetoes.${i}.rules.${j}：一票否决项不能依据参考做法规则 ${r}`);
    });
  });
  return problems;
}

/** The profile in force, as recorded with every review and generated document: id, version and fingerprint. */
export interface ProfileInForce {
  id: string;
  version: number;
  /** SHA-256 (hex) of the RFC 8785 canonical JSON of the resolved profile: any change to any rule changes it. */
  fingerprint: string;
}

const fingerprints = new WeakMap<Profile, string>();

/** SHA-256 of the canonical JSON (RFC 8785) of a resolved profile. */
export function profileFingerprint(profile: Profile): string {
  let fingerprint = fingerprints.get(profile);
  if (!fingerprint) {
    fingerprint = createHash('sha256').update(jcs(profile)).digest('hex');
    fingerprints.set(profile, fingerprint);
  }
  return fingerprint;
}

export function profileInForce(profile: Profile): ProfileInForce {
  return { id: profile.id, version: profile.version, fingerprint: profileFingerprint(profile) };
}

/** A threshold the profile states in yuan, as integer fen (分). */
export function thresholdFen(profile: Profile, thresholdId: string): number {
  const threshold = profile.thresholds.find((t) => t.id === thresholdId && t.unit === 'yuan');
  if (!threshold) throw new ProfileError(`辖区规则配置 ${profile.id} 缺少以元计的阈值 ${thresholdId}`);
  return yuanToFen(threshold.value);
}
