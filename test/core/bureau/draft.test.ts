// Preparing a review (新建评审会): the draft's validation and problems, deterministic .rpkg export, reopening a package as a draft, and re-export before any result arrived.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { verifyPackage } from '../../../electron/core/package/verify';
import type { DraftView } from '../../../shared/bureau';
import type { SessionDetail } from '../../../shared/domain';
import { atField, makeDraft, ok, openTestCore, refused } from './cycle';

const cores: Core[] = [];
afterAll(() => cores.forEach((c) => c.close()));

async function bureau(): Promise<Core> {
  const { core } = await openTestCore();
  cores.push(core);
  return core;
}

describe('bureau drafts', () => {
  it('validates the session and project forms field by field and refuses a stale save', async () => {
    const core = await bureau();
    const bad = await refused(core, 'bureau.draft.create', {
      session: {
        jurisdiction: 'national',
        issuer: '局',
        title: '会',
        date: '2027-3-1',
        experts: [{ name: '甲' }, { name: '甲' }],
        chair: '乙',
      },
    });
    expect(bad.code).toBe('invalid-input');
    expect(bad.message).toMatch(/日期应为 YYYY-MM-DD/);
    expect(bad.message).not.toContain('session.date'); // the field's path is for the form, not the words
    expect(bad.problems?.[0]?.path).toBe('session.date');

    const view = await makeDraft(core);
    const badProject = await refused(core, 'bureau.draft.saveProject', {
      draftId: view.draft.id,
      baseVersion: view.version,
      project: { id: '../p2', name: '项目', applicant: '局', type: 'new', investmentFen: 100, inAnnualPlan: true },
    });
    expect(atField(badProject)).toMatch(/project\.id：编号只能由字母、数字/);
    const zero = await refused(core, 'bureau.draft.saveProject', {
      draftId: view.draft.id,
      baseVersion: view.version,
      project: { id: 'p2', name: '项目', applicant: '局', type: 'new', investmentFen: 0, inAnnualPlan: true },
    });
    expect(zero.message).toMatch(/总投资应大于 0/);
    const twice = await refused(core, 'bureau.draft.saveProject', {
      draftId: view.draft.id,
      baseVersion: view.version,
      project: {
        id: 'p2',
        name: '项目',
        applicant: '局',
        type: 'new',
        investmentFen: 200,
        inAnnualPlan: true,
        budgetLines: [
          { id: 'b1', name: '甲', amountFen: 100 },
          { id: 'b1', name: '乙', amountFen: 100 },
        ],
      },
    });
    expect(atField(twice)).toMatch(/project\.budgetLines\.1\.id：概算明细编号重复：b1/);
    const stale = await refused(core, 'bureau.draft.saveSession', {
      draftId: view.draft.id,
      baseVersion: view.version - 1,
      session: view.draft.session,
    });
    expect(stale.code).toBe('stale-version');
  });

  it('lists what blocks export (no documents, budget total ≠ investment) and refuses to export until fixed', async () => {
    const core = await bureau();
    let view = await makeDraft(core);
    view = await ok<DraftView>(core, 'bureau.draft.saveProject', {
      draftId: view.draft.id,
      baseVersion: view.version,
      project: {
        id: 'p2',
        name: '第二个项目',
        applicant: '测试区教育局',
        type: 'operation',
        investmentFen: 2_000_000,
        inAnnualPlan: false,
        budgetLines: [{ id: 'b1', name: '运维服务', amountFen: 1_500_000 }],
      },
    });
    expect(view.problems.map((p) => [p.code, p.path])).toEqual([
      ['no-documents', 'projects.p2.documents'],
      ['budget-total', 'projects.p2.budgetLines'],
    ]);
    expect(view.problems[1]!.message).toBe('项目「第二个项目」概算明细合计 15000 元，与申报总投资 20000 元不一致：请核对概算表或总投资。');
    const blocked = await refused(core, 'bureau.draft.export', { draftId: view.draft.id, jobId: 'e', destination: 'default' });
    expect(blocked.message).toMatch(/评审会草稿还不能导出：\n1\. 项目「第二个项目」尚未附申报材料/);
    view = await ok<DraftView>(core, 'bureau.draft.removeProject', { draftId: view.draft.id, baseVersion: view.version, projectId: 'p2' });
    expect(view.problems).toEqual([]);
  });

  it('exports the same bytes twice at different times; reopened on another machine and exported again, still the same bytes', async () => {
    const core = await bureau();
    const view = await makeDraft(core);
    const first = await ok<{ file: string; manifestSha256: string }>(core, 'bureau.draft.export', {
      draftId: view.draft.id,
      jobId: 'a',
      destination: 'default',
    });
    const bytes1 = await fs.readFile(first.file);
    await fs.rm(first.file);
    const second = await ok<{ file: string; manifestSha256: string }>(core, 'bureau.draft.export', {
      draftId: view.draft.id,
      jobId: 'b',
      destination: 'default',
    });
    const bytes2 = await fs.readFile(second.file);
    expect(bytes2.equals(bytes1)).toBe(true);
    expect(second.manifestSha256).toBe(first.manifestSha256);

    const verified = await verifyPackage(first.file);
    expect(verified.manifestSha256).toBe(first.manifestSha256);
    expect(verified.manifest).toMatchObject({ packageId: view.draft.id, createdAt: view.draft.createdAt, jurisdiction: 'national' });
    expect(verified.manifest.projects[0]).toMatchObject({
      totalInvestment: 1_500_000,
      budgetLines: [
        { id: 'b1', amount: 1_000_000 },
        { id: 'b2', unitPrice: 100_000, amount: 500_000 },
      ],
    });
    expect(verified.manifest.session.experts.map((e) => e.name)).toEqual(['专家甲', '专家乙', '专家丙']);

    const other = await bureau();
    const reopened = await ok<DraftView>(other, 'bureau.draft.open', { source: { kind: 'path', path: first.file } });
    expect(reopened.draft).toEqual(view.draft);
    const again = await ok<{ file: string }>(other, 'bureau.draft.export', {
      draftId: reopened.draft.id,
      jobId: 'c',
      destination: 'default',
    });
    expect((await fs.readFile(again.file)).equals(bytes1)).toBe(true);
    expect((await refused(other, 'bureau.draft.open', { source: { kind: 'path', path: first.file } })).message).toMatch(/已在草稿中/);
    // The refusal left the open draft's files alone: it still exports, to the same bytes.
    const afterRefusal = await ok<{ file: string }>(other, 'bureau.draft.export', {
      draftId: reopened.draft.id,
      jobId: 'd',
      destination: 'default',
    });
    expect((await fs.readFile(afterRefusal.file)).equals(bytes1)).toBe(true);
  });

  it('re-exports an edited draft before any result arrived: the session is replaced, copies follow the new package', async () => {
    const core = await bureau();
    let view = await makeDraft(core);
    const first = await ok<{ file: string; manifestSha256: string; sessionId: string }>(core, 'bureau.draft.export', {
      draftId: view.draft.id,
      jobId: 'a',
      destination: 'default',
    });
    view = await ok<DraftView>(core, 'bureau.draft.saveSession', {
      draftId: view.draft.id,
      baseVersion: view.version,
      session: { ...view.draft.session, location: '第二会议室' },
    });
    expect((await refused(core, 'bureau.draft.copies', { draftId: view.draft.id, destination: 'default' })).message).toMatch(
      /请先重新导出评审包/,
    );
    const second = await ok<{ file: string; manifestSha256: string }>(core, 'bureau.draft.export', {
      draftId: view.draft.id,
      jobId: 'b',
      destination: 'default',
    });
    expect(second.manifestSha256).not.toBe(first.manifestSha256);
    const session = await ok<SessionDetail>(core, 'session.get', { sessionId: first.sessionId });
    expect([session.location, session.manifestSha256]).toEqual(['第二会议室', second.manifestSha256]);
    const copies = await ok<{ folder: string; files: string[] }>(core, 'bureau.draft.copies', {
      draftId: view.draft.id,
      destination: 'default',
    });
    expect((await fs.readFile(path.join(copies.folder, copies.files[0]!))).equals(await fs.readFile(second.file))).toBe(true);

    // Removing a document removes its file; adding a file with a hostile name keeps only a safe base name.
    view = await ok<DraftView>(core, 'bureau.draft.get', { draftId: view.draft.id });
    view = await ok<DraftView>(core, 'bureau.draft.addDocument', {
      draftId: view.draft.id,
      baseVersion: view.version,
      projectId: 'p1',
      name: '..\\..\\evil:name?.pdf',
      kind: 'other',
      bytes: new Uint8Array([1, 2, 3]),
    });
    const added = view.draft.projects[0]!.documents[1];
    expect(added).toMatchObject({ id: 'd2', fileName: 'evil_name_.pdf', title: 'evil_name_.pdf', bytes: 3 });
    view = await ok<DraftView>(core, 'bureau.draft.addDocument', {
      draftId: view.draft.id,
      baseVersion: view.version,
      projectId: 'p1',
      name: 'evil:name?.pdf',
      kind: 'other',
      bytes: new Uint8Array([4]),
    });
    expect(view.draft.projects[0]!.documents[2]!.fileName).toBe('evil_name_-2.pdf');
    view = await ok<DraftView>(core, 'bureau.draft.removeDocument', {
      draftId: view.draft.id,
      baseVersion: view.version,
      projectId: 'p1',
      documentId: 'd2',
    });
    expect(view.draft.projects[0]!.documents.map((d) => d.id)).toEqual(['d1', 'd3']);
  });
});
