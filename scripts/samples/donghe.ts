// Owns the 东河 sample package with deliberate content defects for the pre-check (the package structure itself is valid).
//
// Defects, by design:
// - dh-2027-01: the 建设方案 has no 数据资源共享分析 chapter; no 可行性研究报告 is submitted (东河 第十条 requires one);
//   budget lines for 人员工资, 差旅费 and 办公耗材 (武隆 附件: 不纳入).
// - dh-2027-02: not in the annual plan (东河 第九条); a standalone APP and WeChat mini-program (泰州 第6条); a new 业务专网
//   (朔城 第十一条); its own server room instead of the government cloud (东河 第十三条); budget lines for 会议室升级改造
//   and 门户网站/APP 推广宣传 (武隆 附件: 不纳入).
import { feasibilityReport, preliminaryDesignReport } from './companion-reports';
import { donghe } from './district';
import { budgetDocument, docxDocument, pdfDocument } from './documents';
import { proposalReport, type ProposalSpec } from './proposal';
import type { SamplePackage, SampleProject } from './sample-project';

const created = new Date('2027-03-20T10:00:00+08:00');
const preparedBy = '内蒙古北疆信息工程咨询有限公司';
const dateText = '二〇二七年三月';
/** Whole yuan → fen. */
const yuan = (amount: number) => amount * 100;

/** The chapter dh-2027-01's proposal leaves out. */
export const missingChapter = '数据资源共享分析';

const community: SampleProject = {
  id: 'dh-2027-01',
  code: 'DH-2027-01',
  name: '东河区智慧社区综合服务平台建设项目',
  applicant: '包头市东河区民政局',
  supervisor: '包头市东河区人民政府',
  type: 'new',
  fundingSource: '区级财政资金',
  periodMonths: 12,
  inAnnualPlan: true,
  summary: '建设覆盖全区社区的综合服务平台，提供社区网格化管理、居民诉求受理和社区自助服务。',
  budget: [
    { name: '社区综合服务平台软件开发', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(1_380_000) },
    { name: '社区网格化管理子系统', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(620_000) },
    { name: '居民诉求受理与办理子系统', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(460_000) },
    { name: '社区自助服务终端', category: '终端设备', quantity: 24, unit: '台', unitPriceFen: yuan(28_000) },
    { name: '政务云资源租用（首年）', category: '云资源租用', quantity: 12, unit: '月', unitPriceFen: yuan(8_000) },
    { name: '等级保护测评', category: '测评', quantity: 1, unit: '项', unitPriceFen: yuan(80_000) },
    { name: '系统集成及部署实施', category: '系统集成', quantity: 1, unit: '项', unitPriceFen: yuan(150_000) },
    { name: '项目专班人员工资（12人×12个月）', category: '人员费用', quantity: 144, unit: '人月', unitPriceFen: yuan(6_500) },
    { name: '需求调研差旅费', category: '差旅费', quantity: 1, unit: '项', unitPriceFen: yuan(68_000) },
    { name: '办公耗材（打印纸、硒鼓、墨盒等）', category: '办公耗材', quantity: 1, unit: '批', unitPriceFen: yuan(45_000) },
    { name: '工程建设其他费（设计、监理）', category: '工程建设其他费', quantity: 1, unit: '项', unitPriceFen: yuan(120_000) },
  ],
  documents: [],
};

const communitySpec: ProposalSpec = {
  project: community,
  district: donghe,
  preparedBy,
  dateText,
  omitChapters: [missingChapter],
  background: [
    '东河区现有社区58个，常住人口约36万人。近年来社区承担的服务和管理事项不断增加，社区工作人员长期依靠纸质台账和多个条线系统开展工作，负担较重。',
    '为推进基层治理现代化，东河区民政局提出建设智慧社区综合服务平台，为社区工作者减负，为居民提供便捷服务。',
  ],
  goals: ['建成覆盖全区58个社区的综合服务平台，社区工作台账电子化率达到90%以上，居民诉求办结率达到95%以上。'],
  contents: [
    ['社区综合服务平台', '建设社区工作台、台账管理、通知公告、统计报表等功能。'],
    ['社区网格化管理子系统', '建设网格划分、网格员巡查、事件上报和处置功能。'],
    ['居民诉求受理与办理子系统', '受理居民通过电话、窗口和自助终端提出的诉求，跟踪办理结果。'],
    ['社区自助服务终端', '在24个社区服务站配置自助服务终端，提供证明开具、信息查询等服务。'],
  ],
  currentState: ['全区社区工作者约620人，日常使用民政、人社、卫健、综治等条线系统11个，同一居民信息需要在多个系统重复录入。'],
  existingSystems: [
    ['包头市社区治理信息系统', '2021年', '市级平台', '市级统建，功能以统计上报为主'],
    ['东河区网格化服务管理平台', '2019年', '东河区政务服务中心机房', '运行多年，功能老化'],
  ],
  problems: ['社区台账重复填报，基层负担重；', '居民诉求渠道分散，办理过程不透明；', '社区数据分散在多个条线系统中，难以综合利用。'],
  needs: [
    '社区工作者需要一个统一工作台完成日常台账、巡查和诉求办理；居民需要就近办理证明和查询业务。',
    '系统需支持不少于600名社区工作者同时在线使用。',
  ],
  architecture: {
    layers: [
      { name: '用户层', items: ['社区工作者', '网格员', '社区居民'] },
      { name: '业务应用层', items: ['社区工作台', '网格化管理', '诉求办理', '自助服务'] },
      { name: '应用支撑层', items: ['统一身份认证', '消息服务', '地理信息服务'] },
      { name: '数据资源层', items: ['社区人口库', '事件库', '台账库'] },
      { name: '基础设施层', items: ['市政务云', '电子政务外网', '自助终端'] },
    ],
    sides: ['安全保障体系', '标准规范体系'],
  },
  businessMatters: [
    ['社区居民信息登记', '各社区居委会', '居民基本信息、家庭信息'],
    ['网格巡查与事件处置', '各街道网格中心', '事件信息、网格信息'],
    ['居民诉求受理', '各社区居委会', '诉求内容、办理结果'],
  ],
  dataCollection: ['本项目由社区工作者录入和维护居民基本信息、家庭信息和特殊人群信息，网格员在巡查中采集事件信息。'],
  sharedIn: [],
  sharedOut: [
    ['社区居民信息', '各街道办事处', '库表交换', '每月'],
    ['社区事件信息', '区综治中心', '接口调用', '实时'],
  ],
  protectionLevel: '第三级',
  cryptoScope: ['用户登录与身份鉴别', '居民个人信息存储'],
  consolidation: ['平台部署在包头市政务云平台，通过东河区电子政务外网访问，复用市级统一身份认证。'],
  schedule: [
    ['招标采购', '第1—2个月', '完成招标和合同签订'],
    ['开发部署', '第3—9个月', '完成开发、终端安装和部署'],
    ['试运行及验收', '第10—12个月', '试运行、等保测评和竣工验收'],
  ],
  benefits: ['减轻基层负担：社区台账填报工作量预计减少50%。', '提升服务水平：居民可在家门口办理常用证明和查询业务。'],
};

community.documents = [
  pdfDocument('dh-2027-01-proposal', 'proposal', proposalReport(communitySpec), created),
  docxDocument('dh-2027-01-design', 'preliminary-design', preliminaryDesignReport(communitySpec), created),
  budgetDocument(community, created),
];

const cityOperations: SampleProject = {
  id: 'dh-2027-02',
  code: 'DH-2027-02',
  name: '东河区城市运行感知专网及“掌上东河”APP建设项目',
  applicant: '包头市东河区城市运行管理服务中心',
  supervisor: '包头市东河区人民政府办公室',
  type: 'new',
  fundingSource: '区级财政资金（申请追加预算）',
  periodMonths: 15,
  inAnnualPlan: false,
  summary: '新建城市运行感知业务专网和城市运行监测指挥系统，开发“掌上东河”APP及微信小程序，改造指挥中心会议室。',
  budget: [
    { name: '城市运行感知业务专网光缆敷设', category: '网络工程', quantity: 86, unit: '公里', unitPriceFen: yuan(32_000) },
    { name: '专网汇聚及接入交换设备', category: '网络设备', quantity: 1, unit: '套', unitPriceFen: yuan(860_000) },
    { name: '城市运行监测指挥系统', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(1_250_000) },
    { name: '“掌上东河”APP开发（Android、iOS）', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(980_000) },
    { name: '“掌上东河”微信小程序开发', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(360_000) },
    {
      name: '专用服务器及存储设备',
      category: '硬件设备',
      quantity: 1,
      unit: '套',
      unitPriceFen: yuan(1_460_000),
      note: '部署于中心自有机房',
    },
    {
      name: '指挥中心会议室升级改造（LED大屏、音响、装修）',
      category: '会议室改造',
      quantity: 1,
      unit: '项',
      unitPriceFen: yuan(1_180_000),
    },
    { name: '门户网站及APP推广宣传费', category: '推广宣传', quantity: 1, unit: '项', unitPriceFen: yuan(300_000) },
    { name: '等级保护测评', category: '测评', quantity: 1, unit: '项', unitPriceFen: yuan(90_000) },
    { name: '系统集成及部署实施', category: '系统集成', quantity: 1, unit: '项', unitPriceFen: yuan(280_000) },
    { name: '工程建设其他费（设计、监理）', category: '工程建设其他费', quantity: 1, unit: '项', unitPriceFen: yuan(210_000) },
  ],
  documents: [],
};

const cityOperationsSpec: ProposalSpec = {
  project: cityOperations,
  district: donghe,
  preparedBy,
  dateText,
  hosting: '东河区城市运行管理服务中心自有机房',
  background: [
    '东河区是包头市的老城区，城市基础设施老化，城市运行风险点多。区城市运行管理服务中心成立后，急需建设城市运行监测和指挥调度能力。',
    '同时，为拓宽群众反映问题的渠道，区城市运行管理服务中心提出建设区级移动应用，方便群众随时随地参与城市治理。',
  ],
  goals: ['建成覆盖全区主要街道的城市运行感知网络和监测指挥系统，推出“掌上东河”APP和微信小程序，注册用户达到10万人。'],
  contents: [
    ['城市运行感知业务专网', '新建覆盖全区主要街道的光纤专网，敷设光缆约86公里，独立于电子政务外网运行，用于视频和感知数据传输。'],
    ['城市运行监测指挥系统', '建设城市运行态势监测、事件指挥调度和统计分析功能。'],
    ['“掌上东河”APP及微信小程序', '独立开发Android、iOS版APP和微信小程序，提供城市问题随手拍、政务资讯、便民服务等功能。'],
    ['指挥中心会议室升级改造', '更换LED大屏、音响设备并进行装修改造。'],
  ],
  currentState: ['区城市运行管理服务中心现有工作人员45名，城市问题主要通过12345热线转办获取，缺少主动感知手段。'],
  existingSystems: [
    ['包头市12345政务服务便民热线系统', '2018年', '市级平台', '市级统建，区级接收工单'],
    ['东河区数字化城管系统', '2016年', '东河区电子政务外网', '运行正常'],
  ],
  problems: ['缺少城市运行主动感知手段；', '群众反映问题的渠道有限；', '指挥中心会议室设备老化。'],
  needs: ['需要实时掌握城市运行状态，并为群众提供移动端参与城市治理的渠道。'],
  architecture: {
    layers: [
      { name: '用户层', items: ['区城运中心', '街道', '社会公众'] },
      { name: '业务应用层', items: ['监测指挥', '掌上东河APP', '微信小程序'] },
      { name: '应用支撑层', items: ['用户管理', '消息推送', '地图服务'] },
      { name: '数据资源层', items: ['感知数据库', '事件库', '用户库'] },
      { name: '基础设施层', items: ['自有机房', '感知业务专网', '感知终端'] },
    ],
    sides: ['安全保障体系', '标准规范体系'],
  },
  businessMatters: [
    ['城市运行监测', '区城市运行管理服务中心', '感知数据、视频数据'],
    ['群众问题上报', '区城市运行管理服务中心', '用户注册信息、问题描述、照片'],
  ],
  dataCollection: ['APP注册用户需提供姓名、身份证号和手机号，由本项目自行采集和存储；感知数据通过新建专网汇聚至中心自有机房。'],
  sharedIn: [['12345热线工单', '包头市12345热线', '接口调用', '实时']],
  sharedOut: [['城市运行事件信息', '各街道办事处', '接口调用', '实时']],
  protectionLevel: '第二级',
  cryptoScope: ['APP用户登录', '用户个人信息存储'],
  consolidation: [
    '本项目新建城市运行感知业务专网，独立于东河区电子政务外网运行，以保障视频和感知数据的传输带宽。',
    '平台部署在区城市运行管理服务中心自有机房，采购专用服务器和存储设备，便于中心自主管理。',
    '为方便群众使用，本项目独立开发“掌上东河”APP和微信小程序，不接入“蒙速办”移动端。',
  ],
  schedule: [
    ['招标采购', '第1—3个月', '完成招标和合同签订'],
    ['专网建设', '第4—10个月', '完成光缆敷设和设备安装'],
    ['软件开发', '第4—12个月', '完成系统、APP和小程序开发'],
    ['试运行及验收', '第13—15个月', '试运行和竣工验收'],
  ],
  benefits: ['提升城市运行监测能力，拓宽群众参与城市治理渠道。'],
};

cityOperations.documents = [
  pdfDocument('dh-2027-02-proposal', 'proposal', proposalReport(cityOperationsSpec), created),
  docxDocument(
    'dh-2027-02-feasibility',
    'feasibility',
    feasibilityReport(cityOperationsSpec, [
      ['方案一：自建专网和机房', '新建光纤专网，设备部署于中心自有机房', '自主可控，推荐'],
      ['方案二：依托政务外网和政务云', '利用已有网络和云资源', '带宽受限，不推荐'],
    ]),
    created,
  ),
  docxDocument('dh-2027-02-design', 'preliminary-design', preliminaryDesignReport(cityOperationsSpec), created),
  budgetDocument(cityOperations, created),
];

export const dongheDefectsPackage: SamplePackage = {
  dirName: 'donghe-2027-defects',
  packageId: '0b7e9d14-2c61-4f83-8a5d-93e1c7b2f604',
  createdAt: '2027-03-28T15:00:00+08:00',
  issuer: donghe.dataBureau,
  jurisdiction: 'donghe',
  session: {
    title: '2027年度东河区政务信息化项目专家评审会',
    date: '2027-04-08',
    location: '东河区政务服务中心四楼会议室',
    experts: [
      { id: 'e1', name: '赵文斌', title: '正高级工程师', employer: '包头市政务信息化专家库（原市信息中心）' },
      { id: 'e2', name: '孙立新', title: '副研究员', employer: '内蒙古北方数字治理研究院' },
      { id: 'e3', name: '马秀兰', title: '高级会计师', employer: '包头市正信工程造价咨询有限公司' },
    ],
    chair: 'e1',
  },
  projects: [community, cityOperations],
};
