// Issue 17, item 4: `npm run web` holds its data folder; a second instance on the same folder refuses to start before
// touching anything (before, its start-up sweep deleted the first instance's import in progress).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';

const root = path.join(__dirname, '../..');
const running: ChildProcess[] = [];
afterEach(() => {
  while (running.length) running.pop()!.kill('SIGKILL');
});

function startWeb(dataDir: string): { child: ChildProcess; output: () => string; exited: Promise<number | null>; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/web/cli.ts'), '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  const ready = new Promise<void>((resolve) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('请在浏览器中打开')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited, ready };
}

describe('web mode: one writer per data folder', () => {
  it('a second `npm run web` on the same folder is refused with a Chinese message and sweeps nothing', async () => {
    const dataDir = tempDir();
    const first = startWeb(dataDir);
    await first.ready;
    // The first instance's import in progress.
    mkdirSync(path.join(dataDir, 'staging', 'import-in-progress'), { recursive: true });
    writeFileSync(path.join(dataDir, 'staging', 'import-in-progress', 'a.pdf'), '%PDF');
    const second = startWeb(dataDir);
    const code = await Promise.race([second.exited, first.ready.then(() => new Promise<null>((r) => setTimeout(() => r(null), 20_000)))]);
    expect(second.output()).toMatch(/该数据文件夹正被另一个评审工作台窗口使用/);
    expect(code).toBe(1);
    expect(existsSync(path.join(dataDir, 'staging', 'import-in-progress', 'a.pdf'))).toBe(true);
    expect(first.child.exitCode).toBeNull();
  }, 120_000);
});
