// Issue 17 item 9: amounts of 2^53 fen or more, and a rubric totalPoints of 1e300, used to pass `check` and import,
// after which every review call failed with "internal". They are refused where the package is read, with the path.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli';
import { importPackage } from '../../../electron/core/package/importer';
import { PackageError } from '../../../electron/core/package/errors';
import { manifestSchema } from '../../../shared/manifest';
import { MAX_YUAN } from '../../../shared/money';
import { profileBytes, xishan, xishanProfile } from '../../../scripts/hostile/carried-profile';
import { openTestCore, tempDir, traces, writeMinimalPackage, type TestCore } from '../../helpers/core';

const cores: TestCore[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.store.close();
});

/** 2^53 fen, as yuan the file writes. */
const hugeYuan = 2 ** 53 / 100;

interface ManifestJson {
  jurisdiction: string;
  profile?: object;
  projects: { totalInvestment: number; budgetLines: { amount: number; unitPrice: number }[] }[];
}

async function packageWith(edit: (manifest: ManifestJson) => void, files: Record<string, Buffer> = {}): Promise<string> {
  const folder = await writeMinimalPackage(tempDir());
  const file = path.join(folder, 'manifest.json');
  const manifest = JSON.parse(await fs.readFile(file, 'utf8'));
  edit(manifest);
  for (const [name, data] of Object.entries(files)) await fs.writeFile(path.join(folder, name), data);
  await fs.writeFile(file, JSON.stringify(manifest, null, 2));
  return folder;
}

async function importProblems(folder: string): Promise<{ code: string; message: string; path?: string }[]> {
  const core = await openTestCore();
  cores.push(core);
  const err = await importPackage(core.ctx, 'job', folder).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PackageError);
  expect(traces(core)).toEqual({ sessions: 0, staged: [], packages: [] });
  return (err as PackageError).problems;
}

describe('money in the manifest is bounded', () => {
  for (const [field, edit, at] of [
    [
      'a budget line amount',
      (m: ManifestJson) => void (m.projects[0]!.budgetLines[0]!.amount = hugeYuan),
      ['projects', 0, 'budgetLines', 0, 'amount'],
    ],
    [
      'a unit price',
      (m: ManifestJson) => void (m.projects[0]!.budgetLines[0]!.unitPrice = 1e300),
      ['projects', 0, 'budgetLines', 0, 'unitPrice'],
    ],
    ['a total investment', (m: ManifestJson) => void (m.projects[0]!.totalInvestment = hugeYuan), ['projects', 0, 'totalInvestment']],
  ] as const) {
    it(`refuses ${field} of 2^53 fen or more with the field's path, in the schema, check and import`, async () => {
      const folder = await packageWith(edit);
      const manifest = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8'));
      const parsed = manifestSchema.safeParse(manifest);
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((i) => i.path)).toContainEqual(at);
      expect(parsed.error!.issues.map((i) => i.message).join()).toMatch(/金额过大/);
      const lines: string[] = [];
      expect(await run(['check', folder, '--json'], (l) => lines.push(l))).toBe(1);
      expect(JSON.stringify(JSON.parse(lines.join('')).errors)).toMatch(/金额过大/);
      const problems = await importProblems(folder);
      expect(problems.map((p) => p.message).join()).toMatch(/金额过大/);
    });
  }

  it('refuses amounts that are each within the bound but whose sum is not exact in fen', async () => {
    const folder = await packageWith((m) => {
      const line = m.projects[0]!.budgetLines[0]!;
      m.projects[0]!.budgetLines = Array.from({ length: 100 }, (_, i) => ({ ...line, id: `b${i}`, amount: MAX_YUAN, unitPrice: 0 }));
    });
    const parsed = manifestSchema.safeParse(JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8')));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message).join()).toMatch(/金额合计过大/);
  });

  it('accepts the largest allowed amount', () => {
    expect(manifestSchema.shape.projects.element.shape.totalInvestment.safeParse(MAX_YUAN).success).toBe(true);
    expect(manifestSchema.shape.projects.element.shape.totalInvestment.safeParse(MAX_YUAN + 0.01).success).toBe(false);
  });
});

describe('a carried rubric is bounded (shared/profile.ts), through import', () => {
  it('refuses totalPoints 1e300 with its path; nothing is stored', async () => {
    const profile = xishanProfile() as { rubric: { totalPoints: number } };
    profile.rubric.totalPoints = 1e300;
    const bytes = profileBytes(profile);
    const folder = await packageWith(
      (m) => {
        m.jurisdiction = xishan.id;
        m.profile = { path: 'profile.json', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
      },
      { 'profile.json': bytes },
    );
    const problems = await importProblems(folder);
    expect(problems.map((p) => `${p.path ?? ''} ${p.message}`).join('\n')).toMatch(/rubric\.totalPoints/);
  });
});
