// Owns the starter phrase library (常用评审意见) in the regulations' wording, grouped by dimension, chapter, investment review and overall opinion, and searching a phrase library.
//
// Every starter phrase that cites an article belongs to that regulation's jurisdiction; a phrase with no citation is
// neutral. A session sees its own jurisdiction's phrases and the neutral ones only (`phrasesFor`), so a 武隆 review is
// never offered 东河's article. The expert's personal library is the expert's own and is always offered. Citations use
// the profiles' form (`<办法名称> 第X条`) so the form can show the source.
import type { Phrase } from './scoring';

const DH = '东河区政务信息化项目建设管理办法';
const DLT = '达拉特旗数字城市建设项目管理办法';
const SC = '朔州市朔城区政务信息化项目建设应用管理办法';
const WL = '武隆区政务信息化项目管理办法';
const TZ = '泰州医药高新区（高港区）区级政务信息化项目建设管理办法';

/** A starter phrase: `jurisdiction` is the profile id whose regulation it cites; absent, the phrase is neutral and cites nothing. */
export interface StarterPhrase extends Phrase {
  jurisdiction?: string;
}

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

/** Per jurisdiction: phrases in its regulation's wording, each citing an article of it (checked against the text in a test). */
const byJurisdiction: Record<string, Entry[]> = {
  donghe: [
    ['necessity', '建设依据不够充分，建议补充国家、自治区和包头市数字政府建设总体要求或东河区实际需求等依据。', `${DH} 第八条（一）`],
    ['necessity', '建议项目建设计划和方案按照“三重一大”制度要求经项目单位党委（党组）集体研究。', `${DH} 第六条`],
    ['feasibility', '技术路线先进成熟，总体架构清晰，功能实用，能够支撑项目建设目标。', `${DH} 第八条（二）`],
    ['feasibility', '建议确定项目实施机构和责任人，严格执行政府采购、工程监理、数据资产、合同管理等制度。', `${DH} 第十四条`],
    ['feasibility', '建议实行监理制，对项目建设全过程进行监理。', `${DH} 第十五条`],
    ['security', '建议严格落实信息系统安全等级保护和分级保护要求，定期开展网络安全监测与风险评估。', `${DH} 第二十二条`],
    ['security', '建议落实国家密码管理有关要求，同步规划、同步建设、同步运行密码保障并定期评估。', `${DH} 第二十三条`],
    ['intensiveness', '建议依托全区统一的政务云平台部署，不再单独采购服务器。', `${DH} 第十三条`],
    ['intensiveness', '建议补充数据共享、业务协同安排，使项目符合集约建设要求。', `${DH} 第八条（三）`],
    ['intensiveness', '镇、街道原则上不得独立建设政务信息化项目，建议由区政务服务与数据管理局统筹。', `${DH} 第二十九条`],
    ['cost', '建议严格按照批复的初步设计和投资概算实施，总投资有结余的按规定退回。', `${DH} 第十六条`],
    ['chapter.data-sharing', '建议补充数据资源共享分析，说明共享数据的范围、方式和业务协同安排。', `${DH} 第八条（三）`],
    ['chapter.network-security', '建议补充网络安全保护措施，明确等级保护定级和安全技术措施。', `${DH} 第二十二条`],
    ['chapter.crypto', '建议补充密码应用方案，同步规划、同步建设、同步运行密码保障。', `${DH} 第二十三条`],
    ['chapter.secure-reliable', '软硬件产品安全可靠情况说明不够具体，建议列明主要软硬件产品及其安全可靠情况。', `${DH} 第二十一条`],
  ],
  dalate: [
    ['necessity', '业务需求不够明确，建议加强需求调研、充分论证，细化现状问题与建设内容的对应关系。', `${DLT} 第三条（七）`],
    ['necessity', '建议说明项目是否依据数字达拉特规划中的相关要求建设。', `${DLT} 第五条`],
    ['feasibility', '项目建设单位不具备建设运行维护能力，建议充分发挥职能部门作用或者外包，减少自建自管自用自维。', `${DLT} 第十五条`],
    ['feasibility', '建议明确与政务云资源服务、视图信息综合应用平台、城市集中运行指挥中心统一接入的技术路径和措施。', `${DLT} 第八条`],
    ['feasibility', '建议按照信息系统工程监理有关规定，委托工程监理单位对项目建设进行工程监理。', `${DLT} 第十六条`],
    ['security', '建议建立网络安全管理制度，采取技术措施，定期开展网络安全检测与风险评估。', `${DLT} 第十一条`],
    ['security', '建议采用安全可靠的软硬件产品，并在报批阶段说明产品的安全可靠情况。', `${DLT} 第十三条`],
    ['intensiveness', '建议充分利用政务云资源开展集约化建设。', `${DLT} 第十四条`],
    [
      'intensiveness',
      '坚持“联网通办是原则，孤网是例外”，未按要求共享数据资源或重复采集数据的，不得新建、改建、扩建。',
      `${DLT} 第二十四条`,
    ],
    ['cost', '建议完善项目计划中的投资概算和运维保障安排。', `${DLT} 第五条`],
    ['chapter.data-sharing', '建议完善信息资源共享分析，包括政务信息资源管理及政务信息资源编目等内容。', `${DLT} 第八条`],
    ['chapter.network-security', '建议完善网络安全保障措施，评估意见应包括对网络安全保障措施的意见。', `${DLT} 第八条`],
    ['chapter.crypto', '建议落实国家密码管理有关要求，同步规划、同步建设、同步运行密码保障系统并定期评估。', `${DLT} 第十二条`],
  ],
  shuocheng: [
    ['necessity', '部分建设内容与已建系统重复，建议通过整合改造已有系统满足需求，确保政务信息系统总量“只减不增”。', `${SC} 第三条`],
    ['necessity', '信息化需求基本合理，与部门年度重点工作任务结合紧密。', `${SC} 第十一条`],
    ['feasibility', '建议确定项目责任人，建立健全项目管理制度，严格执行招标投标、政府采购、工程监理、合同管理等制度。', `${SC} 第十五条`],
    ['security', '建议共同开展网络与信息安全风险评估，严格落实等级保护和国家密码管理要求。', `${SC} 第二十八条`],
    ['security', '建议采购自主可控的信息安全设备、核心网络设备、基础软件、系统软件和业务应用软件等关键产品。', `${SC} 第十九条`],
    ['intensiveness', '建议使用区级政务云平台服务目录中的服务和一体化在线政务服务平台提供的公共应用支撑，不得重复建设。', `${SC} 第十二条`],
    ['intensiveness', '建议按照“只减不增、只合不分”的要求整合已有系统，避免新增“信息孤岛”。', `${SC} 第三条`],
    ['intensiveness', '新建信息系统原则上依托电子政务外网建设，不得新建业务专网。', `${SC} 第十一条`],
    ['intensiveness', '采集信息应遵循“一数一源”原则，可以通过信息共享方式获取的信息不再重复采集。', `${SC} 第二十六条`],
    ['cost', '投资概算编制依据充分，设备数量和单价基本合理。', `${SC} 第十一条`],
    ['cost', '建议细化绩效目标，确保绩效目标合理、可衡量。', `${SC} 第十一条`],
    [
      'chapter.data-sharing',
      '建议完善信息资源共享分析篇（章），编制信息资源目录，明确数据来源、格式、更新、共享和开放等属性。',
      `${SC} 第九条`,
    ],
    ['chapter.network-security', '建议补充网络与信息安全风险评估和等级保护措施。', `${SC} 第二十八条`],
    ['chapter.crypto', '建议严格落实国家密码管理要求，同步规划、同步建设、同步运行密码保障系统并定期评估。', `${SC} 第二十八条`],
    ['chapter.secure-reliable', '建议说明信息安全设备、核心网络设备、基础软件等关键产品的自主可控情况。', `${SC} 第十九条`],
  ],
  wulong: [
    ['necessity', '项目建设依据充分，符合区级政务信息化建设规划和部门信息化整合建设总体方案。', `${WL} 第八条`],
    ['urgency', '项目建设紧迫性不足，建议充分考虑财力状况，按轻重缓急统筹安排。', `${WL} 第八条`],
    ['urgency', '项目属于市委、市政府和区委、区政府明确要求建设的项目，建设较为紧迫。', `${WL} 第十二条`],
    ['feasibility', '建议确定项目实施机构和项目责任人，严格执行政府采购、招标投标、工程监理、合同管理等制度。', `${WL} 第十六条`],
    ['feasibility', '建议实行工程监理制，委托工程监理单位对项目建设进行工程监理。', `${WL} 第二十二条`],
    ['feasibility', '项目建设单位不具备建设运行维护能力，建议采用服务外包方式，减少自建自管自用自维。', `${WL} 第二十一条`],
    ['security', '建议补充网络安全保护措施，落实网络安全等级保护制度，定期开展网络安全检测与风险评估。', `${WL} 第十七条`],
    ['security', '建议落实国家密码管理有关要求，同步规划、同步建设、同步运行密码保障系统并定期进行评估。', `${WL} 第十八条`],
    ['security', '建议在项目报批阶段对软硬件产品的安全可靠情况进行说明。', `${WL} 第十九条`],
    ['intensiveness', '应坚持“联网通办是原则，孤网是例外”，未按要求共享数据资源或重复采集数据的不得新建、改扩建。', `${WL} 第三十一条`],
    ['intensiveness', '建议依托数字武隆云平台开展集约化建设。', `${WL} 第二十条`],
    ['intensiveness', '存量系统应整合而未整合的，不支持新建信息化项目，建议先行整合。', `${WL} 第三十三条`],
    ['cost', '建议补充项目绩效目标表，绩效目标应明确、可衡量，与投资规模相匹配。', `${WL} 第十条`],
    [
      'chapter.data-governance',
      '建议补充数据资源收集治理及业务应用梳理篇（章），在完成数据标准制定、已有数据汇聚治理的基础上开展建设。',
      `${WL} 第十四条；${WL} 第七条`,
    ],
    ['chapter.data-sharing', '数据资源共享分析篇（章）内容完整，已编制数据资源目录，明确了共享数据的范围和方式。', `${WL} 第十四条`],
    [
      'chapter.data-sharing',
      '建议完善数据资源共享分析篇（章），编制数据资源目录，建立数据共享长效机制和共享数据使用情况反馈机制。',
      `${WL} 第十四条`,
    ],
    [
      'chapter.network-security',
      '网络安全保护措施篇（章）基本完整，建议进一步明确等级保护定级和安全技术措施。',
      `${WL} 第十四条；${WL} 第十七条`,
    ],
    ['chapter.crypto', '数据资源目录、密码应用方案是审批政务信息化项目的必备条件，建议补充密码应用方案。', `${WL} 第十四条`],
    [
      'chapter.consolidation',
      '建议完善集约化建设篇（章），说明对政务云、电子政务网络和已有共性平台的利用情况。',
      `${WL} 第十四条；${WL} 第二十条`,
    ],
    ['chapter.secure-reliable', '建议补充软硬件产品安全可靠情况说明，列明主要产品及其安全可靠情况。', `${WL} 第十九条`],
    ['investment', '人员工资、差旅费、办公耗材等不纳入信息化经费，建议核减。', `${WL} 附件《武隆区政务信息化项目申报范围及边界》`],
  ],
  'taizhou-gaogang': [
    ['necessity', '建议按照“一部门一系统”原则加强统筹整合，做好新建项目和存量项目的衔接。', `${TZ} 第6条`],
    ['urgency', '项目属于上级明确要求且建设任务迫切的项目，建设较为紧迫。', `${TZ} 第8条（一）`],
    ['urgency', '建议结合项目的性质和建设轻重缓急，统筹纳入年度区级信息化项目实施计划。', `${TZ} 第7条（5）`],
    ['feasibility', '建议严格按照招标投标、政府采购有关法律法规以及审核批准的建设内容、项目预算组织采购活动。', `${TZ} 第10条`],
    ['security', '建议建立健全网络和数据安全管理制度，同步规划、同步建设、同步使用网络安全技术措施。', `${TZ} 第11条`],
    ['intensiveness', '原则上不得单独开发移动端APP、微信和支付宝小程序等应用，相关功能应当集成至全市基础移动门户。', `${TZ} 第6条`],
    ['intensiveness', '建议充分依托电子政务网络、政务云等资源建设，避免分散封闭建设。', `${TZ} 第3条`],
    ['cost', '建议在政府采购文件和合同中明确质保和自竣工验收合格之日起不少于12个月的免费运维期。', `${TZ} 第13条`],
    ['chapter.data-sharing', '建议统一系统接口与数据资源目录，建立信息共享长效机制。', `${TZ} 第3条；${TZ} 第5条`],
    ['chapter.network-security', '建议补充网络和数据安全措施，定期开展网络安全检测与风险评估。', `${TZ} 第11条`],
    ['chapter.crypto', '建议制定项目密码应用方案，同步规划、同步建设、同步运行密码保障系统并定期进行评估。', `${TZ} 第12条`],
    ['investment', '该项为单独购置通用办公设备，不属于政务信息化项目管理范围，建议核减。', `${TZ} 第24条（一）`],
  ],
};

/** Neutral phrases: plain review wording that cites no article, offered in every session. */
const neutral: Entry[] = [
  ['necessity', '项目建设必要性充分，业务需求明确。'],
  ['urgency', '项目建设较为紧迫，建议尽快组织实施。'],
  ['urgency', '项目建设紧迫性一般，建议结合实际需求合理安排建设时序。'],
  ['feasibility', '技术方案基本可行，建议进一步细化实施计划。'],
  ['security', '安全设计基本完整，建议进一步细化安全技术措施。'],
  ['intensiveness', '建议加强与已建系统的整合共享，避免重复建设。'],
  ['cost', '投资规模与建设内容基本匹配。'],
  ['chapter.data-governance', '建议补充数据标准、数据汇聚治理和业务应用梳理的内容。'],
  ['chapter.consolidation', '建议补充对已有云、网、平台等共性资源的利用情况。'],
  ['investment', '该项设备单价高于市场询价水平，建议按询价结果核减。'],
  ['investment', '该项费用与项目建设内容关联不紧密，建议核减。'],
  ['overall', '项目建设必要，方案基本可行，投资基本合理，同意通过评审。'],
  ['overall', '项目建设必要，建议按专家意见修改完善后报批。'],
  ['overall', '项目存在一票否决情形，不予通过评审。'],
];

const entries: [jurisdiction: string | null, ...Entry][] = [
  ...Object.entries(byJurisdiction).flatMap(([j, list]) => list.map((e): [string, ...Entry] => [j, ...e])),
  ...neutral.map((e): [null, ...Entry] => [null, ...e]),
];

/** The starter set (常用评审意见), ids stable so a personal copy can tell which starter phrase it came from. */
export const starterPhrases: readonly StarterPhrase[] = entries.map(([jurisdiction, group, text, citation], i) => ({
  id: `starter-${String(i + 1).padStart(2, '0')}`,
  group,
  text,
  ...(citation ? { citation } : {}),
  ...(jurisdiction ? { jurisdiction } : {}),
}));

/** Whether a phrase may be offered in a session of `jurisdiction`: its own, or neutral (personal phrases have none). */
export const phraseFits = (phrase: StarterPhrase, jurisdiction: string): boolean =>
  phrase.jurisdiction === undefined || phrase.jurisdiction === jurisdiction;

/** The starter phrases a session of `jurisdiction` is offered: that jurisdiction's and the neutral ones, in order. */
export function phrasesFor(jurisdiction: string): StarterPhrase[] {
  return starterPhrases.filter((p) => phraseFits(p, jurisdiction));
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s/g, '');

/**
 * Phrases whose text, group label or citation contain every word of `query` (split on spaces; full-width and case
 * folded). An empty query matches all. Phrases of `group` (the field being edited) come first, otherwise in list order.
 * With `jurisdiction`, starter phrases of another jurisdiction are left out (neutral and personal ones stay).
 */
export function searchPhrases(
  query: string,
  options: { group?: string; phrases?: readonly StarterPhrase[]; jurisdiction?: string } = {},
): StarterPhrase[] {
  const { group, phrases = starterPhrases, jurisdiction } = options;
  const words = query.normalize('NFKC').split(/\s+/).map(fold).filter(Boolean);
  const matches = phrases.filter((p) => {
    if (jurisdiction !== undefined && !phraseFits(p, jurisdiction)) return false;
    const haystack = fold(`${p.text} ${phraseGroups[p.group] ?? p.group} ${p.citation ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
  return group ? [...matches.filter((p) => p.group === group), ...matches.filter((p) => p.group !== group)] : matches;
}
