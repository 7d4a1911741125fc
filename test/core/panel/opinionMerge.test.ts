// The merged draft of the panel's opinion (合并稿), against hand-worked examples: sentences cut at 。；！？, the character-
// bigram Dice coefficient computed by hand, near-duplicates said once (in the most representative wording), what only one
// member said listed under “待组长确定：” with that member's own words, and the measure of near-duplicate sentences.
import { describe, expect, it } from 'vitest';
import {
  bigramDice,
  mergeOpinions,
  nearDuplicateDice,
  nearDuplicateSentences,
  normalise,
  splitSentences,
} from '../../../electron/core/panel/opinionMerge';

describe('splitSentences and normalise', () => {
  it('cuts at 。；！？ (and their ASCII forms, and line breaks), keeping each mark with its sentence', () => {
    expect(splitSentences('建设必要；但整合不足。可分期实施！是否紧迫？\n另议')).toEqual([
      '建设必要；',
      '但整合不足。',
      '可分期实施！',
      '是否紧迫？',
      '另议',
    ]);
    expect(splitSentences('  ')).toEqual([]);
    expect(splitSentences('。；')).toEqual([]);
  });

  it('compares characters only: punctuation and spaces dropped, full-width letters and digits folded, case folded', () => {
    expect(normalise('按 ＧＢ／Ｔ 39786，第三级。')).toBe('按gbt39786第三级');
  });
});

describe('bigramDice', () => {
  it('is 2·|common bigrams| / (|A| + |B|), by hand', () => {
    // 需补充物联网终端接入认证措施 (14 characters, 13 bigrams) and 需补充物联网终端接入认证和异常流量监测措施 (21, 20): in
    // common 需补 补充 充物 物联 联网 网终 终端 端接 接入 入认 认证 and 措施, 12 pairs, so 2·12 / 33 = 0.727…
    expect(bigramDice('需补充物联网终端接入认证措施。', '需补充物联网终端接入认证和异常流量监测措施。')).toBeCloseTo(24 / 33, 10);
    expect(bigramDice('同一句话。', '同一句话')).toBe(1);
    expect(bigramDice('甲乙', '丙丁')).toBe(0);
    expect(bigramDice('', '')).toBe(0);
  });

  it('puts the demo experts’ same point above the threshold and their different points below it', () => {
    expect(bigramDice('需补充物联网终端接入认证措施。', '需补充物联网终端接入认证和异常流量监测措施。')).toBeGreaterThanOrEqual(
      nearDuplicateDice,
    );
    expect(
      bigramDice('监测数据应与市级水利平台共享，避免重复采集。', '监测数据应与市级水利平台共享，避免重复采集，整合建设方案需补充。'),
    ).toBeGreaterThanOrEqual(nearDuplicateDice);
    // 紧迫性: 尽快实施 next to 可分步实施 are different points for the chair to settle.
    expect(
      bigramDice(
        '农村集中供水工程监测覆盖不足，有一定紧迫性，建议分期建设、先覆盖重点水厂。',
        '农村供水水质监测存在短板，建设较为紧迫，可先期实施水质监测部分。',
      ),
    ).toBeLessThan(nearDuplicateDice);
    expect(
      bigramDice(
        '汛期易涝点积水和井盖安全隐患处置要求高，项目有必要尽快实施。',
        '安全隐患处置有时效要求，但部分子系统可结合一期平台改造分步实施。',
      ),
    ).toBeLessThan(nearDuplicateDice);
  });
});

describe('mergeOpinions', () => {
  it('says a point three members made once, in the wording most like the others', () => {
    const merged = mergeOpinions([
      { name: '周建国', text: '需补充物联网终端接入认证和异常流量监测措施。' },
      { name: '陈晓梅', text: '需补充物联网终端接入认证措施。' },
      { name: '刘志强', text: '网络安全保护措施基本可行，需补充物联网终端接入认证和异常流量监测措施。' },
    ]);
    // 周's sentence is the most like the other two (0.73 + 0.77 against 0.73 + 0.53 and 0.77 + 0.53).
    expect(merged.shared).toEqual(['需补充物联网终端接入认证和异常流量监测措施。']);
    expect(merged.unsettled).toEqual([]);
    expect(merged.text).toBe('需补充物联网终端接入认证和异常流量监测措施。');
  });

  it('lists what only one member said under “待组长确定：”, attributed, in roster order', () => {
    const merged = mergeOpinions([
      { name: '周建国', text: '有一定紧迫性，项目有必要尽快实施。' },
      { name: '陈晓梅', text: '部分子系统可结合一期平台改造分步实施。' },
      { name: '刘志强', text: null },
    ]);
    expect(merged.shared).toEqual([]);
    expect(merged.unsettled).toEqual([
      { expert: '周建国', text: '有一定紧迫性，项目有必要尽快实施。' },
      { expert: '陈晓梅', text: '部分子系统可结合一期平台改造分步实施。' },
    ]);
    expect(merged.text).toBe('待组长确定：\n周建国：有一定紧迫性，项目有必要尽快实施。\n陈晓梅：部分子系统可结合一期平台改造分步实施。');
  });

  it('keeps the shared points first, then the points to settle; a sentence cut at “；” closes with “。”', () => {
    const merged = mergeOpinions([
      { name: '甲', text: '平台部署于区政务云可行；监测终端与已建站点重复，应先整合。' },
      { name: '乙', text: '平台部署于区政务云；监测数据应共享。' },
    ]);
    expect(merged.shared).toEqual(['平台部署于区政务云可行；']);
    expect(merged.unsettled).toEqual([
      { expert: '甲', text: '监测终端与已建站点重复，应先整合。' },
      { expert: '乙', text: '监测数据应共享。' },
    ]);
    expect(merged.text.split('\n')).toEqual([
      '平台部署于区政务云可行。',
      '待组长确定：',
      '甲：监测终端与已建站点重复，应先整合。',
      '乙：监测数据应共享。',
    ]);
  });

  it('joins points linked through a third wording (single linkage), and a member repeating themselves adds nothing', () => {
    const merged = mergeOpinions([
      { name: '甲', text: '该项目建设必要，但建设规模偏大、与已建监测站点整合不足。' },
      { name: '乙', text: '该项目建设必要，但规模和投资偏大。' },
      { name: '丙', text: '该项目建设必要，但建设规模和投资偏大。该项目建设必要，但建设规模和投资偏大。' },
    ]);
    expect(merged.shared).toEqual(['该项目建设必要，但建设规模和投资偏大。']);
    expect(merged.unsettled).toEqual([]);
  });

  it('has nothing to settle when one member wrote alone, and nothing at all when nobody wrote', () => {
    expect(mergeOpinions([{ name: '甲', text: '同意。不同意见另述。' }]).text).toBe('同意。不同意见另述。');
    expect(
      mergeOpinions([
        { name: '甲', text: '同意。' },
        { name: '乙', text: '  ' },
      ]),
    ).toMatchObject({ shared: ['同意。'], unsettled: [] });
    expect(mergeOpinions([{ name: '甲', text: null }])).toEqual({ shared: [], unsettled: [], text: '' });
  });
});

describe('nearDuplicateSentences', () => {
  it('counts the later sentences of a document that repeat an earlier one', () => {
    const found = nearDuplicateSentences([
      '需补充物联网终端接入认证措施。',
      '网络安全保护措施基本可行，需补充物联网终端接入认证和异常流量监测措施。需补充物联网终端接入认证措施。',
      '同意。同意。',
    ]);
    // The third repeats the first exactly; the second is below the threshold against the first (0.53); 同意 is too short to count.
    expect(found).toEqual([{ sentence: '需补充物联网终端接入认证措施。', earlier: '需补充物联网终端接入认证措施。' }]);
  });
});
