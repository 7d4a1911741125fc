// Owns matching better-sqlite3's compiled addon to the runtime about to load it: `node scripts/ensure-native.mjs node|electron`.
//
// One node_modules serves two runtimes with different native ABIs: Node (tests, CLI, web mode) and Electron (`npm start`).
// - node:     load the addon and open ':memory:'. If it was built for another ABI (or never built), run
//             `npm rebuild better-sqlite3`, check again in a fresh process, and drop the Electron stamp.
// - electron: Node cannot load an Electron-ABI addon to test it, so a stamp file records the Electron version and
//             platform the addon was last built for. If it names anything else, run electron-builder's
//             `install-app-deps` (rebuilds for Electron's ABI; fetches Electron's headers on first use) and rewrite
//             the stamp. This branch cannot be exercised on a machine without the Electron binary's headers.
// Both are no-ops when nothing needs doing. Packaged builds do not use this: electron-builder rebuilds for each
// target (`npmRebuild` in electron-builder.yml).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const stampFile = path.join(root, 'node_modules', 'better-sqlite3', 'build', '.review-desk-abi');

// What Node says when an addon was built for another runtime, another arch, or not at all.
const abiMismatch =
  /NODE_MODULE_VERSION|Could not locate the bindings file|invalid ELF header|wrong ELF class|not a valid Win32 application|incompatible architecture/;

const target = process.argv[2];
if (target === 'node') ensureNode();
else if (target === 'electron') ensureElectron();
else fail('用法：node scripts/ensure-native.mjs node|electron', 'usage: node scripts/ensure-native.mjs node|electron', 2);

function ensureNode() {
  const problem = probeHere();
  if (problem !== null) {
    say(
      `better-sqlite3 无法在当前 Node ${process.version} 中加载，正在重新编译……`,
      `better-sqlite3 does not load in Node ${process.version} (${problem}); rebuilding…`,
    );
    run('npm', ['rebuild', 'better-sqlite3']);
    if (!probeInFreshProcess()) {
      fail(
        '重新编译后 better-sqlite3 仍无法加载，请检查编译工具链。',
        'better-sqlite3 still does not load after the rebuild; check the build toolchain.',
      );
    }
    say('better-sqlite3 已为 Node 重新编译。', `better-sqlite3 rebuilt for Node ${process.version}.`);
  }
  // The addon loads in Node, so it is not the Electron build any stamp may still claim.
  rmSync(stampFile, { force: true });
}

function ensureElectron() {
  const { version } = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'));
  const wanted = `electron ${version} ${process.platform}-${process.arch}`;
  if (readStamp() === wanted) return;
  say(`正在为 Electron ${version} 重新编译 better-sqlite3……`, `rebuilding better-sqlite3 for ${wanted}…`);
  run(process.execPath, [require.resolve('electron-builder/cli.js'), 'install-app-deps']);
  writeFileSync(stampFile, `${wanted}\n`);
  say(`better-sqlite3 已为 Electron ${version} 重新编译。`, `better-sqlite3 rebuilt for ${wanted}.`);
}

/** null when the addon loads and opens a database here; the first line of the ABI error otherwise. */
function probeHere() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return null;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (abiMismatch.test(message)) return message.split('\n')[0];
    throw err;
  }
}

/** After a rebuild: this process may still hold the old addon, so ask a new one. */
function probeInFreshProcess() {
  const check = "const Database = require('better-sqlite3'); new Database(':memory:').close();";
  return spawnSync(process.execPath, ['-e', check], { cwd: root, stdio: 'inherit' }).status === 0;
}

function readStamp() {
  try {
    return readFileSync(stampFile, 'utf8').trim();
  } catch {
    return null;
  }
}

function run(command, args) {
  // npm is a .cmd script on Windows, which only a shell can start.
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npm' });
  if (result.status !== 0) {
    fail(`命令失败：${command} ${args.join(' ')}`, `command failed: ${command} ${args.join(' ')}`);
  }
}

function say(chinese, english) {
  console.log(`[ensure-native] ${chinese}\n[ensure-native] ${english}`);
}

function fail(chinese, english, code = 1) {
  console.error(`[ensure-native] ${chinese}\n[ensure-native] ${english}`);
  process.exit(code);
}
