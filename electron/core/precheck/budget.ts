// Owns the budget-line classifier (纳入 / 不纳入 / 经评估可纳入, 武隆 附件 and 泰州 第24条; elsewhere 参考做法), the project's totals in fen, and the classifier's accuracy on a labelled set.
import type { jurisdictions } from '../../../shared/manifest';
import {
  budgetVerdicts,
  isReferencePractice,
  referencePracticeCitation,
  type BudgetLineVerdict,
  type BudgetVerdict,
  type Finding,
} from '../../../shared/precheck';
import type { BudgetRule, Profile } from '../../../shared/profile';
import { loadProfile } from './profiles';
import { makeFinding } from './rules/finding';
import { fenToWan } from '../../../shared/money';
import { normalizeText, type PrecheckProject } from './rules/text';

export interface BudgetLineInput {
  id: string;
  name: string;
  category?: string;
  note?: string;
}

export const UNMATCHED_REASON = '未匹配到规则，请专家判断';

const keyOf = (s: string) => normalizeText(s).toLowerCase();

function firstMatch(rules: BudgetRule[], text: string): { rule: BudgetRule; keyword: string } | null {
  for (const rule of rules) {
    if (rule.excludeKeywords.some((k) => text.includes(keyOf(k)))) continue;
    const keyword = rule.keywords.find((k) => text.includes(keyOf(k)));
    if (keyword) return { rule, keyword };
  }
  return null;
}

/**
 * The first rule (in profile order) whose keyword appears in the line's name or category; the note is read only when
 * neither matches, because notes carry asides ("不含人员工资", "部署于自有机房") that must not decide the verdict.
 */
export function classifyBudgetLine(line: BudgetLineInput, profile: Pick<Profile, 'budgetRules'>): BudgetLineVerdict {
  const fields = [
    { where: '名称或类别', text: keyOf(`${line.name} ${line.category ?? ''}`) },
    { where: '备注', text: keyOf(line.note ?? '') },
  ];
  for (const field of fields) {
    const hit = field.text ? firstMatch(profile.budgetRules, field.text) : null;
    if (hit) {
      return {
        id: line.id,
        verdict: hit.rule.verdict,
        reason: `${field.where}含“${hit.keyword}”，属“${hit.rule.title}”：${hit.rule.explanation}`,
        citation: hit.rule.citation,
      };
    }
  }
  return { id: line.id, verdict: 'needs-evaluation', reason: UNMATCHED_REASON, citation: '' };
}

export interface BudgetSummary {
  totalFen: number;
  eligibleFen: number;
  ineligibleFen: number;
  needsEvaluationFen: number;
}

/** Totals in integer fen per verdict; a line without a verdict counts as to be evaluated. */
export function summarizeBudget(lines: { id: string; amountFen: number }[], verdicts: BudgetLineVerdict[]): BudgetSummary {
  const byId = new Map(verdicts.map((v) => [v.id, v.verdict]));
  const sum: BudgetSummary = { totalFen: 0, eligibleFen: 0, ineligibleFen: 0, needsEvaluationFen: 0 };
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amountFen)) throw new RangeError(`预算行 ${line.id} 的金额不是整数分：${line.amountFen}`);
    sum.totalFen += line.amountFen;
    const verdict = byId.get(line.id) ?? 'needs-evaluation';
    if (verdict === 'eligible') sum.eligibleFen += line.amountFen;
    else if (verdict === 'ineligible') sum.ineligibleFen += line.amountFen;
    else sum.needsEvaluationFen += line.amountFen;
  }
  return sum;
}

const distinct = (xs: string[]) => [...new Set(xs.filter(Boolean))];
/** A citation of the session's own regulation (not empty, not 参考做法). */
const isOwn = (citation: string) => citation !== '' && !isReferencePractice(citation);

/**
 * The project-level finding on its budget: fail with any line 不纳入 under the regulation's own rules, judge with any
 * 经评估可纳入 line, else pass. Lines that only a 参考做法 rule (本区办法未作规定) puts out of scope make it `reference`
 * (参考做法), never `fail`.
 */
export function budgetFinding(project: PrecheckProject, profile: Profile): Finding {
  const rule = { id: 'eligibility' };
  const basis = distinct(profile.budgetRules.map((r) => r.citation)).find(isOwn) ?? referencePracticeCitation;
  if (project.budgetLines.length === 0) {
    return makeFinding(
      profile,
      'budget',
      { ...rule, citation: basis },
      'judge',
      '申报信息中没有预算明细，无法判断费用是否纳入信息化经费，请查阅投资概算。',
    );
  }
  const verdicts = project.budgetLines.map((l) => ({ line: l, verdict: classifyBudgetLine(l, profile) }));
  const summary = summarizeBudget(
    project.budgetLines,
    verdicts.map((v) => v.verdict),
  );
  const of = (verdict: BudgetVerdict) => verdicts.filter((v) => v.verdict.verdict === verdict);
  const sumFen = (vs: typeof verdicts) => vs.reduce((s, v) => s + v.line.amountFen, 0);
  const evidence = (vs: typeof verdicts) =>
    vs.map((v) => ({ documentTitle: '预算明细', quote: `${v.line.name}：${fenToWan(v.line.amountFen)} 万元（${v.verdict.reason}）` }));
  const ineligible = of('ineligible');
  const ineligibleOwn = ineligible.filter((v) => isOwn(v.verdict.citation));
  const ineligibleReference = ineligible.filter((v) => !isOwn(v.verdict.citation));
  const pending = of('needs-evaluation');
  const pendingText =
    pending.length > 0 ? `另有 ${pending.length} 项须经评估方可纳入，合计 ${fenToWan(summary.needsEvaluationFen)} 万元。` : '';
  const names = (vs: typeof verdicts) => vs.map((v) => v.line.name).join('、');
  if (ineligibleOwn.length > 0) {
    const referenceText =
      ineligibleReference.length > 0
        ? `另有 ${ineligibleReference.length} 项按参考做法（本区办法未作规定）通常不纳入，合计 ${fenToWan(sumFen(ineligibleReference))} 万元（${names(ineligibleReference)}），请专家判断。`
        : '';
    const message = `预算中有 ${ineligibleOwn.length} 项费用不纳入信息化经费，合计 ${fenToWan(sumFen(ineligibleOwn))} 万元（${names(ineligibleOwn)}），建议核减。${referenceText}${pendingText}`;
    return makeFinding(
      profile,
      'budget',
      { ...rule, citation: distinct(ineligibleOwn.map((v) => v.verdict.citation)).join('；') },
      'fail',
      message,
      evidence([...ineligible, ...pending]),
    );
  }
  if (ineligibleReference.length > 0) {
    const message = `预算中有 ${ineligibleReference.length} 项费用通常不纳入信息化经费，合计 ${fenToWan(sumFen(ineligibleReference))} 万元（${names(ineligibleReference)}），请专家判断是否核减。${pendingText}`;
    return makeFinding(
      profile,
      'budget',
      { ...rule, citation: referencePracticeCitation },
      'fail',
      message,
      evidence([...ineligible, ...pending]),
    );
  }
  if (pending.length > 0) {
    const ownPending = distinct(pending.map((v) => v.verdict.citation)).filter(isOwn);
    const referenceOnly = ownPending.length === 0 && pending.every((v) => isReferencePractice(v.verdict.citation));
    const citation = ownPending.join('；') || (referenceOnly ? referencePracticeCitation : basis);
    return makeFinding(
      profile,
      'budget',
      { ...rule, citation },
      'judge',
      `未发现不纳入信息化经费的费用。${pendingText}请专家逐项评估。`,
      evidence(pending),
    );
  }
  const citation = distinct(verdicts.map((v) => v.verdict.citation)).join('；');
  return makeFinding(
    profile,
    'budget',
    { ...rule, citation },
    'pass',
    `预算 ${project.budgetLines.length} 项，合计 ${fenToWan(summary.totalFen)} 万元，均属可纳入信息化经费的范围。`,
  );
}

/** One line of the labelled set (test/fixtures/precheck/budget-lines.json), with the verdict an expert would give. */
export interface LabelledBudgetLine {
  id: string;
  profile: (typeof jurisdictions)[number];
  name: string;
  category: string;
  note?: string;
  expected: BudgetVerdict;
  /** Which list of which article the label comes from. */
  basis: string;
}

export interface ClassifierScore {
  total: number;
  accuracy: number;
  perVerdict: Record<BudgetVerdict, { precision: number; recall: number; support: number; predicted: number }>;
  errors: { id: string; profile: string; name: string; expected: BudgetVerdict; actual: BudgetVerdict; reason: string }[];
}

/** Precision and recall per verdict, and accuracy, of the classifier on a labelled set (for tests and `npm run bench`). */
export function evaluateBudgetClassifier(
  labelled: LabelledBudgetLine[],
  profileFor: (id: string) => Profile = (id) => loadProfile(id),
): ClassifierScore {
  const results = labelled.map((l) => ({ l, got: classifyBudgetLine(l, profileFor(l.profile)) }));
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  const perVerdict = Object.fromEntries(
    budgetVerdicts.map((v) => {
      const support = results.filter((r) => r.l.expected === v).length;
      const predicted = results.filter((r) => r.got.verdict === v).length;
      const correct = results.filter((r) => r.l.expected === v && r.got.verdict === v).length;
      return [v, { precision: ratio(correct, predicted), recall: ratio(correct, support), support, predicted }];
    }),
  ) as ClassifierScore['perVerdict'];
  const errors = results
    .filter((r) => r.got.verdict !== r.l.expected)
    .map((r) => ({
      id: r.l.id,
      profile: r.l.profile,
      name: r.l.name,
      expected: r.l.expected,
      actual: r.got.verdict,
      reason: r.got.reason,
    }));
  return { total: labelled.length, accuracy: ratio(labelled.length - errors.length, labelled.length), perVerdict, errors };
}
