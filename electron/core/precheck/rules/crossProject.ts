// Owns 集约性 across one session's projects: the same kind of system, the same purchases, overlapping budget lines (朔城 第三条 “只合不分”, 武隆 第三十三条).
import type { Consolidation, Profile } from '../../../../shared/profile';
import type { Evidence, Finding } from '../../../../shared/precheck';
import { makeFinding } from './finding';
import { normalizeText, type PrecheckProject } from './text';

type Kind = Consolidation['systemKinds'][number];

const keyOf = (s: string) => normalizeText(s).toLowerCase();

/** Kind id → what showed it: the budget line's name when `label` is given, else the keyword found in the text. */
function kindsIn(kinds: Kind[], items: { text: string; label?: string }[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const item of items) {
    const text = keyOf(item.text);
    for (const kind of kinds) {
      if (kind.excludeKeywords.some((k) => text.includes(keyOf(k)))) continue;
      const hit = kind.keywords.find((k) => text.includes(keyOf(k)));
      if (hit) found.set(kind.id, (found.get(kind.id) ?? new Set()).add(item.label ?? hit));
    }
  }
  return found;
}

/** A budget line's name reduced to what it buys: no brackets, quotes, digits or punctuation ("（首年）", "“掌上”"). */
function lineKey(name: string): string {
  return keyOf(name)
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[“”"'‘’《》、，,.。:：;；\-—_/\\\s\d]/g, '');
}

interface Profiled {
  project: PrecheckProject;
  systems: Map<string, Set<string>>;
  purchases: Map<string, Set<string>>;
  /** Normalised name → original name, for lines not already covered by a purchase kind or the generic list. */
  lines: Map<string, string>;
}

function describe(project: PrecheckProject, c: Consolidation): Profiled {
  const purchases = kindsIn(
    c.purchaseKinds,
    project.budgetLines.map((l) => ({ text: `${l.name} ${l.category}`, label: l.name })),
  );
  const bought = new Set([...purchases.values()].flatMap((s) => [...s]));
  const lines = new Map<string, string>();
  for (const l of project.budgetLines) {
    const key = lineKey(l.name);
    const generic = c.genericLines.some((g) => keyOf(l.name).includes(keyOf(g)));
    if (key.length >= 4 && !generic && !bought.has(l.name)) lines.set(key, l.name);
  }
  const texts = [project.name, project.summary, ...project.budgetLines.map((l) => l.name)].map((text) => ({ text }));
  return { project, systems: kindsIn(c.systemKinds, texts), purchases, lines };
}

const kindName = (kinds: Kind[], id: string) => kinds.find((k) => k.id === id)?.name ?? id;
const names = (s: Set<string> | undefined) => [...(s ?? [])].join('、');
/** Another project as a finding names it: by its name (its id means nothing to a reader). */
const other = (p: PrecheckProject) => `“${p.name}”`;

function sharedKinds(a: Map<string, Set<string>>, b: Map<string, Set<string>>): string[] {
  return [...a.keys()].filter((k) => b.has(k));
}

function overlappingLines(a: Map<string, string>, b: Map<string, string>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [ka, na] of a) {
    for (const [kb, nb] of b) if (ka === kb || ka.includes(kb) || kb.includes(ka)) pairs.push([na, nb]);
  }
  return pairs;
}

/** Line keys up to this length are indexed by their substrings; longer ones (rare, hostile) are compared with every key. */
const INDEXED_KEY_CHARS = 48;
const MIN_LINE_KEY = 4;

/**
 * For each project (by index), the other projects that share something with it — a system kind, a purchase kind, or a
 * budget-line key equal to or containing one of its own — found through indexes, not by comparing every pair: a
 * session of 1,000 projects that share little costs about as much as its projects' lines, not a million comparisons.
 */
function candidates(described: Profiled[]): Set<number>[] {
  const related = described.map(() => new Set<number>());
  const link = (owners: number[]) => {
    if (owners.length < 2) return;
    for (const a of owners) for (const b of owners) if (a !== b) related[a]!.add(b);
  };
  const byKind = new Map<string, number[]>();
  described.forEach((d, i) => {
    for (const k of d.systems.keys()) byKind.set(`s\u0000${k}`, [...(byKind.get(`s\u0000${k}`) ?? []), i]);
    for (const k of d.purchases.keys()) byKind.set(`p\u0000${k}`, [...(byKind.get(`p\u0000${k}`) ?? []), i]);
  });
  for (const owners of byKind.values()) link(owners);
  // Budget lines: a key's owners, then every substring of each key looked up among the keys.
  const byKey = new Map<string, Set<number>>();
  described.forEach((d, i) => {
    for (const key of d.lines.keys()) byKey.set(key, (byKey.get(key) ?? new Set()).add(i));
  });
  for (const owners of byKey.values()) link([...owners]);
  const long: [string, number][] = [];
  described.forEach((d, i) => {
    for (const key of d.lines.keys()) {
      if (key.length > INDEXED_KEY_CHARS) {
        long.push([key, i]);
        continue;
      }
      for (let start = 0; start < key.length; start++) {
        for (let end = start + MIN_LINE_KEY; end <= key.length; end++) {
          if (end - start === key.length) continue;
          for (const j of byKey.get(key.slice(start, end)) ?? []) {
            if (j === i) continue;
            related[i]!.add(j);
            related[j]!.add(i);
          }
        }
      }
    }
  });
  for (const [key, i] of long) {
    for (const [other, owners] of byKey) {
      if (!key.includes(other) && !other.includes(key)) continue;
      for (const j of owners) {
        if (j === i) continue;
        related[i]!.add(j);
        related[j]!.add(i);
      }
    }
  }
  return related;
}

/**
 * For every project, three findings: same kind of system, same purchases, overlapping budget lines — `judge` naming
 * the other projects when something is shared (the expert decides whether to merge), `pass` otherwise.
 */
export function crossProjectFindings(projects: PrecheckProject[], profile: Profile): Map<string, Finding[]> {
  const c = profile.consolidation;
  const rule = (id: string) => ({ id, citation: c.citation });
  const described = projects.map((p) => describe(p, c));
  const related = candidates(described);
  const result = new Map<string, Finding[]>();
  for (const [index, me] of described.entries()) {
    // Only the projects that share something are compared, in the session's order, as comparing all of them would.
    const others = [...related[index]!]
      .sort((a, b) => a - b)
      .map((j) => described[j]!)
      .filter((o) => o.project.id !== me.project.id);
    const alone = projects.length <= 1 ? '本次评审只有这一个项目，' : '';
    const systems: string[] = [];
    const systemEvidence: Evidence[] = [];
    const purchases: string[] = [];
    const purchaseEvidence: Evidence[] = [];
    const overlaps: string[] = [];
    const overlapEvidence: Evidence[] = [];
    for (const o of others) {
      const sys = sharedKinds(me.systems, o.systems);
      if (sys.length > 0) {
        systems.push(`与${other(o.project)}均建设${sys.map((k) => kindName(c.systemKinds, k)).join('、')}类系统`);
        systemEvidence.push(...sys.map((k) => ({ documentTitle: o.project.name, quote: names(o.systems.get(k)) })));
      }
      const buy = sharedKinds(me.purchases, o.purchases);
      if (buy.length > 0) {
        purchases.push(`与${other(o.project)}均采购${buy.map((k) => kindName(c.purchaseKinds, k)).join('、')}`);
        purchaseEvidence.push(...buy.map((k) => ({ documentTitle: `${o.project.name}（预算明细）`, quote: names(o.purchases.get(k)) })));
      }
      const pairs = overlappingLines(me.lines, o.lines);
      if (pairs.length > 0) {
        overlaps.push(`与${other(o.project)}有相近预算行：${pairs.map(([a, b]) => (a === b ? `“${a}”` : `“${a}”/“${b}”`)).join('、')}`);
        overlapEvidence.push(...pairs.map(([, b]) => ({ documentTitle: `${o.project.name}（预算明细）`, quote: b })));
      }
    }
    result.set(me.project.id, [
      systems.length > 0
        ? makeFinding(
            profile,
            'cross-project',
            rule('same-system'),
            'judge',
            `${systems.join('；')}，请判断能否合并建设。${c.explanation}`,
            systemEvidence,
          )
        : makeFinding(profile, 'cross-project', rule('same-system'), 'pass', `${alone}未发现与本次评审其他项目建设同类系统。`),
      purchases.length > 0
        ? makeFinding(
            profile,
            'cross-project',
            rule('same-purchase'),
            'judge',
            `${purchases.join('；')}，可考虑统一采购或共用。${c.explanation}`,
            purchaseEvidence,
          )
        : makeFinding(profile, 'cross-project', rule('same-purchase'), 'pass', `${alone}未发现与本次评审其他项目重复采购同类设备或服务。`),
      overlaps.length > 0
        ? makeFinding(
            profile,
            'cross-project',
            rule('overlapping-lines'),
            'judge',
            `${overlaps.join('；')}，请核实是否重复列支。${c.explanation}`,
            overlapEvidence,
          )
        : makeFinding(profile, 'cross-project', rule('overlapping-lines'), 'pass', `${alone}未发现与本次评审其他项目重叠的预算行。`),
    ]);
  }
  return result;
}
