// Owns the carried-profile fixtures (profile.json a package may hold): a valid 西山区 profile, and hostile variants each broken in one named way.
//
// 西山区 is no built-in district: its profile is the built-in 武隆 profile, resolved (so it is complete and extends
// nothing), renamed, with every mention of 武隆 — citations first — rewritten to 西山区's own regulation. Each hostile
// variant changes that valid profile in one place, and says which code `review-desk profile check` must report and at
// which JSON path.
import { loadProfile } from '../../electron/core/precheck/profiles';

export const xishan = {
  id: 'xishan',
  name: '西山区',
  regulation: '西山区政务信息化项目管理办法',
  citeAs: '西山区政务信息化项目管理办法',
  place: '某省某市西山区',
  /** What the profile was copied from: nothing of it may remain. */
  copiedFrom: { id: 'wulong', names: ['武隆区政务信息化项目管理办法', '武隆'] },
} as const;

type Json = Record<string, unknown>;

/** The valid, self-contained 西山区 profile as a plain object (a fresh copy each call). */
export function xishanProfile(): Json {
  const text = JSON.stringify(loadProfile(xishan.copiedFrom.id))
    .replaceAll('武隆区政务信息化项目管理办法', xishan.citeAs)
    .replaceAll('武隆府办发', '西山府办发')
    .replaceAll('武隆区', '西山区')
    .replaceAll('武隆', '西山');
  const profile = JSON.parse(text) as Json;
  return { ...profile, id: xishan.id, name: xishan.name, regulation: xishan.regulation, citeAs: xishan.citeAs, place: xishan.place };
}

export const profileBytes = (profile: unknown): Buffer => Buffer.from(`${JSON.stringify(profile, null, 2)}\n`);

export interface HostileProfile {
  /** Short name, used in fixture file names. */
  name: string;
  /** Chinese / English, one line. */
  description: string;
  /** The first problem `profile check` must report. */
  code: string;
  /** Its JSON path. */
  path: string;
  bytes: Buffer;
}

const MiB = 1024 * 1024;

/** The index of the first red flag of kind `patterns` (the one the pattern and key variants change). */
function firstPatternFlag(profile: Json): number {
  const index = (profile.redFlags as { check: string }[]).findIndex((f) => f.check === 'patterns');
  if (index < 0) throw new Error('the 西山区 profile has no pattern red flag');
  return index;
}

/** Deterministic text that deflates poorly (so a zip holding it is no compression bomb): hex of a counter's hashes. */
function poorlyCompressible(bytes: number): string {
  let out = '';
  let x = 0x9e3779b9;
  while (out.length < bytes) {
    // xorshift32: cheap, deterministic, and about as incompressible as hex gets.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += (x >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, bytes);
}

/**
 * Every hostile variant. `largeBytes` sizes the too-large one: 10 MiB by default; the zip corpus, which must stay
 * small on disk, asks for just over the 1 MiB limit.
 */
export function hostileProfiles(options: { largeBytes?: number } = {}): HostileProfile[] {
  const cases: HostileProfile[] = [];
  const add = (name: string, description: string, code: string, path: string, edit: (p: Json) => unknown) => {
    const profile = xishanProfile();
    const edited = edit(profile);
    cases.push({ name, description, code, path, bytes: Buffer.isBuffer(edited) ? edited : profileBytes(profile) });
  };
  const flag = firstPatternFlag(xishanProfile());
  const flagCount = (xishanProfile().redFlags as unknown[]).length;

  add(
    'too-large',
    `profile.json 有 ${((options.largeBytes ?? 10 * MiB) / MiB).toFixed(1)} MiB，上限 1 MiB / profile.json over the 1 MiB limit`,
    'too-large',
    '',
    (p) => {
      (p as { place: string }).place = poorlyCompressible(options.largeBytes ?? 10 * MiB);
    },
  );
  add(
    'backtracking-pattern',
    '正则表达式 (a+)+$ 会灾难性回溯 / the pattern (a+)+$ backtracks catastrophically',
    'unsafe-pattern',
    `redFlags[${flag}].patterns[0]`,
    (p) => {
      ((p.redFlags as Json[])[flag]!.patterns as string[])[0] = '(a+)+$';
    },
  );
  add('missing-citation', '一条红线规则缺少引用 / a red-flag rule has no citation', 'missing-citation', 'redFlags[0].citation', (p) => {
    delete (p.redFlags as Json[])[0]!.citation;
  });
  add(
    'foreign-citation',
    '一条规则引用了复制来源武隆区的办法 / a rule cites 武隆, the district the profile was copied from',
    'foreign-citation',
    'requiredChapters[0].citation',
    (p) => {
      (p.requiredChapters as Json[])[0]!.citation = '武隆区政务信息化项目管理办法 第十四条';
    },
  );
  add(
    'unknown-key',
    '规则里多了格式未定义的字段 script / a rule has a field the format does not define',
    'unknown-key',
    `redFlags[${flag}].script`,
    (p) => {
      (p.redFlags as Json[])[flag]!.script = 'require("child_process")';
    },
  );
  add('proto-key', 'bodies 里有 "__proto__" 键 / a "__proto__" key inside bodies', 'forbidden-key', 'bodies.__proto__', (p) => {
    const text = profileBytes(p).toString('utf8');
    return Buffer.from(text.replace('"bodies": {', '"bodies": {\n    "__proto__": { "polluted": true },'));
  });
  add(
    'wrong-type',
    '阈值写成了字符串 "三千万" / a threshold value given as the string "三千万"',
    'wrong-type',
    'thresholds[0].value',
    (p) => {
      (p.thresholds as Json[])[0]!.value = '三千万';
    },
  );
  add('duplicate-id', '同一编号的红线规则出现两次 / two red-flag rules with one id', 'duplicate-id', `redFlags[${flagCount}].id`, (p) => {
    const flags = p.redFlags as Json[];
    flags.push({ ...flags[0] });
  });
  add(
    'rubric-sum',
    '子项分值之和不等于维度满分 / sub-criteria do not add up to their dimension',
    'rubric-sum',
    'rubric.dimensions[0].subCriteria',
    (p) => {
      const dimension = (p.rubric as { dimensions: { subCriteria: { maxPoints: number }[] }[] }).dimensions[0];
      dimension!.subCriteria[0]!.maxPoints += 1;
    },
  );
  add(
    'points-out-of-range',
    '总分 5000 超出上限 1000 / totalPoints 5000, over the bound of 1000',
    'out-of-range',
    'rubric.totalPoints',
    (p) => {
      (p.rubric as { totalPoints: number }).totalPoints = 5000;
    },
  );
  return cases;
}
