// Owns the pre-check (形式审查) result types shared by the core, the CLI's --json output and the renderer.
import { z } from 'zod';

/**
 * pass: the rule is met; fail: it is not; judge: the expert must decide (证据不足或需专业判断); reference: 参考做法 — the
 * session's regulation does not lay the rule down (本区办法未作规定), so what the check found is shown for the expert's
 * information only and is never a 不符合.
 */
export const findingStatuses = ['pass', 'fail', 'judge', 'reference'] as const;
export type FindingStatus = (typeof findingStatuses)[number];
/** How a finding's status reads on screen and in the pre-check annex of the documents. */
export const findingStatusLabels: Record<FindingStatus, string> = {
  fail: '不符合',
  judge: '需专家判断',
  reference: '参考做法',
  pass: '符合',
};

/**
 * The citation of a rule the session's regulation does not lay down (参考做法): a profile gives it instead of borrowing
 * another district's article. Such a rule never fails and no veto may rest on it (docs/precheck.md).
 */
export const referencePracticeCitation = '参考做法（本区办法未作规定）';
/** What a reference-practice finding's message begins with. */
export const referencePracticeNote = '本区办法未作规定，以下为参考做法，仅供专家参考：';
export const isReferencePractice = (citation: string): boolean => citation === referencePracticeCitation;

export const evidenceSchema = z.object({
  documentId: z.string().optional(),
  documentTitle: z.string().optional(),
  /** 1-based page; absent for formats without pages (DOCX) or when the evidence is the manifest itself. */
  page: z.number().int().positive().optional(),
  quote: z.string().optional(),
});

export const findingSchema = z.object({
  /** Stable id of the rule, e.g. `wulong.required-chapter.data-sharing`. */
  ruleId: z.string(),
  status: z.enum(findingStatuses),
  /** Chinese explanation of what was found and what it means. */
  message: z.string(),
  /** The article, e.g. `武隆区政务信息化项目管理办法 第十四条`. */
  citation: z.string(),
  evidence: z.array(evidenceSchema),
});

/** 纳入 / 不纳入 / 经评估可纳入 (武隆 附件). */
export const budgetVerdicts = ['eligible', 'ineligible', 'needs-evaluation'] as const;
export type BudgetVerdict = (typeof budgetVerdicts)[number];

export const budgetLineVerdictSchema = z.object({
  id: z.string(),
  verdict: z.enum(budgetVerdicts),
  /** Chinese: which rule matched and why (the matched words). */
  reason: z.string(),
  citation: z.string(),
});

/** A chapter the profile requires (篇章), with the names the regulations themselves use for it. */
export interface RequiredChapter {
  id: string;
  title: string;
  synonyms: string[];
  citation: string;
}

/** Where a required chapter was found in a document, if at all. */
export interface ChapterMatch {
  chapterId: string;
  found: boolean;
  documentId?: string;
  page?: number;
  /** The heading or table-of-contents line that matched (for a separate document: its title). */
  heading?: string;
  /** The chapter was submitted as a document of its own (a 密码应用方案 file meets 密码应用方案篇（章）). */
  separate?: boolean;
}

/** A document's text as the pre-check reads it: per page, plus the headings the extractor recognised. */
export interface DocumentText {
  documentId: string;
  pages: { page: number; text: string }[];
  headings: { text: string; page?: number; level?: number }[];
}

export type Evidence = z.infer<typeof evidenceSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type BudgetLineVerdict = z.infer<typeof budgetLineVerdictSchema>;

export const findingMarks = ['not-applicable', 'verified'] as const;
export type FindingMark = (typeof findingMarks)[number];

/** The expert's ruling on a finding (不适用 / 已核实); null clears it. Every change is kept as history. */
export const findingMarkSchema = z.object({
  mark: z.enum(findingMarks).nullable(),
  note: z.string(),
  markedAt: z.string(),
});

export const chapterMatchSchema = z.object({
  chapterId: z.string(),
  title: z.string(),
  found: z.boolean(),
  opinionRequired: z.boolean(),
  documentId: z.string().optional(),
  documentKey: z.number().int().optional(),
  page: z.number().int().optional(),
  heading: z.string().optional(),
});

/** Everything the 形式审查 tab shows for one project. */
export const precheckReportSchema = z.object({
  projectId: z.string(),
  /** False until the text of the project's documents has been extracted (chapter findings are then 'judge'). */
  textReady: z.boolean(),
  findings: z.array(
    findingSchema.extend({
      /** Evidence documents resolved to database keys so the UI can open them at the page. */
      evidence: z.array(evidenceSchema.extend({ documentKey: z.number().int().optional() })),
      /** Found by comparing this project with the session's other projects (集约性). */
      crossProject: z.boolean(),
      mark: findingMarkSchema.nullable(),
      history: z.array(findingMarkSchema),
    }),
  ),
  chapters: z.array(chapterMatchSchema),
  budgetLines: z.array(budgetLineVerdictSchema.extend({ amountFen: z.number().int() })),
  totals: z.object({ totalFen: z.number().int(), ineligibleFen: z.number().int(), needsEvaluationFen: z.number().int() }),
});

export type PrecheckReport = z.infer<typeof precheckReportSchema>;

/** The rules a session is reviewed under (适用规则, in the session header): its package's carried profile, else the built-in one. */
export const sessionRulesSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The regulation's full title (办法名称). */
  regulation: z.string(),
  version: z.number().int(),
  /** True when the package carried the profile (profile.json) rather than naming a built-in one. */
  carried: z.boolean(),
});
export type SessionRules = z.infer<typeof sessionRulesSchema>;
