// Owns the required-chapters check (必备篇章): whether the proposal contains each chapter the profile requires, and where.
import type { Profile } from '../../../../shared/profile';
import type { ChapterMatch, Finding } from '../../../../shared/precheck';
import { makeFinding } from './finding';
import type { PrecheckProject } from './text';

/**
 * `chapterMatches` come from chapter detection on the extracted text. No entry for a chapter means it could not be
 * looked for (the text was unreadable, or a scan still being recognised — `unreadableWhy` says which files and why):
 * that is `judge`, never `fail`.
 */
export function chapterFindings(
  project: PrecheckProject,
  profile: Profile,
  chapterMatches: ChapterMatch[],
  unreadableWhy?: string,
): Finding[] {
  const findings: Finding[] = [];
  for (const chapter of profile.requiredChapters) {
    if (!chapter.projectTypes.includes(project.type)) continue;
    const opinion = chapter.opinionRequired ? '评审意见须包括对该篇（章）的意见。' : '';
    const match = chapterMatches.find((m) => m.chapterId === chapter.id);
    if (!match) {
      const why = unreadableWhy ?? (chapterMatches.length === 0 ? '未能读取申报文件的文本' : '未对该篇章进行检测');
      findings.push(
        makeFinding(profile, 'chapter', chapter, 'judge', `${why}，无法自动判断是否包含${chapter.title}，请人工核对。${opinion}`),
      );
      continue;
    }
    if (match.found) {
      const doc = project.documents.find((d) => d.id === match.documentId);
      const where = `${doc ? `《${doc.title}》` : '申报文件'}${match.page ? `第 ${match.page} 页` : ''}`;
      // A chapter submitted as its own file is cited by that file's title, not by a heading inside it.
      const message = match.separate
        ? `${chapter.title}已作为单独文件《${doc?.title ?? match.heading}》提交。${opinion}`
        : `${where}含“${match.heading ?? chapter.title}”，对应${chapter.title}。${opinion}`;
      const evidence = match.separate
        ? { documentId: match.documentId, documentTitle: doc?.title ?? match.heading }
        : { documentId: match.documentId, documentTitle: doc?.title, page: match.page, quote: match.heading };
      findings.push(makeFinding(profile, 'chapter', chapter, 'pass', message, [evidence]));
      continue;
    }
    const names = [chapter.title, ...chapter.synonyms.filter((s) => s !== chapter.title)].slice(0, 4).join('、');
    findings.push(
      makeFinding(
        profile,
        'chapter',
        chapter,
        chapter.missingStatus,
        `申报文件的标题和目录中未找到${chapter.title}（已按 ${names} 等名称查找）。${chapter.explanation}${opinion}`,
      ),
    );
  }
  return findings;
}
