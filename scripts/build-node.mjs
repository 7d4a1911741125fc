// Bundles the Node side (Electron main, preload, workers, web bridge, CLI) into dist/ with esbuild; node_modules stay external.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  packages: 'external',
  outExtension: { '.js': '.cjs' },
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: {
    main: 'electron/main.ts',
    preload: 'electron/preload.ts',
    cli: 'electron/cli.ts',
    web: 'electron/web/cli.ts',
    'workers/stage': 'electron/core/package/stageWorker.ts',
    'workers/render': 'electron/core/documents/renderWorker.ts',
    'workers/text': 'electron/core/documents/textWorker.ts',
    'workers/ocr': 'electron/core/documents/ocr/ocrWorker.ts',
    'workers/budget': 'electron/core/bureau/budgetWorker.ts',
  },
  outdir: 'dist',
  // The sandboxed preload may only require 'electron': everything else is bundled in.
  external: ['electron', 'better-sqlite3'],
});
