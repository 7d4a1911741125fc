// Owns running a profile that is not the session's own over an imported session (the bureau's 规则配置 test run): the findings an expert would see, evidence resolved to document keys.
import path from 'node:path';
import type { SessionDetail } from '../../../shared/domain';
import type { DocumentText } from '../../../shared/precheck';
import type { Profile } from '../../../shared/profile';
import type { TrialRun } from '../../../shared/bureauProfiles';
import { extractTextsIsolated } from '../documents/isolatedText';
import type { TextKind } from '../documents/text';
import type { ReadDb } from '../store/access';
import { viewerFor } from '../store/sessions';
import { hasText, loadDocumentText } from '../store/texts';
import { evaluateProject, readableDocuments } from './report';

/**
 * Text already extracted for the session is used as it is; a document not extracted yet is read from `filesDir` (the
 * session's folder) here, as `review-desk check` reads a package, so a test run never waits for the expert's extraction.
 */
export async function sessionTrialRun(db: ReadDb, session: SessionDetail, filesDir: string, profile: Profile): Promise<TrialRun> {
  const projects: TrialRun['projects'] = [];
  // Documents not extracted yet are read in a worker with a heap and time limit (documents/isolatedText.ts).
  const toRead = session.projects.flatMap((p) => readableDocuments(p).filter((d) => !hasText(db, d.key)));
  const read = await extractTextsIsolated(
    toRead.map((d) => ({
      file: path.join(filesDir, ...d.path.split('/')),
      kind: viewerFor(d.path) as TextKind,
      documentId: String(d.key),
    })),
  );
  for (const project of session.projects) {
    const texts: DocumentText[] = [];
    const unreadable = new Map<string, string>();
    for (const doc of readableDocuments(project)) {
      // Extraction that ran and failed is not retried here: the file is what it is.
      const got = hasText(db, doc.key) ? loadDocumentText(db, doc.key, doc.id) : read.get(String(doc.key));
      const text = got && 'pages' in got ? got : got && 'text' in got ? { ...got.text, documentId: doc.id } : null;
      if (text) texts.push(text);
      else unreadable.set(doc.id, '未能读取文本');
    }
    const keys = new Map(project.documents.map((d) => [d.id, d.key]));
    const { findings } = evaluateProject(project, session.projects, profile, texts, true, unreadable);
    projects.push({
      projectId: project.id,
      name: project.name,
      findings: findings.map((f) => ({
        ...f,
        evidence: f.evidence.map((e) => ({ ...e, documentKey: e.documentId ? keys.get(e.documentId) : undefined })),
      })),
    });
  }
  return { title: session.title, projects };
}
