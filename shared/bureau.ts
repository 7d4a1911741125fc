// Owns the bureau's contract (组织方): the draft of a review being prepared (评审会草稿), budget-table import mapping (概算表导入), result import outcomes, the status board, and the panel's view — schemas and types shared by core and renderer.
//
// Amounts are integer fen (分) here, as everywhere in code; the package file gets yuan only when it is written.
import { z } from 'zod';
import { documentKinds, isBuiltInJurisdiction, jurisdictionIdSchema, projectTypes } from './manifest';
import type { SessionAggregate } from './panelAggregate';
import { conclusions, type Conclusion } from './profile';
import type { FindingStatus } from './precheck';
import { MAX_FEN } from './money';

const text = z.string().trim().min(1, { message: '不能为空' }).max(500);
const longText = z.string().max(20_000);
// The manifest's bound (shared/money.ts MAX_FEN): a draft never holds an amount its package would be refused for.
const fen = z
  .number()
  .int({ message: '金额应为整数分' })
  .nonnegative({ message: '金额不能为负' })
  .max(MAX_FEN, { message: '金额过大：不得超过 1 万亿元' });
/** Ids become package paths (documents/<project id>/…): letters, digits, - and _ only. */
const itemId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { message: '编号只能由字母、数字、- 和 _ 组成（最多 64 个字符）' });
/** A certificate fingerprint as read aloud or pasted: 64 hex digits, spaces and colons allowed; empty when unknown. */
const fingerprint = z
  .string()
  .transform((s) => s.replace(/[\s:]/g, '').toLowerCase())
  .refine((s) => s === '' || /^[0-9a-f]{64}$/.test(s), { message: '证书指纹应为 64 位十六进制数字（可含空格或冒号）' });

/** 评审专家名单 entry; `fingerprint` '' when the expert's certificate is not known yet. */
export const draftExpertSchema = z.object({
  name: text,
  title: z.string().trim().max(200).default(''),
  employer: z.string().trim().max(200).default(''),
  /** 专业, printed where experts are listed (签到表, 专家组名单); '' for none. */
  specialty: z.string().trim().max(100).default(''),
  fingerprint: fingerprint.default(''),
});

/** The session part of a draft: everything the manifest's `session` and header hold except the projects. */
export const draftSessionSchema = z
  .object({
    /** A built-in profile's id, or the id of one of the bureau's own profiles (规则配置), which the package then carries. */
    jurisdiction: jurisdictionIdSchema,
    /** Which saved version of the bureau's own profile; null for a built-in profile. */
    profileVersion: z.number().int().positive().max(1_000_000).nullable().default(null),
    issuer: text,
    title: text,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应为 YYYY-MM-DD' }),
    location: z.string().trim().max(500).default(''),
    experts: z.array(draftExpertSchema).max(100).default([]),
    /** The chair's name (评审组长); '' until chosen. */
    chair: z.string().trim().max(200).default(''),
  })
  .superRefine((s, ctx) => {
    if (!isBuiltInJurisdiction(s.jurisdiction) && s.profileVersion === null)
      ctx.addIssue({ code: 'custom', path: ['profileVersion'], message: '请选择规则配置的版本' });
    if (isBuiltInJurisdiction(s.jurisdiction) && s.profileVersion !== null)
      ctx.addIssue({ code: 'custom', path: ['profileVersion'], message: '内置评审规则没有版本可选' });
    const names = new Set<string>();
    s.experts.forEach((e, i) => {
      if (names.has(e.name))
        ctx.addIssue({
          code: 'custom',
          path: ['experts', i, 'name'],
          message: `专家姓名重复：${e.name}（同名专家请在姓名后注明单位以示区别）`,
        });
      names.add(e.name);
    });
    const prints = s.experts.map((e) => e.fingerprint).filter(Boolean);
    if (new Set(prints).size !== prints.length)
      ctx.addIssue({ code: 'custom', path: ['experts'], message: '两位专家登记了相同的证书指纹，请核对' });
    if (s.chair && !names.has(s.chair)) ctx.addIssue({ code: 'custom', path: ['chair'], message: '评审组长应为名单中的专家' });
  });
export type DraftSession = z.infer<typeof draftSessionSchema>;

/** A document attached to a draft project: stored under documents/<project id>/<fileName>. */
export const draftDocumentSchema = z.object({
  id: itemId,
  kind: z.enum(documentKinds),
  title: text,
  fileName: z.string().min(1).max(255),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});
export type DraftDocument = z.infer<typeof draftDocumentSchema>;

/** 概算表 line in fen. */
export const draftBudgetLineSchema = z.object({
  id: itemId,
  name: text,
  category: z.string().trim().max(200).default(''),
  quantity: z.number().finite().nonnegative().default(1),
  unit: z.string().trim().max(50).default(''),
  unitPriceFen: fen.default(0),
  amountFen: fen,
  note: z.string().max(2000).default(''),
});
export type DraftBudgetLine = z.infer<typeof draftBudgetLineSchema>;

/** The project form (项目信息): what the bureau types in; documents are attached separately. */
export const draftProjectFormSchema = z.object({
  id: itemId,
  name: text,
  /** 申报单位 */
  applicant: text,
  /** 主管部门 */
  supervisor: z.string().trim().max(200).default(''),
  type: z.enum(projectTypes),
  /** 申报总投资 in fen. */
  investmentFen: fen.refine((v) => v > 0, { message: '总投资应大于 0' }),
  fundingSource: z.string().trim().max(200).default(''),
  /** 建设周期（月） */
  periodMonths: z.number().int().positive({ message: '建设周期应为正整数（月）' }).max(600).nullable().default(null),
  /** 是否纳入年度计划 */
  inAnnualPlan: z.boolean(),
  summary: longText.default(''),
  budgetLines: z
    .array(draftBudgetLineSchema)
    .max(2000)
    .default([])
    .superRefine((lines, ctx) => {
      const seen = new Set<string>();
      lines.forEach((l, i) => {
        if (seen.has(l.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `概算明细编号重复：${l.id}` });
        seen.add(l.id);
      });
    }),
});
export type DraftProjectForm = z.infer<typeof draftProjectFormSchema>;
export type DraftProject = DraftProjectForm & { documents: DraftDocument[] };

export interface Draft {
  /** Becomes the package's packageId (UUID). */
  id: string;
  /** The package's createdAt: fixed when the draft is made, so exporting twice gives the same bytes. */
  createdAt: string;
  session: DraftSession;
  projects: DraftProject[];
}

/** A problem that keeps the draft from being exported, with the field to go to. */
export interface DraftProblem {
  code: string;
  message: string;
  /** e.g. `projects.p1.documents`, `session.chair`. */
  path: string;
}

export interface DraftView {
  draft: Draft;
  version: number;
  updatedAt: string;
  /** Empty when the draft can be exported. */
  problems: DraftProblem[];
  /** Set once a package was exported from the draft: its manifest hash, and whether results arrived for it. */
  exported: { manifestSha256: string; results: number } | null;
}

export interface DraftSummary {
  id: string;
  title: string;
  date: string;
  projectCount: number;
  updatedAt: string;
}

/** 预审 of a draft's project: the pre-check findings on the attached documents. */
export interface DraftPrecheck {
  projectId: string;
  name: string;
  findings: { ruleId: string; status: FindingStatus; message: string; citation: string }[];
}

// ── 概算表导入 ──────────────────────────────────────────────────────────────────────────────────────────────────

export const budgetFields = ['name', 'category', 'quantity', 'unit', 'unitPrice', 'amount', 'note'] as const;
export type BudgetField = (typeof budgetFields)[number];
export const budgetFieldLabels: Record<BudgetField, string> = {
  name: '名称',
  category: '类别',
  quantity: '数量',
  unit: '单位',
  unitPrice: '单价',
  amount: '金额',
  note: '备注',
};
export const amountUnits = ['yuan', 'wan'] as const;
export type AmountUnit = (typeof amountUnits)[number];

/** How the sheet's columns map to budget-line fields (1-based column numbers), and the unit of money columns. */
export const budgetMappingSchema = z.strictObject({
  sheet: z.string().min(1).max(100),
  /** 1-based rows that form the header (表头); data starts after the last. */
  headerRows: z.array(z.number().int().positive()).min(1).max(3),
  columns: z.strictObject({
    name: z.number().int().positive(),
    category: z.number().int().positive().nullable().default(null),
    quantity: z.number().int().positive().nullable().default(null),
    unit: z.number().int().positive().nullable().default(null),
    unitPrice: z.number().int().positive().nullable().default(null),
    amount: z.number().int().positive().nullable().default(null),
    note: z.number().int().positive().nullable().default(null),
  }),
  units: z.strictObject({ unitPrice: z.enum(amountUnits), amount: z.enum(amountUnits) }),
});
export type BudgetMapping = z.infer<typeof budgetMappingSchema>;

export interface BudgetPreview {
  sheets: string[];
  /** The mapping proposed (or the one given), to confirm or correct. */
  mapping: BudgetMapping;
  /** Every column of the chosen sheet with its header text (merged header cells joined, e.g. 金额（万元）/单价). */
  columns: { index: number; letter: string; header: string }[];
  lines: DraftBudgetLine[];
  /** Rows not taken, with why (合计行, 空行, 分类行 …). */
  skipped: { row: number; reason: string }[];
  warnings: string[];
  totalFen: number;
}

// ── Results (评审结果) ──────────────────────────────────────────────────────────────────────────────────────────

export const resultRefusals = [
  'unreadable',
  'too-large',
  'tampered',
  'foreign',
  'duplicate',
  'superseded',
  'not-on-roster',
  'roster-mismatch',
  'rubric-mismatch',
  'invalid-content',
] as const;
export type ResultRefusal = (typeof resultRefusals)[number];

export interface ResultImportOutcome {
  /** The file's name as given. */
  file: string;
  /** `held` (待确认): verified, but signed by a key the roster does not register and the bureau has not yet confirmed. */
  status: 'accepted' | 'replaced' | 'refused' | 'held';
  /** Refused: why (Chinese, says what to do). Accepted or replaced: which expert and when signed. Held: the key's fingerprint to confirm. */
  message: string;
  refusal: ResultRefusal | null;
  expert: string | null;
  signedAt: string | null;
}

export interface ExpertStatus {
  position: number;
  name: string;
  isChair: boolean;
  fingerprint: string | null;
  /** 已提交 / 未提交 */
  submitted: { signedAt: string; receivedAt: string; version: number; fileSha256: string } | null;
  /** Per project: complete, recused (回避), or not done in the result held. */
  projects: { projectId: string; state: 'complete' | 'recused' | 'incomplete' | 'missing' }[];
  /** 提交记录: every accepted file of this expert, oldest signing first; the last is in force. */
  history: { signedAt: string; receivedAt: string; fileName: string; fileSha256: string }[];
  submissions: number;
  /** 待确认: results held until the bureau confirms their signing key's fingerprint with the expert (`bureau.results.confirmKey`). */
  pending: { id: number; fingerprint: string; signedAt: string; receivedAt: string; fileName: string }[];
}

export interface StatusBoard {
  sessionId: string;
  experts: ExpertStatus[];
  /** 缺少: experts with no result, by name. */
  missing: string[];
  /** 回避 declared, by project. */
  conflicts: { projectId: string; name: string; experts: string[] }[];
}

// ── The panel (专家组) ────────────────────────────────────────────────────────────────────────────────────────

/** The panel's conclusion for one project and how it was reached. */
export interface PanelConclusion {
  conclusion: Conclusion | null;
  label: string | null;
  /** 多数意见 / 组长裁决平票 / 组长改定 / 无法形成（平票且组长未参与，需组长裁定）. */
  source: 'majority' | 'chair-tie' | 'chair-override' | 'undecided';
  votes: Record<Conclusion, number>;
  reason: string | null;
}

export interface PanelDissent {
  position: number;
  expert: string;
  reason: string;
  recordedAt: string;
}

export const conclusionSchema = z.enum(conclusions);
export const dissentReasonSchema = z.string().trim().min(1).max(5000);
export const chairReasonSchema = z.string().trim().min(1, { message: '组长裁定须写明理由' }).max(5000);

/** What the panel screen shows: the aggregation (H4's SessionAggregate, rule from the profile) with each project's conclusion and dissents. */
export interface PanelView {
  sessionId: string;
  aggregate: SessionAggregate;
  /** `members`: experts whose result covers the project (完成 or 回避); `missing`: no result, or the project unfinished in it. */
  projects: { projectId: string; conclusion: PanelConclusion; dissents: PanelDissent[]; members: string[]; missing: string[] }[];
}

// ── The panel opinion signed by every member (专家组成员签署) ───────────────────────────────────────────────────────

export const panelSignatureRefusals = [
  'unreadable',
  'tampered',
  'other-version',
  'foreign',
  'signer-mismatch',
  'not-member',
  'recused',
  'duplicate',
] as const;
export type PanelSignatureRefusal = (typeof panelSignatureRefusals)[number];

/** One member's `.sig.json` over a frozen panel opinion, as imported. */
export interface PanelSignatureOutcome {
  /** The file's name as given. */
  file: string;
  status: 'accepted' | 'refused';
  /** Refused: why (Chinese, says what to do). Accepted: who signed which project's opinion, and when. */
  message: string;
  refusal: PanelSignatureRefusal | null;
  projectId: string | null;
  expert: string | null;
  signedAt: string | null;
}

/**
 * A project's panel opinion for signing: null `frozen` until the bureau fixes it (定稿). While frozen, the panel's
 * decisions on the project and result imports for the session are refused; unfreezing (撤销定稿) drops the signatures.
 */
export interface PanelOpinionStatus {
  projectId: string;
  name: string;
  frozen: { fileName: string; sha256: string; createdAt: string; frozenAt: string } | null;
  /** The members expected to sign (those who reviewed the project and did not recuse), each with their signature once received. */
  signers: {
    position: number;
    name: string;
    signature: { signedAt: string; fingerprint: string; receivedAt: string; fileName: string } | null;
  }[];
  /** Frozen and signed by every expected member. */
  complete: boolean;
}

// ── The panel's own opinion text (专家组意见) ──────────────────────────────────────────────────────────────────────

/** A section of a project's panel opinion: 'overall' (综合意见), 'dimension:<id>' (评审维度) or 'chapter:<id>' (必备篇章). */
export const panelSectionSchema = z.string().regex(/^(overall|dimension:[^\s]{1,200}|chapter:[^\s]{1,200})$/, {
  message: '意见部分应为 overall、dimension:<维度> 或 chapter:<篇章>',
});
export const panelTextSchema = z.string().max(20000, { message: '专家组意见不能超过 20000 字' });

/** One section of a project's panel opinion: the members' opinions side by side and the panel's draft text. */
export interface PanelOpinionSection {
  section: string;
  kind: 'dimension' | 'chapter' | 'overall';
  /** The dimension's name, the chapter's title, or 综合意见. */
  title: string;
  /** Members who reviewed the project and did not recuse, in roster order; text null when they wrote none. */
  members: { name: string; text: string | null }[];
  /** The panel's text as saved; null until first saved. `version` 0 until then. */
  panel: { text: string; savedBy: string; savedAt: string } | null;
  version: number;
  /**
   * The merged draft the chair starts from (合并稿): points two or more members made, once; then “待组长确定：” and
   * each member's wording of what only they said. '' when no member wrote anything.
   */
  draft: string;
  /** The chair has saved the section's text (or no member wrote anything): until every section is, the letter is not issued. */
  confirmed: boolean;
}

/** A project's panel opinion drafting view; `frozen`: saving is refused until the opinion is unfrozen (撤销定稿). */
export interface PanelOpinionText {
  projectId: string;
  frozen: boolean;
  sections: PanelOpinionSection[];
}

// ── 发文 (the letters the bureau issues): settings and the register ─────────────────────────────────────────────────

/** The bureau's letter settings (发文设置), set once: 发文机关标志, 文号 prefix (机关代字 + 类别) and 抄送机关. */
export const letterSettingsSchema = z
  .object({
    issuerMark: z.string().trim().max(40, { message: '发文机关标志不能超过 40 个字' }),
    numberPrefix: z
      .string()
      .trim()
      .max(20, { message: '文号前缀不能超过 20 个字' })
      .regex(/^[^\s〔〕[\]（）()0-9０-９]*$/u, { message: '文号前缀只写机关代字和类别（如 武数据评），不含年份、括号和序号' }),
    copyTo: z
      .array(z.string().trim().min(1, { message: '抄送机关不能为空' }).max(60, { message: '抄送机关名称不能超过 60 个字' }))
      .max(20, { message: '抄送机关不能超过 20 个' }),
  })
  .strict();
export type LetterSettingsInput = z.infer<typeof letterSettingsSchema>;

/** 成文日期 as chosen on the letters screen. */
export const letterDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '成文日期应为 YYYY-MM-DD' });

/** One row of the 发文登记. */
export interface LetterRegisterEntry {
  number: string;
  sessionId: string;
  projectId: string;
  sessionTitle: string;
  projectName: string;
  /** 成文日期, YYYY-MM-DD. */
  dated: string;
  /** 签发时间 of the latest issue and of the first (ISO 8601). */
  issuedAt: string;
  firstIssuedAt: string;
}

/** The letters screen of a session: settings, the prefix in force, the default and earliest 成文日期, what blocks issuing, the register. */
export interface LettersView {
  settings: LetterSettingsInput & { updatedAt: string | null };
  /** The prefix numbers are taken under: the settings' own, else derived from the issuer. */
  prefix: string;
  /** The review meeting's date, before which no letter is dated. */
  earliestDate: string;
  /** The meeting date, or today when that is later. */
  defaultDate: string;
  /** Projects whose panel opinion has sections the chair has not confirmed, with those sections' titles. */
  unconfirmed: { projectId: string; name: string; sections: string[] }[];
  /** The whole register, newest first. */
  register: LetterRegisterEntry[];
}
