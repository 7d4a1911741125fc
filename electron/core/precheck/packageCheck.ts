// Owns the pre-check of a package that is not imported (the `check` command): text straight from the verified files.
import path from 'node:path';
import type { Manifest } from '../../../shared/manifest';
import type { BudgetLineVerdict, DocumentText, Finding } from '../../../shared/precheck';
import { extractText, type TextKind } from '../documents/text';
import { viewerFor } from '../store/sessions';
import { fromManifestProject } from './checks';
import { loadProfile } from './profiles';
import { evaluateProject, readableDocuments } from './report';

export interface PackageProjectCheck {
  id: string;
  name: string;
  findings: (Finding & { crossProject: boolean })[];
  budgetLines: BudgetLineVerdict[];
}

/** `filesDir` holds the package's files (a folder package itself, or where a ZIP was staged). */
export async function checkPackageProjects(manifest: Manifest, filesDir: string): Promise<PackageProjectCheck[]> {
  const profile = loadProfile(manifest.jurisdiction);
  const projects = manifest.projects.map(fromManifestProject);
  const results: PackageProjectCheck[] = [];
  for (const [i, project] of projects.entries()) {
    const texts: DocumentText[] = [];
    for (const doc of readableDocuments(manifest.projects[i])) {
      // A document that cannot be read leaves its chapters unfound; the findings then say what is missing.
      const text = await extractText(path.join(filesDir, ...doc.path.split('/')), viewerFor(doc.path) as TextKind, doc.id).catch(() => null);
      if (text) texts.push(text);
    }
    const { findings, verdicts } = evaluateProject(project, projects, profile, texts, true);
    results.push({ id: project.id, name: project.name, findings, budgetLines: verdicts });
  }
  return results;
}
