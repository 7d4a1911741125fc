// Owns the panel's own opinion text (专家组意见) on the bureau's side: per project and section (each dimension, each required chapter, the overall opinion), the members' opinions side by side and the chair's collective wording, saved with who and when, refused while the opinion is frozen (定稿).
import type { PanelOpinionSection, PanelOpinionText } from '../../../shared/bureau';
import { AppError } from '../api/errors';
import { listFrozenOpinions } from '../store/panelOpinions';
import { listPanelTexts, savePanelText } from '../store/bureauResults';
import type { Db } from '../store/db';
import { sessionPanel, type SessionPanel } from './panel';
import { assertPanelOpen } from './panelSigning';

/** The section key of the overall opinion (综合意见); dimensions and chapters are `dimension:<id>` and `chapter:<id>`. */
export const overallSection = 'overall';
export const dimensionSection = (id: string) => `dimension:${id}`;
export const chapterSection = (id: string) => `chapter:${id}`;

const clean = (s: string | null | undefined) => (s ?? '').trim() || null;

/** The sections of a project's panel opinion with the members' opinions (those who did not recuse), in document order. */
function sectionsOf(computed: SessionPanel, projectId: string): Omit<PanelOpinionSection, 'panel' | 'version'>[] {
  const members = (computed.panels.get(projectId)?.members ?? []).filter((m) => !m.view.review.conflict?.hasConflict);
  const side = (pick: (review: (typeof members)[number]['view']['review']) => string | null | undefined) => members.map((m) => ({ name: m.name, text: clean(pick(m.view.review)) }));
  const chapters = computed.panels.get(projectId)?.members[0]?.view.chapters ?? [];
  return [
    ...computed.rubric.rubric.dimensions.map((d) => ({ section: dimensionSection(d.id), kind: 'dimension' as const, title: d.name, members: side((r) => r.dimensions[d.id as keyof typeof r.dimensions]?.opinion) })),
    ...chapters.map((c) => ({ section: chapterSection(c.id), kind: 'chapter' as const, title: c.title, members: side((r) => r.chapterOpinions[c.id]) })),
    { section: overallSection, kind: 'overall' as const, title: '综合意见', members: side((r) => r.overallOpinion) },
  ];
}

/** A project's panel opinion for drafting: per section the members' opinions side by side and the panel's saved text. */
export function panelOpinionText(db: Db, sessionId: string, projectId: string, computed: SessionPanel = sessionPanel(db, sessionId)): PanelOpinionText {
  if (!computed.session.projects.some((p) => p.id === projectId)) throw new AppError('not-found', '找不到该项目。');
  const saved = new Map(listPanelTexts(db, sessionId, projectId).map((r) => [r.section, r]));
  return {
    projectId,
    frozen: listFrozenOpinions(db, sessionId).some((o) => o.projectId === projectId),
    sections: sectionsOf(computed, projectId).map((s) => {
      const row = saved.get(s.section);
      return { ...s, panel: row ? { text: row.text, savedBy: row.savedBy, savedAt: row.savedAt } : null, version: row?.version ?? 0 };
    }),
  };
}

/**
 * Saves the panel's text of one section as the chair's (组长) wording; `baseVersion` is the version the text was edited
 * from (0: none yet). An empty text returns the section to the members' opinions in the documents.
 */
export function savePanelOpinionText(db: Db, sessionId: string, projectId: string, section: string, text: string, baseVersion: number, now: Date): PanelOpinionText {
  assertPanelOpen(db, sessionId, projectId);
  const computed = sessionPanel(db, sessionId);
  const known = panelOpinionText(db, sessionId, projectId, computed).sections.find((s) => s.section === section);
  if (!known) throw new AppError('not-found', `该项目的专家组意见没有“${section}”这一部分，请刷新后再试。`);
  const savedBy = computed.session.experts.find((e) => e.isChair)?.name ?? '评审组织方';
  if (!savePanelText(db, sessionId, { projectId, section, text: text.trim(), savedBy, savedAt: now.toISOString() }, baseVersion)) {
    throw new AppError('stale-version', `“${known.title}”的专家组意见已在其他窗口修改，请刷新后再改。`);
  }
  return panelOpinionText(db, sessionId, projectId, computed);
}
