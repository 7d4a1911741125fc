// Owns the required-documents check (申报材料): which documents a project of this type and investment must submit.
import type { Profile, RequiredDocumentRule } from '../../../../shared/profile';
import type { ChapterMatch, Evidence, Finding } from '../../../../shared/precheck';
import { thresholdFen } from '../profiles';
import { makeFinding } from './finding';
import { fenToWan } from '../../../../shared/money';
import type { PrecheckProject } from './text';

/** Whether the rule's investment condition holds; the message names the threshold when there is one. */
function investmentCondition(rule: RequiredDocumentRule, project: PrecheckProject, profile: Profile): { applies: boolean; note: string } {
  if (!rule.investment) return { applies: true, note: '' };
  const limitFen = thresholdFen(profile, rule.investment.threshold);
  const atLeast = project.totalInvestmentFen >= limitFen;
  const applies = rule.investment.when === 'at-least' ? atLeast : !atLeast;
  return {
    applies,
    note: `项目总投资 ${fenToWan(project.totalInvestmentFen)} 万元，${atLeast ? '达到' : '低于'} ${fenToWan(limitFen)} 万元。`,
  };
}

function submittedList(project: PrecheckProject): Evidence[] {
  const titles = project.documents.map((d) => `《${d.title}》`).join('、');
  return [{ documentTitle: '申报材料清单', quote: titles ? `已提交：${titles}` : '未提交任何文件' }];
}

export function documentFindings(project: PrecheckProject, profile: Profile, chapterMatches: ChapterMatch[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of profile.requiredDocuments) {
    if (!rule.projectTypes.includes(project.type)) continue;
    const { applies, note } = investmentCondition(rule, project, profile);
    if (!applies) continue;
    const present = project.documents.filter((d) => rule.kinds.includes(d.kind));
    if (present.length > 0) {
      const titles = present.map((d) => `《${d.title}》`).join('、');
      findings.push(
        makeFinding(
          profile,
          'docs',
          rule,
          'pass',
          `${note}已提交${rule.title}：${titles}。`,
          present.map((d) => ({ documentId: d.id, documentTitle: d.title })),
        ),
      );
      continue;
    }
    const chapter = rule.orChapter ? chapterMatches.find((m) => m.chapterId === rule.orChapter && m.found) : undefined;
    if (chapter) {
      const where = project.documents.find((d) => d.id === chapter.documentId);
      const page = chapter.page ? `第 ${chapter.page} 页` : '';
      findings.push(
        makeFinding(
          profile,
          'docs',
          rule,
          'pass',
          `${note}未单独提交${rule.title}，但${where ? `《${where.title}》` : '申报文件'}${page}含“${chapter.heading ?? rule.title}”篇章。`,
          [{ documentId: chapter.documentId, documentTitle: where?.title, page: chapter.page, quote: chapter.heading }],
        ),
      );
      continue;
    }
    const waived = rule.waivedWhenInPlan === true && project.inAnnualPlan;
    const status = waived ? 'judge' : rule.missingStatus;
    const waiver = waived ? '项目已纳入计划，按规定可直接编报后续文件，请核实是否适用。' : '';
    findings.push(
      makeFinding(profile, 'docs', rule, status, `${note}未提交${rule.title}。${rule.explanation}${waiver}`, submittedList(project)),
    );
  }
  return findings;
}
