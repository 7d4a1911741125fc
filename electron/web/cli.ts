// Owns `npm run web`: starts the core with a data folder, serves the renderer on 127.0.0.1 only, prints the one-time URL.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { openCore } from '../core/app';
import { existingFolderPath, openableDocumentPath } from '../main/security';
import { downloadRoots } from './downloads';
import { startWebServer, type WebServer } from './server';

const usage = `用法：npm run web -- [--data-dir 目录] [--port 端口]
  只在 127.0.0.1 上提供服务；启动时打印带一次性令牌的地址。`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) return void console.log(usage);
  if (values.host && values.host !== '127.0.0.1' && values.host !== 'localhost') {
    console.error(`拒绝启动：网页模式只允许在本机 127.0.0.1 上提供服务（收到 --host ${values.host}）。`);
    process.exit(2);
  }
  const dataDir = path.resolve(values['data-dir'] ?? path.join(os.homedir(), '.review-desk'));
  // Assigned once below; `let` because the core's emit closure needs the binding before the server exists.
  // eslint-disable-next-line prefer-const
  let server: WebServer | undefined;
  const core = await openCore({
    dataDir,
    // Bundled from package.json at build time: `node dist/web.cjs` has no npm_package_version.
    version,
    transport: 'http',
    choosePath: null,
    openPath: async (file) => {
      const real = await openableDocumentPath(file, dataDir);
      return real ? openWithSystem(real) : false;
    },
    openFolder: async (folder) => {
      const real = await existingFolderPath(folder);
      return real ? openWithSystem(real) : false;
    },
    emit: (name, payload) => server?.broadcast(name, payload),
  });
  server = await startWebServer({
    dispatch: core.dispatch,
    rendererDir: path.join(__dirname, 'renderer'),
    token: randomBytes(24).toString('hex'),
    downloadRoots: downloadRoots(dataDir),
    port: values.port ? Number(values.port) : 0,
  });
  for (const notice of core.notices) console.warn(notice);
  console.log(`评审工作台（网页模式）已启动，数据目录：${dataDir}`);
  console.log(`请在浏览器中打开：${server.url}`);
  const stop = () => {
    core.close();
    void server?.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The desktop's own opener; the core only passes files it imported into the data folder. */
function openWithSystem(file: string): Promise<boolean> {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', file]]
      : process.platform === 'darwin'
        ? ['open', [file]]
        : ['xdg-open', [file]];
  return new Promise((resolve) => {
    const child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}

main().catch((err: unknown) => {
  console.error(`评审工作台无法启动：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
