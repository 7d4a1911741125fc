// Owns the expert result file `*.rdr.json` (评审结果文件, package-format.md §2): its one zod schema and types, formatVersion 1.
//
// Amounts are yuan with at most two decimals (the package format's unit); the core converts from integer fen at the
// edge. `signature` is over the RFC 8785 canonical JSON of the whole object without the `signature` member.
// `history` is the review's change log as a hash chain: hash_i = SHA-256(bytes(hash_{i−1}) ‖ JCS(entry_i without
// hash)), hash_0 = 64 zeros, hex; `head` is the last hash (electron/core/signing/chain.ts).
import { z } from 'zod';
import { budgetLineSchema } from './manifest';
import { conclusions } from './profile';
import { reviewSchema, reviewStates } from './scoring';
import { signatureAlgorithms } from './signing';

export const resultFormatVersion = 1;
export const resultFileSuffix = '.rdr.json';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { message: '应为 64 位小写十六进制 SHA-256' });
const base64 = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: '应为 Base64' });
const isoTime = z.string().datetime({ offset: true, message: '应为 ISO 8601 时间' });
/** Yuan, ≤ 2 decimals: the same rule as the package manifest's amounts. */
const yuan = budgetLineSchema.shape.amount;
const algorithm = z.enum(signatureAlgorithms);

export const historyEntrySchema = z.strictObject({
  at: z.string(),
  expertId: z.string(),
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  kind: z.enum(['edit', 'complete', 'reopen']),
  hash: sha256Hex,
});

/** 投资审核 of one budget line in yuan: requested (申报) and proposed approved (建议核定; null = as requested). */
export const lineResultSchema = z.strictObject({
  lineId: z.string().min(1),
  name: z.string(),
  requested: yuan,
  approved: yuan.nullable(),
  reason: z.string(),
});

/** One project's review as the expert signed it: what was entered, its state, the suggested conclusion, and its history. */
export const projectResultSchema = reviewSchema
  .omit({ expertId: true, conclusion: true, investment: true })
  .extend({
    state: z.enum(reviewStates),
    completedAt: isoTime.nullable(),
    /** `chosen` null adopts `suggested` (建议结论, from the bands and vetoes at signing). */
    conclusion: z.strictObject({ chosen: z.enum(conclusions).nullable(), suggested: z.enum(conclusions).nullable(), reason: z.string() }),
    investment: z.array(lineResultSchema),
    history: z.strictObject({ entries: z.array(historyEntrySchema), head: sha256Hex }),
  })
  .strict();

export const resultExpertSchema = z.strictObject({
  name: z.string(),
  title: z.string(),
  employer: z.string(),
  algorithm,
  /** DER X.509 certificate, Base64. */
  certificate: base64,
  /** SHA-256 of the certificate DER, lowercase hex. */
  fingerprint: sha256Hex,
});

export const unsignedResultSchema = z.strictObject({
  formatVersion: z.number().int(),
  packageId: z.string().min(1),
  /** The package's manifest hash (sessions.manifest_sha256). */
  manifestSha256: sha256Hex,
  expert: resultExpertSchema,
  projects: z.array(projectResultSchema),
  createdAt: isoTime,
});

/** On disk the file is exactly the RFC 8785 canonical JSON of this object (no added whitespace), so every byte counts. */
export const resultFileSchema = unsignedResultSchema
  .extend({ signedAt: isoTime, signature: z.strictObject({ algorithm, value: base64 }) })
  .strict();

export type ResultHistoryEntry = z.infer<typeof historyEntrySchema>;
export type LineResult = z.infer<typeof lineResultSchema>;
export type ProjectResult = z.infer<typeof projectResultSchema>;
export type ResultExpert = z.infer<typeof resultExpertSchema>;
export type UnsignedResult = z.infer<typeof unsignedResultSchema>;
export type ResultFile = z.infer<typeof resultFileSchema>;
