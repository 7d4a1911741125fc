// The bureau's 规则配置 through the dispatcher: starting a profile (blank or a built-in copy), importing the regulation
// (TXT in UTF-8 and GBK, DOCX, PDF) and its articles, saving checked versions (refusals naming the field, stale saves),
// exporting profile.json, test runs on a draft and on a session, and a draft choosing the bureau's profile.
import { promises as fs } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import type { Core } from '../../../electron/core/app';
import { checkProfileBytes } from '../../../electron/core/precheck/profileCheck';
import type { DraftPrecheck, DraftView } from '../../../shared/bureau';
import type { ProfileDetail, ProfileListItem, TrialRun } from '../../../shared/bureauProfiles';
import type { Profile } from '../../../shared/profile';
import { citablePlaces } from '../../../shared/regulation';
import { sampleFonts } from '../../../scripts/sample-fonts';
import { atField, makeDraft, ok, openTestCore, refused } from './cycle';

const cores: Core[] = [];
afterAll(() => cores.forEach((c) => c.close()));

async function bureau(): Promise<Core> {
  const { core } = await openTestCore();
  cores.push(core);
  return core;
}

const citeAs = '武隆区政务信息化项目管理办法';
/** An excerpt of 武隆's regulation as the bureau would save it from Word: two chapters, four articles, items. */
const regulation = `武隆区政务信息化项目管理办法

第一章 总 则

第一条 为贯彻落实《国家政务信息化项目建设管理办法》要求，制定本办法。

第二章 规划和审批管理

第十二条 未纳入部门年度预算安排，但因市委、市政府和区委、区政府明确要求建设的项目，按程序办理。

第十三条 区级政务信息化项目原则上不再进行节能评估、规划选址。

第三十三条 区级有关部门在区级政务信息化项目建设中，应当：
（一）整合已有系统；
（二）不得重复建设城管类平台。
`;

/** A red flag the bureau adds: the sample proposal's cover names its 数字化城市管理中心, so it is found on page 1. */
const cityFlag = (citation: string) => ({
  id: 'city-platform',
  title: '城管平台重复建设',
  check: 'patterns',
  scope: 'text',
  patterns: ['数字化城市管理中心'],
  status: 'judge',
  passMessage: '未发现城管类平台重复建设的表述。',
  explanation: '城管类平台应整合到已有系统，请核实是否重复建设。',
  citation,
});

const withFlag = (p: Profile, citation: string) =>
  ({ ...p, redFlags: [cityFlag(citation), ...p.redFlags] }) as unknown as Record<string, unknown>;

async function pdfBytes(lines: string[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 60 });
  doc.registerFont('cjk', sampleFonts().regular);
  doc.font('cjk').fontSize(12);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (const line of lines) doc.text(line);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe('规则配置 (bureau.profiles.*)', () => {
  it('lists the six built-in profiles, refuses a built-in or taken id, and starts blank or from a built-in', async () => {
    const core = await bureau();
    const list = await ok<ProfileListItem[]>(core, 'bureau.profiles.list', {});
    expect(list.map((p) => p.id)).toEqual(['donghe', 'dalate', 'shuocheng', 'wulong', 'taizhou-gaogang', 'national']);
    expect(list.every((p) => p.builtIn)).toBe(true);

    const builtInId = await refused(core, 'bureau.profiles.create', { profileId: 'wulong', name: '武隆区', from: 'wulong' });
    expect(builtInId.code).toBe('invalid-input');
    expect(atField(builtInId)).toMatch(/profileId：该编号是内置评审规则的编号/);
    expect(atField(await refused(core, 'bureau.profiles.create', { profileId: 'Xi Shan', name: '西山区', from: 'blank' }))).toMatch(
      /profileId：辖区编号只能由小写字母/,
    );

    const blank = await ok<ProfileDetail>(core, 'bureau.profiles.create', { profileId: 'xishan', name: '西山区', from: 'blank' });
    expect(blank).toMatchObject({
      id: 'xishan',
      name: '西山区',
      builtIn: false,
      base: 'blank',
      version: 0,
      versions: [],
      regulation: null,
    });
    expect(blank.profile.rubric.dimensions.map((d) => [d.id, d.subCriteria.length])).toEqual([
      ['necessity', 1],
      ['urgency', 1],
      ['feasibility', 1],
      ['security', 1],
      ['intensiveness', 1],
      ['cost', 1],
    ]);
    expect(blank.profile.redFlags).toEqual([]);
    const taken = await refused(core, 'bureau.profiles.create', { profileId: 'xishan', name: '另一个', from: 'blank' });
    expect(taken.message).toBe('编号“xishan”已被另一份规则配置使用，请另取一个。');
    expect(taken.problems?.[0]?.path).toBe('profileId');

    const copy = await ok<ProfileDetail>(core, 'bureau.profiles.create', {
      profileId: 'wulong-2027',
      name: '武隆区（2027 修订）',
      from: 'wulong',
    });
    expect(copy.profile.citeAs).toBe(citeAs);
    expect(copy.profile.redFlags.length).toBeGreaterThan(5);
    expect((await ok<ProfileListItem[]>(core, 'bureau.profiles.list', {})).slice(6).map((p) => [p.id, p.latestVersion])).toEqual([
      ['wulong-2027', 0],
      ['xishan', 0],
    ]);
  });

  it('a blank profile is refused until filled in: every problem names its field, in Chinese', async () => {
    const core = await bureau();
    const blank = await ok<ProfileDetail>(core, 'bureau.profiles.create', { profileId: 'xishan', name: '西山区', from: 'blank' });
    const res = (await core.dispatch('bureau.profiles.save', { profileId: 'xishan', baseVersion: 0, profile: blank.profile })) as {
      ok: false;
      error: { code: string; message: string; problems: { path: string; message: string }[] };
    };
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('invalid-input');
    expect(res.error.message).toMatch(/^规则配置“西山区”有 \d+ 处需要修改：\n1\. 规则配置“西山区” 字段 /);
    const paths = res.error.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['regulation', 'citeAs', 'place', 'bodies.organiser.name', 'bodies.organiser.citation']));
    expect(res.error.problems.find((p) => p.path === 'citeAs')!.message).toMatch(/^规则配置“西山区” 字段 citeAs：/);
    // Nothing was saved.
    expect((await ok<ProfileDetail>(core, 'bureau.profiles.get', { profileId: 'xishan' })).version).toBe(0);
  });

  it('imports the regulation (TXT in UTF-8 or GBK, DOCX, PDF) and links a rule to an article; saves versions; exports profile.json', async () => {
    const core = await bureau();
    await ok(core, 'bureau.profiles.create', { profileId: 'wulong-2027', name: '武隆区（2027 修订）', from: 'wulong' });

    let detail = await ok<ProfileDetail>(core, 'bureau.profiles.importRegulation', {
      profileId: 'wulong-2027',
      name: '武隆办法.txt',
      bytes: new TextEncoder().encode(regulation),
    });
    expect(detail.regulation!.name).toBe('武隆办法.txt');
    const outline = detail.regulation!.outline;
    expect(outline.title).toBe(citeAs);
    expect(outline.articles.map((a) => a.label)).toEqual(['第一条', '第十二条', '第十三条', '第三十三条']);
    expect(outline.articles[3]!.items.map((i) => i.label)).toEqual(['（一）', '（二）']);
    const places = citablePlaces(outline, detail.profile.citeAs);
    const article = places.find((p) => p.citation.endsWith('第三十三条（二）'))!;
    expect(article.citation).toBe(`${citeAs} 第三十三条（二）`);

    // GBK (as Notepad saves on a Chinese Windows), DOCX and PDF give the same articles.
    const gbkBytes = encodeGbk(regulation);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbkBytes)).toThrow();
    detail = await ok<ProfileDetail>(core, 'bureau.profiles.importRegulation', {
      profileId: 'wulong-2027',
      name: '武隆办法-gbk.txt',
      bytes: gbkBytes,
    });
    expect(detail.regulation!.outline.articles.map((a) => a.label)).toEqual(['第一条', '第十二条', '第十三条', '第三十三条']);
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: regulation.split('\n').map((l) => new Paragraph(l)) }] }));
    detail = await ok<ProfileDetail>(core, 'bureau.profiles.importRegulation', {
      profileId: 'wulong-2027',
      name: '武隆办法.docx',
      bytes: new Uint8Array(docx),
    });
    expect(detail.regulation!.outline.articles.map((a) => a.label)).toEqual(['第一条', '第十二条', '第十三条', '第三十三条']);
    detail = await ok<ProfileDetail>(core, 'bureau.profiles.importRegulation', {
      profileId: 'wulong-2027',
      name: '武隆办法.pdf',
      bytes: await pdfBytes(regulation.split('\n').filter(Boolean)),
    });
    expect(detail.regulation!.outline.articles.map((a) => a.label)).toEqual(['第一条', '第十二条', '第十三条', '第三十三条']);
    expect(detail.regulation!.name).toBe('武隆办法.pdf');
    expect(
      (
        await refused(core, 'bureau.profiles.importRegulation', {
          profileId: 'wulong-2027',
          name: '办法.doc',
          bytes: new Uint8Array([1, 2]),
        })
      ).message,
    ).toMatch(/不支持旧版 Word 文件“办法\.doc”：请在 Word 或 WPS 中另存为 \.docx 或 \.txt/);
    expect(
      (
        await refused(core, 'bureau.profiles.importRegulation', {
          profileId: 'wulong-2027',
          name: '坏.pdf',
          bytes: new TextEncoder().encode('不是 PDF'),
        })
      ).message,
    ).toMatch(/无法读取办法文本/);

    // Version 1 with the new rule citing the article picked; what is stored is what a package would carry.
    const v1 = await ok<ProfileDetail>(core, 'bureau.profiles.save', {
      profileId: 'wulong-2027',
      baseVersion: 0,
      profile: withFlag(detail.profile, article.citation),
      note: '新增城管平台规则',
    });
    expect(v1.version).toBe(1);
    expect(v1.profile.version).toBe(1);
    expect(v1.versions).toEqual([expect.objectContaining({ version: 1, note: '新增城管平台规则' })]);
    expect(v1.profile.redFlags[0]).toMatchObject({
      id: 'city-platform',
      citation: `${citeAs} 第三十三条（二）`,
      exceptions: [],
      expect: [],
    });
    expect(v1.regulation!.outline.articles).toHaveLength(4);

    // A foreign citation and an unsafe pattern are refused with their field; a stale save too.
    const foreign = await refused(core, 'bureau.profiles.save', {
      profileId: 'wulong-2027',
      baseVersion: 1,
      profile: withFlag(v1.profile, '东河区政务信息化项目建设管理办法 第九条'),
    });
    expect(foreign.message).toMatch(/字段 redFlags\[0\]\.citation：引用了“东河区政务信息化项目建设管理办法”/);
    const unsafe = {
      ...v1.profile,
      redFlags: [{ ...cityFlag(article.citation), id: 'city-platform-2', patterns: ['(城管+)+平台'] }, ...v1.profile.redFlags],
    };
    expect((await refused(core, 'bureau.profiles.save', { profileId: 'wulong-2027', baseVersion: 1, profile: unsafe })).message).toMatch(
      /字段 redFlags\[0\]\.patterns\[0\]：正则表达式“\(城管\+\)\+平台”不安全/,
    );
    const stale = await refused(core, 'bureau.profiles.save', { profileId: 'wulong-2027', baseVersion: 0, profile: v1.profile });
    expect(stale.code).toBe('stale-version');

    const v2 = await ok<ProfileDetail>(core, 'bureau.profiles.save', {
      profileId: 'wulong-2027',
      baseVersion: 1,
      profile: { ...v1.profile, name: '武隆区（2027 二次修订）', id: 'ignored', version: 77 },
    });
    expect([v2.version, v2.profile.version, v2.profile.id, v2.name]).toEqual([2, 2, 'wulong-2027', '武隆区（2027 二次修订）']);
    expect((await ok<ProfileDetail>(core, 'bureau.profiles.get', { profileId: 'wulong-2027', version: 1 })).profile.name).toBe(
      '武隆区（2027 修订）',
    );
    expect((await refused(core, 'bureau.profiles.get', { profileId: 'wulong-2027', version: 9 })).message).toBe(
      '规则配置“武隆区（2027 二次修订）”没有第 9 版。',
    );

    // Export: the saved bytes, which pass the profile check a package's profile.json goes through.
    const { file } = await ok<{ file: string }>(core, 'bureau.profiles.export', {
      profileId: 'wulong-2027',
      version: 1,
      destination: 'default',
    });
    expect(file.endsWith('wulong-2027-v1.json')).toBe(true);
    const bytes = await fs.readFile(file);
    const checked = checkProfileBytes(bytes, { expectedId: 'wulong-2027' });
    expect(checked.ok).toBe(true);
    expect(checked.profile).toEqual(v1.profile);
    const builtIn = await ok<{ file: string }>(core, 'bureau.profiles.export', { profileId: 'national', destination: 'default' });
    expect(checkProfileBytes(await fs.readFile(builtIn.file), { expectedId: 'national' }).ok).toBe(true);
  });

  it('test-runs an unsaved profile on a draft and on the exported session: the finding cites the article picked', async () => {
    const core = await bureau();
    const draft = await makeDraft(core);
    const copy = await ok<ProfileDetail>(core, 'bureau.profiles.create', {
      profileId: 'wulong-2027',
      name: '武隆区（2027 修订）',
      from: 'wulong',
    });
    const edited = withFlag(copy.profile, `${citeAs} 第三十三条`);

    const onDraft = await ok<TrialRun>(core, 'bureau.profiles.testRun', {
      profile: edited,
      target: { kind: 'draft', draftId: draft.draft.id },
    });
    expect(onDraft.title).toBe(draft.draft.session.title);
    const finding = onDraft.projects[0]!.findings.find((f) => f.ruleId.endsWith('.city-platform'))!;
    expect(finding).toMatchObject({ status: 'judge', citation: `${citeAs} 第三十三条`, crossProject: false });
    expect(finding.evidence[0]).toMatchObject({ documentTitle: '建设方案', page: 1, quote: expect.stringContaining('数字化城市管理中心') });

    // The bureau's own copy of the session, once exported: evidence there opens the document (a key).
    const exported = await ok<{ sessionId: string }>(core, 'bureau.draft.export', {
      draftId: draft.draft.id,
      jobId: 'e',
      destination: 'default',
    });
    const onSession = await ok<TrialRun>(core, 'bureau.profiles.testRun', {
      profile: edited,
      target: { kind: 'session', sessionId: exported.sessionId },
    });
    const sessionFinding = onSession.projects[0]!.findings.find((f) => f.ruleId.endsWith('city-platform'))!;
    expect(sessionFinding.citation).toBe(`${citeAs} 第三十三条`);
    expect(sessionFinding.evidence[0]!.documentKey).toEqual(expect.any(Number));

    // A profile that does not pass the check is not run.
    const bad = await refused(core, 'bureau.profiles.testRun', {
      profile: { ...edited, budgetRules: [] },
      target: { kind: 'draft', draftId: draft.draft.id },
    });
    expect(bad.message).toMatch(/字段 budgetRules/);
    expect((await refused(core, 'bureau.profiles.testRun', { profile: edited, target: { kind: 'session', sessionId: 'nope' } })).code).toBe(
      'not-found',
    );
  });

  it("a draft chooses a saved version of the bureau's profile; its pre-check runs those rules; a missing version is refused", async () => {
    const core = await bureau();
    let view = await makeDraft(core);
    const copy = await ok<ProfileDetail>(core, 'bureau.profiles.create', {
      profileId: 'wulong-2027',
      name: '武隆区（2027 修订）',
      from: 'wulong',
    });
    const unsaved = await refused(core, 'bureau.draft.saveSession', {
      draftId: view.draft.id,
      baseVersion: view.version,
      session: { ...view.draft.session, jurisdiction: 'wulong-2027', profileVersion: 1 },
    });
    expect(unsaved.message).toBe('规则配置“wulong-2027”没有第 1 版：请重新选择版本。');
    expect(unsaved.problems?.[0]?.path).toBe('jurisdiction');
    expect(
      atField(
        await refused(core, 'bureau.draft.saveSession', {
          draftId: view.draft.id,
          baseVersion: view.version,
          session: { ...view.draft.session, jurisdiction: 'wulong-2027' },
        }),
      ),
    ).toMatch(/session\.profileVersion：请选择规则配置的版本/);
    expect(
      (
        await refused(core, 'bureau.draft.saveSession', {
          draftId: view.draft.id,
          baseVersion: view.version,
          session: { ...view.draft.session, jurisdiction: 'nowhere', profileVersion: 1 },
        })
      ).message,
    ).toMatch(/找不到规则配置“nowhere”/);

    await ok(core, 'bureau.profiles.save', {
      profileId: 'wulong-2027',
      baseVersion: 0,
      profile: withFlag(copy.profile, `${citeAs} 第三十三条`),
    });
    view = await ok<DraftView>(core, 'bureau.draft.saveSession', {
      draftId: view.draft.id,
      baseVersion: view.version,
      session: { ...view.draft.session, jurisdiction: 'wulong-2027', profileVersion: 1 },
    });
    expect(view.draft.session).toMatchObject({ jurisdiction: 'wulong-2027', profileVersion: 1 });
    const precheck = await ok<DraftPrecheck[]>(core, 'bureau.draft.precheck', { draftId: view.draft.id });
    expect(precheck[0]!.findings.find((f) => f.ruleId.endsWith('city-platform'))).toMatchObject({ citation: `${citeAs} 第三十三条` });
    // Built-in rules have no versions.
    expect(
      atField(
        await refused(core, 'bureau.draft.saveSession', {
          draftId: view.draft.id,
          baseVersion: view.version,
          session: { ...view.draft.session, jurisdiction: 'wulong', profileVersion: 1 },
        }),
      ),
    ).toMatch(/session\.profileVersion：内置评审规则没有版本可选/);
  });
});

/**
 * GBK bytes of a string (TextEncoder writes only UTF-8): ASCII as is, every other character by searching the two-byte
 * GBK space with Node's own GB18030 decoder.
 */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (!table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...table.get(ch)!);
  }
  return new Uint8Array(out);
}
