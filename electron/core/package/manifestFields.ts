// Owns the Chinese names of manifest.json's fields, so a refused manifest is explained by field name, not by dotted path.
import { budgetFieldLabels } from '../../../shared/bureau';
import type { FieldNames } from '../kernel/fieldPlace';

/** Keyed as in shared/manifest.ts; `parent.key` where a key means something else under that parent. */
export const manifestFieldNames: FieldNames = {
  formatVersion: '格式版本',
  packageId: '评审包编号',
  createdAt: '制作时间',
  issuer: '组织方',
  jurisdiction: '辖区',
  profile: '辖区规则配置',
  session: '评审会',
  'session.title': '名称',
  date: '评审日期',
  location: '地点',
  experts: '专家',
  'experts.title': '职称',
  employer: '工作单位',
  specialty: '专业',
  fingerprint: '证书指纹',
  chair: '评审组长',
  rubric: '评分表',
  projects: '项目',
  id: '编号',
  applicant: '申报单位',
  supervisor: '主管部门',
  type: '项目类型',
  totalInvestment: '总投资',
  fundingSource: '资金来源',
  periodMonths: '建设周期',
  inAnnualPlan: '是否列入年度计划',
  summary: '项目概述',
  documents: '文件',
  kind: '文件类别',
  'documents.title': '标题',
  path: '文件位置',
  sha256: '校验值',
  bytes: '文件大小',
  budgetLines: '预算明细',
  // A budget line's fields, named as the 概算表 import names them.
  ...budgetFieldLabels,
};
