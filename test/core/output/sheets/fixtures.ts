// A small session for the score-sheet tests: six dimensions, two projects, one expert recused, hostile names.
import {
  aggregateSession,
  defaultAggregationRule,
  type ExpertScores,
  type ProjectPanelInput,
} from '../../../../electron/core/panel/aggregate';
import type { ScoreSheetInput } from '../../../../electron/core/output/sheets/model';

const dimensions: ProjectPanelInput['dimensions'] = [
  { id: 'necessity', name: '必要性', maxPoints: 20 },
  { id: 'urgency', name: '紧迫性', maxPoints: 15 },
  { id: 'feasibility', name: '可行性', maxPoints: 20 },
  { id: 'security', name: '安全性', maxPoints: 15 },
  { id: 'intensiveness', name: '集约性', maxPoints: 10 },
  { id: 'cost', name: '投资金额', maxPoints: 20 },
];

export const hostileName = '=HYPERLINK("http://evil.example","点我")';

function expert(id: string, name: string, scores: number[], approvedFen: ExpertScores['approvedFen'] = {}): ExpertScores {
  const dims = Object.fromEntries(dimensions.map((d, i) => [d.id, scores[i]]));
  return {
    expertId: id,
    name,
    recused: false,
    dimensions: dims,
    total: scores.reduce((a, b) => a + b, 0),
    conclusion: 'approve',
    approvedFen,
  };
}

const lines = [
  { id: 'dev', name: '软件开发费', amountFen: 150_000_000 },
  { id: 'hw', name: '硬件购置费', amountFen: 80_000_000 },
];

export const projects: ProjectPanelInput[] = [
  {
    projectId: 'p1',
    name: '智慧城管平台（二期）',
    dimensions,
    totalPoints: 100,
    lines,
    experts: [
      expert('e1', '张三', [18, 12, 17.5, 13, 8, 16], { dev: 120_000_000 }),
      expert('e2', hostileName, [17, 13, 18, 12, 9, 15], { dev: 130_000_000, hw: 70_000_000 }),
      expert('e3', '李四, "老李"\n(特邀)', [19, 14, 16, 14, 8.5, 17]),
      expert('e4', '+王五', [12, 10, 15, 11, 7, 12], { dev: 100_000_000 }),
      expert('e5', '赵六', [18.5, 12.5, 17, 13.5, 8, 16.5], { hw: 75_000_000 }),
    ],
    overrides: { hw: { approvedFen: 72_000_000, reason: '服务器数量按实际需求核定' } },
  },
  {
    projectId: 'p2',
    name: '政务数据共享交换平台',
    dimensions,
    totalPoints: 100,
    lines: [{ id: 'dev', name: '软件开发费', amountFen: 50_000_000 }],
    experts: [
      expert('e1', '张三', [16, 11, 15, 12, 7, 14], { dev: 45_000_000 }),
      { expertId: 'e2', name: hostileName, recused: true, dimensions: {}, total: 0, conclusion: null, approvedFen: {} },
      expert('e3', '李四, "老李"\n(特邀)', [15, 12, 16, 11, 8, 15]),
    ],
  },
];

export function sheetInput(): ScoreSheetInput {
  return {
    sessionTitle: '2027年第一批政务信息化项目评审会',
    session: aggregateSession(projects, defaultAggregationRule),
    conclusionLabels: { approve: '通过', revise: '修改完善后通过', reject: '不予通过' },
    createdAt: '2027-03-05T09:00:00.000Z',
    author: '某区大数据发展局',
  };
}
