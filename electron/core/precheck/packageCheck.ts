// Owns the pre-check of a package that is not imported (the `check` command): text straight from the verified files.
import path from 'node:path';
import type { Manifest } from '../../../shared/manifest';
import type { Profile } from '../../../shared/profile';
import type { BudgetLineVerdict, DocumentText, Finding } from '../../../shared/precheck';
import { DEFAULT_TEXT_LIMITS, extractTextsIsolated, type TextLimits } from '../documents/isolatedText';
import { recogniseTexts, scanItemsOf } from '../documents/ocr/isolated';
import { imageKind } from '../documents/ocr/recognise';
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
  /** Recognise pages without a text layer (scans) and PNG/JPEG documents before checking (`check` does unless `--no-ocr`). */
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
  const fileOf = (doc: { path: string }) => path.join(filesDir, ...doc.path.split('/'));
  // Every parser runs in a worker with a heap and time limit: a hostile document is unreadable, never a dead process.
  const requests = manifest.projects.flatMap((p) =>
    readableDocuments(p).map((doc) => ({ file: fileOf(doc), kind: viewerFor(doc.path) as TextKind, documentId: `${p.id}\u0000${doc.id}` })),
  );
  const read = await extractTextsIsolated(requests, options.limits ?? DEFAULT_TEXT_LIMITS, options.signal);
  if (options.ocr) {
    // What `review-desk text` recognises: the PDFs' pages without a text layer, and PNG/JPEG documents.
    const files = manifest.projects.flatMap((p) =>
      p.documents.map((doc) => ({ documentId: `${p.id}\u0000${doc.id}`, path: doc.path, file: fileOf(doc) })),
    );
    for (const [id, recognised] of await recogniseTexts(scanItemsOf(files, read), undefined, options.signal)) {
      const { text, ocrPages, failures } = recognised;
      if (read.has(id)) read.set(id, { text });
      // An image that gave text is read; one that could not be recognised is unreadable; one with no words in it (a
      // photo) is left out, as the app leaves it.
      else if (ocrPages.length) read.set(id, { text });
      else if (failures.length) read.set(id, { error: failures.map((f) => f.error).join('；') });
    }
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
    /** PNG/JPEG documents without text: not files that failed (a photo has no words), but no text to find chapters in. */
    const wordless: [string, string][] = [];
    const readable = new Set(readableDocuments(manifest.projects[i]!));
    for (const doc of manifest.projects[i]!.documents) {
      const image = imageKind(doc.path) !== undefined;
      if (!readable.has(doc) && !image) continue;
      const got = read.get(`${project.id}\u0000${doc.id}`);
      if (!got && image && options.ocr && options.signal?.aborted) skipped.push(doc.id);
      else if (!got && image) wordless.push([doc.id, options.ocr ? '为图片，未识别出文字' : '为图片，未进行文字识别']);
      else if (!got) skipped.push(doc.id);
      else if ('text' in got) texts.push({ ...got.text, documentId: doc.id });
      else unreadable.push({ documentId: doc.id, reason: got.error });
    }
    // A document that could not be read (or was skipped) leaves its chapters to the expert's judgement, never "missing".
    const notRead = new Map([
      // The reason itself is in `unreadable`, printed per document; the finding names the file.
      ...unreadable.map((u): [string, string] => [u.documentId, '未能读取文本']),
      ...skipped.map((id): [string, string] => [id, '未读取（检查已中止）']),
      ...wordless,
    ]);
    const { findings, verdicts } = evaluateProject(project, projects, profile, texts, true, notRead);
    results.push({ id: project.id, name: project.name, findings, budgetLines: verdicts, unreadable, skipped });
  }
  return results;
}
