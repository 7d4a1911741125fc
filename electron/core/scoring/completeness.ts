// Owns the completeness check (完整性检查): exactly what is missing before a review can be marked complete, each with the field to go to, and a review's overview state (未开始 / 评审中 / 已完成 / 回避).
import type { ProjectType } from '../../../shared/manifest';
import { fenToWan } from '../../../shared/money';
import type { RequiredChapterRule, Rubric } from '../../../shared/profile';
import type { BudgetLineAmount, MissingItem, Review, ReviewState } from '../../../shared/scoring';
import { investmentReductions, scoreTotals, suggestConclusion, vetoStates, type VetoFinding } from '../../../shared/reviewTotals';
import { validateApprovedFen, validateScore } from '../../../shared/scoreInput';

type ChapterRule = Pick<RequiredChapterRule, 'id' | 'title' | 'opinionRequired'> & Partial<Pick<RequiredChapterRule, 'projectTypes'>>;

export interface CompletionContext {
  /** The project's pre-check findings: a veto the pre-check left to the expert (`judge`) needs a ruling. */
  findings?: readonly VetoFinding[];
  /** When given, chapters whose `projectTypes` exclude it need no opinion. */
  projectType?: ProjectType;
}

const filled = (text: string | undefined) => (text ?? '').trim() !== '';

/** The required chapters whose opinion (篇章意见) the review must give; without a project type, all with `opinionRequired`. */
export function chaptersNeedingOpinion<C extends ChapterRule>(requiredChapters: readonly C[], projectType?: ProjectType): C[] {
  return requiredChapters.filter((c) => c.opinionRequired && !(projectType && c.projectTypes && !c.projectTypes.includes(projectType)));
}

/**
 * Everything still missing, in the order of the form. A review with no declaration lacks only that; a declared
 * conflict (回避) needs nothing else. `requiredChapters` are the profile's; those with `opinionRequired` need an opinion.
 */
export function missingForCompletion(
  review: Review,
  rubric: Rubric,
  requiredChapters: readonly ChapterRule[],
  budgetLines: readonly BudgetLineAmount[],
  context: CompletionContext = {},
): MissingItem[] {
  if (review.conflict === null) return [{ target: { field: 'conflict' }, message: '尚未作出回避声明' }];
  if (review.conflict.hasConflict) return [];

  const missing: MissingItem[] = [];
  if (review.familiarity === null) missing.push({ target: { field: 'familiarity' }, message: '尚未选择对项目所属领域的熟悉程度' });

  const totals = scoreTotals(review, rubric);
  rubric.dimensions.forEach((d, i) => {
    const entry = review.dimensions[d.id];
    for (const c of d.subCriteria) {
      const score = entry?.scores[c.id] ?? null;
      const problem = score === null ? `「${d.name} · ${c.name}」尚未评分` : validateScore(score, c);
      if (problem) missing.push({ target: { field: 'score', dimensionId: d.id, subCriterionId: c.id }, message: problem });
    }
    if (!filled(entry?.opinion))
      missing.push({ target: { field: 'dimension-opinion', dimensionId: d.id }, message: `「${d.name}」尚未填写评审意见` });
    const total = totals.dimensions[i]!; // scoreTotals maps rubric.dimensions in order
    if (total.lowScore && !filled(entry?.lowScoreReason)) {
      missing.push({
        target: { field: 'low-score-reason', dimensionId: d.id },
        message: `「${d.name}」得分 ${total.subtotal} 分，低于满分 ${d.maxPoints} 分的 60%，须填写低分理由`,
      });
    }
  });

  const vetoes = vetoStates(rubric, context.findings ?? [], review.vetoRulings);
  for (const { veto } of vetoes.filter((v) => v.state === 'pending')) {
    missing.push({
      target: { field: 'veto-ruling', vetoId: veto.id },
      message: `预审提示一票否决项「${veto.title}」需专家判断，尚未判断是否成立`,
    });
  }

  for (const chapter of chaptersNeedingOpinion(requiredChapters, context.projectType)) {
    if (filled(review.chapterOpinions[chapter.id])) continue;
    missing.push({ target: { field: 'chapter-opinion', chapterId: chapter.id }, message: `尚未填写对「${chapter.title}」的意见` });
  }

  const reductions = investmentReductions(budgetLines, review.investment).lines;
  budgetLines.forEach((line, i) => {
    const { reviewed, approvedFen, reductionFen } = reductions[i]!; // investmentReductions maps budgetLines in order

    if (!reviewed) return;
    const problem =
      validateApprovedFen(approvedFen, line) ??
      (reductionFen > 0 && !filled(review.investment[line.id]?.reason)
        ? `「${line.name}」核减 ${fenToWan(reductionFen)} 万元，尚未填写核减理由`
        : null);
    if (problem) missing.push({ target: { field: 'investment', lineId: line.id }, message: problem });
  });

  if (!filled(review.overallOpinion)) missing.push({ target: { field: 'overall-opinion' }, message: '尚未填写总体评审意见' });

  const { chosen, reason } = review.conclusion;
  if (chosen !== null && !filled(reason)) {
    const hits = vetoes.filter((v) => v.state === 'hit').map((v) => v.veto);
    const suggestion = suggestConclusion(totals.complete ? totals.total : null, hits, rubric);
    if (suggestion.conclusion !== null && suggestion.conclusion !== chosen) {
      const chosenLabel = rubric.bands.find((b) => b.conclusion === chosen)?.label ?? chosen;
      missing.push({
        target: { field: 'conclusion-reason' },
        message: `所选结论「${chosenLabel}」与建议结论「${suggestion.label}」不同，须填写理由`,
      });
    }
  }
  return missing;
}

function hasInput(review: Review): boolean {
  const dimensions = Object.values(review.dimensions);
  return (
    review.conflict !== null ||
    review.familiarity !== null ||
    dimensions.some((d) => d && (filled(d.opinion) || filled(d.lowScoreReason) || Object.values(d.scores).some((s) => s !== null))) ||
    Object.values(review.chapterOpinions).some(filled) ||
    filled(review.overallOpinion) ||
    Object.keys(review.vetoRulings).length > 0 ||
    review.conclusion.chosen !== null ||
    filled(review.conclusion.reason) ||
    Object.values(review.investment).some((l) => l.approvedFen !== null || filled(l.reason))
  );
}

/** The overview state; `markedComplete` is the store's record (a complete review is reopened only explicitly). */
export function reviewState(review: Review, markedComplete: boolean): ReviewState {
  if (review.conflict?.hasConflict) return 'recused';
  if (markedComplete) return 'complete';
  return hasInput(review) ? 'in-progress' : 'not-started';
}
