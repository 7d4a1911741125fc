// Owns the 建设方案 (proposal) text: eleven chapters built from a project's spec, including every chapter 武隆 第十四条 requires.
import { projectTypeNames } from '../../shared/manifest';
import type { District } from './district';
import { paragraph, table, type ArchitectureBlock, type Chapter, type Report } from './report-model';
import { lineAmountFen, totalFen, wanText, yuanText, type SampleProject } from './sample-project';

/** The chapter titles 武隆 第十四条 requires a 建设方案 to contain (each a 篇/章). */
export const requiredChapters = [
  '数据资源收集治理及业务应用梳理',
  '数据资源共享分析',
  '网络安全保护措施',
  '密码应用方案',
  '集约化建设',
] as const;

/** What differs between proposals; everything else is written from the district and the budget. */
export interface ProposalSpec {
  project: SampleProject;
  district: District;
  preparedBy: string;
  dateText: string;
  background: string[];
  goals: string[];
  /** 建设内容: [component, what is built]. */
  contents: [string, string][];
  currentState: string[];
  /** 现有信息系统: [name, built, where deployed, state]. */
  existingSystems: [string, string, string, string][];
  problems: string[];
  needs: string[];
  architecture: Omit<ArchitectureBlock, 'type' | 'caption'>;
  /** 业务事项: [matter, handling unit, data used]. */
  businessMatters: [string, string, string][];
  dataCollection: string[];
  /** 需共享获取的数据: [resource, provider, method, frequency]. */
  sharedIn: [string, string, string, string][];
  /** 对外共享提供的数据: [resource, consumer, method, frequency]. */
  sharedOut: [string, string, string, string][];
  /** Where the system runs; defaults to the district's government cloud. */
  hosting?: string;
  /** 等级保护 level, e.g. 第三级. */
  protectionLevel: string;
  /** Systems the cryptography must protect (also used by the 密码应用方案 document). */
  cryptoScope: string[];
  /** 集约化建设 paragraphs: how the project reuses the cloud, network and shared platforms (or, in defective samples, does not). */
  consolidation: string[];
  /** 实施进度: [phase, months, work]. */
  schedule: [string, string, string][];
  benefits: string[];
  /** Chapters left out on purpose (defective samples only). */
  omitChapters?: string[];
}

function overview(s: ProposalSpec): Chapter {
  const p = s.project;
  const total = totalFen(p.budget);
  return {
    title: '项目概况',
    sections: [
      {
        title: '项目基本情况',
        blocks: [
          table(
            '项目基本信息',
            ['项目', '内容'],
            [1, 3],
            [
              ['项目名称', p.name],
              ['项目编号', p.code],
              ['建设单位', p.applicant],
              ['主管部门', p.supervisor ?? p.applicant],
              ['项目类型', projectTypeNames[p.type]],
              ['建设周期', `${p.periodMonths}个月`],
              ['总投资', `${yuanText(total)}元（${wanText(total)}万元）`],
              ['资金来源', p.fundingSource],
            ],
          ),
          ...s.background.map(paragraph),
        ],
      },
      {
        title: '建设依据',
        blocks: [
          paragraph(`本项目的建设主要依据以下法规、政策及技术标准：`),
          ...s.district.basis.map((b, i) => paragraph(`（${i + 1}）${b}；`)),
        ],
      },
      { title: '建设目标', blocks: s.goals.map(paragraph) },
      {
        title: '建设内容及规模',
        blocks: [
          paragraph(`项目主要建设内容包括${s.contents.map(([c]) => c).join('、')}等，具体如下：`),
          ...s.contents.map(([c, d], i) => paragraph(`${i + 1}．${c}。${d}`)),
        ],
      },
      {
        title: '投资估算及资金来源',
        blocks: [
          paragraph(
            `经估算，项目总投资${wanText(total)}万元，其中应用软件开发及系统集成费用约占${Math.round((share(p, ['应用软件开发', '系统集成']) * 100) / total)}%，` +
              `资金来源为${p.fundingSource}。投资明细详见本方案“投资估算”一章及随本方案报送的投资概算表。`,
          ),
        ],
      },
    ],
  };
}

function share(p: SampleProject, categories: string[]): number {
  return p.budget.filter((b) => categories.includes(b.category)).reduce((sum, b) => sum + lineAmountFen(b), 0);
}

function currentState(s: ProposalSpec): Chapter {
  return {
    title: '现状及需求分析',
    sections: [
      { title: '业务现状', blocks: s.currentState.map(paragraph) },
      {
        title: '信息化建设现状',
        blocks: [
          paragraph(
            `${s.project.applicant}现有与本项目相关的信息系统${s.existingSystems.length}个，均部署在${s.district.cloud}或市级平台，基本情况见下表。`,
          ),
          table('现有信息系统情况', ['系统名称', '建成时间', '部署位置', '运行现状'], [3, 1.2, 2, 3], s.existingSystems),
        ],
      },
      { title: '存在的主要问题', blocks: s.problems.map((t, i) => paragraph(`${'一二三四五六'[i]}是${t}`)) },
      { title: '需求分析', blocks: s.needs.map(paragraph) },
    ],
  };
}

function overallDesign(s: ProposalSpec): Chapter {
  const d = s.district;
  return {
    title: '总体设计',
    sections: [
      {
        title: '设计原则',
        blocks: [
          paragraph(`统筹规划、集约建设。严格落实${d.regulation}要求，统筹利用全区已建基础设施和公共支撑平台。`),
          paragraph(
            '需求导向、实用高效。以业务部门和基层一线的实际需求为出发点，聚焦高频事项和突出问题，功能设计力求简洁实用，避免“大而全”。',
          ),
          paragraph(
            '数据共享、业务协同。遵循“一数一源、一源多用”原则，已由其他部门采集的数据通过共享交换获取，本项目产生的数据按目录向全区共享。',
          ),
          paragraph('安全可靠、自主可控。同步规划、同步建设、同步运行网络安全和密码保障措施，优先选用安全可靠的国产软硬件产品。'),
        ],
      },
      {
        title: '总体架构',
        blocks: [
          paragraph(
            '项目总体架构按照“基础设施层—数据资源层—应用支撑层—业务应用层—用户层”进行设计，并以安全保障体系和标准规范体系贯穿各层，如下图所示。',
          ),
          { type: 'architecture', caption: '项目总体架构图', ...s.architecture },
          paragraph(
            `基础设施层使用${s.hosting ?? d.cloud}提供的计算、存储和网络资源；数据资源层按照${d.dataPlatform}的统一规划建设本项目主题库；应用支撑层复用全区统一身份认证、电子印章、电子证照和地理信息等公共支撑能力。`,
          ),
        ],
      },
      {
        title: '技术路线',
        blocks: [
          paragraph(
            '系统采用前后端分离的B/S架构和微服务技术路线，后端服务以容器方式部署，服务之间通过统一的API网关调用；前端采用响应式设计，同时适配PC端和移动端浏览器。',
          ),
          paragraph(
            '数据库采用国产关系型数据库，非结构化数据采用分布式对象存储；系统间数据交换统一通过区级共享交换节点，以接口或库表方式进行，全程留痕、可追溯。',
          ),
        ],
      },
      {
        title: '安全可靠产品应用情况',
        blocks: [
          paragraph('项目所采用的主要软硬件产品均为安全可靠产品，具体情况如下表。'),
          table(
            '主要软硬件产品安全可靠情况',
            ['产品类别', '拟选用产品', '安全可靠情况'],
            [1.2, 2.2, 2.6],
            [
              ['服务器操作系统', '国产服务器操作系统（政务云提供）', '列入安全可靠测评结果公告'],
              ['数据库', '国产关系型数据库', '列入安全可靠测评结果公告'],
              ['中间件', '国产应用服务器中间件', '列入安全可靠测评结果公告'],
              ['密码产品', '服务器密码机、SSL VPN安全网关、智能密码钥匙', '取得商用密码产品认证证书'],
              ['终端设备', '按需选用国产化终端', '符合政府采购相关要求'],
            ],
          ),
        ],
      },
    ],
  };
}

function dataGovernance(s: ProposalSpec): Chapter {
  return {
    title: '数据资源收集治理及业务应用梳理',
    sections: [
      {
        title: '业务应用梳理',
        blocks: [
          paragraph(
            `按照“梳理业务—梳理数据—梳理系统”的方法，对${s.project.applicant}相关业务事项逐项进行了梳理，明确每项业务的办理主体和所需数据，结果见下表。`,
          ),
          table('业务事项梳理情况', ['业务事项', '办理单位', '涉及的主要数据'], [2, 1.6, 2.6], s.businessMatters),
        ],
      },
      { title: '数据资源收集', blocks: s.dataCollection.map(paragraph) },
      {
        title: '数据治理',
        blocks: [
          paragraph(
            '建立数据标准体系。依据国家和地方数据元标准，统一本项目数据的命名、类型、长度和值域，形成数据标准清单并纳入全区数据资源目录管理。',
          ),
          paragraph(
            '开展数据清洗和质量校核。对历史存量数据进行去重、补全、纠错和格式转换，建立问题数据回流整改机制，关键数据项完整率、准确率均不低于98%。',
          ),
          paragraph(
            '落实数据分类分级管理。按照数据安全相关要求，对项目数据进行分类分级，对涉及个人信息的数据实行脱敏展示、最小授权和访问审计。',
          ),
        ],
      },
    ],
  };
}

function dataSharing(s: ProposalSpec): Chapter {
  return {
    title: '数据资源共享分析',
    sections: [
      {
        title: '共享需求分析',
        blocks: [
          paragraph(`本项目所需的下列数据已由其他部门采集，按照“一数一源”原则不再重复采集，通过${s.district.dataPlatform}共享获取。`),
          table('需共享获取的数据资源', ['数据资源', '提供部门', '共享方式', '更新频率'], [2, 1.8, 1.2, 1], s.sharedIn),
        ],
      },
      {
        title: '共享提供分析',
        blocks: [
          paragraph('本项目建成后产生的以下数据资源，将编入政务信息资源目录，按共享属性向相关部门提供。'),
          table('对外共享提供的数据资源', ['数据资源', '使用部门', '共享方式', '更新频率'], [2, 1.8, 1.2, 1], s.sharedOut),
        ],
      },
      {
        title: '共享方式及目录编制',
        blocks: [
          paragraph(
            '项目数据资源按要求编制政务信息资源目录，明确每类资源的信息项、共享属性、开放属性和更新周期。无条件共享类资源通过共享交换节点直接申请使用，有条件共享类资源经提供部门审核后授权使用。',
          ),
        ],
      },
    ],
  };
}

function networkSecurity(s: ProposalSpec): Chapter {
  return {
    title: '网络安全保护措施',
    sections: [
      {
        title: '安全保护等级',
        blocks: [
          paragraph(
            `依据《网络安全等级保护定级指南》，本项目系统拟定为等级保护${s.protectionLevel}，项目建成后上线运行前完成定级备案和等级测评，测评结论为“良”及以上方可正式运行。`,
          ),
        ],
      },
      {
        title: '技术防护措施',
        blocks: [
          paragraph(
            `网络边界由${s.hosting ?? s.district.cloud}提供防火墙、入侵防御、Web应用防火墙和抗拒绝服务攻击防护；业务系统按安全域划分，数据库区与应用区之间实施访问控制。`,
          ),
          paragraph(
            '主机和应用层面落实身份鉴别、访问控制、安全审计和恶意代码防范措施，启用双因素登录，关键操作留存日志不少于六个月；对外服务接口统一经API网关鉴权和限流。',
          ),
        ],
      },
      {
        title: '安全管理措施',
        blocks: [
          paragraph(
            `建立网络安全责任制，明确${s.project.applicant}主要负责人为第一责任人，制定安全管理制度、应急预案和运维操作规程，每年至少组织一次应急演练和一次安全检查。`,
          ),
        ],
      },
    ],
  };
}

function cryptography(s: ProposalSpec): Chapter {
  return {
    title: '密码应用方案',
    sections: [
      {
        title: '密码应用需求',
        blocks: [
          paragraph(
            `按照GB/T 39786-2021对${s.protectionLevel}系统的要求，本项目在${s.cryptoScope.join('、')}等环节存在身份鉴别、传输机密性、存储机密性和数据完整性保护需求，需使用商用密码技术予以保障。`,
          ),
        ],
      },
      {
        title: '密码技术方案',
        blocks: [
          table(
            '密码应用技术措施',
            ['层面', '保护对象', '密码技术措施'],
            [1, 2, 3],
            [
              ['物理和环境', '政务云机房', '依托政务云电子门禁系统，采用SM4/SM3保护门禁记录'],
              ['网络和通信', '远程运维、用户访问', '部署SSL VPN安全网关，采用SM2/SM3/SM4国密算法建立安全通道'],
              ['设备和计算', '服务器、数据库', '使用智能密码钥匙进行管理员身份鉴别，SM3-HMAC保护日志完整性'],
              ['应用和数据', '用户身份、重要业务数据', '服务器密码机提供SM2签名验签及SM4加密，关键数据加密存储'],
            ],
          ),
          paragraph('密钥的生成、存储、分发、更新、归档和销毁等全生命周期管理由服务器密码机和政务云密码服务平台共同承担。'),
        ],
      },
      {
        title: '密码应用安全性评估',
        blocks: [paragraph('项目建设完成后，委托具备资质的商用密码应用安全性评估机构开展密评，密评结论作为项目竣工验收的必要条件。')],
      },
    ],
  };
}

function consolidation(s: ProposalSpec): Chapter {
  return { title: '集约化建设', sections: [{ title: '集约化建设情况', blocks: s.consolidation.map(paragraph) }] };
}

function implementation(s: ProposalSpec): Chapter {
  return {
    title: '项目组织与实施',
    sections: [
      {
        title: '组织机构',
        blocks: [
          paragraph(
            `成立由${s.project.applicant}主要负责人任组长的项目建设领导小组，下设项目办公室，负责项目的组织协调、进度控制和质量管理；${s.district.dataBureau}对项目建设进行业务指导和监督。`,
          ),
        ],
      },
      { title: '实施进度', blocks: [table('项目实施进度计划', ['阶段', '时间', '主要工作'], [1.2, 1, 3.4], s.schedule)] },
      {
        title: '运行维护',
        blocks: [
          paragraph('项目终验后提供不少于12个月的免费运维期；免费期满后，运维经费按规定纳入部门预算，运维服务通过政府采购方式确定。'),
        ],
      },
    ],
  };
}

function investment(s: ProposalSpec): Chapter {
  const p = s.project;
  const lines = p.budget.map((b, i) => [
    String(i + 1),
    b.name,
    b.category,
    String(b.quantity),
    b.unit,
    yuanText(b.unitPriceFen),
    yuanText(lineAmountFen(b)),
  ]);
  return {
    title: '投资估算',
    sections: [
      {
        title: '编制依据',
        blocks: [
          paragraph(
            '投资估算依据国家和地方有关信息化项目投资估算编制办法、软件开发工作量评估规范以及近期同类项目政府采购成交价格编制，设备价格参考当前市场询价。',
          ),
        ],
      },
      {
        title: '投资估算表',
        blocks: [
          table(
            '项目投资估算表（单位：元）',
            ['序号', '费用名称', '类别', '数量', '单位', '单价', '金额'],
            [0.7, 2.6, 1.5, 0.7, 0.6, 1.6, 1.6],
            [...lines, ['', '合计', '', '', '', '', yuanText(totalFen(p.budget))]],
          ),
        ],
      },
    ],
  };
}

function benefits(s: ProposalSpec): Chapter {
  return {
    title: '效益分析及风险评估',
    sections: [
      { title: '效益分析', blocks: s.benefits.map(paragraph) },
      {
        title: '风险及应对措施',
        blocks: [
          paragraph('需求变更风险：建立需求确认和变更控制机制，建设内容调整严格按照项目管理办法履行报批程序。'),
          paragraph('数据共享风险：提前与数据提供部门签订共享协议，明确数据质量和更新时限要求，确保共享数据按时可用。'),
        ],
      },
    ],
  };
}

export function proposalReport(s: ProposalSpec): Report {
  const chapters: Chapter[] = [
    overview(s),
    currentState(s),
    overallDesign(s),
    dataGovernance(s),
    dataSharing(s),
    networkSecurity(s),
    cryptography(s),
    consolidation(s),
    implementation(s),
    investment(s),
    benefits(s),
  ];
  return {
    docType: '建设方案',
    projectName: s.project.name,
    projectCode: s.project.code,
    applicant: s.project.applicant,
    preparedBy: s.preparedBy,
    dateText: s.dateText,
    chapters: chapters.filter((c) => !s.omitChapters?.includes(c.title)),
  };
}
