// The panel's conclusion (专家组结论): majority, the chair breaking a tie, no decision when the chair is not among the tied, the chair's override; and the aggregation rule read from a profile (汇总规则), inherited or overridden.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateProject, defaultAggregationRule } from '../../../electron/core/panel/aggregate';
import { decideConclusion } from '../../../electron/core/panel/panel';
import { profileRule } from '../../../electron/core/panel/rule';
import { defaultProfileDir, loadProfile } from '../../../electron/core/precheck/profiles';
import type { Conclusion } from '../../../shared/profile';
import { expert, project, recusedExpert } from './fixtures';

const rubric = loadProfile('national').rubric;
const votes = (...cs: (Conclusion | null)[]) =>
  aggregateProject(
    project(cs.map((c, i) => (c === null ? recusedExpert(`e${i}`, `专家${i}`) : expert(`e${i}`, `专家${i}`, 18, 18, { conclusion: c })))),
    defaultAggregationRule,
  );

describe('panel conclusion', () => {
  it('follows the majority; on a tie the chair decides when the chair is among the tied, else it waits for the chair', () => {
    expect(decideConclusion(votes('approve', 'approve', 'revise'), 'revise', null, rubric)).toMatchObject({
      conclusion: 'approve',
      label: '通过',
      source: 'majority',
      reason: null,
    });
    const tie = votes('approve', 'revise', 'approve', 'revise');
    expect(decideConclusion(tie, 'revise', null, rubric)).toMatchObject({
      conclusion: 'revise',
      source: 'chair-tie',
      reason: '通过与修改完善后通过票数相同，按评审组长的意见确定',
    });
    expect(decideConclusion(tie, 'reject', null, rubric)).toMatchObject({ conclusion: null, source: 'undecided' });
    expect(decideConclusion(tie, null, null, rubric).reason).toMatch(/须由组长裁定/);
    // 回避 counts for nothing: two recused and one vote is a majority of one.
    expect(decideConclusion(votes(null, 'reject', null), null, null, rubric)).toMatchObject({
      conclusion: 'reject',
      source: 'majority',
      votes: { approve: 0, revise: 0, reject: 1 },
    });
    expect(decideConclusion(votes(null, null), null, null, rubric)).toMatchObject({
      conclusion: null,
      source: 'undecided',
      reason: '尚无专家给出结论',
    });
    expect(decideConclusion(tie, 'revise', { conclusion: 'reject', reason: '存在重复建设' }, rubric)).toMatchObject({
      conclusion: 'reject',
      label: '不予通过',
      source: 'chair-override',
      reason: '存在重复建设',
    });
  });

  it('reads the aggregation rule from the profile: defaults, a district inheriting national, a district overriding it', () => {
    expect(profileRule(loadProfile('national'))).toEqual(defaultAggregationRule);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rd-profiles-'));
    const national = JSON.parse(readFileSync(path.join(defaultProfileDir, 'national.json'), 'utf8'));
    writeFileSync(path.join(dir, 'national.json'), JSON.stringify({ ...national, aggregation: { trimAtLeast: 7, approved: 'mean' } }));
    const district = JSON.parse(readFileSync(path.join(defaultProfileDir, 'wulong.json'), 'utf8'));
    delete district.aggregation;
    writeFileSync(path.join(dir, 'wulong.json'), JSON.stringify(district));
    expect(profileRule(loadProfile('wulong', dir))).toEqual({ trimAtLeast: 7, deviationShare: 0.2, approved: 'mean', decimals: 2 });
    writeFileSync(
      path.join(dir, 'dalate.json'),
      JSON.stringify({
        ...JSON.parse(readFileSync(path.join(defaultProfileDir, 'dalate.json'), 'utf8')),
        aggregation: { trimAtLeast: 3, decimals: 1 },
      }),
    );
    expect(profileRule(loadProfile('dalate', dir))).toEqual({ trimAtLeast: 3, deviationShare: 0.2, approved: 'median', decimals: 1 });
    writeFileSync(
      path.join(dir, 'shuocheng.json'),
      JSON.stringify({
        ...JSON.parse(readFileSync(path.join(defaultProfileDir, 'shuocheng.json'), 'utf8')),
        aggregation: { trimAtLeast: 2 },
      }),
    );
    expect(() => loadProfile('shuocheng', dir)).toThrow(/aggregation\.trimAtLeast/);
  });
});
