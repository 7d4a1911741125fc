// The rubric in force: every profile's default resolves and totals 100; package overrides merge, derive weights, and fail with Chinese messages naming the field; fingerprints are stable.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jurisdictions } from '../../../shared/manifest';
import type { Rubric } from '../../../shared/profile';
import { rubricInForceSchema } from '../../../shared/scoring';
import { loadProfile } from '../../../electron/core/precheck/profiles';
import { resolveRubric, RubricError, rubricFingerprint } from '../../../electron/core/scoring/rubric';

const wulong = loadProfile('wulong');

function errorOf(override: unknown): RubricError {
  try {
    resolveRubric(wulong, override);
  } catch (err) {
    expect(err).toBeInstanceOf(RubricError);
    return err as RubricError;
  }
  throw new Error('expected a RubricError');
}

describe('default rubric of every profile', () => {
  it.each([...jurisdictions])('%s resolves, totals 100, and full marks make 100', (id) => {
    const inForce = resolveRubric(loadProfile(id));
    expect(rubricInForceSchema.parse(inForce)).toEqual(inForce);
    expect(inForce).toMatchObject({ profileId: id, source: 'profile' });
    const r = inForce.rubric;
    expect(r.totalPoints).toBe(100);
    const full = r.dimensions.flatMap((d) => d.subCriteria.map((c) => c.maxPoints)).reduce((s, p) => s + p, 0);
    expect(full).toBe(100);
    expect(inForce.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is a copy: changing the resolved rubric leaves the cached profile alone', () => {
    const inForce = resolveRubric(wulong);
    inForce.rubric.dimensions[0]!.subCriteria[0]!.maxPoints = 99;
    expect(loadProfile('wulong').rubric.dimensions[0]!.subCriteria[0]!.maxPoints).toBe(7);
  });

  it('districts differ, so their fingerprints differ', () => {
    const prints = new Set(jurisdictions.map((id) => resolveRubric(loadProfile(id)).fingerprint));
    expect(prints.size).toBe(jurisdictions.length);
  });
});

describe('rubricFingerprint', () => {
  const rubric = resolveRubric(wulong).rubric;

  it('ignores key order at every level', () => {
    const reordered = JSON.parse(JSON.stringify(rubric), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as Rubric;
    expect(Object.keys(reordered)[0]).toBe('vetoConclusion');
    expect(rubricFingerprint(reordered)).toBe(rubricFingerprint(rubric));
  });

  it('changes with any meaningful change, including guidance and order of sub-criteria', () => {
    const base = rubricFingerprint(rubric);
    const edited = structuredClone(rubric);
    edited.dimensions[0]!.subCriteria[0]!.guidance += '。';
    expect(rubricFingerprint(edited)).not.toBe(base);
    const swapped = structuredClone(rubric);
    swapped.dimensions[0]!.subCriteria.reverse();
    expect(rubricFingerprint(swapped)).not.toBe(base);
  });

  it('is sha256 of JSON with sorted keys, so the fingerprints of stored reviews never move', () => {
    const tiny = { b: [2, { d: 1, c: '密码' }], a: 0.25, skipped: undefined } as unknown as Rubric;
    const canonical = '{"a":0.25,"b":[2,{"c":"密码","d":1}]}';
    expect(rubricFingerprint(tiny)).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
  });
});

describe('package override (session.rubric)', () => {
  it('an empty or absent override keeps the profile rubric', () => {
    expect(resolveRubric(wulong, undefined).source).toBe('profile');
    expect(resolveRubric(wulong, null).source).toBe('profile');
    const empty = resolveRubric(wulong, {});
    expect(empty.source).toBe('package');
    expect(empty.fingerprint).toBe(resolveRubric(wulong).fingerprint);
  });

  it('replaces sub-criteria and points of two dimensions and derives their weights', () => {
    const { rubric, source, fingerprint } = resolveRubric(wulong, {
      dimensions: [
        {
          id: 'necessity',
          subCriteria: [
            {
              id: 'basis',
              name: '建设依据充分性',
              maxPoints: 15,
              guidance: '依据是否充分。',
              citation: '武隆区政务信息化项目管理办法 第八条',
            },
            {
              id: 'balance',
              name: '跨部门共性需求平衡',
              maxPoints: 15,
              guidance: '是否平衡。',
              citation: '武隆区政务信息化项目管理办法 第八条',
            },
          ],
        },
        {
          id: 'cost',
          maxPoints: 10,
          subCriteria: [
            { id: 'estimate', name: '概算', maxPoints: 10, guidance: '概算是否合理。', citation: '武隆区政务信息化项目管理办法 第九条' },
          ],
        },
      ],
    });
    expect(source).toBe('package');
    expect(fingerprint).not.toBe(resolveRubric(wulong).fingerprint);
    const necessity = rubric.dimensions.find((d) => d.id === 'necessity')!;
    expect(necessity).toMatchObject({ maxPoints: 30, weight: 0.3, name: '必要性' });
    expect(rubric.dimensions.find((d) => d.id === 'cost')).toMatchObject({ maxPoints: 10, weight: 0.1 });
    expect(rubric.dimensions.map((d) => d.id)).toEqual(['necessity', 'urgency', 'feasibility', 'security', 'intensiveness', 'cost']);
    expect(rubric.vetoes).toEqual(wulong.rubric.vetoes);
  });

  it('replaces bands and a dimension name, and rescales weights when the total changes', () => {
    const bands = [
      { conclusion: 'approve', label: '通过', minScore: 170 },
      { conclusion: 'revise', label: '修改完善后通过', minScore: 120 },
      { conclusion: 'reject', label: '不予通过', minScore: 0 },
    ];
    const doubled = structuredClone(wulong.rubric.dimensions).map((d) => ({
      id: d.id,
      maxPoints: d.maxPoints * 2,
      subCriteria: d.subCriteria.map((c) => ({ ...c, maxPoints: c.maxPoints * 2 })),
    }));
    doubled[0] = { ...doubled[0], name: '项目必要性' } as (typeof doubled)[number];
    const { rubric } = resolveRubric(wulong, { totalPoints: 200, bands, dimensions: doubled });
    expect(rubric.bands).toEqual(bands);
    expect(rubric.dimensions[0]!.name).toBe('项目必要性');
    expect(rubric.dimensions.map((d) => d.weight)).toEqual(wulong.rubric.dimensions.map((d) => d.weight));
  });

  it('rejects a malformed override, naming the field', () => {
    const err = errorOf({ dimensions: [{ id: 'necessity', maxPoints: '25' }] });
    expect(err.message).toContain('评审包的评分标准（session.rubric）无效');
    expect(err.issues).toEqual([
      { field: 'session.rubric.dimensions[necessity].maxPoints', message: expect.stringContaining('期望 数字') },
    ]);
  });

  it('rejects an unknown dimension and keys it may not change (vetoes)', () => {
    expect(errorOf({ dimensions: [{ id: 'beauty' }] }).issues[0]!.field).toBe('session.rubric.dimensions[beauty].id');
    const err = errorOf({ vetoes: [] });
    expect(err.issues[0]).toEqual({ field: 'session.rubric.vetoes', message: expect.stringContaining('评审包不能修改此项') });
    expect(errorOf({ dimensions: [{ id: 'cost', citation: 'x' }] }).issues[0]!.field).toBe('session.rubric.dimensions[cost].citation');
  });

  it('rejects a point that is not a multiple of 0.5', () => {
    const err = errorOf({
      dimensions: [
        {
          id: 'urgency',
          subCriteria: [
            { id: 'priority', name: '轻重缓急', maxPoints: 9.75, guidance: 'g', citation: '武隆区政务信息化项目管理办法 第八条' },
          ],
        },
      ],
    });
    expect(err.issues[0]).toEqual({
      field: 'session.rubric.dimensions[urgency].subCriteria[「轻重缓急」].maxPoints',
      message: '分值应为 0.5 的整数倍',
    });
  });

  it('rejects sub-criteria that do not add up to the dimension, naming the dimension', () => {
    const err = errorOf({
      dimensions: [
        {
          id: 'security',
          maxPoints: 15,
          subCriteria: [
            { id: 'protection', name: '网络安全', maxPoints: 6, guidance: 'g', citation: '武隆区政务信息化项目管理办法 第十七条' },
          ],
        },
      ],
    });
    expect(err.issues).toContainEqual({
      field: 'session.rubric.dimensions[「安全性」].subCriteria',
      message: '子项分值合计 6，应等于维度满分 15',
    });
    expect(err.message).toContain('字段 session.rubric.dimensions[「安全性」].subCriteria：子项分值合计 6，应等于维度满分 15');
  });

  it('rejects dimensions that no longer add up to the total', () => {
    const err = errorOf({
      dimensions: [
        {
          id: 'urgency',
          maxPoints: 15,
          subCriteria: [
            { id: 'priority', name: '轻重缓急', maxPoints: 15, guidance: 'g', citation: '武隆区政务信息化项目管理办法 第八条' },
          ],
        },
      ],
    });
    expect(err.issues).toContainEqual({ field: 'session.rubric.dimensions', message: '各维度满分合计 105，应等于总分 100' });
  });

  it('rejects a weight that contradicts the points', () => {
    const err = errorOf({ dimensions: [{ id: 'urgency', weight: 0.2 }] });
    expect(err.issues).toEqual([{ field: 'session.rubric.dimensions[「紧迫性」].weight', message: '权重应为满分 ÷ 总分 = 0.1' }]);
  });

  it('rejects bands without a zero floor, duplicated, or above the total', () => {
    expect(
      errorOf({
        bands: [
          { conclusion: 'approve', label: '通过', minScore: 60 },
          { conclusion: 'reject', label: '不予通过', minScore: 10 },
        ],
      }).issues,
    ).toContainEqual({
      field: 'session.rubric.bands',
      message: '最低档次的起点应为 0 分',
    });
    const dup = errorOf({
      bands: [
        { conclusion: 'reject', label: '不予通过', minScore: 0 },
        { conclusion: 'reject', label: '否', minScore: 50 },
      ],
    });
    expect(dup.issues).toEqual([{ field: 'session.rubric.bands[「否」].conclusion', message: '结论档次重复：reject' }]);
    const high = errorOf({
      bands: [
        { conclusion: 'approve', label: '通过', minScore: 120 },
        { conclusion: 'reject', label: '不予通过', minScore: 0 },
      ],
    });
    expect(high.issues).toEqual([{ field: 'session.rubric.bands[「通过」].minScore', message: '档次起点 120 分超过总分 100 分' }]);
    expect(errorOf({ bands: [{ conclusion: 'approve', label: '通过', minScore: 0 }] }).issues).toContainEqual({
      field: 'session.rubric.bands',
      message: '缺少一票否决对应的结论档次',
    });
  });

  it('rejects duplicate dimensions and duplicate sub-criterion ids', () => {
    expect(errorOf({ dimensions: [{ id: 'cost' }, { id: 'cost' }] }).issues).toEqual([
      { field: 'session.rubric.dimensions[cost].id', message: '维度 cost 重复出现' },
    ]);
    const sub = { name: '概算', maxPoints: 7.5, guidance: 'g', citation: '武隆区政务信息化项目管理办法 第九条' };
    const err = errorOf({
      dimensions: [
        {
          id: 'cost',
          subCriteria: [
            { id: 'estimate', ...sub },
            { id: 'estimate', ...sub, name: '概算二' },
          ],
        },
      ],
    });
    expect(err.issues).toEqual([
      { field: 'session.rubric.dimensions[「投资金额」].subCriteria[「概算二」].id', message: '子项编号重复：estimate' },
    ]);
  });

  it('rejects an override that is not an object', () => {
    expect(errorOf('满分100').issues[0]!.field).toBe('session.rubric');
    expect(errorOf([]).message).toContain('session.rubric');
  });
});
