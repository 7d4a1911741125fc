// Owns the scoring types shared by the core and the renderer: one expert's review of one project (评审记录), the rubric in force (执行的评分标准), a package's rubric override, result shapes, and 核减率 formatting at the edge.
//
// A review stores what the expert entered and nothing computed: subtotals, the total, the suggested conclusion and
// 核减 figures are derived from it and the rubric in force (house style §9). Amounts are integer fen (分).
import { z } from 'zod';
import { jurisdictionIdSchema } from './manifest';
import { conclusions, profileSchema, rubricDimensionIds, type Conclusion, type RubricDimensionId, type Veto } from './profile';

const rubricSchema = profileSchema.shape.rubric;
const dimensionSchema = rubricSchema.shape.dimensions.element;
const text = z.string().trim().min(1);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { message: '应为 64 位小写十六进制 SHA-256' });

// ── Rubric in force and package override ────────────────────────────────────────────────────────────────────────

/** The rubric a review was scored against (执行的评分标准); stored once per fingerprint and named by every review. */
export const rubricInForceSchema = z.object({
  profileId: jurisdictionIdSchema,
  /** `package` when the package's `session.rubric` changed the profile's default. */
  source: z.enum(['profile', 'package']),
  /** sha256 of the rubric's canonical JSON (see electron/core/scoring/rubric.ts). */
  fingerprint: sha256Hex,
  rubric: rubricSchema,
});
export type RubricInForce = z.infer<typeof rubricInForceSchema>;

/**
 * What `session.rubric` in a package manifest may hold. Dimensions are matched by id and only the fields given replace
 * the profile's; vetoes are not overridable because they name the profile's pre-check rules.
 */
export const rubricOverrideSchema = z.strictObject({
  totalPoints: rubricSchema.shape.totalPoints.optional(),
  dimensions: z
    .array(
      z.strictObject({
        id: z.enum(rubricDimensionIds),
        name: dimensionSchema.shape.name.optional(),
        weight: dimensionSchema.shape.weight.optional(),
        maxPoints: dimensionSchema.shape.maxPoints.optional(),
        guidance: dimensionSchema.shape.guidance.optional(),
        subCriteria: dimensionSchema.shape.subCriteria.optional(),
      }),
    )
    .optional(),
  bands: rubricSchema.shape.bands.optional(),
});
export type RubricOverride = z.infer<typeof rubricOverrideSchema>;

// ── The review ──────────────────────────────────────────────────────────────────────────────────────────────────

/** 熟悉程度: the expert's familiarity with the project's field, shown to the panel beside the scores. */
export const familiarities = ['familiar', 'fairly-familiar', 'general'] as const;
export type Familiarity = (typeof familiarities)[number];
export const familiarityLabels: Record<Familiarity, string> = { familiar: '熟悉', 'fairly-familiar': '较熟悉', general: '一般' };

/** A score as entered: non-negative, in steps of 0.5 (its range is checked against the sub-criterion, validate.ts). */
export const scoreSchema = z
  .number()
  .finite()
  .nonnegative()
  .refine((n) => Number.isInteger(n * 2), { message: '得分应按 0.5 分递增' });

export const dimensionReviewSchema = z.object({
  /** Sub-criterion id → score; null (or absent) is not yet scored. */
  scores: z.record(z.string(), scoreSchema.nullable()).default({}),
  opinion: z.string().default(''),
  /** 低分理由: required when the dimension's subtotal is below 60% of its maximum. */
  lowScoreReason: z.string().default(''),
});

/** 回避声明: `hasConflict` closes the project to this expert; nothing else is then required. */
export const conflictDeclarationSchema = z.object({ hasConflict: z.boolean(), note: z.string().default('') });

/** 投资审核 of one budget line: the proposed approved amount (null: not reviewed, i.e. as requested) and why. */
export const lineReviewSchema = z.object({
  approvedFen: z.number().int().nonnegative().nullable().default(null),
  reason: z.string().default(''),
});

export const reviewSchema = z.object({
  projectId: text,
  expertId: text,
  rubricFingerprint: sha256Hex,
  /** null until the expert has made the declaration. */
  conflict: conflictDeclarationSchema.nullable().default(null),
  familiarity: z.enum(familiarities).nullable().default(null),
  dimensions: z.partialRecord(z.enum(rubricDimensionIds), dimensionReviewSchema).default({}),
  /** Required-chapter id (profile `requiredChapters`) → opinion (篇章意见). */
  chapterOpinions: z.record(z.string(), z.string()).default({}),
  overallOpinion: z.string().default(''),
  /** Veto id → the expert's ruling (一票否决项是否成立); overrides what the pre-check found. */
  vetoRulings: z.record(z.string(), z.boolean()).default({}),
  /** `chosen` null adopts the suggested conclusion; a different choice needs `reason`. */
  conclusion: z
    .object({ chosen: z.enum(conclusions).nullable().default(null), reason: z.string().default('') })
    .default({ chosen: null, reason: '' }),
  /** Budget-line id → the expert's 投资审核 of it. */
  investment: z.record(z.string(), lineReviewSchema).default({}),
});
export type Review = z.infer<typeof reviewSchema>;
export type ReviewInput = z.input<typeof reviewSchema>;
export type DimensionReview = z.infer<typeof dimensionReviewSchema>;
export type LineReview = z.infer<typeof lineReviewSchema>;

/** Overview state of a project for one expert: 未开始 / 评审中 / 已完成 / 回避. */
export const reviewStates = ['not-started', 'in-progress', 'complete', 'recused'] as const;
export type ReviewState = (typeof reviewStates)[number];
export const reviewStateLabels: Record<ReviewState, string> = {
  'not-started': '未开始',
  'in-progress': '评审中',
  complete: '已完成',
  recused: '回避',
};

// ── Results (computed, never stored) ────────────────────────────────────────────────────────────────────────────

/** A budget line as investment review needs it; `amountFen` is the requested amount (申报金额). */
export interface BudgetLineAmount {
  id: string;
  name: string;
  amountFen: number;
}

export interface DimensionTotal {
  id: RubricDimensionId;
  name: string;
  maxPoints: number;
  /** Sum of the scored sub-criteria (exact: a multiple of 0.5). */
  subtotal: number;
  scored: number;
  subCriteria: number;
  complete: boolean;
  /** Fully scored and below 60% of the maximum: a low-score reason is required. */
  lowScore: boolean;
}

export interface ScoreTotals {
  dimensions: DimensionTotal[];
  total: number;
  totalPoints: number;
  complete: boolean;
}

/** 一票否决项 for one project: hit (成立), clear, or pending (the pre-check asks the expert to judge and no ruling yet). */
export interface VetoState {
  veto: Veto;
  state: 'hit' | 'clear' | 'pending';
  /** Who settled it: the expert's ruling, a failing pre-check finding, or nobody (clear by default, or pending). */
  decidedBy: 'expert' | 'precheck' | null;
}

/** The conclusion the bands and vetoes suggest (建议结论); null while scoring is incomplete and no veto applies. */
export interface Suggestion {
  conclusion: Conclusion | null;
  label: string | null;
  reasons: string[];
}

/** 核减 of one line or of the project: reduction = requested − approved, rate = reduction ÷ requested. */
export interface Reduction {
  requestedFen: number;
  approvedFen: number;
  /** 核减额 */
  reductionFen: number;
  /** 核减率 in basis points (万分之一), rounded half away from zero; null when nothing was requested. */
  reductionRateBp: number | null;
}

export interface LineReduction extends Reduction {
  lineId: string;
  name: string;
  /** The expert set an approved amount for this line. */
  reviewed: boolean;
}

/** Where the form must take the expert for a missing item. */
export type CompletionTarget =
  | { field: 'conflict' }
  | { field: 'familiarity' }
  | { field: 'score'; dimensionId: RubricDimensionId; subCriterionId: string }
  | { field: 'dimension-opinion'; dimensionId: RubricDimensionId }
  | { field: 'low-score-reason'; dimensionId: RubricDimensionId }
  | { field: 'veto-ruling'; vetoId: string }
  | { field: 'chapter-opinion'; chapterId: string }
  | { field: 'investment'; lineId: string }
  | { field: 'overall-opinion' }
  | { field: 'conclusion-reason' };

export interface MissingItem {
  target: CompletionTarget;
  message: string;
}

// ── What the scoring calls return ───────────────────────────────────────────────────────────────────────────────

/** A review with everything computed from it: what review.get / save / complete / reopen return. */
export interface ReviewView {
  review: Review;
  rubric: RubricInForce;
  totals: ScoreTotals;
  vetoes: VetoState[];
  suggestion: Suggestion;
  reductions: { lines: LineReduction[]; project: Reduction };
  missing: MissingItem[];
  /** Required chapters (篇章) of the profile that need an opinion for this project's type. */
  chapters: { id: string; title: string }[];
  state: ReviewState;
  /** 0 before the first save; a save must name the version it edited (optimistic concurrency). */
  version: number;
  savedAt: string | null;
  completedAt: string | null;
}

/** One row of a review's history (修改记录): a changed leaf field (`dimensions.necessity.scores.n1`), or a completion or reopening. */
export interface ReviewHistoryEntry {
  at: string;
  expertId: string;
  field: string;
  before: unknown;
  after: unknown;
  kind: 'edit' | 'complete' | 'reopen';
}

/** A project in the session overview (评审总览) and its radar chart. */
export interface ProjectOverview {
  projectId: string;
  state: ReviewState;
  /** Sum of the scores entered so far. */
  total: number;
  totalPoints: number;
  /** The chosen conclusion, else the suggested one; null while neither exists. */
  conclusion: Conclusion | null;
  dimensions: { id: RubricDimensionId; name: string; score: number; max: number }[];
}

// ── Phrases (常用评审意见) ──────────────────────────────────────────────────────────────────────────────────────

/** A phrase of the library; `group` is a dimension id, `chapter.<required-chapter id>`, `investment` or `overall`. */
export const phraseSchema = z.object({ id: text, group: text, text, citation: z.string().optional() });
export type Phrase = z.infer<typeof phraseSchema>;

/** What phrases.list returns: the expert's own phrases in their order (ids `personal-<n>`), then the starter set. */
export interface PhraseLibrary {
  personal: Phrase[];
  starter: Phrase[];
}

// ── Formatting at the edge ──────────────────────────────────────────────────────────────────────────────────────

/** 1235 basis points → "12.35%". */
export function formatBasisPoints(bp: number): string {
  const abs = Math.abs(bp);
  return `${bp < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}
