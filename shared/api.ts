// Owns the one typed API contract between renderer and main: every call's input/output schema and every push event.
import { z } from 'zod';
import {
  jobProgressSchema,
  readingPositionSchema,
  recentPackageSchema,
  renderedDocumentSchema,
  sessionDetailSchema,
  sessionSummarySchema,
  searchHitSchema,
  uiStateSchema,
} from './domain';
import { expertProfileSchema, type SessionCommitment } from './expert';
import { phraseGroups } from './phrases';
import { findingMarks, precheckReportSchema } from './precheck';
import { reviewSchema, type PhraseLibrary, type ProjectOverview, type ReviewHistoryEntry, type ReviewView } from './scoring';

const bytes = z.instanceof(Uint8Array);
const jobId = z.string().min(1).max(100);
const documentKey = z.number().int().positive();
const sessionId = z.string().min(1).max(100);
const projectId = z.string().min(1).max(200);
const none = z.object({}).strict();
const phraseId = z.string().min(1).max(100);
const phraseGroup = z.enum(Object.keys(phraseGroups) as [string, ...string[]]);

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/** Where a package comes from: a path on this machine, or bytes the user dropped/uploaded. */
export const packageSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('upload'), name: z.string().min(1).max(255), bytes }),
]);

export const api = {
  'app.info': method(
    none,
    z.object({ version: z.string(), nativeDialogs: z.boolean(), transport: z.enum(['ipc', 'http']) }),
  ),
  'ui.restore': method(none, uiStateSchema),
  'ui.save': method(uiStateSchema.partial().strict(), z.null()),

  'package.choose': method(z.object({ folder: z.boolean() }).strict(), z.object({ path: z.string().nullable() })),
  'package.import': method(z.object({ jobId, source: packageSourceSchema }).strict(), sessionSummarySchema),
  'package.recent': method(none, z.array(recentPackageSchema)),
  'job.cancel': method(z.object({ jobId }).strict(), z.null()),

  'session.list': method(none, z.array(sessionSummarySchema)),
  'session.get': method(z.object({ sessionId }).strict(), sessionDetailSchema),

  /** 专家信息: null before the first save (the start screen then asks for it). */
  'expert.get': method(none, expertProfileSchema.nullable()),
  'expert.save': method(expertProfileSchema.strict(), expertProfileSchema),
  /** 专家承诺书 of a session: null until accepted; `review.save` is refused until then. */
  'session.commitment.get': method(z.object({ sessionId }).strict(), z.custom<SessionCommitment>().nullable()),
  'session.commitment.accept': method(z.object({ sessionId }).strict(), z.custom<SessionCommitment>()),

  'document.content': method(z.object({ documentKey }).strict(), bytes),
  'document.render': method(z.object({ documentKey }).strict(), renderedDocumentSchema),
  'document.openExternal': method(z.object({ documentKey }).strict(), z.object({ opened: z.boolean() })),

  /** Extracts and indexes the text of every document of the session not yet extracted (progress: phase 'extract'). */
  'text.extract': method(z.object({ sessionId, jobId }).strict(), z.object({ extracted: z.number().int(), failed: z.number().int() })),
  'search.session': method(z.object({ sessionId, query: z.string().trim().min(1).max(100) }).strict(), z.array(searchHitSchema)),
  'precheck.project': method(z.object({ sessionId, projectId }).strict(), precheckReportSchema),
  'precheck.mark': method(
    z.object({ sessionId, projectId, ruleId: z.string().min(1).max(200), mark: z.enum(findingMarks).nullable(), note: z.string().max(2000) }).strict(),
    z.null(),
  ),

  // Computed results are typed by their interfaces in shared/scoring.ts; outputs are not re-validated at the transport.
  'review.get': method(z.object({ sessionId, projectId }).strict(), z.custom<ReviewView>()),
  /** Refused with `stale-version` when `baseVersion` is not the stored version (another window saved first). */
  'review.save': method(z.object({ sessionId, projectId, review: reviewSchema, baseVersion: z.number().int().nonnegative() }).strict(), z.custom<ReviewView>()),
  /** Refused with `invalid-input` whose `problems` list what is missing (path: the field to go to, as JSON). */
  'review.complete': method(z.object({ sessionId, projectId }).strict(), z.custom<ReviewView>()),
  'review.reopen': method(z.object({ sessionId, projectId, reason: z.string().trim().min(1).max(2000) }).strict(), z.custom<ReviewView>()),
  'review.history': method(z.object({ sessionId, projectId }).strict(), z.custom<ReviewHistoryEntry[]>()),
  'session.overview': method(z.object({ sessionId }).strict(), z.custom<ProjectOverview[]>()),

  /** 常用评审意见: the personal library and the starter set. Each change answers with the whole library. */
  'phrases.list': method(none, z.custom<PhraseLibrary>()),
  /** Adds a personal phrase (`id` null) at the end of the list, or edits one. */
  'phrases.save': method(z.object({ id: phraseId.nullable(), group: phraseGroup, text: z.string().trim().min(1).max(2000) }).strict(), z.custom<PhraseLibrary>()),
  'phrases.delete': method(z.object({ id: phraseId }).strict(), z.custom<PhraseLibrary>()),
  /** `ids`: every personal phrase, in the new order. */
  'phrases.reorder': method(z.object({ ids: z.array(phraseId).max(10_000) }).strict(), z.custom<PhraseLibrary>()),

  'reading.get': method(z.object({ documentKey }).strict(), readingPositionSchema.nullable()),
  'reading.save': method(z.object({ documentKey, position: readingPositionSchema.strict() }).strict(), z.null()),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
/** What a caller passes (before defaults are applied). */
export type Input<K extends MethodName> = z.input<Api[K]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<K extends MethodName> = z.output<Api[K]['input']>;
export type Output<K extends MethodName> = z.output<Api[K]['output']>;

export const events = {
  'job.progress': jobProgressSchema,
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** Error codes a call may fail with; `message` is always Chinese and says what to do. */
export const apiErrorCodes = [
  'invalid-input',
  'unknown-method',
  'package-invalid',
  'not-found',
  'cancelled',
  'stale-version',
  'database',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Per-item problems, e.g. every defect found in a package: `{ code, message, path }`. */
  problems?: { code: string; message: string; path: string }[];
}

/** What crosses a transport: handlers never throw across it. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** The single object each transport provides to the renderer (the preload's bridge `satisfies` it). */
export interface Bridge {
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}
