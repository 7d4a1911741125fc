// Owns the schema of a project package's manifest.json (评审包清单), formatVersion 1 — see docs/package-format.md.
import { z } from 'zod';
import { isSafeFen, MAX_YUAN, yuanToFen } from './money';

/** Project types named by the regulations: 新建 / 扩建 / 改建 / 续建 / 运维 / 购买服务. */
export const projectTypes = ['new', 'expansion', 'renovation', 'continuation', 'operation', 'service'] as const;
export type ProjectType = (typeof projectTypes)[number];

/** The names the regulations give the project types, for messages and documents. */
export const projectTypeNames: Record<ProjectType, string> = {
  new: '新建',
  expansion: '扩建',
  renovation: '改建',
  continuation: '续建',
  operation: '运行维护',
  service: '购买服务',
};

/** Document kinds a project may submit (建设方案, 可研, 初步设计及概算, 概算表 …). */
export const documentKinds = [
  'proposal',
  'feasibility',
  'preliminary-design',
  'budget',
  'resource-catalog',
  'crypto-plan',
  'performance-targets',
  'prior-contract',
  'service-requirements',
  'post-evaluation',
  'other',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The jurisdictions whose profiles are built in (resources/profiles/<id>.json). */
export const jurisdictions = ['donghe', 'dalate', 'shuocheng', 'wulong', 'taizhou-gaogang', 'national'] as const;
export type BuiltInJurisdiction = (typeof jurisdictions)[number];
export const isBuiltInJurisdiction = (id: string): id is BuiltInJurisdiction => (jurisdictions as readonly string[]).includes(id);

/** A jurisdiction (profile) id: a built-in one, or the id of the profile a package carries (`xishan`). */
export const jurisdictionIdSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '辖区编号只能由小写字母、数字和连字符组成，如 xishan' });

/** Where a carried profile sits in a package: always `profile.json` at the root (docs/profile-format.md). */
export const PROFILE_PATH = 'profile.json';

/** Yuan with at most two decimals (the file's unit; storage converts to integer fen 分). */
const yuan = z
  .number()
  .finite()
  .nonnegative()
  .max(MAX_YUAN, { message: `金额过大：不得超过 ${MAX_YUAN.toExponential()} 元（1 万亿元）` })
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: '金额最多保留两位小数' });

const text = z.string().trim().min(1);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/i, { message: '应为 64 位十六进制 SHA-256' });

/**
 * A package id: any 8-4-4-4-12 hexadecimal GUID (other systems' GUIDs do not always carry RFC 9562 version bits, which
 * zod's uuid() demands), lower-cased here so that every comparison (duplicate import, result files) ignores case.
 */
export const packageIdSchema = z.guid({ message: '应为 8-4-4-4-12 位十六进制数字组成的 GUID' }).transform((id) => id.toLowerCase());

/**
 * Whether two spellings name the same package: ids are compared without case, as packageIdSchema lower-cases them. For an
 * id read from a signed file that must keep its raw text (a result file's packageId) or from a session stored before.
 */
export const samePackageId = (a: string | null, b: string): boolean => a !== null && a.toLowerCase() === b.toLowerCase();

export const manifestDocumentSchema = z.object({
  id: text,
  kind: z.enum(documentKinds),
  title: text,
  // Not trimmed: a path differing only by a trailing space must not match another file.
  path: z.string().min(1),
  sha256: sha256Hex,
  bytes: z.number().int().nonnegative(),
});

export const budgetLineSchema = z.object({
  id: text,
  name: text,
  category: z.string().default(''),
  quantity: z.number().finite().nonnegative().default(1),
  unit: z.string().default(''),
  unitPrice: yuan.default(0),
  amount: yuan,
  note: z.string().default(''),
});

export const manifestProjectSchema = z.object({
  id: text,
  name: text,
  applicant: text,
  supervisor: z.string().optional(),
  type: z.enum(projectTypes),
  totalInvestment: yuan,
  fundingSource: z.string().default(''),
  periodMonths: z.number().int().positive().optional(),
  inAnnualPlan: z.boolean(),
  summary: z.string().default(''),
  documents: z.array(manifestDocumentSchema),
  budgetLines: z.array(budgetLineSchema).default([]),
});

export const manifestExpertSchema = z.object({
  id: z.string().optional(),
  name: text,
  title: z.string().optional(),
  employer: z.string().optional(),
  /** 专业 (e.g. 信息系统工程, 工程造价), printed where experts are listed. */
  specialty: z.string().optional(),
  fingerprint: z.string().optional(),
});

export const manifestSchema = z
  .object({
    formatVersion: z.literal(1),
    packageId: packageIdSchema,
    createdAt: z.string().datetime({ offset: true, message: '应为带时区的日期时间，如 2027-03-01T08:00:00+08:00' }),
    issuer: text,
    /** A built-in profile id, or the `id` of the profile the package carries. */
    jurisdiction: jurisdictionIdSchema,
    /** The package's own profile (profile.json at the root), verified like every file; its content by the profile check. */
    profile: z
      .strictObject({
        path: z.literal(PROFILE_PATH, { message: `辖区规则配置应位于评审包根目录，名为 ${PROFILE_PATH}` }),
        sha256: sha256Hex,
        bytes: z.number().int().nonnegative(),
      })
      .optional(),
    session: z.object({
      title: text,
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '应为 YYYY-MM-DD 格式的日期，如 2027-03-18' }),
      location: z.string().default(''),
      experts: z.array(manifestExpertSchema).min(1),
      /** The chair (评审组长): an expert's id or name. */
      chair: text,
      rubric: z.unknown().optional(),
    }),
    projects: z.array(manifestProjectSchema).min(1),
  })
  .superRefine((m, ctx) => {
    if (!m.profile && !isBuiltInJurisdiction(m.jurisdiction)) {
      ctx.addIssue({
        code: 'custom',
        path: ['jurisdiction'],
        message: `本程序没有辖区“${m.jurisdiction}”的内置评审规则，评审包也未附带辖区规则配置（profile.json）；请向组织方索取附带该辖区规则配置的评审包`,
      });
    }
    const experts = m.session.experts;
    if (!experts.some((e) => e.id === m.session.chair || e.name === m.session.chair)) {
      ctx.addIssue({ code: 'custom', path: ['session', 'chair'], message: '评审组长不在专家名单中' });
    }
    const projectIds = new Set<string>();
    const paths = new Set<string>();
    m.projects.forEach((p, i) => {
      if (projectIds.has(p.id)) ctx.addIssue({ code: 'custom', path: ['projects', i, 'id'], message: '与另一项目的编号相同' });
      projectIds.add(p.id);
      const docIds = new Set<string>();
      p.documents.forEach((d, j) => {
        if (docIds.has(d.id))
          ctx.addIssue({ code: 'custom', path: ['projects', i, 'documents', j, 'id'], message: '与同一项目中另一文件的编号相同' });
        docIds.add(d.id);
        if (paths.has(d.path))
          ctx.addIssue({ code: 'custom', path: ['projects', i, 'documents', j, 'path'], message: '与本评审包中另一文件的位置相同' });
        if (m.profile && d.path === m.profile.path)
          ctx.addIssue({
            code: 'custom',
            path: ['projects', i, 'documents', j, 'path'],
            message: `${PROFILE_PATH} 是辖区规则配置，不能作为项目文件`,
          });
        paths.add(d.path);
      });
    });
    // Each amount is bounded; their sums (a project's budget, the session's) must stay exact integers in fen too.
    let sessionFen = 0;
    m.projects.forEach((p, i) => {
      const linesFen = p.budgetLines.reduce((sum, b) => sum + yuanToFen(b.amount), 0);
      if (!isSafeFen(linesFen))
        ctx.addIssue({
          code: 'custom',
          path: ['projects', i, 'budgetLines'],
          message: '金额合计过大：预算明细的金额之和超出可精确计算的范围',
        });
      sessionFen += yuanToFen(p.totalInvestment) + linesFen;
    });
    if (!isSafeFen(sessionFen))
      ctx.addIssue({ code: 'custom', path: ['projects'], message: '金额合计过大：各项目金额之和超出可精确计算的范围' });
  });

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestProject = Manifest['projects'][number];
export type ManifestDocument = ManifestProject['documents'][number];
