// End to end in Chromium, the bureau's 规则配置: start a profile from a built-in one, import the regulation's text and see
// its chapters and articles, add a red flag and link it to an article picked from the list, test-run the unsaved
// profile on a bureau draft and read the finding citing that article as the expert would, save it as version 1 and
// export profile.json; then the draft uses it, its package carries it, and the expert opening that package in the same
// app sees the rule's finding in 形式审查 and the rules named in the header. Screenshots at 1366×768.
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftView } from '../../shared/bureau';
import { checkProfileBytes } from '../../electron/core/precheck/profileCheck';
import { verifyPackage } from '../../electron/core/package/verify';
import { tempDir } from '../helpers/core';
import { samplesDir } from '../core/bureau/cycle';
import {
  callApi,
  chromiumPath,
  downloadPaths,
  ensureBuiltWithSamples,
  launchChromium,
  newPage,
  saveExpertProfile,
  shot,
  startWebApp,
  type WebApp,
} from './harness';

let browser: Browser;
let app: WebApp;
let page: Page;
let errors: string[];
let dataDir = '';
let workDir = '';
const citeAs = '武隆区政务信息化项目管理办法';
const draftTitle = '2027年度武隆区政务信息化项目专家评审会（规则试运行）';

/** An excerpt of 武隆's regulation, as the bureau would save it from Word as TXT. */
const regulation = `武隆区政务信息化项目管理办法

第一章 总 则

第一条 为贯彻落实《国家政务信息化项目建设管理办法》要求，进一步规范武隆区政务信息化项目管理，制定本办法。

第二章 规划和审批管理

第十二条 未纳入部门年度预算安排，但因市委、市政府和区委、区政府明确要求建设或确需建设的项目，按程序办理。

第十三条 区级政务信息化项目原则上不再进行节能评估、规划选址、用地预审、环境影响评价等审批。

第三章 建设和资金管理

第三十三条 区级有关部门在区级政务信息化项目建设中，应当：
（一）整合已有信息系统，不得另建独立平台；
（二）城市管理类系统统一接入区数字化城市管理平台。
`;

describe.skipIf(!existsSync(chromiumPath))('规则配置 in the browser', () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    dataDir = tempDir('rd-e2e-profiles-');
    workDir = tempDir('rd-e2e-profiles-files-');
    app = await startWebApp(dataDir);
    browser = await launchChromium();
    ({ page, errors } = await newPage(browser));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.url);
    await saveExpertProfile(page);
    // The draft the profile is tried on: set up through the API (preparing a draft has its own test, bureau.test.ts).
    let draft = await callApi<DraftView>(app.url, 'bureau.draft.create', {
      session: {
        jurisdiction: 'wulong',
        issuer: '重庆市武隆区大数据发展局',
        title: draftTitle,
        date: '2027-03-18',
        experts: [{ name: '专家甲' }],
        chair: '专家甲',
      },
    });
    draft = await callApi<DraftView>(app.url, 'bureau.draft.saveProject', {
      draftId: draft.draft.id,
      baseVersion: draft.version,
      project: {
        id: 'p1',
        name: '武隆区智慧城管综合平台（二期）建设项目',
        applicant: '重庆市武隆区城市管理局',
        type: 'expansion',
        investmentFen: 720_000_000,
        inAnnualPlan: true,
      },
    });
    await callApi<DraftView>(app.url, 'bureau.draft.addDocument', {
      draftId: draft.draft.id,
      baseVersion: draft.version,
      projectId: 'p1',
      name: '建设方案.pdf',
      kind: 'proposal',
      title: '建设方案',
      bytes: new Uint8Array(await fs.readFile(path.join(samplesDir, '建设方案.pdf'))),
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('imports the regulation, links a new rule to an article, test-runs it on a draft, saves version 1 and exports it', async () => {
    await page.getByTestId('bureau-enter').click();
    await page.getByTestId('bureau-profiles').click();
    await page.getByTestId('profile-list').waitFor();
    expect(await page.getByTestId('profile-list-row').count()).toBe(6);

    // A built-in id is refused beside the field; then a copy of 武隆's built-in rules.
    await page.getByTestId('profile-start').selectOption('wulong');
    await page.getByTestId('profile-new-id').fill('wulong');
    await page.getByTestId('profile-new-name').fill('武隆区（2027 修订）');
    await page.getByTestId('profile-create-submit').click();
    expect(await page.locator('#profile-new-id-error').textContent()).toContain('该编号是内置评审规则的编号');
    await page.getByTestId('profile-new-id').fill('wulong-2027');
    await page.getByTestId('profile-create-submit').click();
    await page.getByTestId('profile-editor').waitFor();
    expect(await page.getByTestId('profile-cite-as').inputValue()).toBe(citeAs);

    // The regulation's text: chapters and articles listed, 第三十三条 with its two items.
    const file = path.join(workDir, '武隆区政务信息化项目管理办法.txt');
    await fs.writeFile(file, regulation);
    await page.getByTestId('regulation-input').setInputFiles(file);
    await page.getByTestId('regulation-outline').waitFor();
    expect(await page.getByTestId('regulation-article').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')))).toEqual([
      '第一条',
      '第十二条',
      '第十三条',
      '第三十三条',
    ]);
    expect(await page.getByTestId('regulation-summary').textContent()).toContain('3 章 4 条');
    await page.getByTestId('regulation-article').filter({ hasText: '第三十三条' }).getByRole('button').click();
    expect(await page.getByTestId('regulation-article-text').textContent()).toContain('统一接入区数字化城市管理平台');

    // How many rules of the copy cite 第三十三条 already (the built-in rules do).
    const citedCount = async () =>
      Number(
        /引用 (\d+)/.exec((await page.getByTestId('regulation-article').filter({ hasText: '第三十三条' }).textContent()) ?? '')?.[1] ?? 0,
      );
    const citedBefore = await citedCount();

    // A new red flag: the sample proposal's cover names the 数字化城市管理中心.
    await page.getByTestId('profile-tab-redFlags').click();
    await page.getByTestId('profile-red-flags-add').click();
    const row = page.getByTestId('profile-flag-row').first();
    await row.getByTestId('flag-id').fill('city-platform');
    await row.getByTestId('flag-title').fill('城管类平台未接入区级平台');
    await row.getByTestId('flag-patterns').fill('数字化城市管理中心');
    await row.getByTestId('flag-explanation').fill('城市管理类系统应统一接入区数字化城市管理平台，请核实是否另建平台。');
    await row.getByTestId('flag-pass').fill('未发现另建城市管理类平台的表述。');
    // Linking picks the article from the list, which fills the citation.
    const article = await row
      .getByTestId('flag-citation-pick')
      .locator('option', { hasText: '第三十三条 区级有关部门' })
      .getAttribute('value');
    await row.getByTestId('flag-citation-pick').selectOption(article!);
    expect(await row.getByTestId('flag-citation').inputValue()).toBe(`${citeAs} 第三十三条`);
    await page.getByTestId('profile-dirty').waitFor();
    // The article now counts one more citation in the regulation pane.
    expect(await citedCount()).toBe(citedBefore + 1);
    await shot(page, '70-bureau-profiles-editor');
    // The other kinds of rule, each a dense table of inline inputs.
    for (const [tab, name] of [
      ['documents', '73-bureau-profiles-documents'],
      ['budget', '74-bureau-profiles-budget'],
      ['rubric', '75-bureau-profiles-rubric'],
      ['basics', '76-bureau-profiles-basics'],
    ] as const) {
      await page.getByTestId(`profile-tab-${tab}`).click();
      await shot(page, name);
    }

    // Test run of the unsaved profile on the draft: the finding as the expert sees it, citing the new article.
    await page.getByTestId('profile-tab-trial').click();
    const target = await page.getByTestId('trial-target').locator('option', { hasText: draftTitle }).getAttribute('value');
    await page.getByTestId('trial-target').selectOption(target!);
    await page.getByTestId('trial-run').click();
    await page.getByTestId('trial-result').waitFor({ timeout: 60_000 });
    const finding = page.locator('[data-testid="trial-result"] [data-testid="finding"][data-rule-id$="city-platform"]');
    await finding.waitFor();
    expect(await finding.getAttribute('data-status')).toBe('judge');
    expect(await finding.getByTestId('finding-citation').textContent()).toBe(`${citeAs} 第三十三条`);
    expect(await finding.textContent()).toContain('城市管理类系统应统一接入区数字化城市管理平台');
    expect(await finding.getByTestId('finding-evidence').first().textContent()).toContain('建设方案');
    await finding.scrollIntoViewIfNeeded();
    await shot(page, '71-bureau-profiles-trial');

    // Saved as version 1, then exported: the file passes the check a package's profile.json goes through.
    await page.getByTestId('profile-note').fill('新增城管类平台规则（第三十三条）');
    await page.getByTestId('profile-save').click();
    await page.getByTestId('profile-dirty').waitFor({ state: 'detached' });
    expect(await page.getByTestId('profile-version').locator('option:checked').textContent()).toContain('第 1 版');
    await page.getByTestId('profile-export').click();
    await page.getByText(/已导出：/).waitFor();
    const exported = path.join(dataDir, 'bureau', 'profiles', 'wulong-2027-v1.json');
    const checked = checkProfileBytes(await fs.readFile(exported), { expectedId: 'wulong-2027' });
    expect(checked.ok).toBe(true);
    expect(checked.profile!.redFlags[0]).toMatchObject({ id: 'city-platform', citation: `${citeAs} 第三十三条` });

    // Back on the list: the profile with its version and the regulation file.
    await page.getByTestId('profile-back').click();
    const listed = page.locator('[data-testid="profile-list-row"][data-profile-id="wulong-2027"]');
    expect(await listed.textContent()).toContain('武隆区政务信息化项目管理办法.txt');
    await shot(page, '72-bureau-profiles-list');

    // A blank profile is refused until filled in: each problem names its field, and shows under its rule.
    await page.getByTestId('profile-new-id').fill('xishan');
    await page.getByTestId('profile-new-name').fill('西山区');
    await page.getByTestId('profile-create-submit').click();
    await page.getByTestId('profile-editor').waitFor();
    await page.getByTestId('profile-save').click();
    await page.getByTestId('profile-problems').waitFor();
    expect(await page.getByTestId('profile-problems').textContent()).toContain('规则配置“西山区” 字段 citeAs：');
    await shot(page, '77-bureau-profiles-refused');
    expect(errors).toEqual([]);
  }, 120_000);

  it('the draft uses version 1, its package carries profile.json, and the expert opening it sees the new rule citing 第三十三条', async () => {
    // Back to the drafts (leaving the unsaved blank 西山区 profile: the app asks first): 基本信息 → 适用评审规则 → the
    // bureau's own profile, version 1.
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('bureau-profiles').click();
    await page.getByTestId('bureau-draft').filter({ hasText: draftTitle }).getByTestId('bureau-draft-open').click();
    await page.getByTestId('session-edit').click();
    await page.getByTestId('session-jurisdiction').selectOption('wulong-2027@1');
    await page.getByTestId('session-save').click();
    await page.getByTestId('session-summary').filter({ hasText: '本单位规则配置第 1 版' }).waitFor();
    await page.getByTestId('draft-ready').waitFor({ timeout: 30_000 });
    await page.getByTestId('export-package').click();
    await page.getByTestId('export-file').waitFor({ timeout: 60_000 });
    const file = (await downloadPaths(page.getByTestId('export-file')))[0]!;
    expect(file).toMatch(/\.rpkg$/);

    // The package: profile.json at the root, the manifest naming it with its hash — the bytes saved as version 1.
    const { manifest } = await verifyPackage(file, { stagingDir: path.join(workDir, 'staged') });
    const profileJson = await fs.readFile(path.join(workDir, 'staged', 'profile.json'));
    expect(manifest.jurisdiction).toBe('wulong-2027');
    expect(manifest.profile).toEqual({
      path: 'profile.json',
      sha256: createHash('sha256').update(profileJson).digest('hex'),
      bytes: profileJson.length,
    });
    expect(profileJson.equals(await fs.readFile(path.join(dataDir, 'bureau', 'profiles', 'wulong-2027-v1.json')))).toBe(true);

    // The expert's side of the same app: open the package from the start screen, 形式审查 of the project.
    await page.getByTestId('bureau-leave').click();
    await page.getByTestId('package-file-input').setInputFiles(file);
    await page.getByTestId('project-item').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('session-rules').getAttribute('data-profile-id')).toBe('wulong-2027');
    expect(await page.getByTestId('session-rules').textContent()).toContain(citeAs);
    await page.getByTestId('project-item').first().click();
    await page.getByTestId('panel-tab-precheck').click();
    const finding = page.locator('[data-testid="finding"][data-rule-id$="city-platform"]');
    await finding.waitFor({ timeout: 90_000 });
    expect(await finding.getAttribute('data-status')).toBe('judge');
    expect(await finding.getByTestId('finding-citation').textContent()).toBe(`${citeAs} 第三十三条`);
    expect(await finding.textContent()).toContain('城市管理类系统应统一接入区数字化城市管理平台');
    await finding.scrollIntoViewIfNeeded();
    await shot(page, '78-expert-carried-profile-precheck');
    expect(errors).toEqual([]);
  }, 180_000);
});
