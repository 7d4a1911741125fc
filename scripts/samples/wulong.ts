// Owns the 武隆 sample package: a complete, compliant 2027 review session with three projects (扩建, 新建 < 3000万, 新建 ≥ 3000万).
import { cryptoPlanReport, feasibilityReport, postEvaluationReport, preliminaryDesignReport } from './companion-reports';
import { wulong } from './district';
import { budgetDocument, catalogDocument, docxDocument, ofdDocument, pdfDocument, performanceDocument } from './documents';
import { proposalReport, type ProposalSpec } from './proposal';
import type { SamplePackage, SampleProject } from './sample-project';

const created = new Date('2027-02-20T10:00:00+08:00');
const preparedBy = '重庆山城数智工程咨询有限公司';
const dateText = '二〇二七年二月';
/** Whole yuan → fen. */
const yuan = (amount: number) => amount * 100;

const cityManagement: SampleProject = {
  id: 'wl-2027-01',
  code: 'WL-2027-01',
  name: '武隆区智慧城管综合平台（二期）建设项目',
  applicant: '重庆市武隆区数字化城市管理中心',
  supervisor: '重庆市武隆区城市管理局',
  type: 'expansion',
  fundingSource: '区级财政资金',
  periodMonths: 12,
  inAnnualPlan: true,
  summary: '在一期数字化城管平台基础上，升级综合指挥调度和案件办理能力，接入井盖、积水等物联感知设备，建设综合评价分析子系统。',
  budget: [
    { name: '综合指挥调度子系统升级', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(1_860_000) },
    { name: '案件智能分拨与办理子系统', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(960_000) },
    { name: '城市部件物联感知接入子系统', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(720_000) },
    { name: '城管执法办案子系统（对接市级平台）', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(540_000) },
    { name: '数据治理与综合评价分析子系统', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(680_000) },
    { name: '井盖位移监测传感器', category: '感知设备', quantity: 600, unit: '个', unitPriceFen: yuan(680), note: '城区主干道及老旧小区' },
    { name: '道路积水内涝监测终端', category: '感知设备', quantity: 40, unit: '台', unitPriceFen: yuan(8_500), note: '易涝点位' },
    {
      name: '视频智能分析算法授权',
      category: '软件授权',
      quantity: 200,
      unit: '路',
      unitPriceFen: yuan(1_200),
      note: '复用已建公共视频资源',
    },
    { name: '政务云资源租用（首年）', category: '云资源租用', quantity: 12, unit: '月', unitPriceFen: yuan(18_000) },
    { name: '国产数据库及中间件授权', category: '基础软件', quantity: 2, unit: '套', unitPriceFen: yuan(95_000) },
    {
      name: '商用密码应用改造（服务器密码机、SSL VPN安全网关）',
      category: '密码应用',
      quantity: 1,
      unit: '项',
      unitPriceFen: yuan(420_000),
    },
    { name: '等级保护测评及密码应用安全性评估', category: '测评', quantity: 1, unit: '项', unitPriceFen: yuan(180_000) },
    { name: '系统集成及部署实施', category: '系统集成', quantity: 1, unit: '项', unitPriceFen: yuan(260_000) },
    { name: '工程建设其他费（监理、造价咨询）', category: '工程建设其他费', quantity: 1, unit: '项', unitPriceFen: yuan(186_000) },
  ],
  documents: [],
};

const cityManagementSpec: ProposalSpec = {
  project: cityManagement,
  district: wulong,
  preparedBy,
  dateText,
  background: [
    '武隆区数字化城市管理平台（一期）于2022年建成投运，实现了城市管理问题“发现—立案—派遣—处置—核查—结案”的闭环管理，累计受理城市管理案件12.6万件，结案率达到96.8%，在提升城市精细化管理水平方面发挥了重要作用。',
    '随着城区面积扩大和仙女山、白马山等旅游区游客量持续增长，城市管理对象和问题类型明显增多，一期平台以人工巡查上报为主的发现方式、以人工判断为主的派遣方式已难以满足“一屏观全域、一网管全城”的要求，亟需在一期基础上扩展建设。',
  ],
  goals: [
    '到2027年底，建成覆盖城区和主要旅游集镇的智慧城管综合平台二期，城市管理问题主动发现率由35%提高到60%以上，案件平均处置时长缩短30%。',
    '实现井盖、道路积水等重点部件的物联感知全覆盖，城管数据按目录全部接入区城市大数据资源中心，与公安、住建、交通等部门实现数据共享和业务协同。',
  ],
  contents: [
    [
      '综合指挥调度子系统升级',
      '在一期指挥调度基础上，增加视频调度、一键派单、多部门联合处置和突发事件应急指挥功能，实现城市管理事件“一屏统览、一键调度”。',
    ],
    [
      '案件智能分拨与办理子系统',
      '利用规则引擎对案件进行自动分类和智能分拨，建设移动端处置功能（依托“渝快政”工作台），实现案件办理全流程线上流转。',
    ],
    ['城市部件物联感知接入子系统', '统一接入井盖位移、道路积水等物联感知设备，实现告警事件自动生成案件并推送处置。'],
    ['城管执法办案子系统', '按照市级标准对接重庆市城市管理综合执法办案平台，实现执法案件与城管案件的关联办理。'],
    ['数据治理与综合评价分析子系统', '建设城管主题库和评价模型，对街道、部门和作业单位的处置绩效进行量化考核。'],
  ],
  currentState: [
    '武隆区数字化城市管理中心负责全区城市管理问题的受理、派遣和考核工作，现有信息采集员42名、坐席员12名，覆盖城区12.5平方公里网格，日均处理案件约350件。',
    '一期平台已建成无线数据采集、协同工作、监督指挥、综合评价、地理编码等九大基础子系统，部署在武隆区政务云平台，运行总体稳定。',
  ],
  existingSystems: [
    ['数字化城市管理平台（一期）', '2022年', '武隆区政务云平台', '运行正常，为本期扩展建设基础'],
    ['城市管理综合执法办案平台', '2020年', '市级平台', '市级统建，区级使用'],
    ['公共视频资源共享平台', '2021年', '区公安局视频专网', '通过视频共享接口提供调阅'],
  ],
  problems: [
    '问题发现方式单一，主要依赖人工巡查上报，对井盖缺失、道路积水等突发问题发现不及时；',
    '案件派遣以人工判断为主，职责交叉事项派遣准确率不高，返工率约为8%；',
    '城管数据与公安、住建、交通等部门数据尚未实现共享，跨部门问题协同处置效率较低；',
    '缺少对处置单位绩效的量化分析手段，考核评价的客观性和及时性有待提升。',
  ],
  needs: [
    '业务需求：坐席员需要在一个界面完成问题受理、智能派遣和跟踪督办；处置单位需要在移动端接收任务并反馈结果；管理人员需要实时掌握全区城市运行状况和处置绩效。',
    '数据需求：需要共享获取人口、法人、地址、视频等基础数据，同时将城管案件、部件、感知告警等数据提供给相关部门使用。',
    '性能需求：系统需支持300个并发用户，常规查询响应时间不超过3秒，感知告警从触发到生成案件不超过1分钟。',
  ],
  architecture: {
    layers: [
      { name: '用户层', items: ['区城市管理局', '街道（乡镇）', '作业单位', '市民公众'] },
      { name: '业务应用层', items: ['综合指挥调度', '案件智能分拨', '物联感知接入', '执法办案', '综合评价'] },
      { name: '应用支撑层', items: ['统一身份认证', '电子印章', '地理信息服务', '视频共享服务'] },
      { name: '数据资源层', items: ['城市部件库', '案件库', '感知数据库', '城管主题库'] },
      { name: '基础设施层', items: ['区政务云', '电子政务外网', '物联感知终端'] },
    ],
    sides: ['安全保障体系', '标准规范体系'],
  },
  businessMatters: [
    ['城市管理问题受理与派遣', '区数字化城市管理中心', '案件信息、网格信息、责任单位信息'],
    ['市政设施巡查与维护', '区市政设施维护中心', '城市部件数据、感知告警数据'],
    ['城市管理综合执法', '区城市管理综合执法支队', '执法案件、当事人信息、法人信息'],
    ['处置绩效考核评价', '区城市管理局', '案件处置时长、结案率、返工率'],
  ],
  dataCollection: [
    '本项目新采集的数据主要为井盖位移、道路积水等物联感知数据和城管案件过程数据，采集范围严格限定在城市管理职责范围内，不采集与业务无关的个人信息。',
    '感知数据通过物联网接入网关实时汇聚，案件数据由信息采集员、市民和感知设备三个渠道产生，统一进入城管主题库，并按日同步至区城市大数据资源中心。',
  ],
  sharedIn: [
    ['人口基础信息', '区公安局', '接口调用', '实时'],
    ['法人单位基础信息', '区市场监管局', '接口调用', '实时'],
    ['标准地址及门牌数据', '区规划和自然资源局', '库表交换', '每月'],
    ['公共视频资源', '区公安局', '视频共享接口', '实时'],
  ],
  sharedOut: [
    ['城市管理案件信息', '各街道（乡镇）、区住建委', '接口调用', '实时'],
    ['城市部件普查数据', '区住建委、区交通局', '库表交换', '每季度'],
    ['道路积水告警信息', '区应急管理局', '接口调用', '实时'],
  ],
  protectionLevel: '第三级',
  cryptoScope: ['用户登录与身份鉴别', '案件及当事人信息存储', '移动端数据传输', '运维管理通道'],
  consolidation: [
    '基础设施集约：系统全部部署在武隆区政务云平台，计算、存储和网络安全资源由政务云统一提供，本项目不新建机房，不采购服务器和存储设备。',
    '网络集约：各部门、街道通过武隆区电子政务外网访问系统，感知设备通过运营商物联网专用卡接入政务云物联网接入区，不新建业务专网。',
    '平台集约：复用全区统一身份认证、电子印章、地理信息和公共视频资源，处置人员移动端依托“渝快政”工作台，不单独开发移动APP。',
    '系统整合：一期平台与本期新建功能整合为一个系统运行，不新增独立系统；对接市级执法办案平台而非重复建设。',
  ],
  schedule: [
    ['招标采购', '第1—2个月', '完成项目招标、合同签订和备案'],
    ['需求调研与设计', '第3个月', '完成需求确认和详细设计'],
    ['开发与部署', '第4—8个月', '完成软件开发、设备安装和系统集成'],
    ['试运行与测评', '第9—11个月', '试运行，完成等级保护测评和密码应用安全性评估'],
    ['竣工验收', '第12个月', '完成初步验收和竣工验收'],
  ],
  benefits: [
    '提升城市治理效能：问题主动发现率和处置效率显著提高，井盖缺失、道路积水等安全隐患可在第一时间发现和处置，降低公共安全事故风险。',
    '促进数据共享协同：城管数据纳入全区数据资源体系，为住建、交通、应急等部门提供数据支撑，减少重复采集。',
  ],
};

const cityManagementPrior = {
  name: '武隆区数字化城市管理平台（一期）建设项目',
  approvedFen: yuan(6_280_000),
  settledFen: yuan(5_943_600),
  acceptedOn: '2022年11月',
  results: [
    ['九大基础子系统', '建成无线数据采集、协同工作等九大子系统', '全部完成，运行稳定'],
    ['城市部件普查', '完成城区部件和事件普查建库', '完成普查部件8.7万个'],
    ['指挥中心大屏', '利用既有会商室建设指挥大屏', '完成，复用区应急指挥中心会商室'],
  ] as [string, string, string][],
  findings: [
    '一期系统上线以来累计受理案件12.6万件，结案率96.8%，群众满意度92.3%，城市管理问题处置平均时长由5.2天缩短至2.1天。',
    '主要问题：一是问题发现仍以人工巡查为主，主动发现率仅为35%；二是与相关部门数据共享不足；三是缺少智能分析手段。上述问题是二期建设需要重点解决的内容。',
  ],
};

cityManagement.documents = [
  pdfDocument('wl-2027-01-proposal', 'proposal', proposalReport(cityManagementSpec), created),
  docxDocument('wl-2027-01-design', 'preliminary-design', preliminaryDesignReport(cityManagementSpec), created),
  budgetDocument(cityManagement, created),
  pdfDocument('wl-2027-01-crypto', 'crypto-plan', cryptoPlanReport(cityManagementSpec), created),
  catalogDocument(
    cityManagement,
    [
      {
        name: '城市管理案件信息',
        fields: '案件编号、问题类型、发生地址、坐标、上报时间、处置单位、处置结果、结案时间',
        provider: '区数字化城市管理中心',
        share: '无条件共享',
        open: '有条件开放',
        cycle: '实时',
        method: '接口',
      },
      {
        name: '城市部件普查数据',
        fields: '部件编号、部件类型、坐标、权属单位、养护单位、状态',
        provider: '区数字化城市管理中心',
        share: '无条件共享',
        open: '无条件开放',
        cycle: '每季度',
        method: '库表',
      },
      {
        name: '物联感知告警信息',
        fields: '设备编号、告警类型、告警时间、位置、处置状态',
        provider: '区数字化城市管理中心',
        share: '有条件共享',
        open: '不予开放',
        cycle: '实时',
        method: '接口',
      },
      {
        name: '处置单位考核结果',
        fields: '单位名称、考核周期、案件数、按期处置率、返工率、得分',
        provider: '区城市管理局',
        share: '有条件共享',
        open: '不予开放',
        cycle: '每月',
        method: '文件',
      },
    ],
    created,
  ),
  performanceDocument(
    cityManagement,
    '建成智慧城管综合平台二期，问题主动发现率达到60%以上，案件平均处置时长缩短30%，城管数据全部按目录共享。',
    [
      { level1: '产出指标', level2: '数量指标', indicator: '新建业务子系统数量', value: '5个' },
      { level1: '产出指标', level2: '数量指标', indicator: '接入物联感知设备数量', value: '≥640台（个）' },
      { level1: '产出指标', level2: '质量指标', indicator: '等级保护测评结论', value: '良及以上' },
      { level1: '产出指标', level2: '时效指标', indicator: '项目建设周期', value: '≤12个月' },
      { level1: '产出指标', level2: '成本指标', indicator: '项目总投资控制', value: '不超过批复概算' },
      { level1: '效益指标', level2: '社会效益指标', indicator: '城市管理问题主动发现率', value: '≥60%' },
      { level1: '效益指标', level2: '社会效益指标', indicator: '案件平均处置时长缩短比例', value: '≥30%' },
      { level1: '效益指标', level2: '可持续影响指标', indicator: '数据资源按目录共享率', value: '100%' },
      { level1: '满意度指标', level2: '服务对象满意度指标', indicator: '市民对城市管理问题处置的满意度', value: '≥90%' },
    ],
    created,
  ),
  pdfDocument(
    'wl-2027-01-post-evaluation',
    'post-evaluation',
    postEvaluationReport(cityManagementSpec, cityManagementPrior, '重庆正衡工程项目管理咨询有限公司'),
    created,
  ),
];

const oneNetwork: SampleProject = {
  id: 'wl-2027-02',
  code: 'WL-2027-02',
  name: '武隆区政务服务“一网通办”综合受理系统建设项目',
  applicant: '重庆市武隆区政务服务管理办公室',
  supervisor: '重庆市武隆区人民政府办公室',
  type: 'new',
  fundingSource: '区级财政资金',
  periodMonths: 10,
  inAnnualPlan: true,
  summary: '依托“渝快办”和市一体化政务服务平台，建设区级综合窗口受理、智能导办和“一件事一次办”联办系统，推动政务服务事项全程网办。',
  budget: [
    { name: '综合窗口统一受理子系统', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(780_000) },
    { name: '“一件事一次办”联办子系统', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(620_000) },
    { name: '智能导办与材料预审子系统', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(460_000) },
    { name: '好差评及效能监督子系统', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(240_000) },
    { name: '与市一体化政务服务平台接口开发', category: '应用软件开发', quantity: 1, unit: '项', unitPriceFen: yuan(180_000) },
    {
      name: '政务服务事项数据标准化梳理',
      category: '数据加工处理',
      quantity: 1,
      unit: '项',
      unitPriceFen: yuan(160_000),
      note: '区级1,286项事项',
    },
    { name: '政务云资源租用（首年）', category: '云资源租用', quantity: 12, unit: '月', unitPriceFen: yuan(9_500) },
    { name: '商用密码应用改造', category: '密码应用', quantity: 1, unit: '项', unitPriceFen: yuan(260_000) },
    { name: '等级保护测评及密码应用安全性评估', category: '测评', quantity: 1, unit: '项', unitPriceFen: yuan(150_000) },
    { name: '系统集成及部署实施', category: '系统集成', quantity: 1, unit: '项', unitPriceFen: yuan(120_000) },
    { name: '工程建设其他费（监理、造价咨询）', category: '工程建设其他费', quantity: 1, unit: '项', unitPriceFen: yuan(95_000) },
  ],
  documents: [],
};

const oneNetworkSpec: ProposalSpec = {
  project: oneNetwork,
  district: wulong,
  preparedBy,
  dateText,
  background: [
    '近年来，武隆区深入推进“放管服”改革，区级政务服务事项网上可办率已达到98%，但线下综合窗口仍存在“前台综合受理、后台分类审批”衔接不畅、跨部门事项需要群众多头跑等问题。',
    '按照全市政务服务“一网通办”和高效办成“一件事”的部署要求，需要建设区级综合受理系统，与重庆市一体化政务服务平台和“渝快办”深度对接，实现线上线下一体化办理。',
  ],
  goals: [
    '建成覆盖区政务服务中心、26个乡镇（街道）便民服务中心的综合受理系统，实现区级政务服务事项“一窗受理、一网通办”。',
    '上线不少于20个“一件事一次办”主题服务，申请材料平均减少40%，办理时限平均压缩50%。',
  ],
  contents: [
    [
      '综合窗口统一受理子系统',
      '统一受理线上线下申请，受理信息实时推送至市一体化政务服务平台和部门业务系统，实现“前台综合受理、后台分类审批、统一窗口出件”。',
    ],
    ['“一件事一次办”联办子系统', '按主题对多部门事项进行流程再造，实现一次告知、一表申请、一套材料、一窗受理、联审联办。'],
    ['智能导办与材料预审子系统', '根据申请人情形智能生成办事指南和材料清单，对申请材料进行自动预审，减少因材料问题导致的退件。'],
    ['好差评及效能监督子系统', '对接全国一体化政务服务平台好差评系统，对窗口服务和审批效能进行实时监督。'],
  ],
  currentState: [
    '区政务服务中心现有综合窗口36个，进驻部门32个，年办件量约42万件；26个乡镇（街道）便民服务中心可办理民生事项186项。',
    '目前窗口受理主要使用市一体化政务服务平台的通用受理功能，部门审批使用各自业务系统，窗口人员需要在多个系统间重复录入。',
  ],
  existingSystems: [
    ['重庆市一体化政务服务平台（武隆分厅）', '2019年', '市级平台', '市级统建，区级使用'],
    ['区政务服务中心排队叫号系统', '2018年', '区政务服务中心', '运行正常，将通过接口对接'],
    ['“渝快办”移动端武隆专区', '2020年', '市级平台', '市级统建，区级维护内容'],
  ],
  problems: [
    '窗口人员在多个系统间重复录入，单件受理平均耗时约12分钟；',
    '跨部门联办事项缺少统一流转工具，群众仍需多次提交材料；',
    '材料审查主要依靠人工，因材料不全或不规范造成的退件率约为15%；',
  ],
  needs: [
    '窗口人员需要“一次录入、多方复用”，受理信息自动推送审批部门；群众需要在“渝快办”和线下窗口获得一致的办事指南和办理状态。',
    '系统需与市一体化政务服务平台、电子证照库、电子印章系统对接，所需数据通过共享获取，不重复采集。',
  ],
  architecture: {
    layers: [
      { name: '用户层', items: ['办事群众和企业', '综合窗口人员', '部门审批人员'] },
      { name: '业务应用层', items: ['统一受理', '一件事联办', '智能导办', '好差评监督'] },
      { name: '应用支撑层', items: ['统一身份认证', '电子证照', '电子印章', '事项库'] },
      { name: '数据资源层', items: ['办件库', '材料库', '主题服务库'] },
      { name: '基础设施层', items: ['区政务云', '电子政务外网', '市一体化平台'] },
    ],
    sides: ['安全保障体系', '标准规范体系'],
  },
  businessMatters: [
    ['企业开办', '区市场监管局、区税务局、区人力社保局', '企业登记、税务登记、社保登记信息'],
    ['新生儿出生“一件事”', '区卫生健康委、区公安局、区医保局', '出生医学证明、户籍、参保信息'],
    ['不动产登记', '区规划和自然资源局、区税务局', '不动产权属、交易和完税信息'],
  ],
  dataCollection: [
    '本项目仅采集办事过程中申请人主动提交的申请信息和材料，身份、证照等信息通过电子证照库和人口、法人库共享获取。',
    '办件数据实时汇聚至市一体化政务服务平台，同时按日同步至区城市大数据资源中心。',
  ],
  sharedIn: [
    ['电子证照数据', '市一体化政务服务平台', '接口调用', '实时'],
    ['人口基础信息', '区公安局', '接口调用', '实时'],
    ['法人单位基础信息', '区市场监管局', '接口调用', '实时'],
  ],
  sharedOut: [
    ['政务服务办件信息', '市一体化政务服务平台、各审批部门', '接口调用', '实时'],
    ['好差评数据', '区政府办公室', '接口调用', '实时'],
  ],
  protectionLevel: '第三级',
  cryptoScope: ['窗口人员身份鉴别', '申请材料及个人信息存储', '与市级平台的数据传输'],
  consolidation: [
    '依托武隆区政务云平台部署，不新建机房和网络；移动端服务全部通过“渝快办”提供，不单独开发APP或小程序。',
    '复用市级统一身份认证、电子证照、电子印章等公共支撑能力；与市一体化政务服务平台深度对接，不另建事项库和办件库。',
  ],
  schedule: [
    ['招标采购', '第1—2个月', '完成招标和合同签订'],
    ['开发与对接', '第3—7个月', '完成开发、系统对接和数据梳理'],
    ['试运行与测评', '第8—9个月', '试运行并完成等保测评和密评'],
    ['竣工验收', '第10个月', '完成竣工验收'],
  ],
  benefits: [
    '群众办事更便捷：申请材料平均减少40%，跑动次数由平均2.3次降至1次以内。',
    '政府服务更高效：窗口单件受理时间由12分钟缩短至5分钟以内，释放窗口人力约30%。',
  ],
};

oneNetwork.documents = [
  pdfDocument('wl-2027-02-proposal', 'proposal', proposalReport(oneNetworkSpec), created),
  docxDocument('wl-2027-02-design', 'preliminary-design', preliminaryDesignReport(oneNetworkSpec), created),
  budgetDocument(oneNetwork, created),
  pdfDocument('wl-2027-02-crypto', 'crypto-plan', cryptoPlanReport(oneNetworkSpec), created),
  catalogDocument(
    oneNetwork,
    [
      {
        name: '政务服务办件信息',
        fields: '办件编号、事项名称、申请人、受理时间、办结时间、办理结果',
        provider: '区政务服务管理办公室',
        share: '有条件共享',
        open: '不予开放',
        cycle: '实时',
        method: '接口',
      },
      {
        name: '“一件事”主题服务目录',
        fields: '主题名称、涉及事项、牵头部门、材料清单、办理时限',
        provider: '区政务服务管理办公室',
        share: '无条件共享',
        open: '无条件开放',
        cycle: '每月',
        method: '库表',
      },
    ],
    created,
  ),
  performanceDocument(
    oneNetwork,
    '建成综合受理系统，上线不少于20个“一件事一次办”主题服务，申请材料平均减少40%，办理时限平均压缩50%。',
    [
      { level1: '产出指标', level2: '数量指标', indicator: '上线“一件事一次办”主题服务数量', value: '≥20个' },
      { level1: '产出指标', level2: '数量指标', indicator: '接入综合受理的乡镇（街道）便民服务中心', value: '26个' },
      { level1: '产出指标', level2: '质量指标', indicator: '密码应用安全性评估结论', value: '符合或基本符合' },
      { level1: '产出指标', level2: '时效指标', indicator: '项目建设周期', value: '≤10个月' },
      { level1: '效益指标', level2: '社会效益指标', indicator: '申请材料平均减少比例', value: '≥40%' },
      { level1: '效益指标', level2: '社会效益指标', indicator: '办理时限平均压缩比例', value: '≥50%' },
      { level1: '满意度指标', level2: '服务对象满意度指标', indicator: '政务服务好评率', value: '≥99%' },
    ],
    created,
  ),
  ofdDocument('wl-2027-02-plan-notice', '区发展改革委关于下达2027年度政务信息化项目计划的通知（OFD版式）', '年度计划通知.ofd'),
];

const waterSupply: SampleProject = {
  id: 'wl-2027-03',
  code: 'WL-2027-03',
  name: '武隆区城乡供水安全智慧监管平台建设项目',
  applicant: '重庆市武隆区水利局',
  supervisor: '重庆市武隆区人民政府',
  type: 'new',
  fundingSource: '中央水利发展资金2,000万元，区级财政配套资金',
  periodMonths: 18,
  inAnnualPlan: true,
  summary: '对全区城乡集中供水工程实施水质、水量、水压在线监测，建设供水安全监管平台，实现从水源到龙头的全过程监管。',
  budget: [
    {
      name: '水源地及水厂水质在线监测站',
      category: '感知设备',
      quantity: 62,
      unit: '站',
      unitPriceFen: yuan(185_000),
      note: '含浊度、余氯、pH等5参数',
    },
    { name: '管网压力及流量监测终端', category: '感知设备', quantity: 480, unit: '台', unitPriceFen: yuan(12_600) },
    { name: '农村集中供水工程智能远传水表', category: '感知设备', quantity: 3_200, unit: '只', unitPriceFen: yuan(620) },
    { name: '监测站点土建及安装工程', category: '安装工程', quantity: 62, unit: '处', unitPriceFen: yuan(48_000) },
    { name: '供水安全监管平台软件开发', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(3_260_000) },
    { name: '水质预警与应急调度子系统', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(1_480_000) },
    { name: '供水工程“一张图”及数字孪生展示', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: yuan(1_260_000) },
    { name: '物联网卡通信服务（首年）', category: '通信服务', quantity: 3_742, unit: '张', unitPriceFen: yuan(120) },
    { name: '政务云资源租用（首年）', category: '云资源租用', quantity: 12, unit: '月', unitPriceFen: yuan(26_000) },
    { name: '商用密码应用建设', category: '密码应用', quantity: 1, unit: '项', unitPriceFen: yuan(480_000) },
    { name: '等级保护测评及密码应用安全性评估', category: '测评', quantity: 1, unit: '项', unitPriceFen: yuan(200_000) },
    { name: '系统集成及部署实施', category: '系统集成', quantity: 1, unit: '项', unitPriceFen: yuan(680_000) },
    {
      name: '工程建设其他费（可研、设计、监理、造价）',
      category: '工程建设其他费',
      quantity: 1,
      unit: '项',
      unitPriceFen: yuan(1_098_560),
    },
    { name: '基本预备费', category: '预备费', quantity: 1, unit: '项', unitPriceFen: yuan(830_000) },
  ],
  documents: [],
};

const waterSupplySpec: ProposalSpec = {
  project: waterSupply,
  district: wulong,
  preparedBy: '重庆渝水规划设计研究有限公司',
  dateText,
  background: [
    '武隆区地处渝东南山区，现有城乡集中供水工程62处，服务人口约31万人，其中农村集中供水工程点多面广、规模小、管理分散，水质检测主要依靠人工定期取样，存在监管盲区。',
    '按照水利部关于农村供水工程规范化管理和数字孪生水利建设的要求，需要建设覆盖全区的城乡供水安全智慧监管平台，提升供水安全保障能力。',
  ],
  goals: [
    '实现全区62处集中供水工程水质在线监测全覆盖，重点管网压力流量监测覆盖率达到80%，水质异常发现时间由平均3天缩短至1小时以内。',
    '建成供水工程“一张图”，实现水源、水厂、管网和用水户全过程数字化监管，为供水应急调度提供决策支撑。',
  ],
  contents: [
    ['感知监测体系', '在水源地、水厂出厂水及管网末梢建设水质在线监测站62个，安装管网压力流量监测终端480台、智能远传水表3,200只。'],
    ['供水安全监管平台', '建设监测数据汇聚、水质达标分析、工程运行监管、巡检维护等功能。'],
    ['水质预警与应急调度子系统', '建立水质超标、爆管漏损等预警模型，实现预警信息自动推送和应急调度指挥。'],
    ['供水工程“一张图”', '基于全区统一地理信息服务，建设供水工程数字化展示和管网数字孪生模型。'],
  ],
  currentState: [
    '区水利局负责全区农村供水工程行业监管，区自来水公司负责城区供水运营。目前农村供水工程水质检测每季度人工取样一次，管网漏损率约为18%。',
    '区水利局已建有水资源管理系统和山洪灾害监测预警系统，积累了水源地和雨量站等基础数据。',
  ],
  existingSystems: [
    ['武隆区水资源管理系统', '2019年', '武隆区政务云平台', '运行正常，提供水源地基础数据'],
    ['山洪灾害监测预警系统', '2017年', '武隆区政务云平台', '运行正常'],
  ],
  problems: [
    '水质监测以人工取样为主，频次低、时效差，难以及时发现水质异常；',
    '管网运行状态不透明，漏损和爆管主要依靠群众报告发现；',
    '供水工程基础数据分散在多个单位，缺少统一的数字化底图。',
  ],
  needs: [
    '监管人员需要实时掌握各供水工程水质、水量、水压情况，并在异常时第一时间收到预警；运营单位需要据此开展巡检和调度。',
    '系统需支持不少于4,000个感知终端的并发接入，监测数据采集频率不低于每15分钟一次，数据保存不少于5年。',
  ],
  architecture: {
    layers: [
      { name: '用户层', items: ['区水利局', '供水运营单位', '乡镇水管站'] },
      { name: '业务应用层', items: ['监测汇聚', '水质分析', '预警调度', '一张图'] },
      { name: '应用支撑层', items: ['物联网接入', '统一身份认证', '地理信息服务'] },
      { name: '数据资源层', items: ['监测数据库', '工程档案库', '供水主题库'] },
      { name: '基础设施层', items: ['区政务云', '电子政务外网', '感知监测终端'] },
    ],
    sides: ['安全保障体系', '标准规范体系'],
  },
  businessMatters: [
    ['农村供水工程行业监管', '区水利局', '工程档案、水质监测、运行数据'],
    ['城区供水运营调度', '区自来水公司', '管网压力流量、用水量数据'],
    ['饮用水卫生监督', '区卫生健康委', '水质检测结果'],
  ],
  dataCollection: [
    '本项目新采集的数据为水质、水压、流量和用水量等物联监测数据，不涉及个人敏感信息；用水户信息由供水运营单位按需提供，仅用于计量分析。',
    '监测数据经物联网接入平台汇聚后进入供水主题库，按日同步至区城市大数据资源中心。',
  ],
  sharedIn: [
    ['水源地基础信息', '区水利局水资源管理系统', '库表交换', '每月'],
    ['饮用水水质检测结果', '区卫生健康委', '接口调用', '每月'],
    ['气象预报及雨量数据', '区气象局', '接口调用', '每小时'],
  ],
  sharedOut: [
    ['供水工程水质监测数据', '区卫生健康委、区生态环境局', '接口调用', '实时'],
    ['供水预警信息', '区应急管理局', '接口调用', '实时'],
  ],
  protectionLevel: '第三级',
  cryptoScope: ['监管人员身份鉴别', '感知终端接入认证', '监测数据传输', '工程档案存储'],
  consolidation: [
    '平台部署在武隆区政务云平台，感知终端通过物联网卡接入政务云物联网接入区，不新建机房和业务专网。',
    '复用区级统一身份认证和地理信息服务，移动巡检依托“渝快政”工作台，不单独开发APP；与水资源管理系统共用水源地数据，不重复采集。',
  ],
  schedule: [
    ['前期及招标', '第1—3个月', '完成初步设计批复、招标和合同签订'],
    ['设备安装', '第4—10个月', '完成监测站建设和终端安装'],
    ['平台开发', '第4—12个月', '完成平台开发和系统集成'],
    ['试运行与测评', '第13—16个月', '试运行，完成等保测评和密评'],
    ['竣工验收', '第17—18个月', '完成竣工验收'],
  ],
  benefits: [
    '保障饮水安全：水质异常发现时间由3天缩短至1小时以内，受益人口约31万人。',
    '降低管网漏损：预计管网漏损率由18%降至12%以下，年节约水量约80万立方米。',
  ],
};

waterSupply.documents = [
  pdfDocument('wl-2027-03-proposal', 'proposal', proposalReport(waterSupplySpec), created),
  docxDocument(
    'wl-2027-03-feasibility',
    'feasibility',
    feasibilityReport(waterSupplySpec, [
      ['方案一：全面自建', '自建机房、自建专网和全部监测设备', '投资大、重复建设，不推荐'],
      ['方案二：依托政务云集约建设', '平台部署政务云，感知终端通过物联网卡接入', '投资合理、可持续，推荐'],
      ['方案三：购买第三方监测服务', '由第三方建设运营，政府按年购买数据服务', '数据权属和安全难以保障，不推荐'],
    ]),
    created,
  ),
  docxDocument('wl-2027-03-design', 'preliminary-design', preliminaryDesignReport(waterSupplySpec), created),
  budgetDocument(waterSupply, created),
  pdfDocument('wl-2027-03-crypto', 'crypto-plan', cryptoPlanReport(waterSupplySpec), created),
  catalogDocument(
    waterSupply,
    [
      {
        name: '供水工程水质监测数据',
        fields: '站点编号、监测时间、浊度、余氯、pH、电导率、温度',
        provider: '区水利局',
        share: '无条件共享',
        open: '有条件开放',
        cycle: '实时',
        method: '接口',
      },
      {
        name: '供水管网运行数据',
        fields: '监测点编号、时间、压力、瞬时流量、累计流量',
        provider: '区水利局',
        share: '有条件共享',
        open: '不予开放',
        cycle: '实时',
        method: '接口',
      },
      {
        name: '城乡供水工程档案',
        fields: '工程名称、位置、设计规模、服务人口、运营单位、建成时间',
        provider: '区水利局',
        share: '无条件共享',
        open: '无条件开放',
        cycle: '每年',
        method: '库表',
      },
    ],
    created,
  ),
  performanceDocument(
    waterSupply,
    '实现全区集中供水工程水质在线监测全覆盖，水质异常发现时间缩短至1小时以内，管网漏损率降至12%以下。',
    [
      { level1: '产出指标', level2: '数量指标', indicator: '建成水质在线监测站数量', value: '62个' },
      { level1: '产出指标', level2: '数量指标', indicator: '安装管网监测终端数量', value: '480台' },
      { level1: '产出指标', level2: '质量指标', indicator: '监测数据有效传输率', value: '≥95%' },
      { level1: '产出指标', level2: '时效指标', indicator: '项目建设周期', value: '≤18个月' },
      { level1: '效益指标', level2: '社会效益指标', indicator: '水质异常发现时间', value: '≤1小时' },
      { level1: '效益指标', level2: '经济效益指标', indicator: '管网漏损率', value: '≤12%' },
      { level1: '满意度指标', level2: '服务对象满意度指标', indicator: '农村用水户满意度', value: '≥90%' },
    ],
    created,
  ),
];

export const wulongPackage: SamplePackage = {
  dirName: 'wulong-2027',
  packageId: '6f1c2b8e-4d3a-4e5b-9a7c-1d2e3f405162',
  createdAt: '2027-03-10T09:30:00+08:00',
  issuer: wulong.dataBureau,
  jurisdiction: 'wulong',
  session: {
    title: '2027年度武隆区政务信息化项目专家评审会',
    date: '2027-03-18',
    location: '武隆区行政中心3号楼第二会议室',
    experts: [
      { id: 'e1', name: '周建国', title: '正高级工程师', employer: '重庆渝信规划设计研究院有限公司', specialty: '信息系统工程' },
      { id: 'e2', name: '陈晓梅', title: '研究员', employer: '重庆数字治理研究院', specialty: '数字政府与数据治理' },
      { id: 'e3', name: '刘志强', title: '高级工程师', employer: '武隆区政务信息化专家库（原区信息中心）', specialty: '电子政务' },
      { id: 'e4', name: '王丽娟', title: '高级会计师', employer: '重庆衡信工程造价咨询有限公司', specialty: '工程造价' },
      {
        id: 'e5',
        name: '杨帆',
        title: '商用密码应用安全性评估师',
        employer: '重庆安信密码测评技术有限公司',
        specialty: '商用密码与网络安全',
      },
    ],
    chair: 'e1',
  },
  projects: [cityManagement, oneNetwork, waterSupply],
};
