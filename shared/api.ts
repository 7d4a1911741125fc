// Owns the one typed API contract between renderer and main: every call's input/output schema and every push event.
import { z } from 'zod';
import {
  jobProgressSchema,
  readingPositionSchema,
  recentPackageSchema,
  renderedDocumentSchema,
  sessionDetailSchema,
  sessionSummarySchema,
  sessionSearchSchema,
  uiStateSchema,
} from './domain';
import { expertProfileSchema, type SessionCommitment } from './expert';
import { phraseGroups } from './phrases';
import { findingMarks, precheckReportSchema, sessionRulesSchema } from './precheck';
import type { OcrBox } from './ocr';
import {
  destinations,
  outputFormats,
  textEditSchema,
  type DocumentFont,
  type GeneratedDocument,
  type OutputResult,
  type TemplateDetail,
  type TemplateListItem,
  type UploadResult,
} from './output';
import {
  passphraseSchema,
  signatureAlgorithms,
  type ExportPlan,
  type ExportResult,
  type IdentityView,
  type RosterCheck,
  type SealView,
  type SignedFile,
  type VerificationView,
} from './signing';
import { reviewSchema, type PhraseLibrary, type ProjectOverview, type ReviewHistoryEntry, type ReviewView } from './scoring';
import {
  budgetMappingSchema,
  chairReasonSchema,
  conclusionSchema,
  dissentReasonSchema,
  draftProjectFormSchema,
  draftSessionSchema,
  letterDateSchema,
  letterSettingsSchema,
  panelSectionSchema,
  panelTextSchema,
  type LetterRegisterEntry,
  type LettersView,
  type BudgetPreview,
  type DraftPrecheck,
  type DraftSummary,
  type DraftView,
  type PanelOpinionStatus,
  type PanelOpinionText,
  type PanelSignatureOutcome,
  type PanelView,
  type ResultImportOutcome,
  type StatusBoard,
} from './bureau';
import { documentKinds, jurisdictionIdSchema } from './manifest';
import {
  customProfileIdSchema,
  profileNameSchema,
  profileNoteSchema,
  profileStartSchema,
  trialTargetSchema,
  type ProfileDetail,
  type ProfileListItem,
  type TrialRun,
} from './bureauProfiles';

const bytes = z.instanceof(Uint8Array);
const jobId = z.string().min(1).max(100);
const documentKey = z.number().int().positive();
const sessionId = z.string().min(1).max(100);
const projectId = z.string().min(1).max(200);
const none = z.object({}).strict();
const phraseId = z.string().min(1).max(100);
const phraseGroup = z.enum(Object.keys(phraseGroups) as [string, ...string[]]);
const templateId = z.string().min(1).max(100);
const textEdits = z.array(textEditSchema).max(500);
// A draft opened from a package keeps its packageId: any GUID (shared/manifest.ts), not only an RFC 9562 UUID.
const draftId = z.guid();
const draftVersion = z.number().int().positive();

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/** Where a file (a package, a result, a signature …) comes from: a path on this machine, or bytes the user dropped/uploaded. */
export const packageSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('upload'), name: z.string().min(1).max(255), bytes }),
]);

/** Files to read: paths on this machine (files, or folders of them) or bytes the user dropped/uploaded; at most 500. */
const fileSourcesSchema = z.array(packageSourceSchema).min(1).max(500);

export const api = {
  'app.info': method(none, z.object({ version: z.string(), nativeDialogs: z.boolean(), transport: z.enum(['ipc', 'http']) })),
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
  /** A page's recognised (OCR) lines with their boxes, for the viewer's text layer and find; null when the page was not recognised. */
  'document.recognisedLines': method(
    z.object({ documentKey, page: z.number().int().min(1).max(100_000) }).strict(),
    z.custom<OcrBox[]>().nullable(),
  ),

  /** Extracts and indexes the text of every document of the session not yet extracted (progress: phase 'extract'). */
  'text.extract': method(z.object({ sessionId, jobId }).strict(), z.object({ extracted: z.number().int(), failed: z.number().int() })),
  'search.session': method(z.object({ sessionId, query: z.string().trim().min(1).max(100) }).strict(), sessionSearchSchema),
  'precheck.project': method(z.object({ sessionId, projectId }).strict(), precheckReportSchema),
  /** The rules the session is reviewed under: the profile its package carried, else the built-in one of its jurisdiction. */
  'precheck.rules': method(z.object({ sessionId }).strict(), sessionRulesSchema),
  'precheck.mark': method(
    z
      .object({
        sessionId,
        projectId,
        ruleId: z.string().min(1).max(200),
        mark: z.enum(findingMarks).nullable(),
        note: z.string().max(2000),
      })
      .strict(),
    z.null(),
  ),

  // Computed results are typed by their interfaces in shared/scoring.ts; outputs are not re-validated at the transport.
  'review.get': method(z.object({ sessionId, projectId }).strict(), z.custom<ReviewView>()),
  /** Refused with `stale-version` when `baseVersion` is not the stored version (another window saved first). */
  'review.save': method(
    z.object({ sessionId, projectId, review: reviewSchema, baseVersion: z.number().int().nonnegative() }).strict(),
    z.custom<ReviewView>(),
  ),
  /** Refused with `invalid-input` whose `problems` list what is missing (path: the field to go to, as JSON). */
  'review.complete': method(z.object({ sessionId, projectId }).strict(), z.custom<ReviewView>()),
  'review.reopen': method(z.object({ sessionId, projectId, reason: z.string().trim().min(1).max(2000) }).strict(), z.custom<ReviewView>()),
  'review.history': method(z.object({ sessionId, projectId }).strict(), z.custom<ReviewHistoryEntry[]>()),
  'session.overview': method(z.object({ sessionId }).strict(), z.custom<ProjectOverview[]>()),

  /**
   * 常用评审意见: the personal library and the starter set. Each change answers with the whole library. With `sessionId`,
   * the starter set is that session's jurisdiction's phrases and the neutral ones only (never another district's article).
   */
  'phrases.list': method(z.object({ sessionId: sessionId.optional() }).strict(), z.custom<PhraseLibrary>()),
  /** Adds a personal phrase (`id` null) at the end of the list, or edits one. */
  'phrases.save': method(
    z.object({ id: phraseId.nullable(), group: phraseGroup, text: z.string().trim().min(1).max(2000) }).strict(),
    z.custom<PhraseLibrary>(),
  ),
  'phrases.delete': method(z.object({ id: phraseId }).strict(), z.custom<PhraseLibrary>()),
  /** `ids`: every personal phrase, in the new order. */
  'phrases.reorder': method(z.object({ ids: z.array(phraseId).max(10_000) }).strict(), z.custom<PhraseLibrary>()),

  'reading.get': method(z.object({ documentKey }).strict(), readingPositionSchema.nullable()),
  'reading.save': method(z.object({ documentKey, position: readingPositionSchema.strict() }).strict(), z.null()),

  // 生成文书: templates (built-in, edited versions, the bureau's .docx) and the documents made from them (shared/output.ts).
  'templates.list': method(none, z.custom<TemplateListItem[]>()),
  /** A built-in template's editable texts, as in force (the newest edit, else as shipped). */
  'templates.get': method(z.object({ templateId }).strict(), z.custom<TemplateDetail>()),
  /** Saves text edits as a new version; refused with `stale-version` when `baseVersion` is no longer the version in force. */
  'templates.save': method(
    z.object({ templateId, baseVersion: z.number().int().positive(), edits: textEdits }).strict(),
    z.custom<TemplateListItem>(),
  ),
  /** Stores the bureau's own .docx (a new version when the name exists) and reports its placeholders, known and unknown. */
  'templates.upload': method(z.object({ name: z.string().trim().min(1).max(255), bytes }).strict(), z.custom<UploadResult>()),
  /** One template filled for one project (null: session-wide) as PDF bytes; `edits` preview an unsaved draft. */
  'output.preview': method(
    z.object({ sessionId, projectId: projectId.nullable(), templateId, edits: textEdits.default([]) }).strict(),
    bytes,
  ),
  /** `includePrecheck`: the expert's opinion form carries the automated pre-check (附：形式审查结论) as an annex; default off. */
  'output.generate': method(
    z
      .object({
        sessionId,
        projectId: projectId.nullable(),
        templateId,
        format: z.enum(outputFormats),
        destination: z.enum(destinations),
        includePrecheck: z.boolean().default(false),
      })
      .strict(),
    z.custom<OutputResult>(),
  ),
  /**
   * Every chosen template × every project (or only `projectIds`), the session-wide ones once, in every chosen format
   * the template supports (progress: phase 'render'). Cancelled or failed, nothing is left in the folder.
   */
  'output.batch': method(
    z
      .object({
        sessionId,
        jobId,
        templateIds: z.array(templateId).min(1).max(100),
        formats: z.array(z.enum(outputFormats)).min(1),
        projectIds: z.array(projectId).min(1).max(1000).nullable().default(null),
        destination: z.enum(destinations),
        includePrecheck: z.boolean().default(false),
      })
      .strict(),
    z.custom<OutputResult>(),
  ),
  'output.list': method(z.object({ sessionId }).strict(), z.custom<GeneratedDocument[]>()),
  /** Opens a folder this session's documents were written to in the system's file manager. */
  'output.openFolder': method(z.object({ sessionId, folder: z.string().min(1).max(4096) }).strict(), z.object({ opened: z.boolean() })),
  /** 文书字体: the face that draws each font role in the PDFs (the system's 公文 face when installed, else the bundled one). */
  'output.fonts': method(none, z.custom<DocumentFont[]>()),

  // 签名 (shared/signing.ts): this machine's identity and handwritten signature, sealed reviews, export and verification.
  /** The identity, or null before one is created; with `sessionId`, `rosterWarning` compares it with that package's roster. */
  'signing.identity.get': method(z.object({ sessionId: sessionId.nullable().default(null) }).strict(), z.custom<IdentityView>().nullable()),
  /** Creates the key pair and certificate from the 专家信息; `replace` must be true when one exists. */
  'signing.identity.create': method(
    z
      .object({
        algorithm: z.enum(signatureAlgorithms).default('ecdsa-p256'),
        passphrase: passphraseSchema,
        replace: z.boolean().default(false),
      })
      .strict(),
    z.custom<IdentityView>(),
  ),
  /** Saves the handwritten signature (PNG from the pad or an imported image), cleaned: transparent background, cropped to the ink. */
  'signing.image.save': method(z.object({ png: bytes }).strict(), z.custom<IdentityView>()),
  /** Signs a completed review and freezes it as its next sealed version; without `passphrase`, with the key unlocked this sitting. */
  'review.sign': method(
    z.object({ sessionId, projectId, passphrase: z.string().min(1).max(200).optional() }).strict(),
    z.custom<SealView>(),
  ),
  'review.seals': method(z.object({ sessionId, projectId }).strict(), z.custom<SealView[]>()),
  /** Writes the signed result file and each signed review's PDF and DOCX (+ .sig.json); `folder` null: the folder dialog was closed (progress: phase 'render'). */
  'signing.export': method(
    z.object({ sessionId, jobId, passphrase: z.string().min(1).max(200), destination: z.enum(['default', 'choose']) }).strict(),
    z.custom<Omit<ExportResult, 'folder'> & { folder: string | null }>(),
  ),
  /** Verifies a signed PDF, DOCX (with its detached signature) or result file, by path or as uploaded bytes. */
  'signing.verify': method(
    z
      .object({
        source: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
          z.object({
            kind: z.literal('upload'),
            name: z.string().min(1).max(255),
            bytes,
            signature: z.object({ name: z.string().min(1).max(255), bytes }).optional(),
          }),
        ]),
        /** With a session, the signer is compared with its package roster (`rosterWarning`). */
        sessionId: sessionId.nullable().default(null),
      })
      .strict(),
    z.custom<VerificationView>(),
  ),
  /** Opens a folder `signing.export` wrote in this run. */
  'signing.openFolder': method(z.object({ folder: z.string().min(1).max(4096) }).strict(), z.object({ opened: z.boolean() })),
  /** Signs any file (e.g. the panel opinion PDF the bureau sent) with this machine's identity: the .sig.json bytes, also written beside a path source. */
  'signing.signFile': method(
    z
      .object({
        source: packageSourceSchema,
        passphrase: z.string().min(1).max(200),
      })
      .strict(),
    z.custom<SignedFile>(),
  ),

  /** Unlocks the signing key for this sitting (kept in the main process only, locked after 15 idle minutes); answers when it locks. */
  'signing.unlock': method(z.object({ passphrase: z.string().min(1).max(200) }).strict(), z.object({ locksAt: z.string() })),
  /** 锁定: forgets the unlocked key now. */
  'signing.lock': method(none, z.null()),
  /** What 签名并导出 will do and what blocks it, before any passphrase. */
  'signing.plan': method(z.object({ sessionId }).strict(), z.custom<ExportPlan>()),
  /** 签名并导出: signs every completed review not yet signed as it stands, then exports (as `signing.export`); without `passphrase`, with the unlocked key. */
  'signing.signAndExport': method(
    z.object({ sessionId, jobId, passphrase: z.string().min(1).max(200).optional(), destination: z.enum(['default', 'choose']) }).strict(),
    z.custom<Omit<ExportResult, 'folder'> & { folder: string | null }>(),
  ),
  /** 名单核对 of a session: who the expert is on the package's roster. */
  'session.roster.get': method(z.object({ sessionId }).strict(), z.custom<RosterCheck>()),
  /** Confirms the expert is this roster entry (null: the package has no roster); the name in 专家信息 takes the roster's spelling. */
  'session.roster.confirm': method(
    z.object({ sessionId, position: z.number().int().min(0).max(1000).nullable() }).strict(),
    z.custom<RosterCheck>(),
  ),

  // 组织方 (shared/bureau.ts): drafts of a review (评审会草稿), package export and copies, results, the panel, the archive.
  // Every draft edit names the version it edited (`baseVersion`) and answers with the whole draft and what blocks export.
  'bureau.draft.list': method(none, z.custom<DraftSummary[]>()),
  'bureau.draft.create': method(z.object({ session: draftSessionSchema }).strict(), z.custom<DraftView>()),
  'bureau.draft.get': method(z.object({ draftId }).strict(), z.custom<DraftView>()),
  'bureau.draft.delete': method(z.object({ draftId }).strict(), z.null()),
  'bureau.draft.saveSession': method(
    z.object({ draftId, baseVersion: draftVersion, session: draftSessionSchema }).strict(),
    z.custom<DraftView>(),
  ),
  /** Adds the project, or replaces the one with its id (its documents stay). */
  'bureau.draft.saveProject': method(
    z.object({ draftId, baseVersion: draftVersion, project: draftProjectFormSchema }).strict(),
    z.custom<DraftView>(),
  ),
  'bureau.draft.removeProject': method(z.object({ draftId, baseVersion: draftVersion, projectId }).strict(), z.custom<DraftView>()),
  'bureau.draft.addDocument': method(
    z
      .object({
        draftId,
        baseVersion: draftVersion,
        projectId,
        name: z.string().min(1).max(255),
        kind: z.enum(documentKinds),
        title: z.string().max(500).default(''),
        bytes,
      })
      .strict(),
    z.custom<DraftView>(),
  ),
  'bureau.draft.removeDocument': method(
    z.object({ draftId, baseVersion: draftVersion, projectId, documentId: z.string().min(1).max(100) }).strict(),
    z.custom<DraftView>(),
  ),
  /** 预审: the pre-check of every project of the draft on its attached documents. */
  'bureau.draft.precheck': method(z.object({ draftId }).strict(), z.custom<DraftPrecheck[]>()),
  /** Reads an XLSX 概算表: detected (mapping null) or with the mapping given; old .xls is refused with a request to save as .xlsx. */
  'bureau.budget.preview': method(
    z.object({ name: z.string().min(1).max(255), bytes, mapping: budgetMappingSchema.nullable().default(null) }).strict(),
    z.custom<BudgetPreview>(),
  ),
  /** Replaces the project's budget lines with those read under the confirmed mapping. */
  'bureau.budget.apply': method(
    z
      .object({ draftId, baseVersion: draftVersion, projectId, name: z.string().min(1).max(255), bytes, mapping: budgetMappingSchema })
      .strict(),
    z.custom<DraftView>(),
  ),
  /** Writes the .rpkg (same draft ⇒ same bytes) and registers the session for collecting results; `file` null: the dialog was closed. */
  'bureau.draft.export': method(
    z.object({ draftId, jobId, destination: z.enum(['default', 'choose']) }).strict(),
    z.object({ file: z.string().nullable(), manifestSha256: z.string().nullable(), sessionId: z.string() }),
  ),
  /** One identical copy of the exported package per expert (分发副本), `<title>-<expert>.rpkg`. */
  'bureau.draft.copies': method(
    z.object({ draftId, destination: z.enum(['default', 'choose']) }).strict(),
    z.object({ folder: z.string().nullable(), files: z.array(z.string()) }),
  ),
  /** Opens an .rpkg (or package folder) as a draft to edit. */
  'bureau.draft.open': method(z.object({ source: packageSourceSchema }).strict(), z.custom<DraftView>()),
  // 规则配置 (shared/bureauProfiles.ts): the bureau's own profiles, each save a new version; the regulation they cite; test runs.
  /** The built-in profiles, then the bureau's own. */
  'bureau.profiles.list': method(none, z.custom<ProfileListItem[]>()),
  /** A built-in profile, or a version of the bureau's own (`version` null: the newest). */
  'bureau.profiles.get': method(
    z.object({ profileId: jurisdictionIdSchema, version: z.number().int().positive().nullable().default(null) }).strict(),
    z.custom<ProfileDetail>(),
  ),
  /** A new profile started blank or from a built-in one; nothing is a version until the first `save`. */
  'bureau.profiles.create': method(
    z.object({ profileId: customProfileIdSchema, name: profileNameSchema, from: profileStartSchema }).strict(),
    z.custom<ProfileDetail>(),
  ),
  /**
   * Checks the profile as a carried profile.json is checked (every problem with its field, `problems`) and saves it as
   * the next version; `stale-version` when `baseVersion` (0: none yet) is not the newest.
   */
  'bureau.profiles.save': method(
    z
      .object({
        profileId: customProfileIdSchema,
        baseVersion: z.number().int().nonnegative(),
        profile: z.record(z.string(), z.unknown()),
        note: profileNoteSchema.default(''),
      })
      .strict(),
    z.custom<ProfileDetail>(),
  ),
  /** Reads the regulation's text (PDF, DOCX or TXT), keeps it with the profile and answers with its chapters, articles and annexes. */
  'bureau.profiles.importRegulation': method(
    z.object({ profileId: customProfileIdSchema, name: z.string().min(1).max(255), bytes }).strict(),
    z.custom<ProfileDetail>(),
  ),
  /** Writes a saved version (or a built-in profile) as `<id>-v<version>.json`; `file` null: the dialog was closed. */
  'bureau.profiles.export': method(
    z
      .object({
        profileId: jurisdictionIdSchema,
        version: z.number().int().positive().nullable().default(null),
        destination: z.enum(['default', 'choose']),
      })
      .strict(),
    z.object({ file: z.string().nullable() }),
  ),
  /** Runs a profile, saved or not, over a draft's documents or an imported session: the findings an expert would see. */
  'bureau.profiles.testRun': method(
    z.object({ profile: z.record(z.string(), z.unknown()), target: trialTargetSchema }).strict(),
    z.custom<TrialRun>(),
  ),
  /** Imports result files (paths: files or folders of *.rdr.json; or uploads); one outcome per file, refused ones with their reason. */
  'bureau.results.import': method(
    z
      .object({
        sessionId,
        sources: fileSourcesSchema,
      })
      .strict(),
    z.custom<ResultImportOutcome[]>(),
  ),
  'bureau.results.status': method(z.object({ sessionId }).strict(), z.custom<StatusBoard>()),
  /** 确认签名证书: binds the key of a held result (待确认) to its expert; that expert's held results by this key are then judged and accepted, those by other keys refused. */
  'bureau.results.confirmKey': method(
    z.object({ sessionId, pendingId: z.number().int().positive() }).strict(),
    z.custom<ResultImportOutcome[]>(),
  ),
  /** The panel: aggregation under the profile's rule, ranking, approved amounts and 核减, trace, conclusions, dissents. */
  'bureau.panel.get': method(z.object({ sessionId }).strict(), z.custom<PanelView>()),
  /** 组长裁定 of a line's approved amount (null clears it); a reason is required. */
  'bureau.panel.setLine': method(
    z
      .object({
        sessionId,
        projectId,
        lineId: z.string().min(1).max(200),
        approvedFen: z.number().int().nonnegative().nullable(),
        reason: chairReasonSchema.nullable().default(null),
      })
      .strict()
      .refine((v) => v.approvedFen === null || v.reason !== null, { message: '组长裁定须写明理由', path: ['reason'] }),
    z.custom<PanelView>(),
  ),
  /** 组长改定结论 (null returns to the majority rule); a reason is required. */
  'bureau.panel.setConclusion': method(
    z
      .object({ sessionId, projectId, conclusion: conclusionSchema.nullable(), reason: chairReasonSchema.nullable().default(null) })
      .strict()
      .refine((v) => v.conclusion === null || v.reason !== null, { message: '组长裁定须写明理由', path: ['reason'] }),
    z.custom<PanelView>(),
  ),
  /** 保留意见 of a member (by roster position) on a project; null withdraws it. */
  'bureau.panel.setDissent': method(
    z
      .object({ sessionId, projectId, expertPosition: z.number().int().nonnegative().max(1000), reason: dissentReasonSchema.nullable() })
      .strict(),
    z.custom<PanelView>(),
  ),
  /** 专家组意见: a project's sections with the members' opinions side by side and the panel's own text (null until saved). */
  'bureau.panel.opinionText.get': method(z.object({ sessionId, projectId }).strict(), z.custom<PanelOpinionText>()),
  /** Saves the panel's text of one section ('' returns it to the members' opinions); `stale-version` when `baseVersion` is not the stored one; refused while the opinion is frozen. */
  'bureau.panel.opinionText.save': method(
    z
      .object({ sessionId, projectId, section: panelSectionSchema, text: panelTextSchema, baseVersion: z.number().int().nonnegative() })
      .strict(),
    z.custom<PanelOpinionText>(),
  ),
  /** One ZIP with the package, every result received, generated documents and decisions, hashes in index.json. */
  /** 专家组成员签署: every project's panel opinion — frozen or not, the members expected to sign, who has. */
  'bureau.panel.opinions': method(z.object({ sessionId }).strict(), z.custom<PanelOpinionStatus[]>()),
  /** 定稿: renders the project's panel opinion PDF once and fixes its bytes for signing; the project's panel is then closed to changes. */
  'bureau.panel.freeze': method(z.object({ sessionId, projectId }).strict(), z.custom<PanelOpinionStatus>()),
  /** 撤销定稿: reopens the project's panel; the signatures collected are dropped. */
  'bureau.panel.unfreeze': method(z.object({ sessionId, projectId }).strict(), z.custom<PanelOpinionStatus>()),
  /** Writes the frozen panel opinion PDF for the members to sign; `file` null: the dialog was closed. */
  'bureau.panel.opinionFile': method(
    z.object({ sessionId, projectId, destination: z.enum(['default', 'choose']) }).strict(),
    z.object({ file: z.string().nullable() }),
  ),
  /** Imports members' .sig.json files (paths: files or folders; or uploads); one outcome per file, refused ones with their reason. */
  'bureau.panel.importSignatures': method(
    z
      .object({
        sessionId,
        sources: fileSourcesSchema,
      })
      .strict(),
    z.custom<PanelSignatureOutcome[]>(),
  ),
  /** 归档: the ZIP, its index signed with this machine's archive key; `fingerprint` is that key's, for whoever imports it elsewhere. */
  /** 发文: the bureau's letter settings, the 文号 prefix in force, the 成文日期 bounds, the projects not confirmed, the register. */
  'bureau.letters.get': method(z.object({ sessionId }).strict(), z.custom<LettersView>()),
  /** Saves the bureau's 发文机关标志, 文号 prefix and 抄送 (one set for every letter it issues). */
  'bureau.letters.saveSettings': method(letterSettingsSchema, z.custom<LettersView['settings']>()),
  /**
   * 签发评审意见函: `date` is the 成文日期 (not before the review meeting); refused, naming them, while sections of a
   * project's panel opinion are unconfirmed; each letter takes the next 文号 of the register or keeps its own.
   */
  'bureau.letters.issue': method(
    z
      .object({
        sessionId,
        jobId,
        date: letterDateSchema,
        projectIds: z.array(projectId).min(1).max(1000).nullable().default(null),
        formats: z.array(z.enum(['pdf', 'docx'])).min(1),
        destination: z.enum(destinations),
      })
      .strict(),
    z.custom<OutputResult & { letters: LetterRegisterEntry[] }>(),
  ),
  /** The whole 发文登记 as 发文登记.xlsx or .csv; `file` null: the dialog was closed. */
  'bureau.letters.exportRegister': method(
    z.object({ format: z.enum(['xlsx', 'csv']), destination: z.enum(destinations) }).strict(),
    z.object({ file: z.string().nullable() }),
  ),
  'bureau.archive.export': method(
    z.object({ sessionId, destination: z.enum(['default', 'choose']) }).strict(),
    z.object({ file: z.string().nullable(), fingerprint: z.string().nullable() }),
  ),
  /** `bureauFingerprint`: the archive key fingerprint the bureau gave (not needed on the machine that exported it). */
  'bureau.archive.import': method(
    z.object({ jobId, source: packageSourceSchema, bureauFingerprint: z.string().max(200).nullable().default(null) }).strict(),
    z.custom<{ sessionId: string; results: ResultImportOutcome[]; documentsFolder: string; documents: string[] }>(),
  ),
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
  /** A jurisdiction profile (辖区规则配置) the session needs is missing or invalid; the message names the file and field. */
  'profile-invalid',
  'not-found',
  'cancelled',
  'stale-version',
  'database',
  /** The disk is full or the data folder cannot be written; the message says what to do (free space, check permissions). */
  'storage',
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
