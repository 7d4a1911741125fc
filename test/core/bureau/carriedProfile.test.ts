// A sixth district end to end through the calls (no UI): the bureau of 西山区 — no built-in profile — writes its profile
// in 规则配置 (a copy of 武隆's rules relinked to its own regulation, plus a rule citing 第五条), a draft uses it, and the
// export carries it as profile.json listed in the manifest. An expert on another machine imports that package and
// reads findings citing 西山区's articles, nothing of 武隆's; the same draft exports the same bytes again; reopening the
// package as a draft (on the same or another machine) takes the profile in and selects it.
import { promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { verifyPackage } from '../../../electron/core/package/verify';
import type { DraftView } from '../../../shared/bureau';
import type { ProfileDetail, ProfileListItem } from '../../../shared/bureauProfiles';
import type { SessionDetail, SessionSummary } from '../../../shared/domain';
import type { PrecheckReport, SessionRules } from '../../../shared/precheck';
import { citablePlaces } from '../../../shared/regulation';
import { describeFile } from '../../../electron/core/package/write';
import { hostileProfiles, profileBytes, xishan, xishanProfile } from '../../../scripts/hostile/carried-profile';
import { tempDir, writeMinimalPackage } from '../../helpers/core';
import { makeDraft, ok, openTestCore, refused } from './cycle';

const cores: Core[] = [];
afterAll(() => cores.forEach((c) => c.close()));
async function machine(): Promise<Core> {
  const { core } = await openTestCore();
  cores.push(core);
  return core;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** An excerpt of 西山区's regulation, as the bureau saves it from Word as TXT. */
const regulation = `${xishan.regulation}

第一章 总 则

第一条 为规范西山区政务信息化项目管理，制定本办法。

第二章 建设管理

第五条 城市管理类信息系统应当统一接入区数字化城市管理平台，不得另建独立平台。
`;

/** The rule only 西山区 has: the sample proposal's cover names its 数字化城市管理中心 (found on page 1). */
const cityFlag = (citation: string) => ({
  id: 'city-platform',
  title: '城管类平台未接入区级平台',
  check: 'patterns',
  scope: 'text',
  patterns: ['数字化城市管理中心'],
  status: 'judge',
  passMessage: '未发现另建城市管理类平台的表述。',
  explanation: '城市管理类信息系统应统一接入区数字化城市管理平台，请核实是否另建平台。',
  citation,
});

/** What a package holds: the manifest and the staged profile.json bytes. */
async function readPackage(file: string) {
  const staging = tempDir('rd-carried-read-');
  const { manifest, manifestSha256 } = await verifyPackage(file, { stagingDir: staging });
  const profile = manifest.profile ? await fs.readFile(path.join(staging, manifest.profile.path)) : null;
  return { manifest, manifestSha256, profile };
}

describe("a 西山区 review: the bureau's own profile travels in the package", () => {
  let bureau: Core;
  let saved: ProfileDetail;
  let draft: DraftView;
  let exported: { file: string; manifestSha256: string; sessionId: string };
  let packageBytes: Buffer;
  const fifth = `${xishan.citeAs} 第五条`;

  beforeAll(async () => {
    bureau = await machine();
    // 规则配置: a copy of 武隆's rules, the regulation imported, every citation relinked to 西山区's own, a rule on 第五条.
    await ok<ProfileDetail>(bureau, 'bureau.profiles.create', { profileId: xishan.id, name: xishan.name, from: 'wulong' });
    const withText = await ok<ProfileDetail>(bureau, 'bureau.profiles.importRegulation', {
      profileId: xishan.id,
      name: '西山区政务信息化项目管理办法.txt',
      bytes: new TextEncoder().encode(regulation),
    });
    const picked = citablePlaces(withText.regulation!.outline, xishan.citeAs).find((p) => p.citation === fifth);
    expect(picked?.citation).toBe(fifth);
    const relinked = xishanProfile() as { redFlags: unknown[] };
    saved = await ok<ProfileDetail>(bureau, 'bureau.profiles.save', {
      profileId: xishan.id,
      baseVersion: 0,
      profile: { ...relinked, redFlags: [cityFlag(picked!.citation), ...relinked.redFlags] },
      note: '西山区第一版',
    });
    expect([saved.version, saved.profile.regulation, saved.profile.redFlags[0]!.citation]).toEqual([1, xishan.regulation, fifth]);

    draft = await makeDraft(bureau);
    draft = await ok<DraftView>(bureau, 'bureau.draft.saveSession', {
      draftId: draft.draft.id,
      baseVersion: draft.version,
      session: { ...draft.draft.session, jurisdiction: xishan.id, profileVersion: 1, issuer: '西山区大数据发展局' },
    });
    expect(draft.problems).toEqual([]);
    exported = await ok(bureau, 'bureau.draft.export', { draftId: draft.draft.id, jobId: 'export', destination: 'default' });
    packageBytes = await fs.readFile(exported.file);
  }, 120_000);

  it("exports profile.json at the root, listed in the manifest with its hash: the saved version's exact bytes", async () => {
    const { manifest, manifestSha256, profile } = await readPackage(exported.file);
    expect(manifestSha256).toBe(exported.manifestSha256);
    expect(manifest.jurisdiction).toBe('xishan');
    const version = saved.versions.find((v) => v.version === 1)!;
    expect(manifest.profile).toEqual({ path: 'profile.json', sha256: version.sha256, bytes: profile!.length });
    expect(sha256(profile!)).toBe(version.sha256);
    // The same bytes 导出 .json writes for version 1.
    const { file } = await ok<{ file: string }>(bureau, 'bureau.profiles.export', {
      profileId: xishan.id,
      version: 1,
      destination: 'default',
    });
    expect(profile!.equals(await fs.readFile(file))).toBe(true);
    // The bureau's own copy of the session (results are verified against it) was imported with the carried profile.
    expect(await ok<SessionRules>(bureau, 'precheck.rules', { sessionId: exported.sessionId })).toEqual({
      id: 'xishan',
      name: xishan.name,
      regulation: xishan.regulation,
      version: 1,
      carried: true,
    });
  });

  it('an expert on another machine imports it: findings cite 西山区 (第五条 among them), nothing cites 武隆', async () => {
    const expert = await machine();
    const summary = await ok<SessionSummary>(expert, 'package.import', { jobId: 'import', source: { kind: 'path', path: exported.file } });
    expect(summary).toMatchObject({ id: exported.sessionId, jurisdiction: 'xishan' });
    expect(await ok<SessionRules>(expert, 'precheck.rules', { sessionId: summary.id })).toEqual({
      id: 'xishan',
      name: xishan.name,
      regulation: xishan.regulation,
      version: 1,
      carried: true,
    });
    await ok(expert, 'text.extract', { sessionId: summary.id, jobId: 'extract' });
    const session = await ok<SessionDetail>(expert, 'session.get', { sessionId: summary.id });
    const report = await ok<PrecheckReport>(expert, 'precheck.project', { sessionId: session.id, projectId: 'p1' });
    expect(report.textReady).toBe(true);
    const city = report.findings.find((f) => f.ruleId.endsWith('city-platform'))!;
    expect(city).toMatchObject({ status: 'judge', citation: fifth });
    expect(city.evidence[0]).toMatchObject({ documentTitle: '建设方案', page: 1 });
    for (const f of report.findings) {
      expect(f.ruleId, f.ruleId).toMatch(/^xishan\./);
      expect(f.citation, f.ruleId).not.toMatch(/武隆/);
    }
    for (const b of report.budgetLines) expect(b.citation).not.toMatch(/武隆/);
    expect(report.findings.filter((f) => f.citation.startsWith(`${xishan.citeAs} 第`)).length).toBeGreaterThan(3);
    // A session under built-in rules names them too (a package of the bureau's national-rules draft).
    const builtIn = await ok<{ file: string }>(bureau, 'bureau.draft.export', {
      draftId: (await makeDraft(bureau)).draft.id,
      jobId: 'national',
      destination: 'default',
    });
    const national = await ok<SessionSummary>(expert, 'package.import', {
      jobId: 'national',
      source: { kind: 'path', path: builtIn.file },
    });
    expect(await ok<SessionRules>(expert, 'precheck.rules', { sessionId: national.id })).toMatchObject({
      id: 'national',
      regulation: expect.stringContaining('国家政务信息化项目建设管理办法'),
      carried: false,
    });
  }, 120_000);

  it('exports the same bytes again, on this machine and from a draft reopened on another', async () => {
    const again = await ok<{ file: string; manifestSha256: string }>(bureau, 'bureau.draft.export', {
      draftId: draft.draft.id,
      jobId: 'again',
      destination: 'default',
    });
    expect(again.manifestSha256).toBe(exported.manifestSha256);
    expect((await fs.readFile(again.file)).equals(packageBytes)).toBe(true);

    // Another bureau machine, which has never seen 西山区's profile, opens the package as a draft: the profile is taken in and selected.
    const other = await machine();
    const reopened = await ok<DraftView>(other, 'bureau.draft.open', { source: { kind: 'path', path: exported.file } });
    expect(reopened.draft.session).toMatchObject({ jurisdiction: 'xishan', profileVersion: 1 });
    expect(reopened.problems).toEqual([]);
    const listed = (await ok<ProfileListItem[]>(other, 'bureau.profiles.list', {})).find((p) => p.id === 'xishan');
    expect(listed).toMatchObject({ name: xishan.name, builtIn: false, latestVersion: 1 });
    const taken = await ok<ProfileDetail>(other, 'bureau.profiles.get', { profileId: 'xishan', version: 1 });
    expect(taken.profile).toEqual(saved.profile);
    const copy = await ok<{ file: string }>(other, 'bureau.draft.export', {
      draftId: reopened.draft.id,
      jobId: 'copy',
      destination: 'default',
    });
    expect((await fs.readFile(copy.file)).equals(packageBytes)).toBe(true);
  }, 120_000);

  it('reopening selects the identical version, or stores different content as the next version', async () => {
    // Its own package, once the draft is gone: version 1 is selected again, no version 2.
    const refusedTwice = await refused(bureau, 'bureau.draft.open', { source: { kind: 'path', path: exported.file } });
    expect(refusedTwice.message).toMatch(/已在草稿中/);
    await ok(bureau, 'bureau.draft.delete', { draftId: draft.draft.id });
    const reopened = await ok<DraftView>(bureau, 'bureau.draft.open', { source: { kind: 'path', path: exported.file } });
    expect(reopened.draft.session).toMatchObject({ jurisdiction: 'xishan', profileVersion: 1 });
    expect((await ok<ProfileDetail>(bureau, 'bureau.profiles.get', { profileId: 'xishan' })).versions.map((v) => v.version)).toEqual([1]);

    // Another machine revises the rules (version 2 there) and exports; back here that content becomes version 2.
    const other = await machine();
    let view = await ok<DraftView>(other, 'bureau.draft.open', { source: { kind: 'path', path: exported.file } });
    const v1 = await ok<ProfileDetail>(other, 'bureau.profiles.get', { profileId: 'xishan' });
    await ok(other, 'bureau.profiles.save', {
      profileId: 'xishan',
      baseVersion: 1,
      profile: {
        ...v1.profile,
        redFlags: [{ ...v1.profile.redFlags[0], title: '城管类平台须接入区级平台' }, ...v1.profile.redFlags.slice(1)],
      },
    });
    view = await ok<DraftView>(other, 'bureau.draft.saveSession', {
      draftId: view.draft.id,
      baseVersion: view.version,
      session: { ...view.draft.session, profileVersion: 2 },
    });
    const revised = await ok<{ file: string }>(other, 'bureau.draft.export', {
      draftId: view.draft.id,
      jobId: 'revised',
      destination: 'default',
    });
    const revisedProfile = (await readPackage(revised.file)).profile!;

    await ok(bureau, 'bureau.draft.delete', { draftId: reopened.draft.id });
    const fromRevised = await ok<DraftView>(bureau, 'bureau.draft.open', { source: { kind: 'path', path: revised.file } });
    expect(fromRevised.draft.session).toMatchObject({ jurisdiction: 'xishan', profileVersion: 2 });
    const here = await ok<{ file: string }>(bureau, 'bureau.profiles.export', { profileId: 'xishan', version: 2, destination: 'default' });
    expect((await fs.readFile(here.file)).equals(revisedProfile)).toBe(true);
    expect((await ok<ProfileDetail>(bureau, 'bureau.profiles.get', { profileId: 'xishan' })).versions.map((v) => v.version)).toEqual([
      2, 1,
    ]);
  }, 120_000);

  it('refuses to open as a draft a package whose carried profile fails the check, or uses a built-in id; nothing is kept', async () => {
    const other = await machine();
    /** A minimal package folder carrying `bytes` as profile.json under `jurisdiction`. */
    const carrying = async (bytes: Buffer, jurisdiction: string) => {
      const folder = await writeMinimalPackage(tempDir('rd-carried-bad-'));
      await fs.writeFile(path.join(folder, 'profile.json'), bytes);
      const manifest = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      const { sha256: hash, bytes: size } = await describeFile(path.join(folder, 'profile.json'), 'profile.json');
      await fs.writeFile(
        path.join(folder, 'manifest.json'),
        JSON.stringify({ ...manifest, jurisdiction, profile: { path: 'profile.json', sha256: hash, bytes: size } }),
      );
      return folder;
    };
    // A rule still citing 武隆, the district copied from: refused with the path, as an expert's import refuses it.
    const hostile = hostileProfiles({ largeBytes: 2 * 1024 * 1024 }).find((c) => c.name === 'foreign-citation')!;
    const bad = (await other.dispatch('bureau.draft.open', {
      source: { kind: 'path', path: await carrying(hostile.bytes, 'xishan') },
    })) as { ok: false; error: { code: string; problems: { code: string; path: string }[] } };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('package-invalid');
    expect(bad.error.problems[0]).toMatchObject({ code: 'profile-invalid', path: 'profile.json → requiredChapters[0].citation' });
    const wulong = await refused(other, 'bureau.draft.open', {
      source: { kind: 'path', path: await carrying(profileBytes({ ...xishanProfile(), id: 'wulong' }), 'wulong') },
    });
    expect(wulong.message).toMatch(/内置评审规则的编号“wulong”/);
    expect((await ok<ProfileListItem[]>(other, 'bureau.profiles.list', {})).filter((p) => !p.builtIn)).toEqual([]);
    expect(await ok<unknown[]>(other, 'bureau.draft.list', {})).toEqual([]);
  });
});
