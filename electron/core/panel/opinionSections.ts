// Owns the sections of a project's panel opinion (专家组意见的各部分) — each dimension, each required chapter, the overall
// opinion — with the members' texts, the merged draft (opinionMerge.ts) and the chair's text, and whether the chair has
// confirmed the section: what the bureau's editor shows and what decides whether a panel document is still a draft.
import type { Rubric } from '../../../shared/profile';
import type { ReadDb } from '../store/access';
import { listPanelTexts } from '../store/bureauResults';
import type { PanelMember } from './members';
import { mergeOpinions, type MergedDraft } from './opinionMerge';
import type { SessionPanel } from './panel';

/** The section key of the overall opinion (综合意见); dimensions and chapters are `dimension:<id>` and `chapter:<id>`. */
export const overallSection = 'overall';
export const dimensionSection = (id: string) => `dimension:${id}`;
export const chapterSection = (id: string) => `chapter:${id}`;

export interface OpinionSection {
  section: string;
  kind: 'dimension' | 'chapter' | 'overall';
  /** The dimension's name, the chapter's title, or 综合意见. */
  title: string;
  /** Members who reviewed the project and did not recuse, in roster order; text null when they wrote none. */
  members: { name: string; text: string | null }[];
  /** The members' texts merged: shared points once, the rest for the chair to settle. */
  merged: MergedDraft;
  /** The chair's text as saved (组长确认的专家组意见); null when none. */
  panelText: string | null;
  /**
   * The chair has confirmed the section (saved its text), or there is nothing to confirm (no member wrote anything
   * there). A panel document with an unconfirmed section is a draft, and its letter cannot be issued.
   */
  confirmed: boolean;
}

const clean = (s: string | null | undefined) => (s ?? '').trim() || null;

/** A project's sections in document order, from its members and the chair's saved texts by section key. */
export function opinionSections(
  members: readonly PanelMember[],
  rubric: Rubric,
  texts: Readonly<Record<string, string>>,
): OpinionSection[] {
  const counted = members.filter((m) => !m.view.review.conflict?.hasConflict);
  const chapters = members[0]?.view.chapters ?? [];
  const section = (
    key: string,
    kind: OpinionSection['kind'],
    title: string,
    pick: (m: PanelMember) => string | null | undefined,
  ): OpinionSection => {
    const side = counted.map((m) => ({ name: m.name, text: clean(pick(m)) }));
    const panelText = clean(texts[key]);
    return {
      section: key,
      kind,
      title,
      members: side,
      merged: mergeOpinions(side),
      panelText,
      confirmed: panelText !== null || side.every((m) => m.text === null),
    };
  };
  return [
    ...rubric.dimensions.map((d) =>
      section(
        dimensionSection(d.id),
        'dimension',
        d.name,
        (m) => m.view.review.dimensions[d.id as keyof typeof m.view.review.dimensions]?.opinion,
      ),
    ),
    ...chapters.map((c) => section(chapterSection(c.id), 'chapter', c.title, (m) => m.view.review.chapterOpinions[c.id])),
    section(overallSection, 'overall', '综合意见', (m) => m.view.review.overallOpinion),
  ];
}

/** A project's sections on the bureau's machine: its members from the results in force and the chair's saved texts. */
export function projectOpinionSections(db: ReadDb, computed: SessionPanel, projectId: string): OpinionSection[] {
  const texts = Object.fromEntries(listPanelTexts(db, computed.session.id, projectId).map((r) => [r.section, r.text]));
  return opinionSections(computed.panels.get(projectId)?.members ?? [], computed.rubric.rubric, texts);
}

/** The titles of the sections the chair has not confirmed yet, in document order (必要性、紧迫性、综合意见). */
export const unconfirmedTitles = (sections: readonly OpinionSection[]) => sections.filter((s) => !s.confirmed).map((s) => s.title);
