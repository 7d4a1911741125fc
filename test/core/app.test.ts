// The core through its dispatcher, as both transports use it: import, read, remember the reading position, restore after restart.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, HeadingLevel } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/app';
import type { Host } from '../../electron/core/kernel/handlers';
import type { SessionDetail } from '../../shared/domain';
import { tempDir, writeMinimalPackage } from '../helpers/core';
import { callCore } from '../../electron/core/api/call';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

function host(dataDir: string, opened: string[] = []): Host {
  return {
    dataDir,
    version: 't',
    transport: 'ipc',
    choosePath: async () => '/chosen/pkg.rpkg',
    openPath: async (p) => (opened.push(p), true),
    openFolder: async () => false,
    emit: () => undefined,
  };
}

async function start(h: Host): Promise<Core> {
  const core = await openCore(h);
  cores.push(core);
  return core;
}

const ok = <T>(core: Core, name: string, input: unknown): Promise<T> => callCore<T>(core.dispatch, name, input);

/** Adds a DOCX and a corrupt DOCX to the minimal package (manifest updated). */
async function packageWithDocx(): Promise<string> {
  const folder = await writeMinimalPackage(tempDir());
  const good = await Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph({ text: '第三章 数据资源共享分析', heading: HeadingLevel.HEADING_1 })] }] }),
  );
  const bad = Buffer.from('PK\u0003\u0004 this is not really a docx');
  const manifestPath = path.join(folder, 'manifest.json');
  const manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8'));
  for (const [name, bytes] of [
    ['初步设计.docx', good],
    ['损坏.docx', bad],
  ] as const) {
    await fs.writeFile(path.join(folder, 'documents/p1', name), bytes);
    manifest.projects[0].documents.push({
      id: name,
      kind: 'preliminary-design',
      title: name,
      path: `documents/p1/${name}`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    });
  }
  await fs.writeFile(manifestPath, JSON.stringify(manifest));
  return folder;
}

describe('core', () => {
  it('imports, lists, converts documents, opens others externally and restores the last place after a restart', async () => {
    const dataDir = tempDir();
    const opened: string[] = [];
    let core = await start(host(dataDir, opened));
    expect(await ok(core, 'app.info', {})).toEqual({ version: 't', nativeDialogs: true, transport: 'ipc' });
    expect(await ok(core, 'package.choose', { folder: false })).toEqual({ path: '/chosen/pkg.rpkg' });

    const folder = await packageWithDocx();
    const summary = await ok<{ id: string }>(core, 'package.import', { jobId: 'j1', source: { kind: 'path', path: folder } });
    expect(await ok(core, 'session.list', {})).toHaveLength(1);
    expect(await ok(core, 'package.recent', {})).toEqual([
      expect.objectContaining({ path: folder, sessionId: summary.id, title: '测试评审会' }),
    ]);

    const session = await ok<SessionDetail>(core, 'session.get', { sessionId: summary.id });
    const byTitle = Object.fromEntries(session.projects[0]!.documents.map((d) => [d.title, d]));
    const html = await ok<{ kind: string; html: string }>(core, 'document.render', { documentKey: byTitle['初步设计.docx']!.key });
    expect(html.html).toContain('<h1>第三章 数据资源共享分析</h1>');

    const broken = await core.dispatch('document.render', { documentKey: byTitle['损坏.docx']!.key });
    expect(broken).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/无法在评审工作台内显示 损坏\.docx.*系统默认程序/) },
    });

    expect(await ok(core, 'document.openExternal', { documentKey: byTitle['说明.txt']!.key })).toEqual({ opened: true });
    expect(opened[0]).toBe(path.join(dataDir, 'packages', summary.id, 'documents', 'p1', '说明.txt'));

    const pdf = byTitle['建设方案.pdf'];
    const bytes = await ok<Uint8Array>(core, 'document.content', { documentKey: pdf!.key });
    expect(Buffer.from(bytes).toString()).toContain('%PDF-1.4');

    await ok(core, 'reading.save', { documentKey: pdf!.key, position: { page: 7, zoom: 1.25 } });
    await ok(core, 'ui.save', { sessionId: summary.id, projectId: 'p1', documentKey: pdf!.key });
    core.close();
    cores.length = 0;

    core = await start(host(dataDir));
    expect(await ok(core, 'ui.restore', {})).toEqual({ sessionId: summary.id, projectId: 'p1', documentKey: pdf!.key });
    expect(await ok(core, 'reading.get', { documentKey: pdf!.key })).toEqual({ page: 7, zoom: 1.25 });
  });

  it('rejects bad payloads before any handler runs, and unknown documents with a Chinese message', async () => {
    const core = await start(host(tempDir()));
    for (const bad of [
      null,
      'x',
      { documentKey: 1, extra: true },
      { documentKey: '1' },
      JSON.parse('{"__proto__":{"polluted":1},"documentKey":1}'),
    ]) {
      const res = await core.dispatch('reading.get', bad);
      expect(res).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await core.dispatch('document.content', { documentKey: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/找不到该文件/) },
    });
    expect(await core.dispatch('reading.save', { documentKey: 999, position: { page: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('reports a refused package with every problem, in Chinese, through the envelope', async () => {
    const core = await start(host(tempDir()));
    const folder = await writeMinimalPackage(tempDir());
    await fs.writeFile(path.join(folder, 'documents/p1/说明.txt'), '被改过的内容');
    await fs.writeFile(path.join(folder, 'documents/多余.pdf'), 'x');
    const res = await core.dispatch('package.import', { jobId: 'j', source: { kind: 'path', path: folder } });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'package-invalid', problems: [expect.objectContaining({ code: 'extra-file', path: 'documents/多余.pdf' })] },
    });
  });
});
