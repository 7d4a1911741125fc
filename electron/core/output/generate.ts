// Owns making one document in memory (生成一份文书): the template's data context, filling, rendering to DOCX or PDF,
// the bureau's .docx filled in place, or the score sheets; and the file name it gets.
import type { SessionDetail } from '../../../shared/domain';
import type { OutputFormat } from '../../../shared/output';
import { AppError } from '../kernel/errors';
import { sessionPanel, type SessionPanel } from '../panel/panel';
import { countResults } from '../store/bureauResults';
import { findFrozenOpinion, frozenOpinionBytes } from '../store/panelOpinions';
import type { ReadDb } from '../store/access';
import { loadExpertProfile } from '../store/expert';
import type { ResolvedTemplate } from './catalog';
import { buildExpertContext, buildPanelContext, buildSessionContext, bureauPanelContext, letterKind } from './context';
import { findLetter } from '../store/letterRegister';
import { fillDocxTemplate } from './docx/template';
import { renderDocx } from './docx/render';
import { documentFileName } from './files';
import type { RenderDoc } from './model';
import { renderPdf } from './pdf/render';
import { sessionRanking } from './sessionRanking';
import { sessionScoreSheetInput } from './sheetInput';
import { scoreSheetCsv } from './sheets/csv';
import { scoreSheetXlsx } from './sheets/xlsx';
import { flattenContext, knownPlaceholders, placeholdersOf } from './template/placeholders';
import { fillTemplate, TemplateFillError } from './template/fill';
import type { Template, TemplateKind } from './template/schema';
import type { TemplateContext } from './template/contextShape';

export interface GenerateDeps {
  db: ReadDb;
  now: () => Date;
  /** The session's panel when the caller keeps it: a batch aggregates once for all its documents, not once per document. */
  sessionPanel?: (sessionId: string) => SessionPanel;
  /** The expert attaches the automated pre-check (形式审查) to their opinion form: only when asked (default off). */
  includePrecheck?: boolean;
}

const panelOf = (deps: GenerateDeps, sessionId: string) => (): SessionPanel =>
  deps.sessionPanel?.(sessionId) ?? sessionPanel(deps.db, sessionId);

/** One file to make: a template for a project (null: the session) in one format. */
export interface DocumentJob {
  resolved: ResolvedTemplate;
  projectId: string | null;
  format: OutputFormat;
}

export interface MadeDocument {
  name: string;
  bytes: Uint8Array;
}

/** The data a template needs is not there yet (a review not filled in): that document cannot be made now. */
export class MissingDataError extends AppError {
  constructor(message: string) {
    super('invalid-input', message);
  }
}

const FALLBACK_AUTHOR = '评审工作台';
const authorOf = (db: ReadDb) => loadExpertProfile(db)?.name ?? FALLBACK_AUTHOR;

/** `withRanking`: a session document that names `ranking` gets the session's aggregation (only then: it reads every review). */
function contextFor(
  deps: GenerateDeps,
  kind: TemplateKind,
  sessionId: string,
  projectId: string | null,
  withRanking = false,
): TemplateContext {
  const now = deps.now();
  if (kind === 'session')
    return buildSessionContext(
      deps.db,
      sessionId,
      now,
      withRanking ? { ranking: sessionRanking(deps.db, sessionId, now, authorOf(deps.db), panelOf(deps, sessionId)) } : {},
    );
  if (projectId === null) throw new AppError('invalid-input', '请先选择一个项目：该文书按项目生成。');
  if (kind === 'expert') return buildExpertContext(deps.db, sessionId, projectId, now, { includePrecheck: deps.includePrecheck === true });
  // On the bureau's machine, once experts' results have arrived, the panel is those experts; on an expert's, it is this expert.
  return countResults(deps.db, sessionId) > 0
    ? bureauPanelContext(deps.db, sessionId, projectId, now, panelOf(deps, sessionId)())
    : buildPanelContext(deps.db, sessionId, projectId, now);
}

/** A path that prints the panel's opinion text: a section's panelOpinion / fallbackOpinions (under any alias), or the overall ones. */
const panelTextPath = /(^|\.)(panelOpinion|fallbackOpinions)$|^panel\.(overallOpinion|fallbackOverallOpinions)$/;

/**
 * Why a document is a draft (草稿), as its notice line says, or null when it is final: a panel document printing opinion
 * text the chair has not confirmed in every section, or a letter (a template with a 发文字号) not issued through the
 * register (发文登记).
 */
export function draftNotice(
  db: ReadDb,
  template: Template,
  context: TemplateContext,
  sessionId: string,
  projectId: string | null,
): string | null {
  const paths = placeholdersOf(template);
  const reasons: string[] = [];
  if (context.panel?.draft && paths.some((p) => panelTextPath.test(p))) {
    const open = (context.panel.unconfirmed ?? '').split('、').filter(Boolean);
    reasons.push(open.length <= 3 ? `专家组意见的${open.join('、')}尚待组长确认` : `专家组意见尚有 ${open.length} 部分待组长确认`);
  }
  const isLetter = Boolean(template.page.letterhead?.docNumber) || paths.includes('session.docNumber');
  if (isLetter && projectId !== null && !findLetter(db, sessionId, projectId, letterKind)) reasons.push('本函尚未签发');
  return reasons.length ? `（草稿：${reasons.join('；')}）` : null;
}

/** The filled document model of a built-in (or edited) template, e.g. for a preview of an unsaved draft. */
export function fillFor(deps: GenerateDeps, template: Template, sessionId: string, projectId: string | null): RenderDoc {
  const context = contextFor(
    deps,
    template.kind,
    sessionId,
    projectId,
    placeholdersOf(template).some((p) => p.split('.')[0] === 'ranking'),
  );
  try {
    return fillTemplate(template, context, {
      createdAt: deps.now().toISOString(),
      author: authorOf(deps.db),
      draft: draftNotice(deps.db, template, context, sessionId, projectId),
    });
  } catch (err) {
    if (err instanceof TemplateFillError) throw new MissingDataError(err.message);
    throw err;
  }
}

/** The name a file gets: the template's name and the project's (or, session-wide, the session's) title. */
export function fileNameFor(session: SessionDetail, job: DocumentJob): string {
  const subject = job.projectId === null ? session.title : (session.projects.find((p) => p.id === job.projectId)?.name ?? job.projectId);
  const sheetName = job.resolved.item.scope === 'project' ? '项目评分表' : '评分表';
  return documentFileName(job.resolved.kind === 'sheet' ? sheetName : job.resolved.item.name, subject, job.format);
}

export async function makeDocument(deps: GenerateDeps, session: SessionDetail, job: DocumentJob): Promise<MadeDocument> {
  const { resolved, projectId, format } = job;
  if (!resolved.item.formats.includes(format)) {
    throw new AppError(
      'invalid-input',
      `「${resolved.item.name}」不能生成 ${format.toUpperCase()} 格式，可选：${resolved.item.formats.map((f) => f.toUpperCase()).join('、')}。`,
    );
  }
  const name = fileNameFor(session, job);
  switch (resolved.kind) {
    case 'builtin': {
      // A panel opinion fixed for the members' signatures (定稿) is handed out as the very bytes they sign.
      if (
        resolved.template.id === 'panel-opinion' &&
        format === 'pdf' &&
        projectId !== null &&
        findFrozenOpinion(deps.db, session.id, projectId)
      ) {
        return { name, bytes: frozenOpinionBytes(deps.db, session.id, projectId) };
      }
      const doc = fillFor(deps, resolved.template, session.id, projectId);
      return { name, bytes: format === 'pdf' ? await renderPdf(doc) : await renderDocx(doc) };
    }
    case 'docx': {
      const values = flattenContext(contextFor(deps, 'expert', session.id, projectId));
      return {
        name,
        bytes: (await fillDocxTemplate(resolved.docx.bytes, values, knownPlaceholders(), `${resolved.docx.name}.docx`)).bytes,
      };
    }
    case 'sheet': {
      const input = sessionScoreSheetInput(deps.db, session.id, deps.now(), authorOf(deps.db), panelOf(deps, session.id));
      // A project's own sheet (项目评分表) when the entry is per project; the whole workbook otherwise.
      if (resolved.item.scope === 'project' && projectId === null)
        throw new AppError('invalid-input', '请先选择一个项目：项目评分表按项目生成。');
      const only = resolved.item.scope === 'project' ? (projectId ?? undefined) : undefined;
      return { name, bytes: format === 'csv' ? scoreSheetCsv(input, only) : await scoreSheetXlsx(input, only) };
    }
  }
}
