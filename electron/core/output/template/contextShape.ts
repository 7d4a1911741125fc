// Owns the shape of a template's data context (模板数据): every path a `{{placeholder}}` may name, as a zod schema, so templates are checked against it at load time and the TypeScript type follows from it.
//
// Every leaf is a final string (dates, 万元 amounts, scores and labels already formatted, typography.ts); `null`
// means the value is missing (an empty opinion, a project without a supervisor), which a template must mark optional
// (`{{path?}}`) or guard (`{{#if path}}`, `when`). Lists are repeated with `each`. Signature images are the only bytes.
import { z } from 'zod';

const text = z.string();
const missing = z.string().nullable();

/** 签字: role (专家/组长/组员), name, formatted date or null (blank to date by hand), PNG or null (blank to sign by hand). */
export const signatureEntryShape = z.object({
  role: text,
  name: text,
  date: missing,
  image: z.custom<Uint8Array>((v) => v instanceof Uint8Array).nullable(),
});

/** 评分表 source: a dimension with its sub-criteria (评审维度 / 评分项 / 分值范围 / 得分). Scores with one decimal (18.0, 17.5). */
export const scoredDimensionShape = z.object({
  name: text,
  max: text,
  /** The range a score may take, e.g. 0～25 (分值范围). */
  range: text,
  /** Subtotal (小计); "" while nothing is scored. */
  score: text,
  opinion: missing,
  lowScoreReason: missing,
  subCriteria: z.array(z.object({ name: text, max: text, range: text, score: missing })),
});

/** 投资审核 source: budget lines with 申报/核定/核减 in 万元 and 核减率, and the project's totals. */
export const investmentShape = z.object({
  lines: z.array(z.object({ index: text, name: text, requested: text, approved: text, reduction: text, rate: text, reason: missing })),
  requested: text,
  approved: text,
  reduction: text,
  rate: text,
  /** Lines with a reduction, for a sentence listing them; empty when nothing was reduced. */
  reduced: z.array(z.object({ name: text, reduction: text, reason: missing })),
});

/** 形式审查 annex source. */
export const findingShape = z.object({ index: text, rule: text, status: text, message: text, citation: text });

const opinionOf = z.object({ expert: text, text });
/**
 * A section of the panel's opinion (one voice): every member's opinion (`opinions`); `panelOpinion`, the chair's
 * confirmed text — or, until the chair has confirmed the section, the merged draft's shared points (null when none); and
 * `fallbackOpinions`, empty once confirmed, else what the chair still has to settle: a “待组长确定：” line, then each
 * member's own wording, attributed (“周建国：…”). `draft` is 草稿 until the section is confirmed. A template prints
 * `panelOpinion` (with `when`) then `fallbackOpinions`.
 */
const panelOpinionOf = { opinions: z.array(opinionOf), panelOpinion: missing, fallbackOpinions: z.array(opinionOf), draft: missing };

export const contextShape = z.object({
  /** 评审会 */
  session: z.object({
    id: text,
    title: text,
    /** 2027年3月18日 */
    date: text,
    year: text,
    location: text,
    /** The body that issued the package and organised the meeting (发文机关). */
    issuer: text,
    /** 组织评审的机关 named by the regulation (the profile's organiser body). */
    organiser: text,
    /** 发文字号, e.g. 武数据评〔2027〕1号. */
    docNumber: text,
    /** 发文机关标志 of the letter's 版头 (信函格式): the issuer's full name unless the bureau set its own. */
    issuerMark: text,
    /** 抄送机关 of the letter's 版记, e.g. 武隆区城市管理局，武隆区财政局。; null when none. */
    copyTo: missing,
    /** The jurisdiction's name (武隆区) and the regulation cited (武隆区政务信息化项目管理办法). */
    jurisdiction: text,
    regulation: text,
    chair: missing,
    /** The roster; `specialty` (专业) '' when the package gives none. */
    experts: z.array(z.object({ index: text, name: text, title: text, employer: text, specialty: text, role: text })),
    /** The session's projects and their 申报单位 (回避承诺书 lists them). */
    projects: z.array(z.object({ index: text, name: text, applicant: text })),
  }),
  /** 项目; null in a session context. */
  project: z
    .object({
      id: text,
      /** 1-based position in the session. */
      position: text,
      name: text,
      applicant: text,
      supervisor: missing,
      type: text,
      /** 总投资 in 万元, e.g. 720.00 */
      totalInvestment: text,
      fundingSource: missing,
      /** 建设周期, e.g. 12个月 */
      period: missing,
      summary: missing,
      inAnnualPlan: text,
      /** 评审重点: what the expert is asked to look at (the rubric's dimensions, the required chapters, the vetoes, the budget). */
      focus: missing,
    })
    .nullable(),
  /** 专家信息 of this machine's expert; null in a panel context. */
  expert: z.object({ name: text, title: missing, employer: missing, phone: missing }).nullable(),
  /** One expert's review (评审记录); null in a panel context. */
  review: z
    .object({
      expertName: text,
      state: text,
      /** 回避声明, as a sentence. */
      conflict: missing,
      conflictNote: missing,
      familiarity: missing,
      dimensions: z.array(scoredDimensionShape),
      total: text,
      totalPoints: text,
      chapters: z.array(z.object({ title: text, opinion: missing })),
      overallOpinion: missing,
      /** The conclusion in force: the expert's choice, else the suggested one (结论). */
      conclusion: missing,
      conclusionSource: missing,
      conclusionReason: missing,
      suggestion: missing,
      suggestionReasons: missing,
      investment: investmentShape,
      vetoes: z.array(z.object({ title: text, state: text, citation: text })),
      vetoHits: z.array(z.object({ title: text, citation: text })),
      completedAt: missing,
    })
    .nullable(),
  /** 形式审查 of the project; null in a session context. */
  precheck: z.object({ findings: z.array(findingShape), failures: text, judgements: text }).nullable(),
  /**
   * 评审意见函 wording from the profile, with {project} {date} {applicant} {organiser} {session} filled; `date` is the
   * 成文日期 — the date chosen when the letter was issued (the register's), else the review meeting's date.
   */
  letter: z.object({ title: text, salutation: text, opening: text, closing: text, date: text }).nullable(),
  /** 专家组: every member's result and the aggregates (评分汇总); null in a session context. */
  panel: z
    .object({
      size: text,
      experts: z.array(
        z.object({
          index: text,
          name: text,
          title: text,
          employer: text,
          specialty: text,
          role: text,
          recused: text,
          /** Scores in the panel's one format: two decimals like the averages (74.50). */
          total: text,
          conclusion: missing,
          familiarity: missing,
          scores: z.array(z.object({ name: text, score: text })),
        }),
      ),
      dimensions: z.array(z.object({ name: text, max: text, mean: missing, trimmedMean: missing, inForce: missing, ...panelOpinionOf })),
      /** The total's figures are the sums of the dimensions' figures as printed (各项之和); `rule` says how the value in force is reached. */
      total: z.object({ max: text, mean: missing, trimmedMean: missing, inForce: missing, rule: text }),
      /** The rounding rule as a sentence: 各项平均分四舍五入保留两位小数，总分为各项之和. */
      rounding: text,
      /** 草稿 while any section of the panel's opinion is not confirmed by the chair; null once all are. */
      draft: missing,
      /** The titles of the unconfirmed sections (必要性、综合意见); null once all are confirmed. */
      unconfirmed: missing,
      rank: missing,
      conclusion: missing,
      /** Why the panel's conclusion is what it is when the chair decided it (平票裁决, 组长改定); null by majority. */
      conclusionReason: missing,
      conclusionCounts: text,
      chapters: z.array(z.object({ title: text, ...panelOpinionOf })),
      overallOpinions: z.array(opinionOf),
      /** 专家组意见 of the overall opinion; null when the panel wrote none. */
      overallOpinion: missing,
      /** The members' overall opinions when the panel wrote none, else empty. */
      fallbackOverallOpinions: z.array(opinionOf),
      investment: investmentShape,
      vetoHits: z.array(z.object({ title: text, citation: text })),
      /** 保留意见: members who disagree with the panel's opinion, and why (政府采购法实施条例 第四十一条). */
      dissents: z.array(z.object({ expert: text, reason: text })),
    })
    .nullable(),
  signatures: z.object({
    expert: z.array(signatureEntryShape),
    members: z.array(signatureEntryShape),
    chair: z.array(signatureEntryShape),
  }),
  /** 评审纪律 and 专家承诺书 (shared/expert.ts commitmentText), and the expert's acceptance. */
  commitment: z.object({ lines: z.array(z.object({ text })), acceptedAt: missing, expertName: missing }),
  /** The date the document was made (the clock at generation): for a bureau's own .docx; the built-in templates date by the act instead (letter.date, session.date, signatures). */
  today: text,
  /** 评审会评分汇总: the panel's figures of every project in rank order (sessionRanking.ts); null unless a session document names it. */
  ranking: z
    .object({
      /** The rubric's dimensions with their maxima, e.g. 必要性 25 分、紧迫性 10 分, and the total's maximum. */
      dimensions: text,
      totalPoints: text,
      /** The rule in force, as a sentence (去掉一个最高分和一个最低分后取平均 …). */
      rule: text,
      projects: z.array(
        z.object({
          /** 排名 (轻重缓急); — when the project has no score in force. */
          rank: text,
          name: text,
          /** Each dimension's value in force, e.g. 必要性 23.50；紧迫性 9.00. */
          scores: text,
          total: text,
          conclusion: text,
          /** 申报 / 核定 / 核减 in 万元. */
          requested: text,
          approved: text,
          reduction: text,
        }),
      ),
      requested: text,
      approved: text,
      reduction: text,
    })
    .nullable(),
});

export type TemplateContext = z.infer<typeof contextShape>;

/** The parts of the context a session document (签到表, 回避承诺书) has; project documents have every part. */
export const sessionRoots = ['session', 'expert', 'signatures', 'commitment', 'today', 'ranking'] as const;
export type SignatureEntryValue = z.infer<typeof signatureEntryShape>;
export type InvestmentValue = z.infer<typeof investmentShape>;
export type ScoredDimensionValue = z.infer<typeof scoredDimensionShape>;
export type FindingShapeValue = z.infer<typeof findingShape>;
