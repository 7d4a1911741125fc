// Owns the panel's own opinion text (专家组意见) on the bureau's side: per project and section (each dimension, each required chapter, the overall opinion), the members' opinions side by side, the merged draft the chair starts from, and the chair's collective wording, saved with who and when (saving confirms the section), refused while the opinion is frozen (定稿).
import type { PanelOpinionSection, PanelOpinionText } from '../../../shared/bureau';
import { projectOpinionSections, unconfirmedTitles } from '../panel/opinionSections';
import { unsettledHeading } from '../panel/opinionMerge';
import { AppError } from '../kernel/errors';
import { listFrozenOpinions } from '../store/panelOpinions';
import { listPanelTexts, savePanelText } from '../store/bureauResults';
import type { ReadDb, WriteDb } from '../store/access';
import { sessionPanel, type SessionPanel } from '../panel/panel';
import { assertPanelOpen } from './panelSigning';

export { chapterSection, dimensionSection, overallSection } from '../panel/opinionSections';

/** A project's panel opinion for drafting: per section the members' opinions side by side, the merged draft, the panel's saved text and whether it is confirmed. */
export function panelOpinionText(
  db: ReadDb,
  sessionId: string,
  projectId: string,
  computed: SessionPanel = sessionPanel(db, sessionId),
): PanelOpinionText {
  if (!computed.session.projects.some((p) => p.id === projectId)) throw new AppError('not-found', '找不到该项目。');
  const saved = new Map(listPanelTexts(db, sessionId, projectId).map((r) => [r.section, r]));
  return {
    projectId,
    frozen: listFrozenOpinions(db, sessionId).some((o) => o.projectId === projectId),
    sections: projectOpinionSections(db, computed, projectId).map((s): PanelOpinionSection => {
      const row = saved.get(s.section);
      return {
        section: s.section,
        kind: s.kind,
        title: s.title,
        members: s.members,
        panel: row ? { text: row.text, savedBy: row.savedBy, savedAt: row.savedAt } : null,
        version: row?.version ?? 0,
        draft: s.merged.text,
        confirmed: s.confirmed,
      };
    }),
  };
}

/** Every project of the session whose panel opinion the chair has not confirmed in full, with the sections' titles. */
export function unconfirmedProjects(
  db: ReadDb,
  sessionId: string,
  computed: SessionPanel = sessionPanel(db, sessionId),
): { projectId: string; name: string; sections: string[] }[] {
  return computed.session.projects.flatMap((p) => {
    const sections = unconfirmedTitles(projectOpinionSections(db, computed, p.id));
    return sections.length ? [{ projectId: p.id, name: p.name, sections }] : [];
  });
}

/**
 * Saves the panel's text of one section as the chair's (组长) wording, which confirms the section; `baseVersion` is the
 * version the text was edited from (0: none yet). An empty text returns the section to unconfirmed (the documents print
 * the merged draft, marked 草稿). A text still holding “待组长确定：” is refused: the chair settles those points first.
 */
export function savePanelOpinionText(
  db: WriteDb,
  sessionId: string,
  projectId: string,
  section: string,
  text: string,
  baseVersion: number,
  now: Date,
): PanelOpinionText {
  assertPanelOpen(db, sessionId, projectId);
  const computed = sessionPanel(db, sessionId);
  const known = panelOpinionText(db, sessionId, projectId, computed).sections.find((s) => s.section === section);
  if (!known) throw new AppError('not-found', `该项目的专家组意见没有“${section}”这一部分，请刷新后再试。`);
  if (text.includes(unsettledHeading))
    throw new AppError(
      'invalid-input',
      `“${known.title}”的专家组意见中还有“${unsettledHeading}”下的分歧：请组长逐条定稿，删去该行后再确认。`,
    );
  const savedBy = computed.session.experts.find((e) => e.isChair)?.name ?? '评审组织方';
  if (!savePanelText(db, sessionId, { projectId, section, text: text.trim(), savedBy, savedAt: now.toISOString() }, baseVersion)) {
    throw new AppError('stale-version', `“${known.title}”的专家组意见已在其他窗口修改，请刷新后再改。`);
  }
  return panelOpinionText(db, sessionId, projectId, computed);
}
