// `review-desk profile check`: exit codes (0 valid, 1 invalid, 2 usage or unreadable), the --json shape, and `check` of a package carrying a profile.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli';
import { describeFile } from '../../../electron/core/package/write';
import { defaultProfileDir } from '../../../electron/core/precheck/profiles';
import { hostileProfiles, profileBytes, xishan, xishanProfile } from '../../../scripts/hostile/carried-profile';
import { tempDir, writeMinimalPackage } from '../../helpers/core';

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await run(args, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

const hostile = hostileProfiles();
let dir: string;
beforeAll(() => {
  dir = tempDir('rd-cli-profile-');
  writeFileSync(path.join(dir, 'xishan.json'), profileBytes(xishanProfile()));
  for (const h of hostile) writeFileSync(path.join(dir, `${h.name}.json`), h.bytes);
});

describe('review-desk profile check', () => {
  it('exits 0 for every built-in profile and for the 西山区 profile, with { ok: true, errors: [] }', async () => {
    for (const file of [...readdirSync(defaultProfileDir).map((f) => path.join(defaultProfileDir, f)), path.join(dir, 'xishan.json')]) {
      const res = await cli(['profile', 'check', file, '--json']);
      expect(res.code, `${file}: ${res.out}`).toBe(0);
      expect(JSON.parse(res.out)).toMatchObject({ ok: true, errors: [] });
    }
    const human = await cli(['profile', 'check', path.join(dir, 'xishan.json')]);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^✓ 辖区规则配置有效：西山区（xishan）/);
  });

  it.each(hostile.map((h) => [h.name, h] as const))('exits 1 for %s, naming the code and the JSON path', async (name, h) => {
    const res = await cli(['profile', 'check', path.join(dir, `${name}.json`), '--json']);
    expect(res.code).toBe(1);
    const parsed = JSON.parse(res.out) as { ok: boolean; errors: { code: string; message: string; path: string }[] };
    expect(Object.keys(parsed).sort()).toEqual(['errors', 'ok']);
    expect(parsed.ok).toBe(false);
    expect(parsed.errors[0]).toMatchObject({ code: h.code, path: h.path });
    for (const e of parsed.errors) {
      expect(Object.keys(e).sort()).toEqual(['code', 'message', 'path']);
      expect(e.message).toMatch(/\p{Script=Han}/u);
    }
    const human = await cli(['profile', 'check', path.join(dir, `${name}.json`)]);
    expect(human.code).toBe(1);
    expect(human.out).toMatch(new RegExp(`^✗ 辖区规则配置无效[\\s\\S]*\\[${h.code}\\]`));
  });

  it('exits 2 for a file it cannot read and for usage errors', async () => {
    const missing = await cli(['profile', 'check', path.join(dir, 'no-such.json'), '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out)).toEqual({
      ok: false,
      errors: [{ code: 'unreadable', message: expect.stringContaining('文件不存在'), path: '' }],
    });
    expect((await cli(['profile', 'check', dir])).code).toBe(2); // a folder
    for (const args of [
      ['profile'],
      ['profile', 'check'],
      ['profile', 'lint', 'x.json'],
      ['profile', 'check', 'a.json', 'b.json'],
      ['profile', 'check', 'a.json', '--yaml'],
      ['constructor'],
      ['__proto__'],
      ['toString'],
    ]) {
      const res = await cli(args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.out).toContain('review-desk profile check <profile.json> [--json]');
    }
  });

  it('works as the installed `review-desk` binary (bundled dist/cli.cjs)', () => {
    execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'ignore' });
    const good = spawnSync(process.execPath, ['bin/review-desk.cjs', 'profile', 'check', path.join(dir, 'xishan.json'), '--json'], {
      encoding: 'utf8',
    });
    expect(good.status).toBe(0);
    const bad = spawnSync(
      process.execPath,
      ['bin/review-desk.cjs', 'profile', 'check', path.join(dir, 'backtracking-pattern.json'), '--json'],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).errors[0].code).toBe('unsafe-pattern');
  }, 60_000);
});

describe('review-desk check of a package that carries a profile', () => {
  async function carrying(profile: Buffer): Promise<string> {
    const folder = await writeMinimalPackage(tempDir('rd-cli-carry-'));
    await writeFile(path.join(folder, 'profile.json'), profile);
    const { sha256, bytes } = await describeFile(path.join(folder, 'profile.json'), 'profile.json');
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
    await writeFile(
      path.join(folder, 'manifest.json'),
      JSON.stringify({ ...manifest, jurisdiction: xishan.id, profile: { path: 'profile.json', sha256, bytes } }),
    );
    return folder;
  }

  it('checks the projects under the carried profile (exit 0), and refuses a package whose profile is hostile (exit 1)', async () => {
    const good = await cli(['check', await carrying(profileBytes(xishanProfile())), '--json']);
    expect(good.code).toBe(0);
    const findings = (JSON.parse(good.out) as { projects: { findings: { ruleId: string; citation: string }[] }[] }).projects[0]!.findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.ruleId).toMatch(/^xishan\./);
      expect(f.citation).not.toMatch(/武隆/);
    }
    const h = hostile.find((c) => c.name === 'backtracking-pattern')!;
    const bad = await cli(['check', await carrying(h.bytes), '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).errors[0]).toMatchObject({ code: 'profile-invalid', path: `profile.json → ${h.path}` });
  }, 60_000);
});
