// Proves the build configuration (reliability item 8): electron-builder.yml, loaded and schema-checked by electron-builder's
// own code, turns the dangerous fuses off and the ASAR checks on, targets the machines reviewers actually have, and ships
// every font the PDF renderer reads.
import { DebugLogger } from 'builder-util';
import type { Configuration, TargetConfiguration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledFonts } from '../../electron/core/output/pdf/fonts';

// The matcher electron-builder itself applies to `files` patterns.
const requireFromBuilder = createRequire(require.resolve('app-builder-lib'));
const { minimatch } = requireFromBuilder('minimatch') as { minimatch: (file: string, pattern: string, opts: { dot: boolean }) => boolean };
const root = process.cwd();

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(process.cwd(), 'electron-builder.yml', null);
});

/** Whether the top-level `files` patterns leave `file` (relative to the project, POSIX) out of every package. */
function isExcluded(file: string): boolean {
  const [set] = config.files as { filter: string[] }[];
  return set!.filter.some((f) => f.startsWith('!') && minimatch(file, f.slice(1), { dot: true }));
}

/** arch list per target name, whichever of electron-builder's shorthand forms the file uses. */
function targets(platformTarget: unknown): Map<string, string[]> {
  const list = (Array.isArray(platformTarget) ? platformTarget : [platformTarget]) as (string | TargetConfiguration)[];
  const out = new Map<string, string[]>();
  for (const entry of list) {
    if (typeof entry === 'string') out.set(entry, []);
    else out.set(entry.target, entry.arch === undefined ? [] : Array.isArray(entry.arch) ? [...entry.arch] : [entry.arch]);
  }
  return out;
}

describe('electron-builder.yml', () => {
  it('is valid for this electron-builder (a misspelt fuse would be rejected, not ignored)', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('sets every fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an integrity-checked asar, unpacking only the native addons (SQLite, ONNX Runtime for OCR) and OCR’s WASM fallback', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual([
      '**/node_modules/better-sqlite3/**',
      '**/node_modules/onnxruntime-node/bin/**',
      '**/node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.{mjs,wasm}',
    ]);
  });

  it("packs of onnxruntime-web only what OCR's WASM fallback loads (documents/ocr/runtime.ts), unpacked", () => {
    const packed = (file: string) => !isExcluded(file);
    const dist = readdirSync(path.join(root, 'node_modules/onnxruntime-web/dist')).map((f) => `node_modules/onnxruntime-web/dist/${f}`);
    expect(dist.filter(packed).sort()).toEqual([
      'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.mjs',
      'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm',
      'node_modules/onnxruntime-web/dist/ort.node.min.js',
      'node_modules/onnxruntime-web/dist/ort.node.min.mjs', // what import() resolves to (the bundled worker's path)
    ]);
    // The files runtime.ts resolves, through the package's own exports map (so its package.json must come along).
    const resolved = ['onnxruntime-web', 'onnxruntime-web/ort-wasm-simd-threaded.wasm', 'onnxruntime-web/ort-wasm-simd-threaded.mjs'].map(
      (id) => path.relative(root, require.resolve(id)).split(path.sep).join('/'),
    );
    expect(resolved.filter((f) => !packed(f))).toEqual([]);
    expect(packed('node_modules/onnxruntime-web/package.json')).toBe(true);
    expect(packed('node_modules/onnxruntime-web/lib/wasm/session-handler-inference.ts')).toBe(false);
    const unpacked = (file: string) => (config.asarUnpack as string[]).some((pattern) => minimatch(file, pattern, { dot: true }));
    expect(resolved.slice(1).filter((f) => !unpacked(f))).toEqual([]);
  });

  it("packs only the target platform's ONNX Runtime binaries", () => {
    const platforms = { win: 'win32', linux: 'linux', mac: 'darwin' } as const;
    for (const [key, own] of Object.entries(platforms)) {
      const files = ((config as unknown as Record<string, { files?: string[] }>)[key]?.files ?? []) as string[];
      const others = Object.values(platforms)
        .filter((p) => p !== own)
        .sort();
      expect(files, key).toContain(`!**/node_modules/onnxruntime-node/bin/napi-v6/{${others.join(',')}}/**`);
    }
  });

  it("packs only the target architecture's ONNX Runtime binary (none for Windows ia32, whose OCR runs on WASM)", () => {
    const platforms = { win: 'win32', linux: 'linux', mac: 'darwin' } as const;
    const bin = 'node_modules/onnxruntime-node/bin/napi-v6';
    const shipped = Object.values(platforms).flatMap((p) =>
      readdirSync(path.join(root, bin, p)).map((arch) => `${bin}/${p}/${arch}/x.node`),
    );
    const packedFor = (key: keyof typeof platforms, arch: string) => {
      const own = (config as unknown as Record<string, { files?: string[] }>)[key]?.files ?? [];
      const patterns = [...(config.files as { filter: string[] }[])[0]!.filter, ...own].map((p) => p.replaceAll('${arch}', arch));
      return shipped.filter((file) => !patterns.some((p) => p.startsWith('!') && minimatch(file, p.slice(1), { dot: true })));
    };
    expect(packedFor('win', 'x64')).toEqual([`${bin}/win32/x64/x.node`]);
    expect(packedFor('win', 'ia32')).toEqual([]);
    expect(packedFor('linux', 'arm64')).toEqual([`${bin}/linux/arm64/x.node`]);
    expect(packedFor('mac', 'x64')).toEqual([]);
    expect(packedFor('mac', 'arm64')).toEqual([`${bin}/darwin/arm64/x.node`]);
    // Every arch a target builds is one of these.
    for (const key of Object.keys(platforms) as (keyof typeof platforms)[]) {
      const targets = (config as unknown as Record<string, { target?: TargetConfiguration[] }>)[key]?.target ?? [];
      for (const arch of targets.flatMap((t) => (Array.isArray(t.arch) ? t.arch : t.arch ? [t.arch] : [])))
        expect(['x64', 'ia32', 'arm64'], `${key} ${arch}`).toContain(arch);
    }
  });

  it('rebuilds native modules for Electron', () => {
    expect(config.npmRebuild).toBe(true);
  });

  it('ships the built app and its profiles and templates, not the generated samples or sources', () => {
    // getConfig normalises the list into one FileSet.
    const [set] = config.files as { filter: string[] }[];
    expect(set!.filter.filter((f) => !f.startsWith('!'))).toEqual([
      'dist/**',
      'package.json',
      'resources/profiles/**',
      'resources/templates/**',
    ]);
  });

  it('leaves out unused font weights but never a font the PDF renderer reads', () => {
    const used = bundledFonts().flatMap((f) => f.files.map((file) => path.relative(root, file).split(path.sep).join('/')));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter(isExcluded)).toEqual([]);
    expect(isExcluded('node_modules/@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf')).toBe(true);
    expect(isExcluded('node_modules/lxgw-wenkai-webfont/files/lxgwwenkaimono-regular-subset-1.woff2')).toBe(true);
  });

  it('names the app', () => {
    expect(config.appId).toBe('cn.gov.reviewdesk');
    expect(config.productName).toBe('评审工作台');
  });

  it('builds Linux AppImage and deb for x64 and arm64 (统信UOS / 麒麟 on domestic CPUs)', () => {
    const linux = targets(config.linux?.target);
    expect(linux.get('AppImage')?.sort()).toEqual(['arm64', 'x64']);
    expect(linux.get('deb')?.sort()).toEqual(['arm64', 'x64']);
  });

  it('builds Windows installer and portable for x64 and ia32', () => {
    const win = targets(config.win?.target);
    expect(win.get('nsis')?.sort()).toEqual(['ia32', 'x64']);
    expect(win.get('portable')?.sort()).toEqual(['ia32', 'x64']);
  });

  it('builds a macOS dmg', () => {
    expect([...targets(config.mac?.target).keys()]).toEqual(['dmg']);
  });

  it('never deletes the experts’ data on uninstall', () => {
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });
});
