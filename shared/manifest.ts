// Owns the schema of a project package's manifest.json (评审包清单), formatVersion 1 — see docs/package-format.md.
import { z } from 'zod';

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

export const jurisdictions = ['donghe', 'dalate', 'shuocheng', 'wulong', 'taizhou-gaogang', 'national'] as const;

/** Yuan with at most two decimals (the file's unit; storage converts to integer fen 分). */
const yuan = z
  .number()
  .finite()
  .nonnegative()
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: '金额最多保留两位小数' });

const text = z.string().trim().min(1);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/i, { message: '应为 64 位十六进制 SHA-256' });

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
  fingerprint: z.string().optional(),
});

export const manifestSchema = z
  .object({
    formatVersion: z.literal(1),
    packageId: z.string().uuid({ message: 'packageId 应为 UUID' }),
    createdAt: z.string().datetime({ offset: true, message: 'createdAt 应为 ISO 8601 时间' }),
    issuer: text,
    jurisdiction: z.enum(jurisdictions),
    session: z.object({
      title: text,
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date 应为 YYYY-MM-DD' }),
      location: z.string().default(''),
      experts: z.array(manifestExpertSchema).min(1),
      /** The chair (评审组长): an expert's id or name. */
      chair: text,
      rubric: z.unknown().optional(),
    }),
    projects: z.array(manifestProjectSchema).min(1),
  })
  .superRefine((m, ctx) => {
    const experts = m.session.experts;
    if (!experts.some((e) => e.id === m.session.chair || e.name === m.session.chair)) {
      ctx.addIssue({ code: 'custom', path: ['session', 'chair'], message: '评审组长不在专家名单中' });
    }
    const projectIds = new Set<string>();
    const paths = new Set<string>();
    m.projects.forEach((p, i) => {
      if (projectIds.has(p.id)) ctx.addIssue({ code: 'custom', path: ['projects', i, 'id'], message: `项目编号重复：${p.id}` });
      projectIds.add(p.id);
      const docIds = new Set<string>();
      p.documents.forEach((d, j) => {
        if (docIds.has(d.id)) ctx.addIssue({ code: 'custom', path: ['projects', i, 'documents', j, 'id'], message: `文件编号重复：${d.id}` });
        docIds.add(d.id);
        if (paths.has(d.path)) ctx.addIssue({ code: 'custom', path: ['projects', i, 'documents', j, 'path'], message: `文件路径重复：${d.path}` });
        paths.add(d.path);
      });
    });
  });

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestProject = Manifest['projects'][number];
export type ManifestDocument = ManifestProject['documents'][number];
