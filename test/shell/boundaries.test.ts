// Proves where code may run: electron/core and shared never import Electron (the core is plain Node, shared also runs
// in the page), shared imports only shared, and the renderer reaches the main side only through shared/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = process.cwd();

function sourceFiles(dir: string): string[] {
  const absolute = path.join(repo, dir);
  let entries: string[];
  try {
    entries = readdirSync(absolute, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !f.endsWith('.d.ts')).map((f) => path.join(absolute, f));
}

/** Every module specifier in a file: static and type imports, re-exports, `import()`, `require()`, `import x = require()`. */
function specifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

const isElectronModule = (spec: string) => spec === 'electron' || spec.startsWith('electron/');

/** Where a relative specifier lands, relative to the repo; bare (package) specifiers are returned as they are. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? path.relative(repo, path.resolve(path.dirname(file), spec)) : spec;
}

function violations(dirs: string[], forbidden: (file: string, spec: string) => boolean): string[] {
  const found: string[] = [];
  for (const file of dirs.flatMap(sourceFiles)) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (forbidden(file, spec)) found.push(`${path.relative(repo, file)} → ${spec}`);
    }
  }
  return found;
}

const inside = (dir: string, rel: string) => rel === dir || rel.startsWith(`${dir}${path.sep}`);

describe('the scanner', () => {
  it('sees every way of importing a module', () => {
    const source = [
      "import { app } from 'electron';",
      "import type { Session } from 'electron';",
      "import 'electron/main';",
      'export { ipcMain } from "electron";',
      "const e = await import('electron');",
      "const r = require('electron');",
      "import x = require('electron');",
      "// import { nothing } from 'electron' (a comment is not an import)",
      'const s = "from \'electron\'";',
    ].join('\n');
    expect(specifiers(source).filter(isElectronModule)).toEqual([
      'electron',
      'electron',
      'electron/main',
      'electron',
      'electron',
      'electron',
      'electron',
    ]);
  });

  it('finds the core (so an empty scan cannot pass silently)', () => {
    expect(sourceFiles('electron/core').length).toBeGreaterThan(5);
    expect(sourceFiles('shared').length).toBeGreaterThan(2);
  });
});

describe('import boundaries', () => {
  it('electron/core and shared never import electron', () => {
    expect(violations(['electron/core', 'shared'], (_file, spec) => isElectronModule(spec))).toEqual([]);
  });

  it('shared imports only shared (and packages)', () => {
    expect(violations(['shared'], (file, spec) => spec.startsWith('.') && !inside('shared', target(file, spec)))).toEqual([]);
  });

  it('the renderer imports nothing from electron/ — only renderer/, shared/ and packages', () => {
    expect(
      violations(['renderer'], (file, spec) => {
        if (isElectronModule(spec)) return true;
        if (!spec.startsWith('.')) return false;
        const rel = target(file, spec);
        return !inside('renderer', rel) && !inside('shared', rel);
      }),
    ).toEqual([]);
  });
});
