// Owns the starter phrase library (常用评审意见) in the regulations' wording, grouped by dimension, chapter, investment review and overall opinion, and searching a phrase library.
//
// The expert's personal library starts as a copy of these and is edited and reordered in the store; search takes
// whichever list it is given. Citations use the profiles' form (`<办法名称> 第X条`) so the form can show the source.
import type { Phrase } from './scoring';

const DH = '东河区政务信息化项目建设管理办法';
const DLT = '达拉特旗数字城市建设项目管理办法';
const SC = '朔州市朔城区政务信息化项目建设应用管理办法';
const WL = '武隆区政务信息化项目管理办法';
const TZ = '泰州医药高新区（高港区）区级政务信息化项目建设管理办法';

/** Group id → label: the six dimension ids, `chapter.<required-chapter id>`, `investment` (投资审核) and `overall` (总体意见). */
export const phraseGroups: Record<string, string> = {
  necessity: '必要性',
  urgency: '紧迫性',
  feasibility: '可行性',
  security: '安全性',
  intensiveness: '集约性',
  cost: '投资金额',
  'chapter.data-governance': '数据资源收集治理及业务应用梳理篇（章）',
  'chapter.data-sharing': '数据资源共享分析篇（章）',
  'chapter.network-security': '网络安全保护措施篇（章）',
  'chapter.crypto': '密码应用方案',
  'chapter.consolidation': '集约化建设篇（章）',
  'chapter.secure-reliable': '软硬件产品安全可靠情况说明',
  investment: '投资审核',
  overall: '总体意见',
};

type Entry = [group: string, text: string, citation?: string];

const entries: Entry[] = [
  ['necessity', '项目建设依据充分，符合区级政务信息化建设规划和部门信息化整合建设总体方案。', `${WL} 第八条`],
  ['necessity', '建设依据不够充分，建议补充国家、自治区（省）、市数字政府建设总体要求和本地规划等依据。', `${DH} 第八条（一）`],
  ['necessity', '业务需求不够明确，建议加强需求调研、充分论证，细化现状问题与建设内容的对应关系。', `${DLT} 第三条（七）`],
  ['necessity', '部分建设内容与已建系统重复，建议通过整合改造已有系统满足需求，确保政务信息系统总量“只减不增”。', `${SC} 第三条`],
  ['urgency', '项目属于上级明确要求且建设任务迫切的项目，建设较为紧迫。', `${TZ} 第8条（一）`],
  ['urgency', '项目建设紧迫性不足，建议充分考虑财力状况，按轻重缓急统筹安排。', `${WL} 第八条`],
  ['feasibility', '技术路线先进成熟，总体架构清晰，功能实用，能够支撑项目建设目标。', `${DH} 第八条（二）`],
  ['feasibility', '建议确定项目实施机构和项目责任人，严格执行政府采购、招标投标、工程监理、合同管理等制度。', `${WL} 第十六条`],
  ['feasibility', '建议实行工程监理制，委托工程监理单位对项目建设进行工程监理。', `${WL} 第二十二条`],
  ['feasibility', '项目建设单位不具备建设运行维护能力，建议采用服务外包方式，减少自建自管自用自维。', `${DLT} 第十五条`],
  ['security', '建议补充网络安全保护措施，落实网络安全等级保护制度，定期开展网络安全检测与风险评估。', `${WL} 第十七条`],
  ['security', '建议落实国家密码管理有关要求，同步规划、同步建设、同步运行密码保障系统并定期进行评估。', `${WL} 第十八条`],
  ['security', '建议在项目报批阶段对软硬件产品的安全可靠情况进行说明。', `${WL} 第十九条`],
  ['security', '建议建立健全网络和数据安全管理制度，同步规划、同步建设、同步使用网络安全技术措施。', `${TZ} 第11条`],
  ['intensiveness', '建议依托全区统一的政务云平台部署，不再单独采购服务器。', `${DH} 第十三条`],
  ['intensiveness', '建议使用区级政务云平台服务目录中的服务和一体化在线政务服务平台提供的公共应用支撑，不得重复建设。', `${SC} 第十二条`],
  ['intensiveness', '建议按照“只减不增、只合不分”的要求整合已有系统，避免新增“信息孤岛”。', `${SC} 第三条`],
  ['intensiveness', '原则上不得单独开发移动端APP、微信和支付宝小程序等应用，相关功能应当集成至统一的移动门户。', `${TZ} 第6条`],
  ['intensiveness', '新建信息系统原则上依托电子政务外网建设，不得新建业务专网。', `${SC} 第十一条`],
  ['intensiveness', '应坚持“联网通办是原则，孤网是例外”，能够通过共享获取的数据不得重复采集。', `${WL} 第三十一条`],
  ['cost', '投资概算编制依据充分，设备数量和单价基本合理。', `${SC} 第十一条`],
  ['cost', '建议补充项目绩效目标表，绩效目标应明确、可衡量，与投资规模相匹配。', `${WL} 第十条`],
  ['cost', '建议在政府采购文件和合同中明确质保和自竣工验收合格之日起不少于12个月的免费运维期。', `${TZ} 第13条`],
  ['chapter.data-governance', '建议补充数据资源收集治理及业务应用梳理篇（章），在完成数据标准制定、已有数据汇聚治理的基础上开展建设。', `${WL} 第十四条`],
  ['chapter.data-sharing', '数据资源共享分析篇（章）内容完整，已编制数据资源目录，明确了共享数据的范围和方式。', `${WL} 第十四条`],
  ['chapter.data-sharing', '建议完善信息资源共享分析篇（章），编制数据资源目录，建立数据共享长效机制和共享数据使用情况反馈机制。', `${SC} 第九条；${WL} 第十四条`],
  ['chapter.network-security', '网络安全保护措施篇（章）基本完整，建议进一步明确等级保护定级和安全技术措施。', `${WL} 第十七条`],
  ['chapter.crypto', '数据资源目录、密码应用方案是审批政务信息化项目的必备条件，建议补充密码应用方案。', `${WL} 第十四条`],
  ['chapter.consolidation', '建议完善集约化建设篇（章），说明对政务云、电子政务网络和已有共性平台的利用情况。', `${WL} 第十四条；${WL} 第二十条`],
  ['chapter.secure-reliable', '软硬件产品安全可靠情况说明不够具体，建议列明主要软硬件产品及其安全可靠情况。', `${DH} 第二十一条`],
  ['investment', '人员工资、差旅费、办公耗材等不纳入信息化经费，建议核减。', `${WL} 附件《武隆区政务信息化项目申报范围及边界》`],
  ['investment', '该项为单独购置通用办公设备，不属于政务信息化项目管理范围，建议核减。', `${TZ} 第24条`],
  ['investment', '该项设备单价高于市场询价水平，建议按询价结果核减。'],
  ['overall', '项目建设必要，方案基本可行，投资基本合理，同意通过评审。'],
  ['overall', '项目建设必要，建议按专家意见修改完善后报批。'],
  ['overall', '项目存在一票否决情形，不予通过评审。'],
];

/** The starter set (常用评审意见), ids stable so a personal copy can tell which starter phrase it came from. */
export const starterPhrases: readonly Phrase[] = entries.map(([group, text, citation], i) => ({
  id: `starter-${String(i + 1).padStart(2, '0')}`,
  group,
  text,
  ...(citation ? { citation } : {}),
}));

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s/g, '');

/**
 * Phrases whose text, group label or citation contain every word of `query` (split on spaces; full-width and case
 * folded). An empty query matches all. Phrases of `group` (the field being edited) come first, otherwise in list order.
 */
export function searchPhrases(query: string, options: { group?: string; phrases?: readonly Phrase[] } = {}): Phrase[] {
  const { group, phrases = starterPhrases } = options;
  const words = query.normalize('NFKC').split(/\s+/).map(fold).filter(Boolean);
  const matches = phrases.filter((p) => {
    const haystack = fold(`${p.text} ${phraseGroups[p.group] ?? p.group} ${p.citation ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
  return group ? [...matches.filter((p) => p.group === group), ...matches.filter((p) => p.group !== group)] : matches;
}
