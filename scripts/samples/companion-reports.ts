// Owns the documents that travel with a 建设方案: 密码应用方案, 初步设计及概算, 可行性研究报告 and the third-party 后评价报告.
import { barChartPng } from './png';
import type { ProposalSpec } from './proposal';
import { paragraph, table, type Report, type Section } from './report-model';
import { lineAmountFen, totalFen, wanText, type SampleProject } from './sample-project';

const base = (s: ProposalSpec, docType: string, preparedBy = s.preparedBy) => ({
  docType,
  projectName: s.project.name,
  projectCode: s.project.code,
  applicant: s.project.applicant,
  preparedBy,
  dateText: s.dateText,
});

/** Budget lines summed per category, largest first (概算汇总). */
function byCategory(p: SampleProject): [string, number][] {
  const sums = new Map<string, number>();
  for (const b of p.budget) sums.set(b.category, (sums.get(b.category) ?? 0) + lineAmountFen(b));
  return [...sums].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function categoryTable(p: SampleProject, caption: string) {
  const total = totalFen(p.budget);
  return table(
    caption,
    ['序号', '费用类别', '金额（万元）', '占比'],
    [0.6, 2.4, 1.4, 1],
    [
      ...byCategory(p).map(([c, fen], i) => [String(i + 1), c, wanText(fen), `${((fen * 100) / total).toFixed(1)}%`]),
      ['', '合计', wanText(total), '100.0%'],
    ],
  );
}

function investmentChart(p: SampleProject): Section {
  const groups = byCategory(p);
  return {
    title: '投资构成',
    blocks: [
      paragraph(
        `项目投资按费用类别构成如下图所示，从左至右依次为：${groups.map(([c, fen]) => `${c}（${wanText(fen)}万元）`).join('、')}。`,
      ),
      {
        type: 'image',
        caption: '项目投资构成（按费用类别，单位：万元）',
        png: barChartPng(groups.map(([, fen]) => fen)),
        width: 640,
        height: 360,
      },
    ],
  };
}

export function cryptoPlanReport(s: ProposalSpec): Report {
  const system = s.project.name.replace(/建设项目$|项目$/, '');
  return {
    ...base(s, '密码应用方案'),
    chapters: [
      {
        title: '概述',
        sections: [
          {
            title: '系统概况',
            blocks: [
              paragraph(
                `${system}部署于${s.district.cloud}，通过${s.district.extranet}向全区相关部门提供服务，拟定网络安全保护等级为${s.protectionLevel}。本方案依据密码应用基本要求，对系统的密码应用进行整体设计。`,
              ),
            ],
          },
          {
            title: '编制依据',
            blocks: [
              paragraph('（1）《中华人民共和国密码法》；'),
              paragraph('（2）《商用密码管理条例》（国务院令第760号）；'),
              paragraph('（3）《信息安全技术 信息系统密码应用基本要求》（GB/T 39786-2021）；'),
              paragraph('（4）《信息系统密码应用测评要求》（GM/T 0115-2021）；'),
              paragraph(`（5）${s.district.regulation}。`),
            ],
          },
        ],
      },
      {
        title: '密码应用需求分析',
        sections: [
          {
            title: '保护对象',
            blocks: [
              table(
                '密码保护对象及安全需求',
                ['保护对象', '安全需求'],
                [2, 3],
                s.cryptoScope.map((o) => [o, '身份鉴别、传输机密性与完整性、存储机密性与完整性']),
              ),
            ],
          },
          {
            title: '等级要求',
            blocks: [
              paragraph(
                `按照GB/T 39786-2021第${s.protectionLevel === '第三级' ? '三' : '二'}级要求，系统在物理和环境、网络和通信、设备和计算、应用和数据四个技术层面以及管理制度、人员管理、建设运行和应急处置四个管理层面均应满足相应指标。`,
              ),
            ],
          },
        ],
      },
      {
        title: '密码应用技术方案',
        sections: [
          {
            title: '物理和环境安全',
            blocks: [
              paragraph(
                `系统所在机房由${s.district.cloud}运营方提供，依托其已通过密评的电子门禁系统实现人员进出身份鉴别，采用SM3算法保护门禁记录和视频监控记录的完整性。`,
              ),
            ],
          },
          {
            title: '网络和通信安全',
            blocks: [
              paragraph(
                '在政务云安全接入区部署SSL VPN安全网关，远程运维和跨网访问均通过基于SM2/SM3/SM4算法的安全通道进行；业务访问统一启用国密HTTPS，服务端证书由合规的电子认证服务机构签发。',
              ),
            ],
          },
          {
            title: '设备和计算安全',
            blocks: [
              paragraph(
                '管理员登录服务器、数据库和密码设备时使用智能密码钥匙进行基于SM2的身份鉴别；系统资源访问控制信息和日志记录采用SM3-HMAC进行完整性保护。',
              ),
            ],
          },
          {
            title: '应用和数据安全',
            blocks: [
              paragraph(
                '用户登录采用“口令+数字证书”或“口令+短信验证码+签名验签”方式；身份证号、手机号等个人敏感信息和重要业务数据调用服务器密码机以SM4算法加密存储；重要操作通过SM2数字签名实现不可否认。',
              ),
            ],
          },
        ],
      },
      {
        title: '密钥管理',
        sections: [
          {
            title: '密钥体系',
            blocks: [
              table(
                '主要密钥及其管理',
                ['密钥', '算法', '生成与存储', '更新周期'],
                [1.6, 0.8, 2.4, 1],
                [
                  ['设备身份密钥', 'SM2', '智能密码钥匙内生成，私钥不出设备', '证书有效期内'],
                  ['数据加密密钥', 'SM4', '服务器密码机生成，受主密钥保护', '每年'],
                  ['完整性校验密钥', 'SM3-HMAC', '服务器密码机生成和存储', '每年'],
                  ['会话密钥', 'SM4', '安全网关协商生成，仅存于内存', '每次会话'],
                ],
              ),
            ],
          },
        ],
      },
      {
        title: '安全管理及实施计划',
        sections: [
          {
            title: '安全管理',
            blocks: [
              paragraph(
                '制定密码应用安全管理制度、密钥管理规则和密码设备操作规程，明确密码管理员、审计员岗位职责，关键岗位人员签署保密协议并定期参加培训。',
              ),
            ],
          },
          {
            title: '实施计划及密评',
            blocks: [
              paragraph(
                '密码应用建设与系统建设同步实施，系统试运行期间开展密码应用安全性评估，评估结论为“符合”或“基本符合”后方可申请竣工验收。',
              ),
            ],
          },
        ],
      },
    ],
  };
}

export function preliminaryDesignReport(s: ProposalSpec): Report {
  const p = s.project;
  return {
    ...base(s, '初步设计及概算'),
    chapters: [
      {
        title: '项目概述',
        sections: [
          { title: '项目背景', blocks: s.background.map(paragraph) },
          { title: '设计依据', blocks: s.district.basis.map((b, i) => paragraph(`（${i + 1}）${b}`)) },
        ],
      },
      {
        title: '系统功能设计',
        sections: [
          { title: '功能模块', blocks: [table('功能模块设计', ['模块', '主要功能'], [1.4, 4], s.contents)] },
          { title: '业务及性能需求', blocks: s.needs.map(paragraph) },
        ],
      },
      {
        title: '数据库设计',
        sections: [
          {
            title: '主题库设计',
            blocks: [
              paragraph(`项目在${s.district.dataPlatform}统一规划下建设业务主题库，主要数据资源及其共享方式如下表。`),
              table('主要数据资源', ['数据资源', '使用部门', '共享方式', '更新频率'], [2, 1.8, 1.2, 1], s.sharedOut),
            ],
          },
        ],
      },
      {
        title: '部署设计',
        sections: [
          {
            title: '云资源需求',
            blocks: [
              table(
                '政务云资源需求',
                ['资源类型', '规格', '数量'],
                [1.4, 3, 1],
                [
                  ['应用服务器（虚拟机）', '8核CPU / 32GB内存 / 200GB系统盘', '6台'],
                  ['数据库服务器（虚拟机）', '16核CPU / 64GB内存 / 2TB数据盘', '2台'],
                  ['对象存储', '标准存储', '20TB'],
                  ['互联网带宽', '共享带宽', '50Mbps'],
                ],
              ),
            ],
          },
          {
            title: '网络部署',
            blocks: [paragraph(`系统部署于${s.district.cloud}政务外网区，各部门终端通过${s.district.extranet}访问，不新建网络链路。`)],
          },
        ],
      },
      {
        title: '投资概算',
        sections: [
          {
            title: '概算编制说明',
            blocks: [
              paragraph(`项目概算总投资${wanText(totalFen(p.budget))}万元，概算明细见随本文件报送的投资概算表（Excel），汇总如下。`),
              categoryTable(p, '投资概算汇总表'),
            ],
          },
          investmentChart(p),
        ],
      },
    ],
  };
}

export function feasibilityReport(s: ProposalSpec, options: [string, string, string][]): Report {
  return {
    ...base(s, '可行性研究报告'),
    chapters: [
      {
        title: '项目概述',
        sections: [
          { title: '项目背景', blocks: s.background.map(paragraph) },
          { title: '建设目标', blocks: s.goals.map(paragraph) },
        ],
      },
      {
        title: '项目建设必要性',
        sections: [
          { title: '现状分析', blocks: s.currentState.map(paragraph) },
          { title: '存在问题', blocks: s.problems.map((t, i) => paragraph(`${'一二三四五六'[i]}是${t}`)) },
        ],
      },
      { title: '需求分析', sections: [{ title: '业务需求', blocks: s.needs.map(paragraph) }] },
      {
        title: '建设方案比选',
        sections: [
          {
            title: '方案比选',
            blocks: [
              paragraph('项目组对可选的建设方式进行了比较，结论如下表。'),
              table('建设方案比选', ['方案', '主要特点', '比选结论'], [1.4, 3, 1.6], options),
            ],
          },
        ],
      },
      {
        title: '投资估算及资金筹措',
        sections: [
          { title: '投资估算', blocks: [categoryTable(s.project, '投资估算汇总表'), paragraph(`资金来源：${s.project.fundingSource}。`)] },
        ],
      },
      {
        title: '效益分析及结论',
        sections: [
          { title: '效益分析', blocks: s.benefits.map(paragraph) },
          {
            title: '研究结论',
            blocks: [paragraph('项目建设符合国家和地方数字政府建设要求，需求明确、技术方案可行、投资估算合理，建议尽快批准立项。')],
          },
        ],
      },
    ],
  };
}

/** The earlier phase a 后评价 looks back on (武隆 第十四条 requires it for 改扩建 projects). */
export interface PriorPhase {
  name: string;
  approvedFen: number;
  settledFen: number;
  acceptedOn: string;
  results: [string, string, string][];
  findings: string[];
}

export function postEvaluationReport(s: ProposalSpec, prior: PriorPhase, evaluator: string): Report {
  return {
    ...base(s, '前期项目第三方后评价报告', evaluator),
    projectName: prior.name,
    status: '正式稿',
    chapters: [
      {
        title: '评价概述',
        sections: [
          {
            title: '评价依据',
            blocks: [
              paragraph(
                `受${s.project.applicant}委托，${evaluator}依据${s.district.regulation}及政府投资项目后评价有关规定，对${prior.name}开展第三方后评价。`,
              ),
            ],
          },
          {
            title: '评价方法',
            blocks: [
              paragraph(
                '评价采用资料审查、现场核查、系统实测、用户问卷和座谈访谈相结合的方法，从建设过程、目标实现、运行效益和可持续性四个方面进行评价。',
              ),
            ],
          },
        ],
      },
      {
        title: '项目建设情况',
        sections: [
          {
            title: '投资及验收情况',
            blocks: [
              paragraph(
                `${prior.name}批复总投资${wanText(prior.approvedFen)}万元，竣工决算${wanText(prior.settledFen)}万元，于${prior.acceptedOn}通过竣工验收。`,
              ),
            ],
          },
          {
            title: '建设内容完成情况',
            blocks: [table('一期建设内容完成情况', ['建设内容', '批复要求', '完成情况'], [1.6, 2.4, 2], prior.results)],
          },
        ],
      },
      { title: '运行成效及存在问题', sections: [{ title: '主要发现', blocks: prior.findings.map(paragraph) }] },
      {
        title: '评价结论及建议',
        sections: [
          {
            title: '评价结论',
            blocks: [paragraph('一期项目基本实现批复的建设目标，建设程序合规，投资控制良好，系统运行稳定，综合评价等级为“良好”。')],
          },
          {
            title: '对后续建设的建议',
            blocks: [
              paragraph(
                `建议二期建设聚焦一期运行中暴露的问题，优先完善数据共享和智能分析能力，充分复用一期已建成的软硬件资源，避免重复投资。`,
              ),
            ],
          },
        ],
      },
    ],
  };
}
