// Owns running the pre-check (形式审查) on one project, and across the projects of a session, against a jurisdiction profile.
//
// Input text is `TextSource[]` (document id, title, page, text) rather than one string, so every finding drawn from
// text can cite the document, page and a quote. Without extracted text, `textFromProject` gives the manifest's own
// words (name, summary, document titles, budget lines). Chapter matches come from chapter detection; an empty list
// means the text could not be read, and the chapter findings become `judge`.
import type { ChapterMatch, Finding } from '../../../shared/precheck';
import type { Profile } from '../../../shared/profile';
import { budgetFinding } from './budget';
import { chapterFindings } from './rules/chapters';
import { documentFindings } from './rules/documents';
import { redFlagFindings } from './rules/redFlags';
import type { PrecheckProject, TextSource } from './rules/text';

export { crossProjectFindings } from './rules/crossProject';
export { fromManifestProject, textFromDocuments, textFromProject, type PrecheckProject, type TextSource } from './rules/text';

export interface ProjectCheckInput {
  project: PrecheckProject;
  profile: Profile;
  chapterMatches: ChapterMatch[];
  projectText: TextSource[];
  /** Why chapter-bearing documents could not be read, naming them (unmatched chapters are then the expert's to judge). */
  unreadableWhy?: string;
}

/** Every finding for one project: required documents, required chapters, red flags, then the budget. */
export function runProjectChecks({ project, profile, chapterMatches, projectText, unreadableWhy }: ProjectCheckInput): Finding[] {
  return [
    ...documentFindings(project, profile, chapterMatches),
    ...chapterFindings(project, profile, chapterMatches, unreadableWhy),
    ...redFlagFindings(project, profile, projectText),
    budgetFinding(project, profile),
  ];
}
