// Owns the threshold-driven red flags: 运维 classification of small upgrades (武隆 附件), free maintenance period (泰州 第13条), 立项 above 50万 (泰州 第9条).
import type { Profile, RedFlag } from '../../../../shared/profile';
import type { Finding } from '../../../../shared/precheck';
import { thresholdFen } from '../profiles';
import { makeFinding } from './finding';
import { fenToWan } from '../../../../shared/money';
import { findEvidence, findMatches, type PrecheckProject, type TextSource } from './text';

type ClassificationFlag = Exclude<RedFlag, { check: 'patterns' | 'annual-plan' }>;

function smallUpgradeFinding(
  flag: Extract<ClassificationFlag, { check: 'small-upgrade' }>,
  project: PrecheckProject,
  profile: Profile,
  text: TextSource[],
): Finding | null {
  if (!flag.projectTypes.includes(project.type)) return null;
  const limitFen = thresholdFen(profile, flag.threshold);
  const amount = `项目总投资 ${fenToWan(project.totalInvestmentFen)} 万元`;
  const upgrade = findEvidence(text, flag.upgradePatterns);
  if (project.totalInvestmentFen < limitFen && upgrade.length > 0) {
    const message = `${amount}，低于 ${fenToWan(limitFen)} 万元，且为升级改造；若政务信息系统主体功能未发生改变，应作为运行维护项目处理，请判断。${flag.explanation}`;
    return makeFinding(profile, 'red-flag', flag, 'judge', message, upgrade);
  }
  const lineNames = project.budgetLines.map((l) => ({ documentTitle: '预算明细', text: l.name }));
  const developmentLine = findEvidence(lineNames, flag.developmentPatterns, 1).length > 0;
  const replacement = findEvidence(text, flag.replacementPatterns);
  if (project.budgetLines.length > 0 && !developmentLine && replacement.length > 0) {
    const message = `预算明细只有成品设备，没有开发或集成内容，且文本提及更换、扩容等；仅购置成品配套设备对已有设备简单报废更替、扩容扩能的，应作为运行维护项目处理，请判断。${flag.explanation}`;
    return makeFinding(profile, 'red-flag', flag, 'judge', message, replacement);
  }
  const why = project.totalInvestmentFen < limitFen ? '未见升级改造或设备更替的表述' : `不低于 ${fenToWan(limitFen)} 万元`;
  return makeFinding(profile, 'red-flag', flag, 'pass', `${amount}，${why}，按建设项目申报符合规定。`);
}

const chineseDigits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "12" / "十二" / "二十四" / "两" → number (up to 99); NaN otherwise. */
function parseCount(s: string): number {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (!s.includes('十')) return s.length === 1 ? (chineseDigits[s] ?? NaN) : NaN;
  const [tens, ones] = s.split('十');
  return (tens ? (chineseDigits[tens] ?? NaN) : 1) * 10 + (ones ? (chineseDigits[ones] ?? NaN) : 0);
}

/** A period written right after the term: "免费运维期为12个月", "质保期三年", "免费维护期：二十四个月". */
const periodAfterTerm = /^[^，。；\d一二两三四五六七八九十]{0,8}(\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3})\s*个?\s*(月|年)/u;

function freeMaintenanceFinding(
  flag: Extract<ClassificationFlag, { check: 'free-maintenance' }>,
  project: PrecheckProject,
  profile: Profile,
  text: TextSource[],
): Finding | null {
  if (!flag.projectTypes.includes(project.type)) return null;
  const minimum = profile.thresholds.find((t) => t.id === flag.threshold)?.value ?? 0;
  const stated = flag.termPatterns.flatMap((term) =>
    findMatches(text, term).flatMap((m) => {
      const period = periodAfterTerm.exec(m.text.slice(m.index + m.match.length));
      if (!period) return [];
      const months = parseCount(period[1]!) * (period[2] === '年' ? 12 : 1); // both groups always take part

      const quote = m.text.slice(m.index, m.index + m.match.length + period[0].length);
      return Number.isFinite(months)
        ? [{ months, evidence: { documentId: m.source.documentId, documentTitle: m.source.documentTitle, page: m.source.page, quote } }]
        : [];
    }),
  );
  if (stated.length === 0) {
    return makeFinding(profile, 'red-flag', flag, 'judge', `申报文件中未见免费运维期（质保期）的约定，请核实。${flag.explanation}`);
  }
  const shortest = stated.reduce((a, b) => (b.months < a.months ? b : a));
  if (shortest.months < minimum) {
    return makeFinding(
      profile,
      'red-flag',
      flag,
      'fail',
      `约定的免费运维期为 ${shortest.months} 个月，少于 ${minimum} 个月。${flag.explanation}`,
      [shortest.evidence],
    );
  }
  return makeFinding(profile, 'red-flag', flag, 'pass', `约定的免费运维期为 ${shortest.months} 个月，不少于 ${minimum} 个月。`, [
    shortest.evidence,
  ]);
}

function investmentApprovalFinding(
  flag: Extract<ClassificationFlag, { check: 'investment-approval' }>,
  project: PrecheckProject,
  profile: Profile,
  text: TextSource[],
): Finding | null {
  if (!flag.projectTypes.includes(project.type)) return null;
  const limitFen = thresholdFen(profile, flag.threshold);
  const amount = `项目总投资 ${fenToWan(project.totalInvestmentFen)} 万元`;
  if (project.totalInvestmentFen < limitFen) {
    return makeFinding(profile, 'red-flag', flag, 'pass', `${amount}，低于 ${fenToWan(limitFen)} 万元，无需向区发展改革委申请立项。`);
  }
  const approval = findEvidence(text, flag.approvalPatterns);
  if (approval.length > 0)
    return makeFinding(profile, 'red-flag', flag, 'pass', `${amount}，须立项；申报材料中有立项相关内容（见引文）。`, approval);
  return makeFinding(
    profile,
    'red-flag',
    flag,
    'judge',
    `${amount}，达到 ${fenToWan(limitFen)} 万元，申报材料中未见立项批复，请核实。${flag.explanation}`,
  );
}

export function classificationFinding(
  flag: ClassificationFlag,
  project: PrecheckProject,
  profile: Profile,
  text: TextSource[],
): Finding | null {
  switch (flag.check) {
    case 'small-upgrade':
      return smallUpgradeFinding(flag, project, profile, text);
    case 'free-maintenance':
      return freeMaintenanceFinding(flag, project, profile, text);
    case 'investment-approval':
      return investmentApprovalFinding(flag, project, profile, text);
  }
}
