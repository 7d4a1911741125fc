// Owns the domain types that cross the API boundary: sessions (评审会), projects (项目), documents and reading state.
import { z } from 'zod';
import { documentKinds, projectTypes } from './manifest';

export const expertSchema = z.object({
  name: z.string(),
  title: z.string(),
  employer: z.string(),
  /** 专业; '' when the package gives none. */
  specialty: z.string(),
  fingerprint: z.string().nullable(),
  isChair: z.boolean(),
});

/**
 * How the app will show a document: in-app viewer kinds, or `external` (系统默认程序打开). `doc`: Word 97 .doc and WPS
 * .wps as paragraphs; `xls`: Excel 97 .xls and WPS .et as sheets; `ofd`: OFD (GB/T 33190) as positioned pages.
 */
export const viewerKinds = ['pdf', 'docx', 'xlsx', 'doc', 'xls', 'ofd', 'image', 'external'] as const;
export type ViewerKind = (typeof viewerKinds)[number];

export const documentInfoSchema = z.object({
  /** Database key of the document; stable for the life of the imported session. */
  key: z.number().int(),
  id: z.string(),
  kind: z.enum(documentKinds),
  title: z.string(),
  path: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  viewer: z.enum(viewerKinds),
});

export const budgetLineInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  quantity: z.number(),
  unit: z.string(),
  /** 单价, integer fen (分). */
  unitPriceFen: z.number().int(),
  /** 金额, integer fen (分). */
  amountFen: z.number().int(),
  note: z.string(),
});

export const projectInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  applicant: z.string(),
  supervisor: z.string().nullable(),
  type: z.enum(projectTypes),
  /** 总投资, integer fen (分). */
  totalInvestmentFen: z.number().int(),
  fundingSource: z.string(),
  periodMonths: z.number().int().nullable(),
  inAnnualPlan: z.boolean(),
  summary: z.string(),
  documents: z.array(documentInfoSchema),
  budgetLines: z.array(budgetLineInfoSchema),
});

export const sessionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  issuer: z.string(),
  jurisdiction: z.string(),
  projectCount: z.number().int(),
  importedAt: z.string(),
});

export const sessionDetailSchema = sessionSummarySchema.extend({
  location: z.string(),
  manifestSha256: z.string(),
  experts: z.array(expertSchema),
  projects: z.array(projectInfoSchema),
});

export const recentPackageSchema = z.object({
  path: z.string(),
  title: z.string(),
  sessionId: z.string(),
  openedAt: z.string(),
});

/** Where the reader was in a document (阅读位置); fields by viewer kind. */
export const readingPositionSchema = z.object({
  page: z.number().int().positive().optional(),
  zoom: z.number().positive().max(8).optional(),
  scrollTop: z.number().nonnegative().optional(),
  sheet: z.string().max(200).optional(),
});

/** The last place the user was, restored at start-up. */
export const uiStateSchema = z.object({
  sessionId: z.string().nullable(),
  projectId: z.string().nullable(),
  documentKey: z.number().int().nullable(),
});

export const sheetSchema = z.object({
  name: z.string(),
  rows: z.array(z.array(z.string())),
  /** Merged ranges as [top, left, bottom, right], zero-based inclusive. */
  merges: z.array(z.tuple([z.number(), z.number(), z.number(), z.number()])),
  columnWidths: z.array(z.number()),
});

/** One OFD page in millimetres: text codes at their baseline, images (data URLs only) in their boxes. */
export const ofdPageSchema = z.object({
  width: z.number(),
  height: z.number(),
  texts: z.array(z.object({ x: z.number(), y: z.number(), size: z.number(), text: z.string() })),
  images: z.array(z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number(), src: z.string() })),
});

/** A document converted for display in the app: DOCX/DOC → sanitized HTML, XLSX/XLS → sheets, OFD → fixed pages. */
export const renderedDocumentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('html'), html: z.string(), warnings: z.array(z.string()) }),
  z.object({ kind: z.literal('sheets'), sheets: z.array(sheetSchema) }),
  z.object({ kind: z.literal('pages'), pages: z.array(ofdPageSchema), warnings: z.array(z.string()) }),
]);

export const jobPhases = ['scan', 'verify', 'commit', 'render', 'extract', 'ocr'] as const;
export const searchHitSchema = z.object({
  documentKey: z.number().int(),
  documentTitle: z.string(),
  projectId: z.string(),
  page: z.number().int(),
  /** Text around the hit; the hit itself is between 【 and 】. */
  snippet: z.string(),
  /** The thesaurus word found here when it is not the query itself (等级保护 for 等保). */
  term: z.string().optional(),
});

export const sessionSearchSchema = z.object({
  hits: z.array(searchHitSchema),
  /** Thesaurus words searched besides the query, shown as 同时检索了 …. */
  alsoSearched: z.array(z.string()),
});

export const jobProgressSchema = z.object({
  jobId: z.string(),
  phase: z.enum(jobPhases),
  done: z.number(),
  total: z.number(),
  /** The file being worked on, if any. */
  current: z.string().optional(),
});

export type Expert = z.infer<typeof expertSchema>;
export type DocumentInfo = z.infer<typeof documentInfoSchema>;
export type BudgetLineInfo = z.infer<typeof budgetLineInfoSchema>;
export type ProjectInfo = z.infer<typeof projectInfoSchema>;
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
export type SessionDetail = z.infer<typeof sessionDetailSchema>;
export type RecentPackage = z.infer<typeof recentPackageSchema>;
export type ReadingPosition = z.infer<typeof readingPositionSchema>;
export type UiState = z.infer<typeof uiStateSchema>;
export type Sheet = z.infer<typeof sheetSchema>;
export type OfdPage = z.infer<typeof ofdPageSchema>;
export type RenderedDocument = z.infer<typeof renderedDocumentSchema>;
export type JobProgress = z.infer<typeof jobProgressSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type SessionSearchResult = z.infer<typeof sessionSearchSchema>;
