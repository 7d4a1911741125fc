// Owns the pure edits of a profile the 规则配置 forms make: list rows added, replaced, moved and removed, new rule ids,
// renaming the citation name everywhere, the rubric arithmetic kept right (sub-criteria → dimension → total → weights),
// and which places of the regulation the rules cite.
import type { Profile } from '../../../../shared/profile';

/** The sections that are lists of rules with an id and a citation. */
export type RuleList = 'requiredDocuments' | 'requiredChapters' | 'thresholds' | 'redFlags' | 'budgetRules';

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Moves the item at `index` one place up (-1) or down (+1); out of range leaves the list as it is. */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[index], out[to]] = [out[to]!, out[index]!];

  return out;
}

/** `rule-1`, `rule-2` …: the first id of that form no item uses. */
export function freshId(prefix: string, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((x) => x.id));
  for (let n = 1; ; n++) if (!ids.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** Every citation string in the profile, wherever it sits (rules, exceptions, sub-criteria, vetoes, bodies …). */
export function citationsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => citationsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'citation' && typeof v === 'string') out.push(...v.split('；'));
      else citationsIn(v, out);
    }
  }
  return out;
}

function renameIn<T>(value: T, from: string, to: string): T {
  if (Array.isArray(value)) return value.map((v) => renameIn(v, from, to)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        key === 'citation' && typeof v === 'string'
          ? v
              .split('；')
              .map((part) => (part.startsWith(`${from} `) ? `${to}${part.slice(from.length)}` : part))
              .join('；')
          : renameIn(v, from, to),
      ]),
    ) as T;
  }
  return value;
}

/** A new 引用名称 (`citeAs`): every citation of the old name follows, so the rules keep pointing at their articles. */
export function renameCiteAs(profile: Profile, citeAs: string): Profile {
  const from = profile.citeAs;
  const renamed = from ? renameIn(profile, from, citeAs) : profile;
  return { ...renamed, citeAs };
}

/** Points are entered per sub-criterion; each dimension's maximum, the total and the weights follow from them. */
export function withRubricTotals(rubric: Profile['rubric']): Profile['rubric'] {
  const dimensions = rubric.dimensions.map((d) => ({
    ...d,
    maxPoints: d.subCriteria.reduce((s, c) => s + (Number.isFinite(c.maxPoints) ? c.maxPoints : 0), 0),
  }));
  const totalPoints = dimensions.reduce((s, d) => s + d.maxPoints, 0);
  return {
    ...rubric,
    totalPoints,
    dimensions: dimensions.map((d) => ({ ...d, weight: totalPoints > 0 ? d.maxPoints / totalPoints : 0 })),
  };
}

/** The rule ids a veto may name: `docs.<id>`, `chapter.<id>`, `red-flag.<id>`. */
export function vetoRuleIds(profile: Profile): { id: string; title: string }[] {
  return [
    ...profile.requiredDocuments.map((r) => ({ id: `docs.${r.id}`, title: r.title })),
    ...profile.requiredChapters.map((r) => ({ id: `chapter.${r.id}`, title: r.title })),
    ...profile.redFlags.map((r) => ({ id: `red-flag.${r.id}`, title: r.title })),
  ];
}

/** A list typed as text: items separated by 、 ， , ； or new lines, blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[、，,；;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Patterns typed one per line (a pattern may contain commas: {0,12}). */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}
