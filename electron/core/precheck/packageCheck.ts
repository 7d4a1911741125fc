// Owns the pre-check of a package that is not imported (the `check` command): text straight from the verified files.
import path from 'node:path';
import type { Manifest } from '../../../shared/manifest';
import type { Profile } from '../../../shared/profile';
import type { BudgetLineVerdict, DocumentText, Finding } from '../../../shared/precheck';
import { DEFAULT_TEXT_LIMITS, extractTextsIsolated, type TextLimits } from '../documents/isolatedText';
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
    const notRead = new Set([...unreadable.map((u) => u.documentId), ...skipped]);
    const { findings, verdicts } = evaluateProject(project, projects, profile, texts, true, notRead);
    results.push({ id: project.id, name: project.name, findings, budgetLines: verdicts, unreadable, skipped });
  }
  return results;
}
