// `review-desk check`: exit codes, human output and the --json shape other tools rely on.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../electron/cli';
import { makeHostileFixtures } from '../../scripts/make-hostile-fixtures';
import { tempDir, writeMinimalPackage } from '../helpers/core';

let corpus: string;
beforeAll(async () => {
  corpus = tempDir();
  await makeHostileFixtures(corpus);
});

async function check(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await run(args, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('review-desk check', () => {
  it('exits 0 for a valid package and describes it', async () => {
    const folder = await writeMinimalPackage(tempDir());
    const human = await check(['check', folder]);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/评审包有效：测试评审会/);
    const json = await check(['check', folder, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: true,
      errors: [],
      title: '测试评审会',
      files: 2,
      projects: [expect.objectContaining({ id: 'p1' })],
    });
  });

  it('prints the pre-check per project under --json; findings never change the exit code', async () => {
    const { makeSamples } = await import('../../scripts/make-samples');
    const dir = tempDir();
    await makeSamples(dir);
    const res = await check(['check', path.join(dir, 'donghe-2027-defects.rpkg'), '--json']);
    expect(res.code).toBe(0);
    const parsed = JSON.parse(res.out);
    expect(parsed.ok).toBe(true);
    expect(parsed.projects).toHaveLength(2);
    for (const p of parsed.projects) {
      for (const f of p.findings) {
        expect(Object.keys(f).sort()).toEqual(['citation', 'evidence', 'message', 'ruleId', 'status']);
        expect(['pass', 'fail', 'judge', 'reference']).toContain(f.status);
        // 东河's own article, or 参考做法 where 东河's 办法 is silent — never another district's (issue 12).
        expect(f.citation).toMatch(
          /^(参考做法（本区办法未作规定）|东河区政务信息化项目建设管理办法 第[^；]+条[^；]*(；东河区政务信息化项目建设管理办法 第[^；]+条[^；]*)*)$/,
        );
        if (f.status === 'reference' || f.citation.startsWith('参考做法')) expect(['reference', 'pass']).toContain(f.status);
      }
      for (const b of p.budgetLines) expect(['eligible', 'ineligible', 'needs-evaluation']).toContain(b.verdict);
    }
    const failed = parsed.projects
      .flatMap((p: { findings: { status: string; message: string }[] }) =>
        p.findings.filter((f) => f.status === 'fail').map((f) => f.message),
      )
      .join('\n');
    expect(failed).toMatch(/数据资源共享分析/); // the chapter the defects proposal lacks, found from the PDF's own text
    expect(failed).toMatch(/未纳入年度计划/);
    expect(failed).toMatch(/业务专网/);
    const ineligible = parsed.projects.flatMap((p: { budgetLines: { verdict: string }[] }) =>
      p.budgetLines.filter((b) => b.verdict === 'ineligible'),
    );
    expect(ineligible.length).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('exits 1 with { ok:false, errors:[{code,message,path}] } for a broken package', async () => {
    const res = await check(['check', path.join(corpus, 'hash-mismatch.rpkg'), '--json']);
    expect(res.code).toBe(1);
    const parsed = JSON.parse(res.out);
    expect(parsed.ok).toBe(false);
    expect(parsed.errors[0]).toEqual({
      code: 'hash-mismatch',
      message: expect.stringMatching(/SHA-256/),
      path: expect.stringMatching(/可行性研究报告/),
    });
  });

  it('exits 1 for a path that does not exist and 2 for a usage error', async () => {
    expect((await check(['check', '/no/such/package.rpkg'])).code).toBe(1);
    expect((await check(['frobnicate'])).code).toBe(2);
    expect((await check([])).code).toBe(2);
  });

  it('works as the installed `review-desk` binary (bundled dist/cli.cjs)', () => {
    execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'ignore' });
    const res = spawnSync(process.execPath, ['bin/review-desk.cjs', 'check', path.join(corpus, 'extra-file.rpkg'), '--json'], {
      encoding: 'utf8',
    });
    expect(res.status).toBe(1);
    expect(JSON.parse(res.stdout).errors[0].code).toBe('extra-file');
  });
});
