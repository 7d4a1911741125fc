// Builders for aggregation tests: a small two-dimension rubric (必要性 20 + 投资金额 20 = 40) and experts scored by hand.
import type { ExpertScores, ProjectPanelInput } from '../../../electron/core/panel/aggregate';

export const dimensions: ProjectPanelInput['dimensions'] = [
  { id: 'necessity', name: '必要性', maxPoints: 20 },
  { id: 'cost', name: '投资金额', maxPoints: 20 },
];

/** An expert with the given 必要性 and 投资金额 scores; the total is their sum. */
export function expert(id: string, name: string, necessity: number, cost: number, more: Partial<ExpertScores> = {}): ExpertScores {
  return {
    expertId: id,
    name,
    recused: false,
    dimensions: { necessity, cost },
    total: necessity + cost,
    conclusion: 'approve',
    approvedFen: {},
    ...more,
  };
}

export function recusedExpert(id: string, name: string): ExpertScores {
  return { expertId: id, name, recused: true, dimensions: {}, total: 0, conclusion: null, approvedFen: {} };
}

export function project(experts: ExpertScores[], more: Partial<ProjectPanelInput> = {}): ProjectPanelInput {
  return {
    projectId: 'p1',
    name: '智慧城管平台',
    dimensions,
    totalPoints: 40,
    lines: [
      { id: 'dev', name: '软件开发费', amountFen: 1_000_000 },
      { id: 'hw', name: '硬件购置费', amountFen: 2_000_000 },
    ],
    experts,
    ...more,
  };
}
