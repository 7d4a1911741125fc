// Owns the red-flag checks read from text (§5 of the digest): pattern rules with their exceptions and expectations, and the annual-plan rule.
import { projectTypeNames } from '../../../../shared/manifest';
import type { PatternFlag, Profile, RedFlag } from '../../../../shared/profile';
import { isReferencePractice, type Evidence, type Finding } from '../../../../shared/precheck';
import { classificationFinding } from './classification';
import { makeFinding } from './finding';
import { findEvidence, type PrecheckProject, type TextSource } from './text';

type Exception = { id: string; title: string; patterns: string[]; citation: string };

/** The exceptions whose words appear, each with where; empty when none applies. */
function matchedExceptions(exceptions: Exception[], sources: TextSource[]): { exception: Exception; evidence: Evidence[] }[] {
  return exceptions
    .map((exception) => ({ exception, evidence: findEvidence(sources, exception.patterns, 2) }))
    .filter((e) => e.evidence.length > 0);
}

function describeExceptions(found: { exception: Exception }[]): string {
  return found
    .map(({ exception }) => `“${exception.title}”（${isReferencePractice(exception.citation) ? '参考做法' : exception.citation}）`)
    .join('、');
}

function patternFinding(flag: PatternFlag, project: PrecheckProject, profile: Profile, text: TextSource[]): Finding | null {
  if (flag.projectTypes && !flag.projectTypes.includes(project.type)) return null;
  const sources = flag.scope === 'applicant' ? [{ documentTitle: '项目建设单位', text: project.applicant }] : text;
  if (sources.every((s) => s.text.trim() === '')) {
    return makeFinding(
      profile,
      'red-flag',
      flag,
      'judge',
      `没有可检索的项目文本，无法自动检查“${flag.title}”，请人工核对。${flag.explanation}`,
    );
  }
  const hits = findEvidence(sources, flag.patterns);
  if (hits.length > 0) {
    const exceptions = matchedExceptions(flag.exceptions, sources);
    if (exceptions.length > 0) {
      const message = `发现“${flag.title}”的表述，但文本也提及${describeExceptions(exceptions)}，可能属于允许的例外情形，请核实。${flag.explanation}`;
      return makeFinding(profile, 'red-flag', flag, 'judge', message, [...hits, ...exceptions.flatMap((e) => e.evidence)]);
    }
    return makeFinding(profile, 'red-flag', flag, flag.status, `发现“${flag.title}”的表述（见引文）。${flag.explanation}`, hits);
  }
  const missing = flag.expect.filter((group) => findEvidence(sources, group.patterns, 1).length === 0);
  if (missing.length > 0) {
    return makeFinding(profile, 'red-flag', flag, 'judge', `${missing.map((g) => g.message).join('；')}。${flag.explanation}`);
  }
  const support = flag.expect.flatMap((group) => findEvidence(sources, group.patterns, 1));
  return makeFinding(profile, 'red-flag', flag, 'pass', flag.passMessage, support);
}

function annualPlanFinding(
  flag: Extract<RedFlag, { check: 'annual-plan' }>,
  project: PrecheckProject,
  profile: Profile,
  text: TextSource[],
): Finding {
  const declared: Evidence = { documentTitle: '项目申报信息', quote: project.inAnnualPlan ? '已纳入年度计划' : '未纳入年度计划' };
  if (project.inAnnualPlan) return makeFinding(profile, 'red-flag', flag, 'pass', '项目已纳入年度计划。', [declared]);
  if (flag.exemptTypes.includes(project.type)) {
    const message = `项目未纳入年度计划；${projectTypeNames[project.type]}项目可按规定程序补充纳入，请核实相关程序是否履行。${flag.explanation}`;
    return makeFinding(profile, 'red-flag', flag, 'judge', message, [declared]);
  }
  const exceptions = matchedExceptions(flag.exceptions, text);
  if (exceptions.length > 0) {
    const message = `项目未纳入年度计划，文本提及${describeExceptions(exceptions)}，可能属于允许的例外情形；须报政府批准后按程序实施，请核实。${flag.explanation}`;
    return makeFinding(profile, 'red-flag', flag, 'judge', message, [declared, ...exceptions.flatMap((e) => e.evidence)]);
  }
  const none = flag.exceptions.length > 0 ? '文本中未见允许的例外情形。' : '';
  return makeFinding(profile, 'red-flag', flag, flag.status, `项目未纳入年度计划。${none}${flag.explanation}`, [declared]);
}

export function redFlagFindings(project: PrecheckProject, profile: Profile, text: TextSource[]): Finding[] {
  const findings: Finding[] = [];
  for (const flag of profile.redFlags) {
    const finding =
      flag.check === 'patterns'
        ? patternFinding(flag, project, profile, text)
        : flag.check === 'annual-plan'
          ? annualPlanFinding(flag, project, profile, text)
          : classificationFinding(flag, project, profile, text);
    if (finding) findings.push(finding);
  }
  return findings;
}
