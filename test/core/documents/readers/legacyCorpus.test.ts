// The 武隆 sample as bureaus receive it (.doc, .wps, .xls, .et, OFD proposals; scripts/make-legacy-corpus.ts) gets the
// same pre-check findings, evidence included, as the original package, with every document read.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPackageProjects, type PackageProjectCheck } from '../../../../electron/core/precheck/packageCheck';
import { makeLegacyCorpus, sofficePath, type LegacyCorpus } from '../../../../scripts/make-legacy-corpus';

let work: string;
let corpus: LegacyCorpus;

beforeAll(async () => {
  // CI installs LibreOffice Writer and Calc (.ci/run); without it the corpus cannot be made and this suite must fail.
  expect(sofficePath()).not.toBeNull();
  work = await mkdtemp(path.join(os.tmpdir(), 'legacy-corpus-test-'));
  corpus = await makeLegacyCorpus(work);
}, 240_000);
afterAll(() => rm(work, { recursive: true, force: true }));

/** A finding without its quotes. */
const decided = (checks: PackageProjectCheck[]) =>
  checks.map((p) => p.findings.map(({ evidence, ...f }) => ({ ...f, evidence: evidence.map(({ quote: _, ...e }) => e) })));

describe('the legacy-format corpus', () => {
  it('holds every format the issue names, saved by LibreOffice (compound files) and the OFD writer (ZIP)', () => {
    const paths = corpus.legacy.manifest.projects.flatMap((p) => p.documents.map((d) => d.path));
    for (const ext of ['doc', 'wps', 'xls', 'et', 'ofd', 'png']) expect(paths.some((p) => p.endsWith(`.${ext}`))).toBe(true);
    expect(paths.some((p) => /\.(docx|xlsx)$/.test(p))).toBe(false);
  });

  it('gives the same findings as the original package, with every document read', async () => {
    const original = await checkPackageProjects(corpus.original.manifest, corpus.original.folder);
    const legacy = await checkPackageProjects(corpus.legacy.manifest, corpus.legacy.folder);
    expect(original.flatMap((p) => p.unreadable)).toEqual([]);
    expect(legacy.flatMap((p) => p.unreadable)).toEqual([]);
    // Every finding decides the same, citing the same documents and pages; a table's quote may run in another order
    // (the corpus writes the OFD from pdftotext's reading of the PDF, not pdf.js's).
    expect(decided(legacy)).toEqual(decided(original));
    // Chapters are found in the OFD proposals on the same pages, with the same headings quoted, as in the PDFs.
    const chapters = (checks: PackageProjectCheck[]) => checks.flatMap((p) => p.findings.filter((f) => f.ruleId.includes('.chapter.')));
    expect(chapters(legacy)).toEqual(chapters(original));
    expect(legacy.flatMap((p) => p.findings).filter((f) => f.ruleId.includes('.chapter.') && f.status === 'pass')).toHaveLength(18);
    // The budget lines come from the manifest; their verdicts must not depend on the file formats either.
    expect(legacy.map((p) => p.budgetLines)).toEqual(original.map((p) => p.budgetLines));
    expect(legacy.flatMap((p) => p.findings).some((f) => f.status === 'fail')).toBe(false);
  }, 240_000);
});
