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
  const purchases = kindsIn(c.purchaseKinds, project.budgetLines.map((l) => ({ text: `${l.name} ${l.category}`, label: l.name })));
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
const other = (p: PrecheckProject) => `「${p.name}」（${p.id}）`;

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

/**
 * For every project, three findings: same kind of system, same purchases, overlapping budget lines — `judge` naming
 * the other projects when something is shared (the expert decides whether to merge), `pass` otherwise.
 */
export function crossProjectFindings(projects: PrecheckProject[], profile: Profile): Map<string, Finding[]> {
  const c = profile.consolidation;
  const rule = (id: string) => ({ id, citation: c.citation });
  const described = projects.map((p) => describe(p, c));
  const result = new Map<string, Finding[]>();
  for (const me of described) {
    const others = described.filter((o) => o.project.id !== me.project.id);
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
    const alone = others.length === 0 ? '本次评审只有这一个项目，' : '';
    result.set(me.project.id, [
      systems.length > 0
        ? makeFinding(profile, 'cross-project', rule('same-system'), 'judge', `${systems.join('；')}，请判断能否合并建设。${c.explanation}`, systemEvidence)
        : makeFinding(profile, 'cross-project', rule('same-system'), 'pass', `${alone}未发现与本次评审其他项目建设同类系统。`),
      purchases.length > 0
        ? makeFinding(profile, 'cross-project', rule('same-purchase'), 'judge', `${purchases.join('；')}，可考虑统一采购或共用。${c.explanation}`, purchaseEvidence)
        : makeFinding(profile, 'cross-project', rule('same-purchase'), 'pass', `${alone}未发现与本次评审其他项目重复采购同类设备或服务。`),
      overlaps.length > 0
        ? makeFinding(profile, 'cross-project', rule('overlapping-lines'), 'judge', `${overlaps.join('；')}，请核实是否重复列支。${c.explanation}`, overlapEvidence)
        : makeFinding(profile, 'cross-project', rule('overlapping-lines'), 'pass', `${alone}未发现与本次评审其他项目重叠的预算行。`),
    ]);
  }
  return result;
}
