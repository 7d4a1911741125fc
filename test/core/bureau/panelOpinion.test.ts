// The panel's own opinion text (专家组意见): the chair reads the members' opinions side by side per dimension, chapter and overall with the merged draft (shared points once, the rest under “待组长确定：” attributed), saves the panel's wording per section (versioned, with who and when; saving confirms it), the panel opinion and the letter print it for that section and the merged draft — marked 草稿 — for the others; freezing is refused until every section is confirmed; saving is refused while the opinion is frozen; the archive carries the texts.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { PanelOpinionStatus, PanelOpinionText } from '../../../shared/bureau';
import type { OutputResult } from '../../../shared/output';
import { tempDir } from '../../helpers/core';
import {
  expertMachine,
  exportResult,
  importConfirmed,
  makeDraft,
  ok,
  openPackage,
  openTestCore,
  refused,
  reviewOf,
  scoreAndSign,
} from './cycle';

const cores: Core[] = [];
afterAll(() => cores.forEach((c) => c.close()));

async function pdfText(bureau: Core, sessionId: string, templateId: string): Promise<string> {
  const out = await ok<OutputResult>(bureau, 'output.generate', {
    sessionId,
    projectId: 'p1',
    templateId,
    format: 'pdf',
    destination: 'default',
  });
  return execFileSync('pdftotext', ['-layout', out.files[0]!.path, '-']).toString('utf8').replace(/\s+/g, '');
}

/** The second dimension's opinions: three different points, nothing in common (紧迫性: 尽快实施 next to 分步实施). */
const own: Record<string, string> = {
  专家甲: '项目应尽快实施。',
  专家乙: '可分步实施，先建设核心模块。',
  专家丙: '需求论证不足，建议暂缓建设。',
};

describe('panel opinion text', () => {
  it('shows the members side by side, saves the panel’s wording per section, prints it in place of theirs, is closed while frozen, and goes with the archive', async () => {
    const experts = await Promise.all(['专家甲', '专家乙', '专家丙'].map((n) => expertMachine(n)));
    cores.push(...experts.map((e) => e.core));
    const { core: bureau } = await openTestCore();
    cores.push(bureau);
    const draft = await makeDraft(bureau);
    const { sessionId } = await ok<{ sessionId: string }>(bureau, 'bureau.draft.export', {
      draftId: draft.draft.id,
      jobId: 'e',
      destination: 'default',
    });
    const copies = await ok<{ folder: string; files: string[] }>(bureau, 'bureau.draft.copies', {
      draftId: draft.draft.id,
      destination: 'default',
    });
    const keep = tempDir('rd-panel-text-');
    const results: string[] = [];
    for (const [k, e] of experts.entries()) {
      await openPackage(e, path.join(copies.folder, copies.files[k]!));
      // Each member words every section in their own way (near-duplicates: one point), and the second dimension with a
      // point of their own that the others did not make.
      await scoreAndSign(e, (view) => {
        const r = reviewOf(view, k, null, { overall: `${e.name}的综合意见：项目建设必要。` });
        return {
          ...r,
          dimensions: Object.fromEntries(
            Object.entries(r.dimensions).map(([id, d], i) => [id, { ...d, opinion: i === 1 ? own[e.name]! : `${e.name}对${id}的意见。` }]),
          ),
        };
      });
      results.push((await exportResult(e, path.join(keep, e.name))).file);
    }
    const imported = await importConfirmed(bureau, sessionId, results);
    expect(imported.map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted']);

    const initial = await ok<PanelOpinionText>(bureau, 'bureau.panel.opinionText.get', { sessionId, projectId: 'p1' });
    expect(initial.frozen).toBe(false);
    const [first, second] = initial.sections.filter((s) => s.kind === 'dimension');
    const chapters = initial.sections.filter((s) => s.kind === 'chapter');
    expect(chapters.length).toBeGreaterThan(0);
    expect(initial.sections.at(-1)).toMatchObject({ section: 'overall', kind: 'overall', title: '综合意见', panel: null, version: 0 });
    // Side by side: every member, by name, with their own text for the section.
    const dimId = first!.section.replace('dimension:', '');
    expect(first!.members).toEqual(['专家甲', '专家乙', '专家丙'].map((name) => ({ name, text: `${name}对${dimId}的意见。` })));
    expect(chapters[0]!.members.map((m) => m.text)).toEqual(Array(3).fill(`${chapters[0]!.title}内容完整。`));

    // The chair saves the panel's wording of the first dimension and of the overall opinion.
    const panelDim = '专家组经合议认为：项目需求分析扎实，建设目标明确。';
    const panelOverall = '专家组综合意见：同意项目按修改后的方案实施。';
    const saved = await ok<PanelOpinionText>(bureau, 'bureau.panel.opinionText.save', {
      sessionId,
      projectId: 'p1',
      section: first!.section,
      text: panelDim,
      baseVersion: 0,
    });
    const savedDim = saved.sections.find((s) => s.section === first!.section)!;
    expect(savedDim.version).toBe(1);
    expect(savedDim.panel).toMatchObject({ text: panelDim, savedBy: '专家甲' });
    expect(Date.parse(savedDim.panel!.savedAt)).not.toBeNaN();
    // An edit from a stale version is refused; the stored text stays.
    expect(
      (
        await refused(bureau, 'bureau.panel.opinionText.save', {
          sessionId,
          projectId: 'p1',
          section: first!.section,
          text: '另一个窗口的旧稿',
          baseVersion: 0,
        })
      ).code,
    ).toBe('stale-version');
    await ok(bureau, 'bureau.panel.opinionText.save', {
      sessionId,
      projectId: 'p1',
      section: 'overall',
      text: panelOverall,
      baseVersion: 0,
    });
    expect(
      (
        await refused(bureau, 'bureau.panel.opinionText.save', {
          sessionId,
          projectId: 'p1',
          section: 'dimension:nope',
          text: 'x',
          baseVersion: 0,
        })
      ).code,
    ).toBe('not-found');
    expect(
      (
        await refused(bureau, 'bureau.panel.opinionText.save', {
          sessionId,
          projectId: 'p1',
          section: 'elsewhere',
          text: 'x',
          baseVersion: 0,
        })
      ).code,
    ).toBe('invalid-input');

    // The merged draft: near-duplicates once; three different points listed for the chair, each member's own words.
    expect(first!.confirmed).toBe(false);
    expect(first!.draft).toBe(`专家甲对${dimId}的意见。`);
    expect(second!.draft).toBe(
      ['待组长确定：', '专家甲：项目应尽快实施。', '专家乙：可分步实施，先建设核心模块。', '专家丙：需求论证不足，建议暂缓建设。'].join(
        '\n',
      ),
    );
    expect(chapters[0]!.draft).toBe(`${chapters[0]!.title}内容完整。`);
    // A text still holding the points to settle is refused: the chair settles them first.
    expect(
      (
        await refused(bureau, 'bureau.panel.opinionText.save', {
          sessionId,
          projectId: 'p1',
          section: second!.section,
          text: second!.draft,
          baseVersion: 0,
        })
      ).message,
    ).toMatch(/待组长确定/);

    for (const templateId of ['panel-opinion', 'opinion-letter']) {
      const text = await pdfText(bureau, sessionId, templateId);
      // Confirmed sections print the chair's words; the others the merged draft, and the document says it is a draft.
      expect(text, templateId).toContain(panelDim);
      expect(text, templateId).toContain(panelOverall);
      expect(text, templateId).toMatch(/（草稿：专家组意见尚有\d+部分待组长确认/);
      for (const name of ['专家甲', '专家乙', '专家丙']) expect(text, templateId).not.toContain(`${name}对${dimId}的意见。`);
      expect(text, templateId).toContain(
        '待组长确定：专家甲：项目应尽快实施。专家乙：可分步实施，先建设核心模块。专家丙：需求论证不足，建议暂缓建设。',
      );
      expect(text, templateId).not.toContain('的综合意见');
      // Once, not three times.
      expect(text.split(`${chapters[0]!.title}内容完整。`).length - 1, templateId).toBe(1);
    }

    // An empty text returns the section to unconfirmed: the merged draft again.
    await ok(bureau, 'bureau.panel.opinionText.save', { sessionId, projectId: 'p1', section: 'overall', text: '  ', baseVersion: 1 });
    const cleared = await pdfText(bureau, sessionId, 'panel-opinion');
    expect(cleared).not.toContain(panelOverall);
    expect(cleared).toContain('专家甲的综合意见：项目建设必要。');
    expect(cleared).not.toContain('专家乙的综合意见');

    // The members sign one voice: freezing is refused, naming the sections, until the chair has confirmed every one.
    const notYet = await refused(bureau, 'bureau.panel.freeze', { sessionId, projectId: 'p1' });
    expect(notYet.message).toMatch(/未经组长确认/);
    expect(notYet.message).toContain(second!.title);
    expect(notYet.message).toContain('综合意见');
    for (const section of (
      await ok<PanelOpinionText>(bureau, 'bureau.panel.opinionText.get', { sessionId, projectId: 'p1' })
    ).sections.filter((x) => !x.confirmed)) {
      const text = section.section === second!.section ? '项目有一定紧迫性，可分步实施，先建设核心模块。' : section.draft;
      await ok(bureau, 'bureau.panel.opinionText.save', {
        sessionId,
        projectId: 'p1',
        section: section.section,
        text,
        baseVersion: section.version,
      });
    }
    const final = await pdfText(bureau, sessionId, 'panel-opinion');
    expect(final).not.toContain('草稿');
    expect(final).not.toContain('待组长确定');
    expect(final).toContain('项目有一定紧迫性，可分步实施，先建设核心模块。');

    // Frozen: the panel's text cannot change, and the screen is told so; after 撤销定稿 it can.
    await ok<PanelOpinionStatus>(bureau, 'bureau.panel.freeze', { sessionId, projectId: 'p1' });
    expect((await ok<PanelOpinionText>(bureau, 'bureau.panel.opinionText.get', { sessionId, projectId: 'p1' })).frozen).toBe(true);
    const frozen = await refused(bureau, 'bureau.panel.opinionText.save', {
      sessionId,
      projectId: 'p1',
      section: first!.section,
      text: '定稿后的修改',
      baseVersion: 1,
    });
    expect(frozen.code).toBe('invalid-input');
    expect(frozen.message).toMatch(/已定稿.*撤销定稿/);
    await ok(bureau, 'bureau.panel.unfreeze', { sessionId, projectId: 'p1' });
    const again = await ok<PanelOpinionText>(bureau, 'bureau.panel.opinionText.save', {
      sessionId,
      projectId: 'p1',
      section: first!.section,
      text: '定稿撤销后的修改',
      baseVersion: 1,
    });
    expect(again.sections.find((s) => s.section === first!.section)).toMatchObject({ version: 2, panel: { text: '定稿撤销后的修改' } });

    // The archive carries the panel's text; another copy of the app prints it.
    const archived = await ok<{ file: string; fingerprint: string }>(bureau, 'bureau.archive.export', {
      sessionId,
      destination: 'default',
    });
    const { core: other } = await openTestCore();
    cores.push(other);
    await ok(other, 'bureau.archive.import', {
      jobId: 'a',
      source: { kind: 'path', path: archived.file },
      bureauFingerprint: archived.fingerprint,
    });
    const restored = await ok<PanelOpinionText>(other, 'bureau.panel.opinionText.get', { sessionId, projectId: 'p1' });
    expect(restored.sections.find((s) => s.section === first!.section)?.panel).toMatchObject({
      text: '定稿撤销后的修改',
      savedBy: '专家甲',
    });
    expect(await pdfText(other, sessionId, 'opinion-letter')).toContain('定稿撤销后的修改');
  }, 240_000);
});
