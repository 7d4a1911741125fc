// End to end in Chromium, the bureau's full cycle (评审组织方): a review is prepared through the screens (session form,
// a project with its document and 概算表 imported from XLSX), exported with a copy per expert; three experts on their
// own machines (cores in this process, as test/core/bureau/cycle.ts) score, sign and export results; the bureau imports
// them through the screen (a tampered one refused with its reason), reads the status board and the panel (a
// hand-computed mean on screen), records a dissent and the panel's wording of a dimension, confirms every section of the
// panel's opinion, issues the letter under a 文号 from the register (its PDF text holds the expected numbers, the number and
// the 成文日期), generates the score sheet, and writes the archive.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { Review, ReviewView } from '../../shared/scoring';
import type { SignedFile } from '../../shared/signing';
import { tempDir } from '../helpers/core';
import {
  expertMachine,
  exportResult,
  ok,
  openPackage,
  passphrase,
  reviewOf,
  samplesDir,
  scoreAndSign,
  type TestExpert,
} from '../core/bureau/cycle';
import { readPdf } from '../core/output/pdf/pdfText';
import {
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
let experts: TestExpert[] = [];
const cores: Core[] = [];
const title = '2027年度武隆区政务信息化项目专家评审会（组织方测试）';
const projectName = '武隆区智慧城管综合平台（二期）建设项目';
/** The chair's wording of the first dimension (专家组意见), typed on the panel screen; the letter prints it. */
const panelWording = '专家组经合议认为：项目建设需求明确，与一期平台衔接合理。';
/** Each expert's half-points below the maximum on every sub-criterion, and their cut of the first budget line (万元). */
const plan = [
  { name: '专家甲', k: 0, cutWan: 0 },
  { name: '专家乙', k: 1, cutWan: 10 },
  { name: '专家丙', k: 3, cutWan: 30 },
];
let sessionId = '';
let copies: string[] = [];
const resultFiles: string[] = [];
let rubric = { total: 0, nSub: 0, dimensions: 0, panelTotal: '' };

/** The expert's review: reviewOf's scores (max − k/2 per sub-criterion) and the first budget line cut by `cutWan`. */
function reviewFor(view: ReviewView, k: number, cutWan: number): Review {
  const first = view.reductions.lines[0];
  return {
    ...reviewOf(view, k, null),
    investment: { [first!.lineId]: { approvedFen: first!.requestedFen - cutWan * 1_000_000, reason: '按市场询价核定' } },
  };
}

async function pdfText(file: string): Promise<string> {
  const read = await readPdf(await fs.readFile(file));
  return read.pages
    .map((p) => p.items.map((i) => i.str).join(''))
    .join('')
    .replace(/\s+/g, '');
}

describe.skipIf(!existsSync(chromiumPath))('the bureau in the browser', () => {
  beforeAll(async () => {
    ensureBuiltWithSamples();
    // The experts' machines first: the bureau registers 专家乙's certificate fingerprint in the roster.
    // On the real clock, as the web app (the bureau) is: a result signed in the bureau's future is refused.
    experts = await Promise.all(plan.map((p) => expertMachine(p.name, () => new Date())));
    cores.push(...experts.map((e) => e.core));
    app = await startWebApp(tempDir('rd-e2e-bureau-'));
    browser = await launchChromium();
    ({ page, errors } = await newPage(browser));
    await page.goto(app.url);
    await saveExpertProfile(page);
  }, 180_000);
  afterAll(async () => {
    cores.forEach((c) => c.close());
    await browser?.close();
    await app?.stop();
  });

  it('prepares a review: session form, a project with its document and an XLSX 概算表, pre-check, package and copies', async () => {
    await page.getByTestId('bureau-enter').waitFor();
    await shot(page, '57-bureau-entry');
    await page.getByTestId('bureau-enter').click();
    await page.getByTestId('bureau-no-drafts').waitFor();
    await shot(page, '58-bureau-drafts');
    await page.getByTestId('bureau-new').click();

    // The form refuses what is missing, beside the field.
    await page.getByTestId('session-save').click();
    await page.locator('#session-issuer-error').waitFor();
    expect(await page.locator('#session-title-error').textContent()).toBe('不能为空');

    await page.getByTestId('session-jurisdiction').selectOption('national');
    await page.getByTestId('session-issuer').fill('重庆市武隆区大数据发展局');
    await page.getByTestId('session-title-input').fill(title);
    await page.getByTestId('session-date').fill('2027-03-18');
    await page.getByTestId('session-location').fill('区政务服务中心第一会议室');
    const rows = page.getByTestId('roster-row');
    for (const [i, e] of experts.entries()) {
      await rows.nth(i).getByTestId('roster-name').fill(e.name);
      await rows.nth(i).getByTestId('roster-title').fill('高级工程师');
      await rows.nth(i).getByTestId('roster-employer').fill(`${e.name}所在设计院`);
    }
    await rows.nth(1).getByTestId('roster-fingerprint').fill('12 34');
    await page.getByTestId('session-chair').selectOption('专家甲');
    await page.getByTestId('session-save').click();
    await page.getByRole('alert').filter({ hasText: '证书指纹应为 64 位十六进制数字' }).waitFor();
    await shot(page, '59-bureau-session-form');
    // As read aloud: groups of four with spaces.
    await rows.nth(1).getByTestId('roster-fingerprint').fill(experts[1]!.identity.fingerprint.toUpperCase().match(/.{4}/g)!.join(' '));
    await page.getByTestId('session-save').click();
    await page.getByTestId('session-summary').waitFor();
    expect(await page.getByTestId('session-summary').textContent()).toContain('专家甲（组长）、专家乙、专家丙');
    expect(await page.getByTestId('bureau-session-title').textContent()).toBe(title);

    // The project form: the investment is typed in 万元; the annual-plan question must be answered.
    await page.getByTestId('project-name').fill(projectName);
    await page.getByTestId('project-applicant').fill('重庆市武隆区城市管理局');
    await page.getByTestId('project-type').selectOption('expansion');
    await page.getByTestId('project-investment').fill('七百二十');
    await page.getByTestId('project-period').fill('12');
    await page.getByTestId('project-funding').fill('区级财政资金');
    await page.getByTestId('project-summary').fill('在一期基础上升级指挥调度，接入物联感知数据。');
    await page.getByTestId('project-save').click();
    await page.locator('#project-investmentFen-error').waitFor();
    expect(await page.locator('#project-investmentFen-error').textContent()).toContain('金额应为数字');
    expect(await page.getByRole('alert').filter({ hasText: '请选择是否已纳入年度计划' }).count()).toBe(1);
    await page.getByTestId('project-investment').fill('720');
    await page.getByTestId('project-plan-yes').check();
    await page.getByTestId('project-save').click();
    await page.getByTestId('bureau-project-item').first().waitFor();
    expect(await page.getByTestId('bureau-project-item').first().textContent()).toContain('720.00 万元');

    // A document by file input (the drop zone's own chooser); its kind is guessed from the name.
    await page.getByTestId('doc-input').setInputFiles(path.join(samplesDir, '建设方案.pdf'));
    await page.getByTestId('doc-item').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('doc-item').first().textContent()).toContain('建设方案');

    // 概算表 from the applicant's XLSX: the detected header row, the mapping and the preview, then applied.
    await page.getByTestId('budget-import-open').click();
    await page.getByTestId('budget-file').setInputFiles(path.join(samplesDir, '投资概算表.xlsx'));
    await page.getByTestId('budget-preview').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('budget-map-name').inputValue()).not.toBe('');
    const previewRows = await page.getByTestId('budget-preview-row').count();
    expect(previewRows).toBeGreaterThan(3);
    expect(await page.getByTestId('budget-preview').locator('caption').textContent()).toContain('合计 720.00 万元');
    await shot(page, '60-bureau-budget-import');
    await page.getByTestId('budget-apply').click();
    await page.getByTestId('budget-import').waitFor({ state: 'detached' });
    expect(await page.getByTestId('budget-line').count()).toBe(previewRows);
    expect(await page.getByTestId('budget-total').textContent()).toBe('720.00');

    // The pre-check follows the draft; nothing blocks the export any more.
    await page.getByTestId('precheck-project').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('draft-ready').waitFor();
    await shot(page, '61-bureau-prepare');
    await page.getByTestId('export-package').click();
    await page.getByTestId('export-file').waitFor({ timeout: 60_000 });
    const [file] = await downloadPaths(page.getByTestId('export-file'));
    expect(file).toMatch(/\.rpkg$/);
    expect(existsSync(file!)).toBe(true);
    await page.getByTestId('export-copies').click();
    await page.getByTestId('export-copy').first().waitFor();
    copies = await downloadPaths(page.getByTestId('export-copies-result'));
    expect(copies.map((c) => path.basename(c))).toEqual(plan.map((p) => `${title}-${p.name}.rpkg`));
    const original = await fs.readFile(file!);
    for (const c of copies) expect((await fs.readFile(c)).equals(original)).toBe(true);
    await shot(page, '62-bureau-exported');
    expect(errors).toEqual([]);
  }, 180_000);

  it('three experts score, sign and export their results on their own machines', async () => {
    for (const [i, e] of experts.entries()) {
      await openPackage(e, copies[i]!);
      const [projectId] = (await ok<{ projects: { id: string }[] }>(e.core, 'session.get', { sessionId: e.sessionId })).projects.map(
        (p) => p.id,
      );
      await scoreAndSign(e, (view) => reviewFor(view, plan[i]!.k, plan[i]!.cutWan), projectId);
      resultFiles.push((await exportResult(e, tempDir('rd-e2e-results-'))).file);
    }
    sessionId = experts[0]!.sessionId!;
    expect(experts.every((e) => e.sessionId === sessionId)).toBe(true);
    const view = await ok<ReviewView>(experts[0]!.core, 'review.get', { sessionId, projectId: 'p1' });
    const dims = view.rubric.rubric.dimensions;
    // Three experts (< 5): each dimension's plain mean, max − 2n/3 for its n sub-criteria (scores max, max − n/2,
    // max − 3n/2), rounded to two decimals; the panel's total is the sum of those as displayed.
    const panelTotal = dims.reduce((sum, d) => sum + Math.round((d.maxPoints - (2 * d.subCriteria.length) / 3) * 100 + 1e-9), 0) / 100;
    rubric = {
      total: view.rubric.rubric.totalPoints,
      nSub: dims.reduce((s, d) => s + d.subCriteria.length, 0),
      dimensions: dims.length,
      panelTotal: panelTotal.toFixed(2),
    };
  }, 180_000);

  it('imports the results through the screen, refusing a tampered file, and shows who submitted', async () => {
    const tampered = path.join(tempDir('rd-e2e-tampered-'), 'tampered.rdr.json');
    await fs.writeFile(
      tampered,
      (await fs.readFile(resultFiles[0]!, 'utf8')).replace('项目建设必要，方案基本可行。', '项目建设必要，方案完全可行。'),
    );
    await page.getByTestId('bureau-tab-results').click();
    await page.getByTestId('board-row').first().waitFor();
    expect(await page.getByTestId('board-missing').textContent()).toBe('尚未提交：专家甲、专家乙、专家丙');

    await page.getByTestId('results-input').setInputFiles([tampered, ...resultFiles]);
    await page.getByTestId('result-outcome').nth(3).waitFor({ timeout: 30_000 });
    const outcomes = page.getByTestId('result-outcome');
    // 乙's fingerprint is on the roster; 甲's and 丙's are not, so their first keys wait for the bureau (待确认).
    expect(await outcomes.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual([
      'refused',
      'held',
      'accepted',
      'held',
    ]);
    expect(await outcomes.first().textContent()).toMatch(/未通过验证：.*签名/);
    const pending = page.getByTestId('pending-key');
    await pending.first().waitFor();
    expect(await pending.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-expert')))).toEqual(['专家甲', '专家丙']);
    // The fingerprint is shown in groups of four, to read with the expert.
    expect(await pending.first().getByTestId('pending-fingerprint').locator('li').allTextContents()).toEqual(
      experts[0]!.identity.fingerprint.toUpperCase().match(/.{4}/g),
    );
    await shot(page, '63a-bureau-results-pending');
    await pending.first().getByTestId('confirm-key').click();
    await expect.poll(() => pending.count(), { timeout: 10_000 }).toBe(1);
    await pending.first().getByTestId('confirm-key').click();
    await page.getByTestId('pending-keys').waitFor({ state: 'detached' });
    await page.getByText('全部专家均已提交。').waitFor();
    expect(await page.getByTestId('board-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-submitted')))).toEqual([
      'yes',
      'yes',
      'yes',
    ]);
    expect(await page.getByTestId('board-row').first().textContent()).toContain('第 1 版');
    await shot(page, '63-bureau-results');
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows the panel: the hand-computed mean, the charts, the approved amounts, and a dissent recorded', async () => {
    await page.getByTestId('bureau-tab-panel').click();
    await page.getByTestId('score-table').waitFor({ timeout: 20_000 });
    const { total, nSub } = rubric;
    // Three experts (< 5): the plain mean is in force, per dimension; the total is the sum of the dimensions as displayed.
    const mean = rubric.panelTotal;
    expect(await page.getByTestId('stat-mean-total').textContent()).toBe(mean);
    expect(await page.getByTestId('stat-inForce-total').textContent()).toBe(mean);
    expect(await page.getByTestId('stat-trimmedMean-total').textContent()).toBe('—');
    expect(await page.getByTestId('ranking-total').first().textContent()).toBe(mean);
    expect(await page.getByTestId('score-total').allTextContents()).toEqual([total, total - nSub / 2, total - (3 * nSub) / 2].map(String));
    await page.getByTestId('score-table').scrollIntoViewIfNeeded();
    await shot(page, '64-bureau-panel');
    await page.getByTestId('radar-chart').waitFor();
    expect(await page.getByTestId('strip-plot').locator('circle').count()).toBe(3 * rubric.dimensions);
    // The first line: 0, 10 and 30 万元 cut → median 10 万元 cut; the project 720 → 710 万元.
    expect(await page.getByTestId('project-reduction').textContent()).toContain('710.00');
    // 组长裁定 of the second line (96 万元) at 90 万元: refused without a reason, then taken; the project 720 → 704 万元.
    const second = page.getByTestId('panel-line').nth(1);
    expect(await second.getByTestId('line-approved').textContent()).toBe('96.00');
    await second.getByTestId('line-override-open').click();
    await second.getByTestId('line-override-amount').fill('90');
    await second.getByTestId('line-override-save').click();
    await second.getByRole('alert').filter({ hasText: '组长裁定须写明理由' }).waitFor();
    await second.getByTestId('line-override-reason').fill('分拨模块复用一期成果');
    await second.getByTestId('line-override-save').click();
    await second.getByTestId('line-override').waitFor({ state: 'detached' });
    expect(await second.getByTestId('line-approved').textContent()).toBe('90.00');
    expect(await second.textContent()).toContain('组长裁定：分拨模块复用一期成果');
    expect(await page.getByTestId('project-reduction').textContent()).toContain('704.00');
    expect(await page.getByTestId('session-reduction').textContent()).toContain('16.00 万元');
    await page.getByTestId('dissent').nth(2).getByTestId('dissent-open').click();
    await page.getByTestId('dissent-reason').fill('数据共享方案不完善，应修改完善后再通过。');
    await page.getByTestId('dissent-save').click();
    await page.getByTestId('dissent').nth(2).getByText('：数据共享方案不完善，应修改完善后再通过。').waitFor();
    expect(await page.getByTestId('conclusion-value').getAttribute('data-source')).toBe('majority');
    await shot(page, '65-bureau-conclusion');
    // 专家组意见 of the first dimension: the members' opinions side by side, the merged draft in the box (the three said the
    // same: once), then the chair's wording confirmed.
    const firstDimension = page.locator('[data-testid="panel-opinion-section"][data-section^="dimension:"]').first();
    await firstDimension.scrollIntoViewIfNeeded();
    expect(
      await firstDimension.getByTestId('panel-opinion-member').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-expert'))),
    ).toEqual(experts.map((e) => e.name));
    expect(await firstDimension.getByTestId('panel-opinion-input').inputValue()).toBe('必要性论证较充分。');
    expect(await firstDimension.getByTestId('panel-opinion-state').getAttribute('data-state')).toBe('draft');
    await firstDimension.getByTestId('panel-opinion-input').fill(panelWording);
    await firstDimension.getByTestId('panel-opinion-merge').click();
    expect(await firstDimension.getByTestId('panel-opinion-input').inputValue()).toBe('必要性论证较充分。');
    await firstDimension.getByTestId('panel-opinion-input').fill(panelWording);
    await firstDimension.getByTestId('panel-opinion-save').click();
    await firstDimension.locator('[data-testid="panel-opinion-state"][data-state="saved"]').waitFor();
    expect(await firstDimension.getByTestId('panel-opinion-state').textContent()).toMatch(/^已保存/);
    // The chair confirms every other section from its merged draft (定稿 and 签发 need all of them).
    const unconfirmed = page.locator('[data-testid="panel-opinion-section"]:has([data-testid="panel-opinion-state"][data-state="draft"])');
    for (let left = await unconfirmed.count(); left > 0; left--) {
      await unconfirmed.first().getByTestId('panel-opinion-save').click();
      await expect.poll(() => unconfirmed.count()).toBe(left - 1);
    }
    await page.getByTestId('trace').locator('summary').click();
    expect(await page.getByTestId('trace').textContent()).toContain('组长裁定 90 万元（理由：分拨模块复用一期成果）');
    await page.getByTestId('strip-plot').scrollIntoViewIfNeeded();
    await shot(page, '66-bureau-charts');
    expect(errors).toEqual([]);
  }, 60_000);

  it('fixes the panel opinion, and each member signs the same bytes on their own machine', async () => {
    await page.getByTestId('signing-freeze').click();
    // Once fixed, the project's decisions are closed until 撤销定稿.
    await page.getByText('专家组评审意见已定稿').waitFor();
    expect(await page.getByTestId('conclusion-override').isVisible()).toBe(false);
    expect(await page.getByTestId('line-override-open').count()).toBe(0);
    expect(await page.getByTestId('dissent-open').count()).toBe(0);
    expect(
      await page.locator('[data-testid="panel-opinion-text"][data-frozen="yes"]').getByTestId('panel-opinion-input').first().isDisabled(),
    ).toBe(true);
    await page.getByTestId('signing-write').click();
    await page.getByTestId('signing-file').waitFor({ timeout: 30_000 });
    const opinion = (await page.getByTestId('signing-file').locator('code').textContent())!;
    const bytes = new Uint8Array(await fs.readFile(opinion));
    const folder = tempDir('rd-e2e-sigs-');
    const sigs: string[] = [];
    for (const e of experts) {
      const signed = await ok<SignedFile>(e.core, 'signing.signFile', {
        source: { kind: 'upload', name: path.basename(opinion), bytes },
        passphrase,
      });
      const file = path.join(folder, `${e.name}-${signed.name}`);
      await fs.writeFile(file, signed.bytes);
      sigs.push(file);
    }
    expect(await page.getByTestId('signer').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-signed')))).toEqual([
      'no',
      'no',
      'no',
    ]);
    await page.getByTestId('signing-input').setInputFiles(sigs);
    await page.getByTestId('signing-outcome').nth(2).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('signing-outcome').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
    await page.locator('[data-testid="panel-signing"][data-complete="yes"]').waitFor();
    expect(await page.getByTestId('signing-state').textContent()).toBe('全部成员均已签署。');
    await page.getByTestId('panel-signing').scrollIntoViewIfNeeded();
    await shot(page, '67-bureau-signing');
    expect(errors).toEqual([]);
  }, 60_000);

  it('issues the letter under a 文号 from the register and the chosen 成文日期, then the score sheet; the letter holds the panel figures and the dissent', async () => {
    await page.getByTestId('bureau-tab-letters').click();
    await page.getByTestId('letters-issue').waitFor();
    // The meeting is in the future of this machine's clock: the 成文日期 offered is the meeting's, and earlier is refused.
    expect(await page.getByTestId('letters-date').inputValue()).toBe('2027-03-18');
    expect(await page.getByTestId('letters-date').getAttribute('min')).toBe('2027-03-18');
    expect(await page.getByTestId('letters-template-opinion-letter').count()).toBe(0); // issued, not batched
    // 发文设置: the bureau's 发文机关标志 and 抄送, once.
    await page.getByTestId('letters-issuer-mark').fill('武隆区大数据发展局');
    await page.getByTestId('letters-copy-to').fill('武隆区财政局');
    await page.getByTestId('letters-save-settings').click();
    await page.getByText('发文设置已保存。').waitFor();
    await page.getByTestId('letters-issue-button').click();
    await page.getByTestId('letters-issued').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('letters-issued').textContent()).toContain('武数据评〔2027〕1号');
    await page.getByTestId('letters-register-row').first().waitFor();
    expect(await page.getByTestId('letters-register-row').allTextContents()).toEqual([
      expect.stringMatching(/^武数据评〔2027〕1号.*2027年3月18日/),
    ]);
    // Web mode lists each file as a download link (the folder is the server's, not shown): its path names the folder.
    const href = (await page.getByTestId('letters-file').first().getAttribute('href'))!;
    const folder = path.dirname(new URL(href, 'http://127.0.0.1').searchParams.get('path')!);
    const letter = (await page.getByTestId('letters-file').allTextContents()).find((n) => n.includes('评审意见函') && n.endsWith('.pdf'));
    expect(letter).toBeTruthy();
    const text = await pdfText(path.join(folder, letter!));
    expect(text).toContain(projectName);
    expect(text).toContain('武数据评〔2027〕1号');
    expect(text).toContain('2027年3月18日');
    expect(text).toContain('抄送：武隆区财政局。');
    expect(text).not.toContain('草稿');
    expect(text).toContain(`专家组评分采用值为${rubric.panelTotal}分`);
    expect(text).toContain('核定投资704.00万元，核减16.00万元');
    expect(text).toContain('保留意见：专家丙专家对上述意见持保留意见，理由：数据共享方案不完善，应修改完善后再通过。');
    expect(text).toContain(panelWording);
    // Then the session's score sheet in the batch.
    expect(await page.getByTestId('letters-template-score-sheet').isChecked()).toBe(true);
    await page.getByTestId('letters-generate').click();
    await page.getByTestId('letters-result').waitFor({ timeout: 90_000 });
    await expect
      .poll(async () => (await page.getByTestId('letters-file').allTextContents()).some((n) => n.endsWith('.xlsx')), { timeout: 90_000 })
      .toBe(true);

    await page.getByTestId('letters-preview-template').selectOption('opinion-letter');
    await page.getByTestId('letters-preview').locator('canvas').first().waitFor({ timeout: 30_000 });
    await shot(page, '68-bureau-letters');
    expect(errors).toEqual([]);
  }, 120_000);

  it('writes the archive', async () => {
    await page.getByTestId('bureau-tab-archive').click();
    await page.getByTestId('archive-export').click();
    await page.getByTestId('archive-file').waitFor({ timeout: 60_000 });
    const [file] = await downloadPaths(page.getByTestId('archive-file'));
    expect(file).toMatch(/归档\.zip$/);
    expect((await fs.stat(file!)).size).toBeGreaterThan(1000);
    await shot(page, '69-bureau-archive');
    // Back to the list: the review is there and opens where it was left.
    await page.getByTestId('bureau-back-list').click();
    await page.getByTestId('bureau-draft').first().waitFor();
    expect(await page.getByTestId('bureau-draft').count()).toBe(1);
    await page.getByTestId('bureau-draft-open').click();
    await page.getByTestId('session-summary').waitFor();
    expect(await page.getByTestId('exported-state').textContent()).toContain('已收到 3 份评审结果');
    expect(errors).toEqual([]);
  }, 60_000);
});
