// Owns the schema of a jurisdiction profile (辖区规则配置): bodies, default rubric, required documents and chapters, thresholds, red flags, budget classifier, cross-project rules and letter wording — every rule with its citation.
//
// A profile file (resources/profiles/<id>.json) is parsed with `profileFileSchema`; a district file `extends: "national"`
// and its rules replace the national rule of the same id (in place) or are added in front of the inherited ones, so
// a district's budget rules take precedence over the shared ones. `remove` drops inherited rules by qualified id
// (`docs.proposal`, `veto.no-data-sharing` …). The merged result must satisfy `profileSchema`, which also checks the
// cross-references (thresholds, chapters, rules named by vetoes) and the rubric arithmetic.
//
// A package may carry its own profile (profile.json, docs/profile-format.md), so the file schema is strict all the way
// down (an unknown key is refused, never ignored) and every string, list and number is bounded. What a schema cannot
// say (unsafe patterns, foreign citations, `__proto__` keys) is checked by electron/core/precheck/profileCheck.ts.
import { z } from 'zod';
import { documentKinds, jurisdictionIdSchema, projectTypes } from './manifest';
import { budgetVerdicts, isReferencePractice } from './precheck';

/** A carried profile.json may not exceed this many bytes (docs/profile-format.md, safety limits). */
export const maxProfileBytes = 2 ** 20;
/** Longest text field, longest pattern, longest list of one section. */
export const profileLimits = { textChars: 2000, patternChars: 200, listItems: 500, totalPoints: 1000, yuan: 1e12 } as const;

const text = z.string().trim().min(1).max(profileLimits.textChars);
/** A list of a profile section or field, bounded so a hostile profile cannot make the checks loop for long. */
const list = <T extends z.ZodType>(item: T) => z.array(item).max(profileLimits.listItems);
const ruleId = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '编号只能由小写字母、数字和连字符组成' });

/** One cited place: `<办法名称> 第X条…` or `<办法名称> 附件…`. The national profile joins several with `；`. */
export const citationPartPattern = /^[^；\s][^；]* (第[〇零一二三四五六七八九十百\d]+条|附件)[^；]*$/;
/** A national document cited whole by its 文号 (`国家政务信息化项目建设管理办法（国办发〔2019〕57号）`), its articles not being at hand. */
export const nationalDocumentCitationPattern = /^[^；\s（]+（国[^）；]*〔\d{4}〕\d+号）$/;
/** Or, for a rule the profile's regulation does not lay down, exactly `参考做法（本区办法未作规定）` (shared/precheck.ts). */
export const citationSchema = z
  .string()
  .max(profileLimits.textChars)
  .refine(
    (c) =>
      isReferencePractice(c) || c.split('；').every((part) => citationPartPattern.test(part) || nationalDocumentCitationPattern.test(part)),
    {
      message:
        '引用应为“办法名称 第X条”“办法名称 附件”或“国家文件名称（文号）”，多处以“；”分隔；本办法未作规定的写“参考做法（本区办法未作规定）”',
    },
  );

/**
 * A regular expression (Unicode, case-insensitive) searched in the project's text. Syntax only: whether it can run
 * away (nested or unbounded quantifiers, backreferences, lookarounds with quantifiers) is judged by
 * electron/core/precheck/patternSafety.ts, which needs a parser.
 */
const pattern = z
  .string()
  .min(1)
  .max(profileLimits.patternChars)
  .refine(
    (p) => {
      try {
        new RegExp(p, 'iu');
        return true;
      } catch {
        return false;
      }
    },
    { message: '不是有效的正则表达式' },
  );

const projectTypeList = z.array(z.enum(projectTypes)).min(1).max(projectTypes.length);
const blockingStatus = z.enum(['fail', 'judge']);

// ── Bodies and letter ────────────────────────────────────────────────────────────────────────────────────────────

const bodySchema = z.strictObject({ name: text, citation: citationSchema });

/** Placeholders a letter may use; the documents issue fills them. */
export const letterPlaceholders = ['organiser', 'date', 'session', 'project', 'applicant'] as const;
const letterText = text.refine(
  (s) => [...s.matchAll(/\{([^}]*)\}/g)].every((m) => (letterPlaceholders as readonly string[]).includes(m[1]!)),

  { message: `只能使用占位符 ${letterPlaceholders.map((p) => `{${p}}`).join('、')}` },
);

/** Wording of the 评审意见函. */
export const letterSchema = z.strictObject({ title: letterText, salutation: letterText, opening: letterText, closing: letterText });

// ── Rubric (评分标准) ─────────────────────────────────────────────────────────────────────────────────────────────

/** The six dimensions experts score (泰州 第7条（2）): 必要性 紧迫性 可行性 安全性 集约性 投资金额. */
export const rubricDimensionIds = ['necessity', 'urgency', 'feasibility', 'security', 'intensiveness', 'cost'] as const;
export type RubricDimensionId = (typeof rubricDimensionIds)[number];

/** Tags on custom issues, so a checker can give them their own code (`rubric-sum`, `duplicate-id`) without reading the message. */
const rubricSum = { profileCode: 'rubric-sum' } as const;
const duplicateId = { profileCode: 'duplicate-id' } as const;

/** Scores are entered in steps of 0.5, so every maximum is a multiple of 0.5. */
const points = z
  .number()
  .positive()
  .max(profileLimits.totalPoints)
  .refine((n) => Number.isInteger(n * 2), { message: '分值应为 0.5 的整数倍' });

const subCriterionSchema = z.strictObject({ id: ruleId, name: text, maxPoints: points, guidance: text, citation: citationSchema });

const dimensionSchema = z
  .strictObject({
    id: z.enum(rubricDimensionIds),
    name: text,
    /** Share of the total score (maxPoints ÷ total), shown beside the dimension. */
    weight: z.number().positive().max(1),
    maxPoints: points,
    guidance: text,
    subCriteria: list(subCriterionSchema).min(1),
  })
  .superRefine((d, ctx) => {
    const sum = d.subCriteria.reduce((s, c) => s + c.maxPoints, 0);
    if (sum !== d.maxPoints)
      ctx.addIssue({
        code: 'custom',
        params: rubricSum,
        path: ['subCriteria'],
        message: `子项分值合计 ${sum}，应等于维度满分 ${d.maxPoints}`,
      });
  });

/** 一票否决: any veto that applies makes the conclusion 不予通过. `rules` name the pre-check rules that reveal it. */
const vetoSchema = z.strictObject({ id: ruleId, title: text, description: text, rules: list(text), citation: citationSchema });

export const conclusions = ['approve', 'revise', 'reject'] as const;
export type Conclusion = (typeof conclusions)[number];

/** A conclusion band (结论档次): 通过 / 修改完善后通过 / 不予通过, by minimum total score. */
const bandSchema = z.strictObject({
  conclusion: z.enum(conclusions),
  label: text,
  minScore: z.number().nonnegative().max(profileLimits.totalPoints),
});

const rubricSchema = z
  .strictObject({
    totalPoints: points,
    dimensions: list(dimensionSchema),
    vetoes: list(vetoSchema),
    bands: list(bandSchema).min(1),
    /** The conclusion any veto forces. */
    vetoConclusion: z.literal('reject'),
  })
  .superRefine((r, ctx) => {
    const ids = r.dimensions.map((d) => d.id);
    if (ids.length !== rubricDimensionIds.length || rubricDimensionIds.some((id) => !ids.includes(id))) {
      ctx.addIssue({ code: 'custom', path: ['dimensions'], message: `评分维度应恰为 ${rubricDimensionIds.join('、')} 六项` });
    }
    const sum = r.dimensions.reduce((s, d) => s + d.maxPoints, 0);
    if (sum !== r.totalPoints)
      ctx.addIssue({
        code: 'custom',
        params: rubricSum,
        path: ['dimensions'],
        message: `各维度满分合计 ${sum}，应等于总分 ${r.totalPoints}`,
      });
    r.dimensions.forEach((d, i) => {
      if (Math.abs(d.weight - d.maxPoints / r.totalPoints) > 1e-9) {
        ctx.addIssue({
          code: 'custom',
          params: rubricSum,
          path: ['dimensions', i, 'weight'],
          message: `权重应为满分 ÷ 总分 = ${d.maxPoints / r.totalPoints}`,
        });
      }
    });
    const sorted = [...r.bands].sort((a, b) => b.minScore - a.minScore);
    if (sorted.at(-1)?.minScore !== 0) ctx.addIssue({ code: 'custom', path: ['bands'], message: '最低档次的起点应为 0 分' });
    if (!r.bands.some((b) => b.conclusion === r.vetoConclusion))
      ctx.addIssue({ code: 'custom', path: ['bands'], message: '缺少一票否决对应的结论档次' });
  });

// ── Required documents, chapters, thresholds ────────────────────────────────────────────────────────────────────

/** A number the regulations fix (§4 of the digest): money in yuan as written in the article, or a percentage / period. */
const thresholdSchema = z.strictObject({
  id: ruleId,
  title: text,
  value: z.number().nonnegative().max(profileLimits.yuan),
  /** Upper end when the article gives a range (自评价 12—24 个月). */
  max: z.number().nonnegative().max(profileLimits.yuan).optional(),
  unit: z.enum(['yuan', 'percent', 'months', 'workdays']),
  explanation: text,
  citation: citationSchema,
});

/** Projects of these types (and, if given, on this side of an investment threshold) must submit one of `kinds`. */
const requiredDocumentSchema = z.strictObject({
  id: ruleId,
  title: text,
  kinds: list(z.enum(documentKinds)).min(1),
  projectTypes: projectTypeList,
  investment: z.strictObject({ threshold: ruleId, when: z.enum(['at-least', 'below']) }).optional(),
  missingStatus: blockingStatus,
  /** Missing is only `judge` when the project is already in the plan (朔城 第八条: 已纳入规划的可直接编报可研). */
  waivedWhenInPlan: z.boolean().optional(),
  /** The requirement is also met by this chapter of the proposal (a 密码应用方案 written as a chapter). */
  orChapter: ruleId.optional(),
  explanation: text,
  citation: citationSchema,
});

/** A chapter (篇章) the proposal must contain; shape-compatible with `RequiredChapter` in shared/precheck.ts. */
const requiredChapterSchema = z.strictObject({
  id: ruleId,
  title: text,
  synonyms: list(text),
  /** The expert review must include an opinion on this chapter (评审意见应包括对该篇章的意见). */
  opinionRequired: z.boolean(),
  projectTypes: projectTypeList,
  missingStatus: blockingStatus,
  explanation: text,
  citation: citationSchema,
});

// ── Red flags (§5) ──────────────────────────────────────────────────────────────────────────────────────────────

/** A permitted exception: when its patterns appear, a failing rule becomes `judge` (the expert verifies the exception). */
const exceptionSchema = z.strictObject({ id: ruleId, title: text, patterns: list(pattern).min(1), citation: citationSchema });

const flagBase = { id: ruleId, title: text, explanation: text, citation: citationSchema };

/** Patterns of a violation in the project's text (or applicant name); `expect` lists what a sound proposal states. */
const patternFlagSchema = z.strictObject({
  ...flagBase,
  check: z.literal('patterns'),
  scope: z.enum(['text', 'applicant']),
  projectTypes: projectTypeList.optional(),
  patterns: list(pattern).min(1),
  status: blockingStatus,
  exceptions: list(exceptionSchema).default([]),
  /** Each group must be matched somewhere; a group with no match makes the finding `judge` with its message. */
  expect: list(z.strictObject({ patterns: list(pattern).min(1), message: text })).default([]),
  passMessage: text,
});

/** Not in the annual plan (未纳入年度计划): `status` unless an exception's words appear or the project type is exempt. */
const annualPlanFlagSchema = z.strictObject({
  ...flagBase,
  check: z.literal('annual-plan'),
  status: blockingStatus,
  exceptions: list(exceptionSchema),
  exemptTypes: list(z.enum(projectTypes)).default([]),
});

/** 运维 classification (武隆 附件): a small upgrade with unchanged function, or equipment replacement only. */
const smallUpgradeFlagSchema = z.strictObject({
  ...flagBase,
  check: z.literal('small-upgrade'),
  threshold: ruleId,
  projectTypes: projectTypeList,
  upgradePatterns: list(pattern).min(1),
  replacementPatterns: list(pattern).min(1),
  /** Budget-line words that show development work (so the project is not equipment replacement only). */
  developmentPatterns: list(pattern).min(1),
});

/** Free maintenance period (免费运维期) stated in months or years, at least the threshold (泰州 第13条). */
const freeMaintenanceFlagSchema = z.strictObject({
  ...flagBase,
  check: z.literal('free-maintenance'),
  threshold: ruleId,
  projectTypes: projectTypeList,
  /** Words introducing the period; the number and unit (月/年) must follow within a few characters. */
  termPatterns: list(pattern).min(1),
});

/** Projects at or above the threshold need 立项 at the approving body (泰州 第9条). */
const investmentApprovalFlagSchema = z.strictObject({
  ...flagBase,
  check: z.literal('investment-approval'),
  threshold: ruleId,
  projectTypes: projectTypeList,
  approvalPatterns: list(pattern).min(1),
});

const redFlagSchema = z.discriminatedUnion('check', [
  patternFlagSchema,
  annualPlanFlagSchema,
  smallUpgradeFlagSchema,
  freeMaintenanceFlagSchema,
  investmentApprovalFlagSchema,
]);

// ── Budget classifier (§6) and cross-project consolidation ──────────────────────────────────────────────────────

/** Rules are tried in order; the first whose keywords appear (and no exclude keyword) gives the verdict. */
const budgetRuleSchema = z.strictObject({
  id: ruleId,
  title: text,
  verdict: z.enum(budgetVerdicts),
  keywords: list(text).min(1),
  excludeKeywords: list(text).default([]),
  explanation: text,
  citation: citationSchema,
});

const kindSchema = z.strictObject({ id: ruleId, name: text, keywords: list(text).min(1), excludeKeywords: list(text).default([]) });

/** 集约性 across the projects of one session (朔城 第三条 “只合不分”, 武隆 第三十三条). */
const consolidationSchema = z.strictObject({
  explanation: text,
  citation: citationSchema,
  systemKinds: list(kindSchema).min(1),
  purchaseKinds: list(kindSchema).min(1),
  /** Budget lines every project has (集成、监理、预备费): never reported as overlapping. */
  genericLines: list(text),
});

// ── Panel aggregation (专家组评分汇总规则) ─────────────────────────────────────────────────────────────────────

/**
 * How the panel's scores are combined (electron/core/bureau/types.ts AggregationRule): drop the highest and lowest
 * score when at least `trimAtLeast` experts scored, warn when a score differs from the others' mean by more than
 * `deviationShare` of the maximum, the panel approved amount as the experts' median or mean, decimals shown.
 */
export const aggregationSchema = z.strictObject({
  trimAtLeast: z.number().int().min(3).max(1000).default(5),
  deviationShare: z.number().gt(0).lt(1).default(0.2),
  approved: z.enum(['median', 'mean']).default('median'),
  decimals: z.number().int().min(0).max(4).default(2),
  citation: citationSchema.optional(),
});

// ── Whole profile ───────────────────────────────────────────────────────────────────────────────────────────────

const header = {
  /** A built-in id (donghe, dalate, shuocheng, wulong, taizhou-gaogang, national) or a carried profile's own id. */
  id: jurisdictionIdSchema,
  name: text,
  /** Full title as issued, with its status or document number. */
  regulation: text,
  /** The name citations use, e.g. 武隆区政务信息化项目管理办法. */
  citeAs: text,
  place: text,
  /** Revision of the profile's rules, recorded with every review and document beside the profile's fingerprint. */
  version: z.number().int().positive().max(1_000_000).default(1),
};

/** What a profile file holds. Lists default to empty; a district file may give only part of the rubric. */
export const profileFileSchema = z.strictObject({
  ...header,
  /** Only the built-in `national` can be extended; a district or carried profile is never a base. */
  extends: z.literal('national', { message: '只能继承内置的 national（国家通用规则）' }).optional(),
  remove: list(
    z.string().regex(/^(docs|chapter|threshold|red-flag|budget|veto)\.[a-z0-9-]+$/, { message: '应为“分类.编号”，如 docs.proposal' }),
  ).default([]),
  bodies: z.strictObject({ organiser: bodySchema, approver: bodySchema }),
  rubric: z
    .strictObject({
      totalPoints: points.optional(),
      dimensions: list(dimensionSchema).default([]),
      vetoes: list(vetoSchema).default([]),
      bands: list(bandSchema).optional(),
      vetoConclusion: z.literal('reject').optional(),
    })
    .default({ dimensions: [], vetoes: [] }),
  requiredDocuments: list(requiredDocumentSchema).default([]),
  requiredChapters: list(requiredChapterSchema).default([]),
  thresholds: list(thresholdSchema).default([]),
  redFlags: list(redFlagSchema).default([]),
  budgetRules: list(budgetRuleSchema).default([]),
  /** Fields given here replace the inherited ones (typically only the citation and explanation). */
  consolidation: consolidationSchema.partial().optional(),
  /** Absent: inherited from the extended profile, else the defaults; given, it replaces the inherited rule whole (unset fields take the defaults). */
  aggregation: aggregationSchema.optional(),
  letter: letterSchema,
});

function duplicateIds(list: { id: string }[]): string[] {
  const seen = new Set<string>();
  return list.filter((r) => (seen.has(r.id) ? true : (seen.add(r.id), false))).map((r) => r.id);
}

/** A resolved profile: what the pre-check and the scoring form use. */
export const profileSchema = z
  // Not strict at the top: a file without `extends` is resolved as parsed, and its `remove` is dropped here.
  .object({
    ...header,
    bodies: z.strictObject({ organiser: bodySchema, approver: bodySchema }),
    rubric: rubricSchema,
    requiredDocuments: z.array(requiredDocumentSchema),
    requiredChapters: z.array(requiredChapterSchema),
    thresholds: z.array(thresholdSchema),
    redFlags: z.array(redFlagSchema),
    budgetRules: z.array(budgetRuleSchema).min(1),
    consolidation: consolidationSchema,
    aggregation: aggregationSchema.prefault({}),
    letter: letterSchema,
  })
  .superRefine((p, ctx) => {
    const sections = {
      requiredDocuments: p.requiredDocuments,
      requiredChapters: p.requiredChapters,
      thresholds: p.thresholds,
      redFlags: p.redFlags,
      budgetRules: p.budgetRules,
    };
    for (const [key, list] of Object.entries(sections)) {
      for (const id of duplicateIds(list)) ctx.addIssue({ code: 'custom', params: duplicateId, path: [key], message: `编号重复：${id}` });
    }
    for (const id of duplicateIds(p.rubric.vetoes))
      ctx.addIssue({ code: 'custom', params: duplicateId, path: ['rubric', 'vetoes'], message: `编号重复：${id}` });
    p.rubric.dimensions.forEach((d, i) => {
      for (const id of duplicateIds(d.subCriteria))
        ctx.addIssue({ code: 'custom', params: duplicateId, path: ['rubric', 'dimensions', i, 'subCriteria'], message: `编号重复：${id}` });
    });
    const thresholds = new Map(p.thresholds.map((t) => [t.id, t]));
    const chapters = new Set(p.requiredChapters.map((c) => c.id));
    p.requiredDocuments.forEach((d, i) => {
      if (d.investment && thresholds.get(d.investment.threshold)?.unit !== 'yuan') {
        ctx.addIssue({
          code: 'custom',
          path: ['requiredDocuments', i, 'investment'],
          message: `未定义以元计的阈值 ${d.investment.threshold}`,
        });
      }
      if (d.orChapter && !chapters.has(d.orChapter))
        ctx.addIssue({ code: 'custom', path: ['requiredDocuments', i, 'orChapter'], message: `未定义篇章 ${d.orChapter}` });
    });
    p.redFlags.forEach((f, i) => {
      if ('threshold' in f && !thresholds.has(f.threshold))
        ctx.addIssue({ code: 'custom', path: ['redFlags', i, 'threshold'], message: `未定义阈值 ${f.threshold}` });
    });
    const known = new Set([
      ...p.requiredDocuments.map((r) => `docs.${r.id}`),
      ...p.requiredChapters.map((r) => `chapter.${r.id}`),
      ...p.redFlags.map((r) => `red-flag.${r.id}`),
    ]);
    p.rubric.vetoes.forEach((v, i) =>
      v.rules.forEach((r, j) => {
        if (!known.has(r))
          ctx.addIssue({ code: 'custom', path: ['rubric', 'vetoes', i, 'rules', j], message: `一票否决项引用了不存在的规则 ${r}` });
      }),
    );
  });

export type ProfileFile = z.infer<typeof profileFileSchema>;
export type Profile = z.infer<typeof profileSchema>;
export type Rubric = Profile['rubric'];
export type RubricDimension = Rubric['dimensions'][number];
export type Veto = Rubric['vetoes'][number];
export type RequiredDocumentRule = Profile['requiredDocuments'][number];
export type RequiredChapterRule = Profile['requiredChapters'][number];
export type Threshold = Profile['thresholds'][number];
export type RedFlag = Profile['redFlags'][number];
export type PatternFlag = Extract<RedFlag, { check: 'patterns' }>;
export type BudgetRule = Profile['budgetRules'][number];
export type Consolidation = Profile['consolidation'];
export type ProfileLetter = Profile['letter'];
export type ProfileAggregation = Profile['aggregation'];
