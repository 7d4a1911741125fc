// Every hostile package's refusal, as the import-error dialog shows it (renderer/features/import/shownFailure.ts), is in
// the user's words: no entry path, dotted field path, code or English error word (the rules of the e2e words walk);
// where the problem is stays in `problems[].path` for `review-desk check --json`.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHostileFixtures, type HostileCase } from '../../../scripts/make-hostile-fixtures';
import { PackageError, type PackageProblem } from '../../../electron/core/package/errors';
import { importPackage } from '../../../electron/core/package/importer';
import { shownFailure } from '../../../renderer/features/import/shownFailure';
import { findDeveloperWords } from '../../helpers/developerWords';
import { openTestCore, tempDir, writeMinimalPackage, type TestCore } from '../../helpers/core';

let corpusDir: string;
let cases: HostileCase[];
let core: TestCore;
/** Each refused package's problems, by fixture file. */
const refused = new Map<string, PackageProblem[]>();

beforeAll(async () => {
  corpusDir = tempDir('rd-hostile-words-');
  cases = (await makeHostileFixtures(corpusDir)).filter((c) => c.code !== null);
  core = await openTestCore();
  for (const hostile of cases) {
    const err = await importPackage(core.ctx, 'job', path.join(corpusDir, hostile.file)).then(
      () => null,
      (e: unknown) => e,
    );
    refused.set(hostile.file, err instanceof PackageError ? err.problems : [{ code: 'io', path: '', message: String(err) }]);
  }
}, 300_000); // one worker per case, each loading TypeScript through tsx

afterAll(() => core?.store.close());

const problemsOf = (file: string) => refused.get(file) ?? [];

describe('the import-error dialog for every hostile package', () => {
  it('shows no developer word in the headline or any listed problem', () => {
    const found: Record<string, string[]> = {};
    for (const hostile of cases) {
      const problems = problemsOf(hostile.file);
      expect(problems.length, hostile.file).toBeGreaterThan(0);
      const { headline, problems: listed } = shownFailure({ message: problems[0]!.message, problems });
      const words = findDeveloperWords([headline, ...listed]);
      if (words.length) found[`${hostile.file}（${hostile.description}）`] = words;
    }
    expect(found).toEqual({});
  });

  it('names a listed file by its title, an unlisted one by its file name, and keeps the entry path in `path`', () => {
    expect(problemsOf('hash-mismatch.rpkg')[0]).toMatchObject({
      code: 'hash-mismatch',
      path: expect.stringMatching(/^documents\/.+\.pdf$/),
    });
    expect(problemsOf('hash-mismatch.rpkg')[0]!.message).toMatch(/：《[^》]+》$/);
    expect(problemsOf('extra-file.rpkg')[0]).toMatchObject({
      path: 'documents/未列出的文件.pdf',
      message: expect.stringContaining('：未列出的文件.pdf'),
    });
  });

  it('refuses an entry that points outside the package without echoing its name', () => {
    for (const file of ['unsafe-path-dotdot.rpkg', 'unsafe-path-absolute.rpkg']) {
      const [first] = problemsOf(file);
      expect(first!.message, file).toContain('评审包中有文件名指向包外的条目，已拒绝');
      expect(first!.message, file).not.toContain('evil');
      expect(first!.path, file).toContain('evil');
    }
  });

  it('says which manifest field and which profile field is wrong in Chinese, the dotted path only in `path`', () => {
    expect(problemsOf('manifest-schema-type.rpkg')[0]).toMatchObject({
      path: 'manifest.json → projects.0.totalInvestment',
      message: '评审包清单（manifest.json）中第 1 个项目的总投资有误：应为数字',
    });
    expect(problemsOf('manifest-schema-no-projects.rpkg')[0]!.message).toBe('评审包清单（manifest.json）缺少项目');
    expect(problemsOf('profile-rubric-sum.rpkg')[0]).toMatchObject({
      path: 'profile.json → rubric.dimensions[0].subCriteria',
      message: expect.stringContaining('评分表第 1 个维度的子项：子项分值合计'),
    });
    expect(problemsOf('profile-rubric-sum.rpkg')[0]!.message).not.toContain('rubric-sum');
    // A hostile `__proto__` key is named as written, never looked up as a field name.
    expect(problemsOf('profile-proto-key.rpkg')[0]!.message).toContain('机构的“__proto__”');
  });

  it('says a manifest written by another system is wrong in words too: id, time, date, a document listed twice', async () => {
    const dir = await writeMinimalPackage(tempDir());
    const file = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(await fs.readFile(file, 'utf8'));
    manifest.packageId = 'p1-2027';
    manifest.createdAt = '2027年3月1日';
    manifest.session.date = '2027/03/05';
    const [document] = manifest.projects[0].documents;
    manifest.projects[0].documents.push({ ...document });
    await fs.writeFile(file, JSON.stringify(manifest));
    const err = await importPackage(core.ctx, 'job', dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PackageError);
    const problems = (err as PackageError).problems;
    const { headline, problems: listed } = shownFailure({ message: problems[0]!.message, problems });
    expect(findDeveloperWords([headline, ...listed])).toEqual([]);
    expect(listed).toEqual([
      '评审包清单（manifest.json）中评审包编号有误：应为 8-4-4-4-12 位十六进制数字组成的 GUID',
      '评审包清单（manifest.json）中制作时间有误：应为带时区的日期时间，如 2027-03-01T08:00:00+08:00',
      '评审包清单（manifest.json）中评审会的评审日期有误：应为 YYYY-MM-DD 格式的日期，如 2027-03-18',
      '评审包清单（manifest.json）中第 1 个项目第 3 个文件的编号有误：与同一项目中另一文件的编号相同',
      '评审包清单（manifest.json）中第 1 个项目第 3 个文件的文件位置有误：与本评审包中另一文件的位置相同',
    ]);
    expect(problems.map((p) => p.path)).toContain('manifest.json → projects.0.documents.2.path');
  });
});
