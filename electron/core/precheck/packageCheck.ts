// Owns the pre-check of a package that is not imported (the `check` command): text straight from the verified files.
import path from 'node:path';
import type { Manifest } from '../../../shared/manifest';
import type { Profile } from '../../../shared/profile';
import type { BudgetLineVerdict, DocumentText, Finding } from '../../../shared/precheck';
import { DEFAULT_TEXT_LIMITS, extractTextsIsolated, type TextLimits } from '../documents/isolatedText';
import { recogniseTexts } from '../documents/ocr/isolated';
import { pagesWithoutTextLayer } from '../store/ocrPages';
import type { TextKind } from '../documents/text';
import { viewerFor } from '../store/sessions';
import { fromManifestProject } from './checks';
import { loadProfile } from './profiles';
import { evaluateProject, readableDocuments } from './report';

export interface PackageProjectCheck {
  id: string;
  name: string;
  findings: (Finding & { crossProject: boolean })[];
  budgetLines: BudgetLineVerdict[];
  /** Documents whose text could not be read, with the reason (a parser's worker died, ran out of time or refused the file). */
  unreadable: { documentId: string; reason: string }[];
  /** Documents not read because `signal` aborted first (the CLI's overall time limit). */
  skipped: string[];
}

export interface PackageCheckOptions {
  limits?: TextLimits;
  /** Aborting stops reading; documents not yet read are reported in `skipped`. */
  signal?: AbortSignal;
  /** Recognise pages without a text layer (scans) before checking (`check` does unless `--no-ocr`). */
  ocr?: boolean;
}

/**
 * `filesDir` holds the package's files (a folder package itself, or where a ZIP was staged). `profile`: the one the
 * package carries when it does (sessionProfile.ts `profileForPackage`), else the built-in of its jurisdiction.
 */
export async function checkPackageProjects(
  manifest: Manifest,
  filesDir: string,
  profile: Profile = loadProfile(manifest.jurisdiction),
  options: PackageCheckOptions = {},
): Promise<PackageProjectCheck[]> {
  const projects = manifest.projects.map(fromManifestProject);
  // Every parser runs in a worker with a heap and time limit: a hostile document is unreadable, never a dead process.
  const requests = manifest.projects.flatMap((p) =>
    readableDocuments(p).map((doc) => ({
      file: path.join(filesDir, ...doc.path.split('/')),
      kind: viewerFor(doc.path) as TextKind,
      documentId: `${p.id}\u0000${doc.id}`,
    })),
  );
  const read = await extractTextsIsolated(requests, options.limits ?? DEFAULT_TEXT_LIMITS, options.signal);
  if (options.ocr) {
    const scans = requests.flatMap((r) => {
      const got = read.get(r.documentId);
      return got && 'text' in got && r.kind === 'pdf'
        ? [{ documentId: r.documentId, file: r.file, kind: 'pdf' as const, text: got.text }]
        : [];
    });
    for (const [id, recognised] of await recogniseTexts(scans, undefined, options.signal)) read.set(id, { text: recognised.text });
  }
  // A PDF with no text on any page (a scan not recognised, or recognised to nothing) is unreadable, never "chapters missing".
  for (const { documentId, kind } of requests) {
    const got = read.get(documentId);
    if (
      kind === 'pdf' &&
      got &&
      'text' in got &&
      got.text.pages.length > 0 &&
      pagesWithoutTextLayer(got.text.pages).length === got.text.pages.length
    )
      read.set(documentId, { error: options.ocr ? '文件为扫描件，未能识别文字' : '文件为扫描件，未进行文字识别' });
  }
  const results: PackageProjectCheck[] = [];
  for (const [i, project] of projects.entries()) {
    const texts: DocumentText[] = [];
    const unreadable: PackageProjectCheck['unreadable'] = [];
    const skipped: string[] = [];
    for (const doc of readableDocuments(manifest.projects[i]!)) {
      const got = read.get(`${project.id}\u0000${doc.id}`);
      if (!got) skipped.push(doc.id);
      else if ('text' in got) texts.push({ ...got.text, documentId: doc.id });
      else unreadable.push({ documentId: doc.id, reason: got.error });
    }
    // A document that could not be read (or was skipped) leaves its chapters to the expert's judgement, never "missing".
    const notRead = new Map([
      // The reason itself is in `unreadable`, printed per document; the finding names the file.
      ...unreadable.map((u): [string, string] => [u.documentId, '未能读取文本']),
      ...skipped.map((id): [string, string] => [id, '未读取（检查已中止）']),
    ]);
    const { findings, verdicts } = evaluateProject(project, projects, profile, texts, true, notRead);
    results.push({ id: project.id, name: project.name, findings, budgetLines: verdicts, unreadable, skipped });
  }
  return results;
}
