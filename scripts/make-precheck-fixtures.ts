// Owns the labelled budget-line set for the pre-check classifier (`npx tsx scripts/make-precheck-fixtures.ts` → test/fixtures/precheck/budget-lines.json).
//
// Each line carries the verdict an expert would give and the list it comes from: every row of 武隆 附件 (纳入 /
// 经评估可纳入 / 不纳入), every item of 泰州 第24条, and tricky lines where a generic word would mislead a naive
// classifier (办公软件正版化 contains 软件, 云服务器 contains 服务器, 门户网站内容更新维护 contains 门户网站 …).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LabelledBudgetLine } from '../electron/core/precheck/budget';

type Row = [
  profile: LabelledBudgetLine['profile'],
  name: string,
  category: string,
  expected: LabelledBudgetLine['expected'],
  basis: string,
  note?: string,
];

const W纳入 = '武隆 附件 纳入';
const W评估 = '武隆 附件 经评估可纳入';
const W不纳入 = '武隆 附件 不纳入';
const T24 = (item: string) => `泰州 第24条（${item}）`;
const TRICKY = '易混淆';

const rows: Row[] = [
  // 武隆 附件 — 纳入
  ['wulong', '森林防火遥感监测设备', '感知设备', 'eligible', `${W纳入}：遥感设备`],
  ['wulong', '桥梁结构健康监测传感器', '感知设备', 'eligible', `${W纳入}：传感器`],
  ['wulong', '重点路口高清摄像头', '前端设备', 'eligible', `${W纳入}：摄像头`],
  ['wulong', '固定资产RFID电子标签及读写器', '物联设备', 'eligible', `${W纳入}：RFID`],
  ['wulong', '市场监管专用数据采集终端', '终端设备', 'eligible', `${W纳入}：专用数据采集终端`],
  ['wulong', '业务系统备品备件', '运维', 'eligible', `${W纳入}：备品备件`],
  ['wulong', '运维专用工具（网络测试仪、光功率计）', '运维', 'eligible', `${W纳入}：运行维护专用工具`],
  ['wulong', 'IT服务台建设', '运维', 'eligible', `${W纳入}：服务台`],
  ['wulong', '应急通信保障专用车辆', '运维', 'eligible', `${W纳入}：专用车辆`],
  ['wulong', '电子政务外网接入链路租用', '网络租用', 'eligible', `${W纳入}：政务外网`],
  ['wulong', '政务内网终端接入', '网络', 'eligible', `${W纳入}：政务内网`],
  ['wulong', '互联网专线带宽（100M）', '网络租用', 'eligible', `${W纳入}：互联网`],
  ['wulong', '网络安全测评服务', '测评', 'eligible', `${W纳入}：安全测评`],
  ['wulong', '网络安全整改加固', '安全服务', 'eligible', `${W纳入}：安全整改`],
  ['wulong', '政务云资源租用（计算、存储）', '云资源租用', 'eligible', `${W纳入}：租用云服务；${TRICKY}：含“存储”`],
  ['wulong', '人口基础数据库建设', '数据资源', 'eligible', `${W纳入}：政务基础数据`],
  ['wulong', '城市运行主题数据库建设', '数据资源', 'eligible', `${W纳入}：政务主题数据`],
  ['wulong', '数据共享交换标准规范编制', '咨询服务', 'eligible', `${W纳入}：标准规范编制`],
  ['wulong', '二级等级保护测评', '测评', 'eligible', `${W纳入}：等级保护测评`],
  ['wulong', '第三方软件系统测评', '测评', 'eligible', `${W纳入}：系统测评`],
  ['wulong', '协同办公（OA）系统升级开发', '应用软件开发', 'eligible', `${W纳入}：办公自动化系统；${TRICKY}：含“办公”`],
  ['wulong', '视频会议系统（会议室终端接入）', '应用系统', 'eligible', `${W纳入}：视频会议系统；${TRICKY}：含“会议室”`],
  ['wulong', '楼宇智能化系统（门禁、停车）', '应用系统', 'eligible', `${W纳入}：楼宇智能化系统`],
  ['wulong', '人事管理系统', '应用软件开发', 'eligible', `${W纳入}：人事系统`],
  ['wulong', '财务管理系统', '应用软件开发', 'eligible', `${W纳入}：财务系统`],
  ['wulong', '区政府公共服务网站改版开发', '应用软件开发', 'eligible', `${W纳入}：公共服务网站`],
  ['wulong', '数据库软件授权', '基础软件', 'eligible', `${W纳入}：数据库正版软件授权`, '与业务系统同步部署'],
  ['wulong', '服务器虚拟化软件授权', '基础软件', 'eligible', `${W纳入}：虚拟化正版软件授权；${TRICKY}：含“服务器”`],
  ['wulong', '设计咨询及工程监理费', '工程建设其他费', 'eligible', `${W纳入}：设计咨询、工程监理等费用（政务信息建设项目）`],
  // 武隆 附件 — 经评估可纳入
  ['wulong', '执法人员手机终端', '终端设备', 'needs-evaluation', `${W评估}：手机终端`],
  ['wulong', '环境噪声监测设备', '感知设备', 'needs-evaluation', `${W评估}：其他感知设备`],
  ['wulong', '业务人员办公电脑', '终端设备', 'needs-evaluation', `${W评估}：电脑`],
  ['wulong', '视频专网租用', '网络租用', 'needs-evaluation', `${W评估}：业务专网`],
  ['wulong', '数据库服务器', '硬件设备', 'needs-evaluation', `${W评估}：服务器存储；${TRICKY}：含“数据库”`],
  ['wulong', '磁盘阵列存储扩容', '硬件设备', 'needs-evaluation', `${W评估}：服务器存储`],
  ['wulong', '网络安全咨询服务', '咨询服务', 'needs-evaluation', `${W评估}：安全咨询`],
  ['wulong', '办公楼局域网改造', '网络工程', 'needs-evaluation', `${W评估}：局域网络`],
  ['wulong', '机房物业管理费及电费', '机房运行', 'needs-evaluation', `${W评估}：机房环境`],
  ['wulong', '培训系统电子课件采购', '数字资源', 'needs-evaluation', `${W评估}：培训类系统电子课件；${TRICKY}：含“培训”`],
  ['wulong', '历史档案数据采集录入', '数据服务', 'needs-evaluation', `${W评估}：数据采集`],
  ['wulong', '不动产登记数据清洗与加工', '数据服务', 'needs-evaluation', `${W评估}：数据加工处理`],
  // 武隆 附件 — 不纳入
  ['wulong', '办公耗材（硒鼓、打印纸）', '办公耗材', 'ineligible', `${W不纳入}：办公耗材`],
  ['wulong', '办公桌椅更换', '办公设施', 'ineligible', `${W不纳入}：办公设施更换`],
  ['wulong', '信息中心人员工资', '人员费用', 'ineligible', `${W不纳入}：人员工资`],
  ['wulong', '项目考察差旅费', '差旅费', 'ineligible', `${W不纳入}：差旅费`],
  ['wulong', '信息化业务学习培训费', '培训费', 'ineligible', `${W不纳入}：学习培训费`],
  ['wulong', '会议室升级改造（音响、装修）', '会议室改造', 'ineligible', `${W不纳入}：会议室升级改造`],
  ['wulong', '办公软件正版化', '软件', 'ineligible', `${W不纳入}：办公软件正版化；${TRICKY}：含“软件”`],
  ['wulong', '办公电话线路费', '通信费', 'ineligible', `${W不纳入}：电话线路`],
  ['wulong', '政务公众号推广宣传', '宣传', 'ineligible', `${W不纳入}：公众号推广宣传`],
  ['wulong', '门户网站内容更新维护', '运营服务', 'ineligible', `${W不纳入}：门户网站内容更新维护；${TRICKY}：含“门户网站”`],
  // 易混淆
  ['wulong', '服务器', '硬件设备', 'needs-evaluation', `${W评估}：服务器存储（单列“服务器”）`],
  ['wulong', '云服务器租用', '云资源租用', 'eligible', `${W纳入}：租用云服务；${TRICKY}：含“服务器”`],
  ['wulong', '服务器密码机', '密码设备', 'eligible', `${W纳入}：安全整改（密码应用）；${TRICKY}：含“服务器”`],
  ['wulong', '移动执法数据采集终端', '终端设备', 'eligible', `${W纳入}：专用数据采集终端；${TRICKY}：含“数据采集”`],
  ['wulong', '门户网站运维服务', '运维服务', 'eligible', `${W纳入}：公共服务网站（技术运维，非内容维护）`],
  ['wulong', '防火墙及入侵防御设备', '安全设备', 'eligible', `${W纳入}：安全整改（武隆 第十七条 网络安全技术措施）`],
  ['wulong', '网络安全态势感知平台', '安全平台', 'eligible', `${W纳入}：安全整改；${TRICKY}：含“感知”`],
  ['wulong', '智能电话外呼系统', '应用软件开发', 'eligible', `${W纳入}：业务系统；${TRICKY}：含“电话”`],
  ['wulong', '社保数据共享接口开发', '应用软件开发', 'eligible', `${W纳入}：业务系统；${TRICKY}：含“社保”`],
  ['wulong', '普法宣传教育平台开发', '应用软件开发', 'eligible', `${W纳入}：业务系统；${TRICKY}：含“宣传”`],
  ['wulong', '数据治理平台建设', '应用软件开发', 'eligible', `${W纳入}：业务系统；${TRICKY}：含“数据治理”`],
  ['wulong', '基本预备费', '预备费', 'needs-evaluation', '附件未列，须专家判断'],
  ['wulong', '专用服务器及存储设备', '硬件设备', 'needs-evaluation', `${W评估}：服务器存储；${TRICKY}：备注含“机房”`, '部署于中心自有机房'],
  ['wulong', '系统运维驻场服务', '运维服务', 'eligible', `${W纳入}：业务系统运行维护；${TRICKY}：备注含“人员工资”`, '不含人员工资'],
  // 泰州 第24条 — 不属于本办法管理范围
  ['taizhou-gaogang', '办公电脑采购', '办公设备', 'ineligible', `${T24('一')}：电脑`],
  ['taizhou-gaogang', '会议室电视机', '办公设备', 'ineligible', `${T24('一')}：电视机`],
  ['taizhou-gaogang', 'LED电子显示屏', '显示设备', 'ineligible', `${T24('一')}：电子显示屏`],
  ['taizhou-gaogang', '激光打印机', '办公设备', 'ineligible', `${T24('一')}：打印机`],
  ['taizhou-gaogang', '高速扫描仪', '办公设备', 'ineligible', `${T24('一')}：扫描仪`],
  ['taizhou-gaogang', '数码复印机', '办公设备', 'ineligible', `${T24('一')}：复印机`],
  ['taizhou-gaogang', '无线话筒及音响', '会议设施', 'ineligible', `${T24('一')}：话筒、音响`],
  ['taizhou-gaogang', '政务服务自助查询机', '专业设备', 'ineligible', `${T24('二')}：自助查询机`],
  ['taizhou-gaogang', '智能快递柜', '专业设备', 'ineligible', `${T24('二')}：快递柜`],
  ['taizhou-gaogang', '水质检测仪器仪表', '专业设备', 'ineligible', `${T24('二')}：仪器仪表`],
  ['taizhou-gaogang', '5G通信基站', '通信设备', 'ineligible', `${T24('二')}：通信基站`],
  ['taizhou-gaogang', '数字对讲机', '通信设备', 'ineligible', `${T24('二')}：对讲机`],
  ['taizhou-gaogang', '巡查无人机', '专业设备', 'ineligible', `${T24('二')}：无人机`],
  ['taizhou-gaogang', '政务服务导办机器人', '专业设备', 'ineligible', `${T24('二')}：机器人`],
  ['taizhou-gaogang', '终端杀毒软件', '软件', 'ineligible', `${T24('三')}：杀毒软件`],
  ['taizhou-gaogang', '桌面操作系统升级', '软件', 'ineligible', `${T24('三')}：操作系统`],
  ['taizhou-gaogang', '办公软件（WPS）采购', '软件', 'ineligible', `${T24('三')}：办公软件`],
  [
    'taizhou-gaogang',
    '楼宇智能化工程',
    '弱电工程',
    'needs-evaluation',
    `${T24('四')}：不产生公共数据的楼宇智能化工程（是否产生公共数据须判断）`,
  ],
  ['taizhou-gaogang', '机关大院门禁系统', '弱电工程', 'needs-evaluation', `${T24('四')}：楼宇智能化；${TRICKY}：含“系统”`],
  ['taizhou-gaogang', '政务数据共享交换平台开发', '应用软件开发', 'eligible', '泰州 第3条：数据治理类项目属政务信息化项目'],
  ['taizhou-gaogang', '服务器操作系统授权', '基础软件', 'eligible', `${W纳入}：正版软件授权；${TRICKY}：含“操作系统”`],
  ['taizhou-gaogang', '政务云资源租用', '云资源租用', 'eligible', `${W纳入}：租用云服务`],
  ['taizhou-gaogang', '项目组人员工资', '人员费用', 'ineligible', `${W不纳入}：人员工资（参照）`],
  ['taizhou-gaogang', '远程视频会议系统', '应用系统', 'eligible', `${W纳入}：视频会议系统`],
  ['taizhou-gaogang', '机器人流程自动化（RPA）软件开发', '应用软件开发', 'eligible', `${W纳入}：业务系统；${TRICKY}：含“机器人”`],
  // 东河、达拉特、朔城（通用规则）
  ['donghe', '社区自助服务终端', '终端设备', 'needs-evaluation', `${W评估}：电脑等终端（参照）`],
  ['donghe', '项目专班人员工资（12人×12个月）', '人员费用', 'ineligible', `${W不纳入}：人员工资（参照）`],
  ['dalate', '视频监控摄像机', '前端设备', 'eligible', `${W纳入}：摄像头（参照）`],
  ['dalate', '数据中心UPS电源', '机房设备', 'needs-evaluation', `${W评估}：机房环境（参照）`],
  ['shuocheng', '业务专网租用', '网络租用', 'needs-evaluation', `${W评估}：业务专网（参照）`],
  ['shuocheng', '指挥中心LED拼接大屏', '显示设备', 'needs-evaluation', '泰州 第24条（一）：显示屏（作为系统组成部分须评估）'],
  // Written blind after the rules (first run 21/26 correct; the five misses led to the 运行维护服务 rule and keyword fixes)
  ['wulong', '视频监控前端点位建设（含立杆、取电）', '前端设备', 'eligible', `${W纳入}：摄像头`],
  ['wulong', '政务服务大厅排队叫号系统', '应用系统', 'eligible', `${W纳入}：业务系统`],
  ['wulong', '12345热线坐席耳麦', '终端设备', 'needs-evaluation', '附件未列，须专家判断'],
  ['wulong', 'GIS地理信息平台软件授权', '基础软件', 'eligible', `${W纳入}：正版软件授权`],
  ['wulong', '数据备份一体机', '硬件设备', 'needs-evaluation', `${W评估}：服务器存储`],
  ['wulong', '核心交换机', '网络设备', 'needs-evaluation', `${W评估}：局域网络`],
  ['wulong', '运维服务（首年）', '运维服务', 'eligible', `${W纳入}：运行维护项目`],
  ['wulong', '电子证照数据归集治理', '数据服务', 'needs-evaluation', `${W评估}：数据加工处理`],
  ['wulong', '移动执法APP开发', '应用软件开发', 'eligible', `${W纳入}：业务系统`],
  ['wulong', '网站群内容运营服务', '运营服务', 'ineligible', `${W不纳入}：门户网站内容更新维护`],
  ['wulong', '信息安全等级保护整改', '安全服务', 'eligible', `${W纳入}：安全整改`],
  ['wulong', '商用密码应用安全性评估', '测评', 'eligible', `${W纳入}：安全测评`],
  ['wulong', '机房精密空调更换', '机房设备', 'needs-evaluation', `${W评估}：机房环境；${TRICKY}：含“空调更换”`],
  ['wulong', '笔记本电脑', '终端设备', 'needs-evaluation', `${W评估}：电脑`],
  ['wulong', '平板电脑（巡检用）', '终端设备', 'needs-evaluation', `${W评估}：手机终端、电脑`],
  ['wulong', 'LED信息发布屏', '显示设备', 'needs-evaluation', '附件未列，须专家判断'],
  ['taizhou-gaogang', '政务外网终端安全准入系统', '安全软件', 'eligible', `${W纳入}：政务外网；${TRICKY}：含“终端”`],
  ['taizhou-gaogang', '触摸查询一体机', '专业设备', 'ineligible', `${T24('二')}：自助查询机触摸屏`],
  ['taizhou-gaogang', '会议室扩声系统', '会议设施', 'ineligible', `${T24('一')}：会议设施；${W不纳入}：会议室升级改造`],
  ['taizhou-gaogang', '档案数字化加工服务', '数据服务', 'needs-evaluation', `${W评估}：数据加工处理`],
  ['taizhou-gaogang', '电子政务外网专线租用', '网络租用', 'eligible', `${W纳入}：政务外网`],
  ['donghe', '网格员手持终端', '终端设备', 'needs-evaluation', `${W评估}：手机终端（参照）`],
  ['donghe', '城市运行指挥中心大屏显示系统', '显示设备', 'needs-evaluation', '泰州 第24条（一）：显示屏（作为系统组成部分须评估）'],
  ['dalate', '视频会议终端', '会议设备', 'eligible', `${W纳入}：视频会议系统（参照）`],
  ['shuocheng', '数据中台建设', '应用软件开发', 'eligible', `${W纳入}：业务系统（参照）`],
  ['shuocheng', '信息资源目录编制', '咨询服务', 'eligible', '朔城 第九条：应当编制信息资源目录'],
];

/** The labelled set, with stable ids (b001 …). */
export function budgetLineFixtures(): LabelledBudgetLine[] {
  return rows.map(([profile, name, category, expected, basis, note], i) => ({
    id: `b${String(i + 1).padStart(3, '0')}`,
    profile,
    name,
    category,
    ...(note ? { note } : {}),
    expected,
    basis,
  }));
}

/** Writes budget-lines.json into `outDir` and returns its path. */
export async function writePrecheckFixtures(outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, 'budget-lines.json');
  await writeFile(file, `${JSON.stringify(budgetLineFixtures(), null, 2)}\n`);
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'precheck');
  writePrecheckFixtures(outDir).then(
    (file) => console.log(`${budgetLineFixtures().length} 条预算明细 → ${path.relative(process.cwd(), file)}`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
