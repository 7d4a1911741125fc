// The panel opinion signed by every member (专家组成员签署): the bureau freezes a project's panel opinion PDF, three experts sign that file on their own machines, the bureau imports the three .sig.json files; a signature over another version, a tampered one, one by a key that is not the member's, a stranger's and a duplicate are refused with reasons; the panel cannot change while frozen.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { resolveTemplate } from '../../../electron/core/output/catalog';
import { fillFor } from '../../../electron/core/output/generate';
import { renderPdf } from '../../../electron/core/output/pdf/render';
import { verifyDetached } from '../../../electron/core/signing/detached';
import { getSession } from '../../../electron/core/store/sessions';
import type { PanelOpinionStatus, PanelSignatureOutcome } from '../../../shared/bureau';
import type { OutputResult } from '../../../shared/output';
import type { SignedFile } from '../../../shared/signing';
import { readLiveDb, tempDir } from '../../helpers/core';
import {
  expertMachine,
  exportResult,
  importConfirmed,
  makeDraft,
  ok,
  openPackage,
  openTestCore,
  passphrase,
  refused,
  reviewOf,
  scoreAndSign,
  type TestExpert,
  confirmPanelOpinion,
} from './cycle';

const cores: Core[] = [];
afterAll(() => cores.forEach((c) => c.close()));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The member receives the opinion PDF (a copy in their own folder, one per version) and signs it there: the .sig.json lands beside it. */
async function signOnOwnMachine(e: TestExpert, opinion: string): Promise<SignedFile> {
  const bytes = await fs.readFile(opinion);
  const mine = path.join(e.dataDir, 'received', sha256(bytes).slice(0, 12), path.basename(opinion));
  await fs.mkdir(path.dirname(mine), { recursive: true });
  await fs.writeFile(mine, bytes);
  return ok<SignedFile>(e.core, 'signing.signFile', { source: { kind: 'path', path: mine }, passphrase });
}

describe('panel opinion signed by every member', () => {
  it('freezes the opinion, collects the three members’ signatures, and refuses wrong ones with reasons', async () => {
    const [jia, yi, bing] = await Promise.all(['专家甲', '专家乙', '专家丙'].map((n) => expertMachine(n)));
    cores.push(jia!.core, yi!.core, bing!.core);
    const { core: bureau, dataDir: bureauDir } = await openTestCore();
    cores.push(bureau);
    // 乙's certificate is registered in the roster; 甲's and 丙's are known from their result files.
    const draft = await makeDraft(bureau, { 专家乙: yi!.identity.fingerprint });
    const { sessionId } = await ok<{ sessionId: string }>(bureau, 'bureau.draft.export', {
      draftId: draft.draft.id,
      jobId: 'e',
      destination: 'default',
    });
    const copies = await ok<{ folder: string; files: string[] }>(bureau, 'bureau.draft.copies', {
      draftId: draft.draft.id,
      destination: 'default',
    });
    const keep = tempDir('rd-panel-sign-');
    const results: string[] = [];
    for (const [k, e] of [jia, yi, bing].entries()) {
      await openPackage(e!, path.join(copies.folder, copies.files[k]!));
      await scoreAndSign(e!, (view) => reviewOf(view, k, null));
      results.push((await exportResult(e!, path.join(keep, e!.name))).file);
    }
    const imported = await importConfirmed(bureau, sessionId, results);
    expect(imported.map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted']);

    // Nothing frozen yet: nothing to distribute.
    expect((await refused(bureau, 'bureau.panel.opinionFile', { sessionId, projectId: 'p1', destination: 'default' })).message).toMatch(
      /尚未定稿/,
    );

    // The members sign one voice: not before the chair has confirmed every section of the panel's opinion.
    expect((await refused(bureau, 'bureau.panel.freeze', { sessionId, projectId: 'p1' })).message).toMatch(/未经组长确认：.*综合意见/);
    await confirmPanelOpinion(bureau, sessionId, 'p1');

    // Version 1 is frozen and 甲 signs it.
    const v1 = await ok<PanelOpinionStatus>(bureau, 'bureau.panel.freeze', { sessionId, projectId: 'p1' });
    expect(v1.frozen!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.signers.map((s) => [s.name, s.signature])).toEqual([
      ['专家甲', null],
      ['专家乙', null],
      ['专家丙', null],
    ]);
    expect(v1.complete).toBe(false);
    expect((await refused(bureau, 'bureau.panel.freeze', { sessionId, projectId: 'p1' })).message).toMatch(
      /已于 .* 定稿。如需重新定稿，请先撤销定稿/,
    );
    const v1File = (await ok<{ file: string }>(bureau, 'bureau.panel.opinionFile', { sessionId, projectId: 'p1', destination: 'default' }))
      .file;
    expect(sha256(await fs.readFile(v1File))).toBe(v1.frozen!.sha256);
    const jiaV1 = await signOnOwnMachine(jia!, v1File);
    expect(path.basename(jiaV1.file!)).toBe(`${path.basename(v1File)}.sig.json`);
    expect(Buffer.from(await fs.readFile(jiaV1.file!)).equals(Buffer.from(jiaV1.bytes))).toBe(true);
    expect([jiaV1.fileSha256, jiaV1.fingerprint]).toEqual([v1.frozen!.sha256, jia!.identity.fingerprint]);
    const first = await ok<PanelSignatureOutcome[]>(bureau, 'bureau.panel.importSignatures', {
      sessionId,
      sources: [{ kind: 'path', path: jiaV1.file }],
    });
    expect(first.map((o) => [o.status, o.expert, o.projectId])).toEqual([['accepted', '专家甲', 'p1']]);

    // While frozen the panel cannot change: decisions on the project, and results for the session, are refused.
    const closed = /专家组意见已定稿，已收到 1 份成员签名.*请先撤销定稿（已收集的签名将作废）/;
    expect(
      (await refused(bureau, 'bureau.panel.setDissent', { sessionId, projectId: 'p1', expertPosition: 2, reason: '数据共享方案不完善。' }))
        .message,
    ).toMatch(closed);
    expect(
      (await refused(bureau, 'bureau.panel.setConclusion', { sessionId, projectId: 'p1', conclusion: 'revise', reason: '须补充' })).message,
    ).toMatch(closed);
    expect(
      (await refused(bureau, 'bureau.panel.setLine', { sessionId, projectId: 'p1', lineId: 'b1', approvedFen: 1, reason: '核减' })).message,
    ).toMatch(closed);
    expect((await refused(bureau, 'bureau.results.import', { sessionId, sources: [{ kind: 'path', path: results[0] }] })).message).toMatch(
      closed,
    );

    // The chair unfreezes (甲's signature is dropped), 丙 records a dissent, and version 2 is frozen.
    const reopened = await ok<PanelOpinionStatus>(bureau, 'bureau.panel.unfreeze', { sessionId, projectId: 'p1' });
    expect([reopened.frozen, reopened.signers.map((s) => s.signature)]).toEqual([null, [null, null, null]]);
    await ok(bureau, 'bureau.panel.setDissent', {
      sessionId,
      projectId: 'p1',
      expertPosition: 2,
      reason: '数据共享方案不完善，应修改完善后再通过。',
    });
    const v2 = await ok<PanelOpinionStatus>(bureau, 'bureau.panel.freeze', { sessionId, projectId: 'p1' });
    expect(v2.frozen!.sha256).not.toBe(v1.frozen!.sha256);
    expect(v2.frozen!.fileName).toBe(v1.frozen!.fileName);
    const v2File = (await ok<{ file: string }>(bureau, 'bureau.panel.opinionFile', { sessionId, projectId: 'p1', destination: 'default' }))
      .file;
    // 文书 hands out the frozen opinion itself, not a fresh render: the file members sign is the file staff print.
    const generated = await ok<OutputResult>(bureau, 'output.generate', {
      sessionId,
      projectId: 'p1',
      templateId: 'panel-opinion',
      format: 'pdf',
      destination: 'default',
    });
    expect(sha256(await fs.readFile(generated.files[0]!.path))).toBe(v2.frozen!.sha256);
    // Without the page furniture (第 n 页 共 m 页 and the running header), which a sentence may straddle.
    const text = execFileSync('pdftotext', ['-layout', v2File, '-'])
      .toString('utf8')
      .replace(/\s+/g, '')
      .replace(/第\d+页共\d+页(专家组评审意见)?/g, '');
    for (const name of ['测试区智慧城管综合平台建设项目', '专家甲', '专家乙', '专家丙', '数据共享方案不完善，应修改完善后再通过。'])
      expect(text).toContain(name);

    // The frozen bytes are reproducible: the same render at the fixed date gives the same file.
    // Read-only beside the live core (single-writer lock on the data folder).
    const store = readLiveDb(bureauDir);
    try {
      const session = getSession(store.db, sessionId)!;
      const resolved = resolveTemplate(store.db, 'panel-opinion');
      if (resolved.kind !== 'builtin') throw new Error('panel-opinion is not built in');
      const again = await renderPdf(
        fillFor({ db: store.db, now: () => new Date(v2.frozen!.createdAt) }, resolved.template, session.id, 'p1'),
      );
      expect(sha256(again)).toBe(v2.frozen!.sha256);
    } finally {
      store.close();
    }

    // The three members sign version 2 on their own machines (丙 through an upload, as the screen sends it).
    const jiaV2 = await signOnOwnMachine(jia!, v2File);
    const yiV2 = await signOnOwnMachine(yi!, v2File);
    const bingV2 = await ok<SignedFile>(bing!.core, 'signing.signFile', {
      source: { kind: 'upload', name: path.basename(v2File), bytes: new Uint8Array(await fs.readFile(v2File)) },
      passphrase,
    });
    expect(bingV2.file).toBeNull();
    expect(
      (await refused(bing!.core, 'signing.signFile', { source: { kind: 'path', path: v2File }, passphrase: '不是这个口令-123' })).message,
    ).toMatch(/口令不正确/);
    expect(
      (await refused(bing!.core, 'signing.signFile', { source: { kind: 'path', path: path.join(keep, '没有这个文件.pdf') }, passphrase }))
        .message,
    ).toMatch(/找不到文件/);
    expect(
      (
        await refused(bing!.core, 'signing.signFile', {
          source: { kind: 'upload', name: 'a:b.pdf', bytes: new Uint8Array([1]) },
          passphrase,
        })
      ).message,
    ).toMatch(/不允许的字符/);
    // An uploaded name keeps only its base name: the signature names the file, never a path.
    expect(
      (
        await ok<SignedFile>(bing!.core, 'signing.signFile', {
          source: { kind: 'upload', name: '../../x.pdf', bytes: new Uint8Array([1]) },
          passphrase,
        })
      ).name,
    ).toBe('x.pdf.sig.json');
    const bingSig = path.join(keep, bingV2.name);
    await fs.writeFile(bingSig, bingV2.bytes);
    for (const s of [jiaV2, yiV2]) expect(verifyDetached(await fs.readFile(v2File), s.bytes, v2File).valid).toBe(true);

    // Wrong signatures: 甲's over version 1; 乙's with one character of its signature value changed; a key of another 专家丙 (not the one of 丙's result); a stranger's.
    const tampered = path.join(keep, 'tampered', path.basename(yiV2.file!));
    await fs.mkdir(path.dirname(tampered), { recursive: true });
    const yiText = Buffer.from(yiV2.bytes).toString('utf8');
    const at = yiText.lastIndexOf('"value":"') + 20;
    const changedValue = `${yiText.slice(0, at)}${yiText[at] === 'A' ? 'B' : 'A'}${yiText.slice(at + 1)}`;
    await fs.writeFile(tampered, changedValue);
    const impostor = await expertMachine('专家丙');
    const stranger = await expertMachine('张三');
    cores.push(impostor.core, stranger.core);
    const impostorSig = await signOnOwnMachine(impostor, v2File);
    const strangerSig = await signOnOwnMachine(stranger, v2File);
    const empty = path.join(keep, 'empty.sig.json');
    await fs.writeFile(empty, '{"not":"a signature"}');

    const outcomes = await ok<PanelSignatureOutcome[]>(bureau, 'bureau.panel.importSignatures', {
      sessionId,
      sources: [jiaV1.file!, tampered, impostorSig.file!, strangerSig.file!, empty, jiaV2.file!, yiV2.file!, jiaV2.file!].map((p) => ({
        kind: 'path',
        path: p,
      })),
    });
    expect(outcomes.map((o) => [o.status, o.refusal, o.expert])).toEqual([
      ['refused', 'other-version', '专家甲'],
      ['refused', 'tampered', '专家乙'],
      ['refused', 'signer-mismatch', '专家丙'],
      ['refused', 'not-member', '张三'],
      ['refused', 'unreadable', null],
      ['accepted', null, '专家甲'],
      ['accepted', null, '专家乙'],
      ['refused', 'duplicate', '专家甲'],
    ]);
    expect(outcomes[0]!.message).toMatch(/签署的是“.*\.pdf”的另一版本.*不是当前定稿.*请把当前定稿文件发给该成员重新签署/);
    expect(outcomes[1]!.message).toMatch(/未通过验证：.*签名/);
    expect(outcomes[2]!.message).toMatch(/不是专家丙提交评审结果所用的证书.*请联系该成员用本人的签名身份重新签署/);
    expect(outcomes[3]!.message).toMatch(/“张三”签名.*不在专家名单中/);
    expect(outcomes[4]!.message).toMatch(/不是可读的签名文件/);
    expect(outcomes[7]!.message).toMatch(
      /已收到专家甲于 .* 对“测试区智慧城管综合平台建设项目”专家组意见的签名（与此文件完全相同），无需重复导入/,
    );

    const partial = await ok<PanelOpinionStatus[]>(bureau, 'bureau.panel.opinions', { sessionId });
    expect(partial[0]!.signers.map((s) => [s.name, s.signature?.fingerprint ?? null])).toEqual([
      ['专家甲', jia!.identity.fingerprint],
      ['专家乙', yi!.identity.fingerprint],
      ['专家丙', null],
    ]);
    expect(partial[0]!.complete).toBe(false);

    const last = await ok<PanelSignatureOutcome[]>(bureau, 'bureau.panel.importSignatures', {
      sessionId,
      sources: [{ kind: 'upload', name: bingV2.name, bytes: bingV2.bytes }],
    });
    expect(last.map((o) => [o.status, o.expert])).toEqual([['accepted', '专家丙']]);
    const done = await ok<PanelOpinionStatus[]>(bureau, 'bureau.panel.opinions', { sessionId });
    expect(done[0]!.complete).toBe(true);
    expect(done[0]!.frozen!.sha256).toBe(v2.frozen!.sha256);
    expect(done[0]!.signers.map((s) => s.signature!.fingerprint)).toEqual([
      jia!.identity.fingerprint,
      yi!.identity.fingerprint,
      bing!.identity.fingerprint,
    ]);

    // The archive carries the frozen opinion and the three signatures; another copy of the app verifies them again.
    const archived = await ok<{ file: string; fingerprint: string }>(bureau, 'bureau.archive.export', {
      sessionId,
      destination: 'default',
    });
    const { core: other } = await openTestCore();
    cores.push(other);
    const restored = await ok<{ panelSignatures: PanelSignatureOutcome[] }>(other, 'bureau.archive.import', {
      jobId: 'a',
      source: { kind: 'path', path: archived.file },
      bureauFingerprint: archived.fingerprint,
    });
    expect(restored.panelSignatures.map((o) => [o.status, o.expert])).toEqual([
      ['accepted', '专家甲'],
      ['accepted', '专家乙'],
      ['accepted', '专家丙'],
    ]);
    const elsewhere = await ok<PanelOpinionStatus[]>(other, 'bureau.panel.opinions', { sessionId });
    expect(elsewhere[0]!.complete).toBe(true);
    expect(elsewhere[0]!.frozen!.sha256).toBe(v2.frozen!.sha256);
  }, 240_000);
});
