// The generated-document calls through the dispatcher on the real sample: template versions, draft preview, batch with progress, cancel and the record, the bureau's .docx upload, opening the folder.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/app';
import { extractText } from '../../../electron/core/documents/text';
import { safeFileStem } from '../../../electron/core/kernel/files';
import { defaultExportFolder } from '../../../electron/core/output/files';
import type { Envelope } from '../../../shared/api';
import type { JobProgress } from '../../../shared/domain';
import type { GeneratedDocument, OutputResult, TemplateDetail, TemplateListItem, UploadResult } from '../../../shared/output';
import { ok, sampleSession } from '../sampleSession';
import { tempDir } from '../../helpers/core';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

interface Started {
  core: Core;
  dataDir: string;
  sessionId: string;
  projectIds: string[];
  progress: JobProgress[];
  opened: string[];
}

async function start(
  opts: { onProgress?: (p: JobProgress, core: Core) => void; chosen?: string; complete?: (projectId: string) => boolean } = {},
): Promise<Started> {
  const sample = await sampleSession({ complete: opts.complete });
  sample.close();
  const progress: JobProgress[] = [];
  const opened: string[] = [];
  let clock = Date.parse('2027-03-18T10:00:00+08:00');
  const core: Core = await openCore(
    {
      dataDir: sample.dataDir,
      version: 't',
      transport: 'ipc',
      choosePath: opts.chosen ? async () => opts.chosen! : null,
      openPath: async () => false,
      openFolder: async (p) => (opened.push(p), true),
      emit: (_name, payload) => {
        progress.push(payload);
        opts.onProgress?.(payload, core);
      },
    },
    () => new Date((clock += 1000)),
  );
  cores.push(core);
  return { core, dataDir: sample.dataDir, sessionId: sample.sessionId, projectIds: sample.projectIds, progress, opened };
}

async function fails(core: Core, name: string, input: unknown) {
  const res = (await core.dispatch(name, input)) as Envelope<unknown>;
  if (res.ok) throw new Error(`${name} succeeded`);
  return res.error;
}

const pdfText = async (bytes: Uint8Array) => {
  const file = path.join(tempDir(), 'preview.pdf');
  writeFileSync(file, bytes);
  return (await extractText(file, 'pdf', 'preview')).pages
    .map((p) => p.text)
    .join('')
    .replace(/\s/g, '');
};

describe('templates', () => {
  it('saves a built-in template text edit as a new version, previews a draft, and refuses stale or broken edits in Chinese', async () => {
    const { core, sessionId, projectIds } = await start();
    const listed = await ok<TemplateListItem[]>(core, 'templates.list', {});
    expect(listed.find((x) => x.id === 'expert-opinion')).toMatchObject({
      kind: 'builtin',
      version: 1,
      editedAt: null,
      scope: 'project',
      formats: ['docx', 'pdf'],
    });
    expect(listed.find((x) => x.id === 'attendance')).toMatchObject({ scope: 'session' });
    expect(listed.find((x) => x.id === 'score-sheet')).toMatchObject({ kind: 'sheet', formats: ['xlsx', 'csv'] });

    const detail = await ok<TemplateDetail>(core, 'templates.get', { templateId: 'expert-opinion' });
    const title = detail.texts.find((x) => x.path === '/title')!;
    const paragraph = detail.texts.find((x) => x.multiline)!;
    expect(detail.placeholders).toContain('project.name');

    // A draft is previewed without being saved.
    const draft = [{ path: paragraph.path, value: '本意见表经专家审阅确认。{{project.name}}' }];
    const preview = await ok<Uint8Array>(core, 'output.preview', {
      sessionId,
      projectId: projectIds[0],
      templateId: 'expert-opinion',
      edits: draft,
    });
    expect(await pdfText(preview)).toContain('本意见表经专家审阅确认。');
    expect((await ok<TemplateListItem[]>(core, 'templates.list', {})).find((x) => x.id === 'expert-opinion')!.version).toBe(1);

    const saved = await ok<TemplateListItem>(core, 'templates.save', {
      templateId: 'expert-opinion',
      baseVersion: 1,
      edits: [...draft, { path: title.path, value: `${title.value}（修订）` }],
    });
    expect(saved).toMatchObject({ version: 2, basedOn: 1, editedAt: expect.any(String) });
    const again = await ok<TemplateDetail>(core, 'templates.get', { templateId: 'expert-opinion' });
    expect(again.texts.find((x) => x.path === paragraph.path)!.value).toBe(draft[0]!.value);

    expect(await fails(core, 'templates.save', { templateId: 'expert-opinion', baseVersion: 1, edits: draft })).toMatchObject({
      code: 'stale-version',
      message: expect.stringContaining('第 2 版'),
    });
    const broken = await fails(core, 'templates.save', {
      templateId: 'expert-opinion',
      baseVersion: 2,
      edits: [{ path: paragraph.path, value: '{{project.nmae}}' }],
    });
    expect(broken).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('project.nmae') });
    expect(
      await fails(core, 'templates.save', { templateId: 'expert-opinion', baseVersion: 2, edits: [{ path: '/id', value: 'x' }] }),
    ).toMatchObject({ code: 'invalid-input' });
    expect(await fails(core, 'templates.get', { templateId: 'nope' })).toMatchObject({ code: 'not-found' });
  }, 120_000);
});

describe('generating', () => {
  it('batch-generates every chosen template for every project into the default folder, with progress, and records template and version', async () => {
    const { core, dataDir, sessionId, projectIds, progress, opened } = await start();
    const session = await ok<{ title: string; projects: { id: string; name: string }[] }>(core, 'session.get', { sessionId });
    const result = await ok<OutputResult>(core, 'output.batch', {
      sessionId,
      jobId: 'b1',
      templateIds: ['expert-opinion', 'attendance', 'score-sheet'],
      formats: ['pdf', 'xlsx'],
      destination: 'choose', // no dialog in this shell: the default folder
    });
    const folder = defaultExportFolder(dataDir, session.title);
    expect(result.folder).toBe(folder);
    expect(result.files.map((f) => path.basename(f.path)).sort()).toEqual(
      [
        ...session.projects.map((p) => `专家个人评审意见表-${safeFileStem(p.name)}.pdf`),
        `专家签到表-${session.title}.pdf`,
        `评分表-${session.title}.xlsx`,
      ].sort(),
    );
    expect(readdirSync(folder).sort()).toEqual(result.files.map((f) => path.basename(f.path)).sort()); // no staging left
    const first = result.files.find((f) => f.projectId === projectIds[0])!;
    expect(first).toMatchObject({
      templateId: 'expert-opinion',
      templateVersion: 1,
      format: 'pdf',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(result.files.find((f) => f.templateId === 'attendance')!.projectId).toBeNull();
    expect(await ok<GeneratedDocument[]>(core, 'output.list', { sessionId })).toHaveLength(result.files.length);

    const phases = progress.filter((p) => p.jobId === 'b1');
    expect(phases.every((p) => p.phase === 'render' && p.total === result.files.length)).toBe(true);
    expect(phases.at(-1)).toMatchObject({ done: result.files.length });

    expect(await ok(core, 'output.openFolder', { sessionId, folder })).toEqual({ opened: true });
    expect(opened).toEqual([folder]);
    expect(await fails(core, 'output.openFolder', { sessionId, folder: dataDir })).toMatchObject({ code: 'not-found' });

    // Only the current project: one file, into the folder the dialog chose.
    const one = await ok<OutputResult>(core, 'output.batch', {
      sessionId,
      jobId: 'b2',
      templateIds: ['expert-opinion'],
      formats: ['docx'],
      projectIds: [projectIds[1]],
      destination: 'default',
    });
    expect(one.files).toHaveLength(1);
    expect((await mammoth.extractRawText({ path: one.files[0]!.path })).value).toContain(session.projects[1]!.name);
  }, 120_000);

  it('leaves nothing in the folder and records nothing when the batch is cancelled', async () => {
    const chosen = path.join(tempDir(), '选定文件夹');
    const { core, sessionId } = await start({
      chosen,
      onProgress: (p, c) => {
        if (p.jobId === 'cancel-me' && p.done === 2) void c.dispatch('job.cancel', { jobId: 'cancel-me' });
      },
    });
    const err = await fails(core, 'output.batch', {
      sessionId,
      jobId: 'cancel-me',
      templateIds: ['expert-opinion', 'panel-opinion'],
      formats: ['docx', 'pdf'],
      destination: 'choose',
    });
    expect(err).toMatchObject({ code: 'cancelled', message: expect.stringContaining('已取消') });
    expect(existsSync(chosen) ? readdirSync(chosen) : []).toEqual([]);
    expect(await ok<GeneratedDocument[]>(core, 'output.list', { sessionId })).toEqual([]);
  }, 120_000);

  it('names the folder and records nothing when the files cannot be written there', async () => {
    const notAFolder = path.join(tempDir(), '同名文件');
    writeFileSync(notAFolder, 'x');
    const { core, sessionId } = await start({ chosen: notAFolder });
    const err = await fails(core, 'output.batch', {
      sessionId,
      jobId: 'w',
      templateIds: ['attendance'],
      formats: ['pdf'],
      destination: 'choose',
    });
    expect(err).toMatchObject({ code: 'internal', message: expect.stringContaining(notAFolder) });
    expect(await ok<GeneratedDocument[]>(core, 'output.list', { sessionId })).toEqual([]);
  }, 120_000);

  it('skips the documents of projects not yet scored, saying why, and makes the others', async () => {
    const { core, sessionId, projectIds } = await start({ complete: (id) => id === 'wl-2027-01' });
    const result = await ok<OutputResult>(core, 'output.batch', {
      sessionId,
      jobId: 's',
      templateIds: ['expert-opinion', 'attendance'],
      formats: ['pdf'],
      destination: 'default',
    });
    expect(result.files.map((f) => f.projectId)).toEqual(['wl-2027-01', null]);
    expect(result.skipped).toHaveLength(projectIds.length - 1);
    expect(result.skipped[0]).toMatchObject({
      name: expect.stringMatching(/^专家个人评审意见表-.+\.pdf$/),
      reason: expect.stringContaining('评审'),
    });
    const none = await fails(core, 'output.batch', {
      sessionId,
      jobId: 't',
      templateIds: ['expert-opinion'],
      formats: ['pdf'],
      projectIds: [projectIds[1]],
      destination: 'default',
    });
    expect(none).toMatchObject({ code: 'invalid-input' });
  }, 120_000);

  it('refuses a template a format does not fit, and a project-wide template without a project', async () => {
    const { core, sessionId } = await start();
    expect(
      await fails(core, 'output.batch', { sessionId, jobId: 'x', templateIds: ['score-sheet'], formats: ['pdf'], destination: 'default' }),
    ).toMatchObject({ code: 'invalid-input' });
    expect(await fails(core, 'output.preview', { sessionId, projectId: null, templateId: 'expert-opinion' })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('项目'),
    });
    expect(await fails(core, 'output.preview', { sessionId, projectId: 'nope', templateId: 'expert-opinion' })).toMatchObject({
      code: 'not-found',
    });
  }, 120_000);
});

describe('bureau .docx templates', () => {
  it('lists the known and unknown placeholders of an upload, versions it by name, and fills it for a project', async () => {
    const { core, sessionId, projectIds } = await start();
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('项目名称：{{project.name}}')] }),
            new Paragraph({ children: [new TextRun('文号：{{红头编号}}')] }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const up = await ok<UploadResult>(core, 'templates.upload', { name: '区大数据局红头函.docx', bytes });
    expect(up.template).toMatchObject({ kind: 'docx', name: '区大数据局红头函', version: 1, formats: ['docx'], previewable: false });
    expect(up.placeholders).toEqual({ known: ['project.name'], unknown: ['红头编号'] });
    expect((await ok<UploadResult>(core, 'templates.upload', { name: '区大数据局红头函.docx', bytes })).template.version).toBe(2);
    expect((await ok<TemplateListItem[]>(core, 'templates.list', {})).filter((x) => x.kind === 'docx')).toHaveLength(1);

    const made = await ok<OutputResult>(core, 'output.generate', {
      sessionId,
      projectId: projectIds[0],
      templateId: up.template.id,
      format: 'docx',
      destination: 'default',
    });
    const text = (await mammoth.extractRawText({ path: made.files[0]!.path })).value;
    const session = await ok<{ projects: { id: string; name: string }[] }>(core, 'session.get', { sessionId });
    expect(text).toContain(`项目名称：${session.projects[0]!.name}`);
    expect(await fails(core, 'templates.upload', { name: '坏.docx', bytes: new Uint8Array([1, 2, 3]) })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('坏'),
    });
  }, 120_000);
});
