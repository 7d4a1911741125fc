// Owns the session score summary's data (评审会评分汇总, context `ranking`): every project's in-force figures in rank
// order, its conclusion and 核减, from the same aggregation as the score sheets (sheetInput.ts): the panel's results on
// the bureau's machine once they arrived, else this machine's expert as a one-member panel.
import type { Conclusion } from '../../../shared/profile';
import type { ProjectAggregate, SessionAggregate } from '../panel/aggregate';
import { sessionPanel, type SessionPanel } from '../panel/panel';
import { countResults } from '../store/bureauResults';
import type { ReadDb } from '../store/access';
import { sessionScoreSheetInput } from './sheetInput';
import type { TemplateContext } from './template/contextShape';
import { formatWan } from './typography';

type Ranking = NonNullable<TemplateContext['ranking']>;

const ruleNames = { 'trimmed-mean': '各项去掉一个最高分和一个最低分后取平均', mean: '各项取平均' } as const;

function rankingOf(aggregate: SessionAggregate, conclusionOf: (p: ProjectAggregate) => string | null, source: string): Ranking {
  const { rule } = aggregate;
  const byId = new Map(aggregate.projects.map((p) => [p.projectId, p]));
  const ordered = aggregate.ranking.map((r) => byId.get(r.projectId) as ProjectAggregate);
  const first = aggregate.projects[0];
  const applied = (['trimmed-mean', 'mean'] as const)
    .map((r) => [r, ordered.filter((p) => p.total.inForce && p.total.inForceRule === r).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${n} 个项目${ruleNames[r]}`)
    .join('，');
  return {
    dimensions: (first?.dimensions ?? []).map((d) => `${d.name} ${d.maxPoints} 分`).join('、'),
    totalPoints: String(first?.total.maxPoints ?? ''),
    rule:
      `${source}；有效评分达到 ${rule.trimAtLeast} 位时各项分别去掉一个最高分和一个最低分后取平均，否则取平均${applied ? `（本次 ${applied}）` : ''}；` +
      `各项采用值四舍五入保留 ${rule.decimals} 位小数，总分为各项之和；按总分采用值排序，总分相同者名次并列。`,
    projects: ordered.map((p) => ({
      rank: p.rank === null ? '—' : String(p.rank),
      name: p.name,
      scores: p.dimensions.map((d) => `${d.name} ${d.inForce?.text ?? '—'}`).join('；'),
      total: p.total.inForce?.text ?? '—',
      conclusion: conclusionOf(p) ?? '—',
      requested: formatWan(p.reduction.requestedFen),
      approved: formatWan(p.reduction.approvedFen),
      reduction: formatWan(p.reduction.reductionFen),
    })),
    requested: formatWan(aggregate.reduction.requestedFen),
    approved: formatWan(aggregate.reduction.approvedFen),
    reduction: formatWan(aggregate.reduction.reductionFen),
  };
}

/** The `ranking` context of a session at `now` (`author`: the workbook author sessionScoreSheetInput asks for). */
export function sessionRanking(
  db: ReadDb,
  sessionId: string,
  now: Date,
  author: string,
  panel: () => SessionPanel = () => sessionPanel(db, sessionId),
): Ranking {
  if (countResults(db, sessionId) > 0) {
    const { view } = panel();
    const decided = new Map(view.projects.map((p) => [p.projectId, p.conclusion.label]));
    const experts = new Set(view.aggregate.projects.flatMap((p) => p.roster.map((r) => r.expertId))).size;
    return rankingOf(view.aggregate, (p) => decided.get(p.projectId) ?? null, `本表按 ${experts} 位专家提交的评审结果汇总`);
  }
  const input = sessionScoreSheetInput(db, sessionId, now, author, panel);
  // One member: the panel's conclusion is that expert's own (chosen, else suggested); none when they recused.
  const own = (p: ProjectAggregate) => {
    const c: Conclusion | null = p.roster.find((r) => !r.recused)?.conclusion ?? null;
    return c ? input.conclusionLabels[c] : null;
  };
  const expert = input.session.projects[0]?.roster[0]?.name ?? '本机专家';
  return rankingOf(input.session, own, `本表为${expert}的个人评分，按一人专家组汇总`);
}
