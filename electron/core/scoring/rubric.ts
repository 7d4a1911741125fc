// Owns the rubric in force (执行的评分标准): the profile's default rubric, or that rubric changed by a package's `session.rubric`, validated, with a stable fingerprint.
//
// An override names dimensions by id; the fields it gives replace the profile's. A dimension given new sub-criteria
// but no `maxPoints` takes their sum; a weight not given is derived (maxPoints ÷ totalPoints), so changing points
// keeps weights consistent. The merged rubric must pass the same checks as a profile's, plus unique sub-criterion
// ids (reviews key scores by them) and bands with distinct conclusions within the total.
import { createHash } from 'node:crypto';
import { type z } from 'zod';
import { chineseMessages } from '../kernel/zodMessages';
import { profileSchema, type Profile, type Rubric } from '../../../shared/profile';
import { rubricOverrideSchema, type RubricInForce, type RubricOverride } from '../../../shared/scoring';
import { AppError } from '../kernel/errors';

const rubricSchema = profileSchema.shape.rubric;
const overrideField = 'session.rubric';

export interface RubricIssue {
  /** Where, e.g. `session.rubric.dimensions[必要性].subCriteria[「需求真实明确」].maxPoints`. */
  field: string;
  message: string;
}

/** A rubric that cannot be in force: the message names each offending field; it reaches the user as package-invalid (the package's `session.rubric` changed it). */
export class RubricError extends AppError {
  constructor(
    message: string,
    readonly issues: RubricIssue[],
  ) {
    super('package-invalid', message);
    this.name = 'RubricError';
  }
}

type Path = readonly PropertyKey[];

/** Renders a path with dimension, sub-criterion and band names in place of array indices, so the expert can find the field. */
function fieldName(root: string, path: Path, data: unknown): string {
  let out = root;
  let node: unknown = data;
  for (const key of path) {
    const child = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const named = child && typeof child === 'object' ? (child as { id?: unknown; name?: unknown; label?: unknown }) : {};
      const title = typeof named.name === 'string' ? named.name : named.label;
      out += typeof title === 'string' ? `[「${title}」]` : typeof named.id === 'string' ? `[${named.id}]` : `[${key}]`;
    } else {
      out += `.${String(key)}`;
    }
    node = child;
  }
  return out;
}

function zodIssues(root: string, error: z.ZodError, data: unknown): RubricIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: fieldName(root, [...issue.path, key], data),
          message:
            '评审包不能修改此项（评分标准只可修改 totalPoints、dimensions、bands；维度只可修改 name、weight、maxPoints、guidance、subCriteria）',
        }))
      : [{ field: fieldName(root, issue.path, data), message: issue.message }],
  );
}

function fail(where: string, issues: RubricIssue[]): never {
  const lines = issues.slice(0, 10).map((i) => `  字段 ${i.field}：${i.message}`);
  throw new RubricError(`${where}无效：\n${lines.join('\n')}`, issues);
}

/** Checks the profile schema leaves to us: duplicates the scoring form cannot key, bands beyond the total. */
function extraIssues(root: string, rubric: Rubric): RubricIssue[] {
  const issues: RubricIssue[] = [];
  rubric.dimensions.forEach((d, i) => {
    const seen = new Set<string>();
    d.subCriteria.forEach((c, j) => {
      if (seen.has(c.id))
        issues.push({ field: fieldName(root, ['dimensions', i, 'subCriteria', j, 'id'], rubric), message: `子项编号重复：${c.id}` });
      seen.add(c.id);
    });
  });
  const conclusions = new Set<string>();
  rubric.bands.forEach((b, i) => {
    if (conclusions.has(b.conclusion))
      issues.push({ field: fieldName(root, ['bands', i, 'conclusion'], rubric), message: `结论档次重复：${b.conclusion}` });
    conclusions.add(b.conclusion);
    if (b.minScore > rubric.totalPoints) {
      issues.push({
        field: fieldName(root, ['bands', i, 'minScore'], rubric),
        message: `档次起点 ${b.minScore} 分超过总分 ${rubric.totalPoints} 分`,
      });
    }
  });
  return issues;
}

function applyOverride(base: Rubric, override: RubricOverride): Rubric {
  const totalPoints = override.totalPoints ?? base.totalPoints;
  return {
    ...base,
    totalPoints,
    dimensions: base.dimensions.map((d) => {
      const own = override.dimensions?.find((o) => o.id === d.id);
      const subCriteria = own?.subCriteria ?? d.subCriteria;
      const maxPoints = own?.maxPoints ?? (own?.subCriteria ? subCriteria.reduce((s, c) => s + c.maxPoints, 0) : d.maxPoints);
      return {
        ...d,
        name: own?.name ?? d.name,
        guidance: own?.guidance ?? d.guidance,
        subCriteria,
        maxPoints,
        weight: own?.weight ?? maxPoints / totalPoints,
      };
    }),
    bands: override.bands ?? base.bands,
  };
}

function parseOverride(raw: unknown): RubricOverride {
  const parsed = rubricOverrideSchema.safeParse(raw, chineseMessages);
  if (!parsed.success) fail(`评审包的评分标准（${overrideField}）`, zodIssues(overrideField, parsed.error, raw));
  const seen = new Set<string>();
  const duplicates = (parsed.data.dimensions ?? []).flatMap((d, i) => {
    const dup = seen.has(d.id);
    seen.add(d.id);
    return dup ? [{ field: fieldName(overrideField, ['dimensions', i, 'id'], raw), message: `维度 ${d.id} 重复出现` }] : [];
  });
  if (duplicates.length) fail(`评审包的评分标准（${overrideField}）`, duplicates);
  return parsed.data;
}

/**
 * The rubric in force for reviews under this profile and (optional) package override `session.rubric`.
 * Throws a `RubricError` whose message names each offending field in Chinese.
 */
export function resolveRubric(profile: Profile, packageOverride?: unknown): RubricInForce {
  const hasOverride = packageOverride !== undefined && packageOverride !== null;
  const where = hasOverride
    ? `评审包的评分标准（${overrideField}，基于辖区规则配置 ${profile.id}）`
    : `辖区规则配置 ${profile.id} 的评分标准`;
  const root = hasOverride ? overrideField : 'rubric';
  const candidate = hasOverride ? applyOverride(profile.rubric, parseOverride(packageOverride)) : profile.rubric;
  const parsed = rubricSchema.safeParse(candidate, chineseMessages);
  if (!parsed.success) fail(where, zodIssues(root, parsed.error, candidate));
  const extra = extraIssues(root, parsed.data);
  if (extra.length) fail(where, extra);
  return {
    profileId: profile.id,
    source: hasOverride ? 'package' : 'profile',
    fingerprint: rubricFingerprint(parsed.data),
    rubric: parsed.data,
  };
}

/** JSON with object keys sorted at every level, so equal rubrics serialise to equal bytes whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 (hex) of the rubric's canonical JSON: stored with each review, it names the rubric the scores mean. */
export function rubricFingerprint(rubric: Rubric): string {
  return createHash('sha256').update(canonicalJson(rubric), 'utf8').digest('hex');
}
