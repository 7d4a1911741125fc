// Owns the expert's own record: the profile (专家信息) entered on first run and the per-session commitment (评审纪律 / 专家承诺书).
import { z } from 'zod';

const field = (max: number) => z.string().trim().max(max);

/** 专家信息: name required; phone digits and dashes only (may be empty). */
export const expertProfileSchema = z.object({
  name: field(50).min(1, { message: '请填写姓名' }),
  title: field(50),
  employer: field(100),
  phone: field(30).regex(/^[0-9-]*$/, { message: '联系电话只能包含数字和短横线' }),
});
export type ExpertProfile = z.infer<typeof expertProfileSchema>;

/** A session's accepted commitment: when, and by whom (the profile's name at that moment). */
export interface SessionCommitment {
  sessionId: string;
  acceptedAt: string;
  expertName: string;
}

/** 评审纪律 and 专家承诺书 as the expert reads and accepts them; the accepted text is stored with the acceptance. */
export const commitmentText = [
  '评审纪律',
  '一、独立、客观、公正地发表评审意见，对所提意见和评分结论负责，不受任何单位和个人的干预。',
  '二、保守秘密。不得泄露、复制、外传评审材料、评审过程和评审结果，评审结束后不保留评审材料。',
  '三、回避。与申报单位或项目存在利害关系、可能影响公正评审的，应当主动声明并回避。',
  '四、不得私下接触申报单位及其相关人员，不得收受财物或者接受宴请等任何好处。',
  '五、遵守评审时间安排，认真审阅全部材料，按评分标准逐项评分并说明理由。',
  '专家承诺书',
  '本人已阅读并理解上述评审纪律，承诺在本次评审中严格遵守；如有违反，愿意承担相应责任。',
].join('\n');
