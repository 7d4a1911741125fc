// The bureau's full cycle without UI: a draft becomes a package, three experts on their own machines score, sign and export results, the bureau imports them (refusing tampered, duplicate, foreign and superseded files with reasons), aggregates under the profile's rule, and the panel context carries the members, the hand-computed means, the chair's decisions and a dissent.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sessionPanel } from '../../../electron/core/panel/panel';
import { sessionScoreSheetInput } from '../../../electron/core/output/sheetInput';
import { resolveTemplate } from '../../../electron/core/output/catalog';
import { renderPdf } from '../../../electron/core/output/pdf/render';
import { fillTemplate } from '../../../electron/core/output/template/fill';
import { buildResult, signResult } from '../../../electron/core/signing/result';
import { unlockIdentity } from '../../../electron/core/signing/identity';
import { loadIdentity } from '../../../electron/core/store/identity';
import type { Core } from '../../../electron/core/app';
import type { DraftView, PanelView, ResultImportOutcome, StatusBoard } from '../../../shared/bureau';
import { fingerprintGroups } from '../../../shared/signing';
import { readLiveDb, tempDir } from '../../helpers/core';
import {
  expertMachine,
  exportResult,
  makeDraft,
  ok,
  openPackage,
  openTestCore,
  passphrase,
  refused,
  reviewOf,
  samplesDir,
  scoreAndSign,
  tick,
  type TestExpert,
} from './cycle';
import { bureauPanelContext } from '../../../electron/core/output/context';

const cores: Core[] = [];
afterAll(() => cores.forEach((c) => c.close()));

describe('bureau full cycle', () => {
  it('builds a package, collects three signed results, refuses bad files with reasons, and aggregates the panel', async () => {
    // Experts first: the bureau registers 专家乙's certificate fingerprint in the roster.
    const [jia, yi, bing] = await Promise.all(['专家甲', '专家乙', '专家丙'].map((n) => expertMachine(n)));
    cores.push(jia!.core, yi!.core, bing!.core);
    const { core: bureau, dataDir: bureauDir } = await openTestCore();
    cores.push(bureau);

    let draft = await makeDraft(bureau, { 专家乙: yi!.identity.fingerprint });
    // A second project, from which 专家乙 will recuse (回避).
    draft = await ok<DraftView>(bureau, 'bureau.draft.saveProject', {
      draftId: draft.draft.id,
      baseVersion: draft.version,
      project: {
        id: 'p2',
        name: '测试区教育数据共享平台运维项目',
        applicant: '测试区教育局',
        type: 'operation',
        investmentFen: 50_000_000,
        inAnnualPlan: true,
        budgetLines: [{ id: 'b1', name: '运维服务', amountFen: 50_000_000 }],
      },
    });
    draft = await ok<DraftView>(bureau, 'bureau.draft.addDocument', {
      draftId: draft.draft.id,
      baseVersion: draft.version,
      projectId: 'p2',
      name: '建设方案.pdf',
      kind: 'proposal',
      bytes: new Uint8Array(await fs.readFile(path.join(samplesDir, '建设方案.pdf'))),
    });
    expect(draft.problems).toEqual([]);
    const precheck = await ok<{ projectId: string; findings: { status: string }[] }[]>(bureau, 'bureau.draft.precheck', {
      draftId: draft.draft.id,
    });
    expect(precheck[0]!.projectId).toBe('p1');
    expect(precheck[0]!.findings.length).toBeGreaterThan(0);

    const exported = await ok<{ file: string; manifestSha256: string; sessionId: string }>(bureau, 'bureau.draft.export', {
      draftId: draft.draft.id,
      jobId: 'e',
      destination: 'default',
    });
    expect(exported.sessionId).toBe(draft.draft.id);
    const copies = await ok<{ folder: string; files: string[] }>(bureau, 'bureau.draft.copies', {
      draftId: draft.draft.id,
      destination: 'default',
    });
    expect(copies.files).toEqual([
      '2027年度测试区政务信息化项目专家评审会-专家甲.rpkg',
      '2027年度测试区政务信息化项目专家评审会-专家乙.rpkg',
      '2027年度测试区政务信息化项目专家评审会-专家丙.rpkg',
    ]);
    const original = await fs.readFile(exported.file);
    for (const f of copies.files) expect((await fs.readFile(path.join(copies.folder, f))).equals(original)).toBe(true);
    const sessionId = exported.sessionId;

    // Each expert imports their own copy, scores (甲 −0, 乙 −0.5, 丙 −1 per sub-criterion), completes, signs.
    const experts: [TestExpert, number, number | null, 'revise' | undefined][] = [
      [jia!, 0, 90_000_000, undefined],
      [yi!, 1, 80_000_000, undefined],
      [bing!, 2, null, 'revise'],
    ];
    for (const [e, k, b1, chosen] of experts) {
      const copy = path.join(copies.folder, copies.files[k]!);
      expect(await openPackage(e, copy)).toBe(sessionId);
      await scoreAndSign(e, (view) => reviewOf(view, k, b1, { chosen }));
      // p2: 甲 −0.5 and 丙 −1.5 per sub-criterion; 乙 declares a conflict.
      await scoreAndSign(
        e,
        (view) =>
          k === 1
            ? { ...view.review, conflict: { hasConflict: true, note: '本人参与过该项目前期咨询' } }
            : reviewOf(view, k === 0 ? 1 : 3, null, { chosen }),
        'p2',
      );
    }
    const keep = tempDir('rd-results-');
    const jiaV1 = await exportResult(jia!, path.join(keep, 'jia-v1'));
    const yiV1 = await exportResult(yi!, path.join(keep, 'yi-v1'));
    const bingV1 = await exportResult(bing!, path.join(keep, 'bing-v1'));
    // 丙 revises the overall opinion and signs again, twice: two newer versions.
    await ok(bing!.core, 'review.reopen', { sessionId, projectId: 'p1', reason: '补充意见' });
    await scoreAndSign(bing!, (view) => reviewOf(view, 2, null, { chosen: 'revise', overall: '项目建设必要。' }));
    const bingV2 = await exportResult(bing!, path.join(keep, 'bing-v2'));
    await ok(bing!.core, 'review.reopen', { sessionId, projectId: 'p1', reason: '补充意见' });
    await scoreAndSign(bing!, (view) => reviewOf(view, 2, null, { chosen: 'revise', overall: '项目建设必要，数据共享方案须补充完善。' }));
    const bingV3 = await exportResult(bing!, path.join(keep, 'bing-v3'));

    // Hostile or wrong files.
    const tampered = path.join(keep, 'tampered.rdr.json');
    const tamperedText = Buffer.from(jiaV1.bytes).toString('utf8').replace('项目建设必要，方案基本可行。', '项目建设必要，方案完全可行。');
    expect(tamperedText).not.toBe(Buffer.from(jiaV1.bytes).toString('utf8'));
    await fs.writeFile(tampered, tamperedText);
    // A validly signed result of another package, by 专家乙's own key.
    const yiStore = readLiveDb(yi!.dataDir);
    const yiSigner = await unlockIdentity(JSON.parse(loadIdentity(yiStore.db)!.storedJson), passphrase, tick());
    const unsigned = buildResult(yiStore.db, sessionId, yiSigner, tick());
    yiStore.close();
    const foreign = path.join(keep, 'foreign.rdr.json');
    await fs.writeFile(
      foreign,
      signResult({ ...unsigned, packageId: '11111111-2222-4333-8444-555555555555', manifestSha256: 'ab'.repeat(32) }, yiSigner, tick())
        .bytes,
    );

    const board0 = await ok<StatusBoard>(bureau, 'bureau.results.status', { sessionId });
    expect(board0.missing).toEqual(['专家甲', '专家乙', '专家丙']);

    // 甲 and 丙 have no fingerprint on the roster: their first results are held (待确认) until the bureau confirms the key.
    const first = await ok<ResultImportOutcome[]>(bureau, 'bureau.results.import', {
      sessionId,
      sources: [jiaV1.file, yiV1.file, bingV1.file].map((p) => ({ kind: 'path', path: p })),
    });
    expect(first.map((o) => [o.status, o.refusal, o.expert])).toEqual([
      ['held', null, '专家甲'],
      ['accepted', null, '专家乙'],
      ['held', null, '专家丙'],
    ]);
    expect(first[0]!.message).toContain(
      `没有为专家甲登记证书指纹，这是第一次收到其签名证书（指纹 ${fingerprintGroups(jia!.identity.fingerprint).join(' ')}）`,
    );
    const held = await ok<StatusBoard>(bureau, 'bureau.results.status', { sessionId });
    expect(held.missing).toEqual(['专家甲', '专家丙']);
    expect(held.experts.map((e) => e.pending.map((p) => p.fingerprint))).toEqual([
      [jia!.identity.fingerprint],
      [],
      [bing!.identity.fingerprint],
    ]);
    // The bureau reads the fingerprints with 甲 and 丙 and confirms them.
    for (const e of held.experts) {
      for (const p of e.pending)
        expect(
          (await ok<ResultImportOutcome[]>(bureau, 'bureau.results.confirmKey', { sessionId, pendingId: p.id })).map((o) => o.status),
        ).toEqual(['accepted']);
    }

    const outcomes = await ok<ResultImportOutcome[]>(bureau, 'bureau.results.import', {
      sessionId,
      sources: [tampered, jiaV1.file, foreign, bingV3.file, bingV2.file].map((p) => ({ kind: 'path', path: p })),
    });
    expect(outcomes.map((o) => [o.status, o.refusal, o.expert])).toEqual([
      ['refused', 'tampered', '专家甲'],
      ['refused', 'duplicate', '专家甲'],
      ['refused', 'foreign', '专家乙'],
      ['replaced', null, '专家丙'],
      ['refused', 'superseded', '专家丙'],
    ]);
    expect(outcomes[0]!.message).toMatch(/未通过验证：.*签名/);
    expect(outcomes[1]!.message).toMatch(/完全相同，无需重复导入/);
    expect(outcomes[2]!.message).toMatch(/另一个评审包/);
    expect(outcomes[3]!.message).toMatch(/新版本，替换 .* 的版本（旧版本保留在提交记录中）/);
    expect(outcomes[4]!.message).toMatch(/已收到其 .* 签名的更新版本/);

    const board = await ok<StatusBoard>(bureau, 'bureau.results.status', { sessionId });
    expect(board.missing).toEqual([]);
    expect(board.experts.map((e) => [e.name, e.isChair, e.submissions, e.projects.map((p) => p.state)])).toEqual([
      ['专家甲', true, 1, ['complete', 'complete']],
      ['专家乙', false, 1, ['complete', 'recused']],
      ['专家丙', false, 2, ['complete', 'complete']],
    ]);
    expect(board.conflicts).toEqual([{ projectId: 'p2', name: '测试区教育数据共享平台运维项目', experts: ['专家乙'] }]);
    const bingHistory = board.experts[2]!.history;
    expect(bingHistory.map((h) => h.fileName)).toEqual([path.basename(bingV1.file), path.basename(bingV3.file)]);
    expect(bingHistory[0]!.signedAt < bingHistory[1]!.signedAt).toBe(true);
    expect(board.experts[2]!.submitted!.signedAt).toBe(bingHistory[1]!.signedAt);

    // Aggregation: 3 experts < 5, so the plain mean is in force; totals are T, T − n/2, T − n.
    const panel = await ok<PanelView>(bureau, 'bureau.panel.get', { sessionId });
    const p1 = panel.aggregate.projects[0];
    const rubricView = await ok<{ rubric: { rubric: { totalPoints: number; dimensions: { subCriteria: unknown[] }[] } } }>(
      jia!.core,
      'review.get',
      { sessionId, projectId: 'p1' },
    );
    const total = rubricView.rubric.rubric.totalPoints;
    const nSub = rubricView.rubric.rubric.dimensions.reduce((s, d) => s + d.subCriteria.length, 0);
    expect(p1!.total.scores.map((s) => s.score)).toEqual([total, total - nSub / 2, total - nSub]);
    expect(p1!.total.mean!.value).toBeCloseTo(total - nSub / 2, 10);
    expect(p1!.total.trimmedMean).toBeNull();
    expect(p1!.total.inForceRule).toBe('mean');
    expect(p1!.rank).toBe(1);
    // b1: 90, 80 and (丙 as requested) 100 万元 → median 90 万元; b2 as requested by all.
    expect(p1!.lines.map((l) => [l.lineId, l.approvedFen, l.source])).toEqual([
      ['b1', 90_000_000, 'median'],
      ['b2', 50_000_000, 'median'],
    ]);
    expect(p1!.reduction.reductionFen).toBe(10_000_000);
    expect(panel.projects[0]!.conclusion).toMatchObject({
      conclusion: 'approve',
      source: 'majority',
      votes: { approve: 2, revise: 1, reject: 0 },
    });
    // p2: 乙 recused counts for nothing; totals T − n/2 and T − 3n/2, mean T − n; one vote each, the chair (甲) decides.
    const p2 = panel.aggregate.projects[1];
    expect([p2!.n, p2!.recused.map((r) => r.name), p2!.total.scores.map((s) => s.score)]).toEqual([
      2,
      ['专家乙'],
      [total - nSub / 2, total - (3 * nSub) / 2],
    ]);
    expect(p2!.total.mean!.value).toBeCloseTo(total - nSub, 10);
    expect(panel.aggregate.ranking.map((r) => [r.projectId, r.rank])).toEqual([
      ['p1', 1],
      ['p2', 2],
    ]);
    expect(panel.projects[1]!.conclusion).toMatchObject({
      conclusion: 'approve',
      source: 'chair-tie',
      votes: { approve: 1, revise: 1, reject: 0 },
    });
    expect(panel.projects[1]!.members).toEqual(['专家甲', '专家乙', '专家丙']);
    expect(
      (await refused(bureau, 'bureau.panel.setDissent', { sessionId, projectId: 'p2', expertPosition: 1, reason: '不同意' })).message,
    ).toMatch(/专家乙已声明回避该项目/);

    // The chair sets b2 with a reason, 丙 records a dissent; the chair overrides the conclusion, then withdraws it.
    expect(
      (await refused(bureau, 'bureau.panel.setLine', { sessionId, projectId: 'p1', lineId: 'b2', approvedFen: 40_000_000 })).message,
    ).toMatch(/组长裁定须写明理由/);
    await ok(bureau, 'bureau.panel.setLine', {
      sessionId,
      projectId: 'p1',
      lineId: 'b2',
      approvedFen: 40_000_000,
      reason: '服务器利旧两台',
    });
    await ok(bureau, 'bureau.panel.setDissent', {
      sessionId,
      projectId: 'p1',
      expertPosition: 2,
      reason: '数据共享方案不完善，应修改完善后再通过。',
    });
    const overridden = await ok<PanelView>(bureau, 'bureau.panel.setConclusion', {
      sessionId,
      projectId: 'p1',
      conclusion: 'revise',
      reason: '经讨论，请建设单位补充数据共享方案',
    });
    expect(overridden.projects[0]!.conclusion).toMatchObject({
      conclusion: 'revise',
      source: 'chair-override',
      reason: '经讨论，请建设单位补充数据共享方案',
    });
    const after = await ok<PanelView>(bureau, 'bureau.panel.setConclusion', { sessionId, projectId: 'p1', conclusion: null });
    expect(after.projects[0]!.conclusion.source).toBe('majority');
    const line = after.aggregate.projects[0]!.lines[1];
    expect([line!.approvedFen, line!.source, line!.chairReason, line!.computedFen]).toEqual([
      40_000_000,
      'chair',
      '服务器利旧两台',
      50_000_000,
    ]);
    expect(after.aggregate.projects[0]!.trace.join('\n')).toMatch(/组长裁定 40 万元（理由：服务器利旧两台）/);

    // The panel context the panel opinion and letters are filled from.
    const store = readLiveDb(bureauDir);
    try {
      const context = bureauPanelContext(store.db, sessionId, 'p1', tick(), sessionPanel(store.db, sessionId));
      const panelCtx = context.panel!;
      expect(panelCtx.size).toBe('3');
      expect(panelCtx.experts.map((e) => [e.name, e.role, e.total])).toEqual([
        // Every score of a panel table with the averages' two decimals.
        ['专家甲', '组长', total.toFixed(2)],
        ['专家乙', '组员', (total - nSub / 2).toFixed(2)],
        ['专家丙', '组员', (total - nSub).toFixed(2)],
      ]);
      expect(panelCtx.total.mean).toBe((total - nSub / 2).toFixed(2));
      expect(panelCtx.total.trimmedMean).toBeNull();
      expect(panelCtx.conclusion).toBe('通过');
      expect(panelCtx.dissents).toEqual([{ expert: '专家丙', reason: '数据共享方案不完善，应修改完善后再通过。' }]);
      expect(panelCtx.overallOpinions.map((o) => o.text)).toContain('项目建设必要，数据共享方案须补充完善。');
      expect(panelCtx.investment.approved).toBe('130.00');
      // Nobody signed on the bureau's machine: the chair's line is blank, no name pre-printed on it.
      expect(context.signatures.chair.map((s) => [s.role, s.name])).toEqual([['组长', '']]);
      // The panel opinion and the letter filled from it: their text holds the members and the panel's figures.
      for (const templateId of ['panel-opinion', 'opinion-letter']) {
        const resolved = resolveTemplate(store.db, templateId);
        if (resolved.kind !== 'builtin') throw new Error(`${templateId} is not built in`);
        const pdf = await renderPdf(
          fillTemplate(resolved.template, context, { createdAt: '2027-03-18T10:00:00+08:00', author: '测试区大数据发展局' }),
        );
        const file = path.join(keep, `${templateId}.pdf`);
        await fs.writeFile(file, pdf);
        const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, '');
        expect(text).toContain('测试区智慧城管综合平台建设项目');
        if (templateId === 'panel-opinion') {
          for (const name of ['专家甲', '专家乙', '专家丙']) expect(text).toContain(name);
          expect(text).toContain((total - nSub / 2).toFixed(2));
        }
        expect(text).toContain('130.00');
        // 保留意见 travels with the panel's opinion into the letter (政府采购法实施条例 第四十一条).
        expect(text).toContain('保留意见：专家丙专家对上述意见持保留意见，理由：数据共享方案不完善，应修改完善后再通过。');
      }
      // The session's 评分汇总表 on the bureau's machine is the panel's.
      const sheet = sessionScoreSheetInput(store.db, sessionId, tick(), '测试区大数据发展局');
      expect(sheet.session.projects[0]!.roster.map((r) => r.name)).toEqual(['专家甲', '专家乙', '专家丙']);
      expect(sheet.session.projects[0]!.total.inForce!.text).toBe((total - nSub / 2).toFixed(2));
      expect(sheet.session.reduction.reductionFen).toBe(20_000_000);
    } finally {
      store.close();
    }

    // Editing the draft after results arrived cannot silently replace the package the experts reviewed.
    const current = await ok<DraftView>(bureau, 'bureau.draft.get', { draftId: sessionId });
    expect(current.exported).toEqual({ manifestSha256: exported.manifestSha256, results: 4 });
    const edited = await ok<DraftView>(bureau, 'bureau.draft.saveSession', {
      draftId: sessionId,
      baseVersion: current.version,
      session: { ...current.draft.session, location: '另一会议室' },
    });
    expect((await refused(bureau, 'bureau.draft.export', { draftId: sessionId, jobId: 'e2', destination: 'default' })).message).toMatch(
      /已收到专家对先前版本评审包的评审结果/,
    );
    expect(edited.version).toBe(current.version + 1);

    // The archive: another copy of the app imports it, verifies every file and result, and shows the same panel.
    const archived = await ok<{ file: string; fingerprint: string }>(bureau, 'bureau.archive.export', {
      sessionId,
      destination: 'default',
    });
    const { core: other } = await openTestCore();
    cores.push(other);
    const restored = await ok<{ sessionId: string; results: ResultImportOutcome[] }>(other, 'bureau.archive.import', {
      jobId: 'a',
      source: { kind: 'path', path: archived.file },
      bureauFingerprint: archived.fingerprint,
    });
    expect(restored.sessionId).toBe(sessionId);
    expect(restored.results.map((r) => [r.status, r.expert])).toEqual([
      ['accepted', '专家甲'],
      ['accepted', '专家乙'],
      ['accepted', '专家丙'],
      ['replaced', '专家丙'],
    ]);
    const otherPanel = await ok<PanelView>(other, 'bureau.panel.get', { sessionId });
    const mine = await ok<PanelView>(bureau, 'bureau.panel.get', { sessionId });
    expect(otherPanel).toEqual(mine);
    expect(otherPanel.projects[0]!.dissents.map((d) => d.expert)).toEqual(['专家丙']);

    // One changed byte inside the archive (its index no longer matches) is refused, and nothing is imported.
    const bytes = await fs.readFile(archived.file);
    const at = bytes.indexOf(Buffer.from('%PDF-')); // the proposal inside the stored package
    expect(at).toBeGreaterThan(0);
    bytes[at + 200]! ^= 1;
    const bad = path.join(keep, 'bad-archive.zip');
    await fs.writeFile(bad, bytes);
    const { core: third } = await openTestCore();
    cores.push(third);
    expect((await refused(third, 'bureau.archive.import', { jobId: 'b', source: { kind: 'path', path: bad } })).message).toMatch(
      /不是完好的评审归档/,
    );
    expect(await ok(third, 'session.list', {})).toEqual([]);
  }, 240_000);
});
