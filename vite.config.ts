// Owns the renderer build: Vite + React from renderer/ into dist/renderer, plus pdf.js's CMaps, standard fonts and wasm decoders copied beside it.
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${repoRoot}dist/renderer`;

/** pdf.js fetches these at run time (relative to the page), so they ship as plain files, not bundled modules. */
function copyPdfjsAssets(): Plugin {
  return {
    name: 'review-desk-copy-pdfjs-assets',
    apply: 'build',
    closeBundle() {
      for (const dir of ['cmaps', 'standard_fonts', 'wasm']) {
        cpSync(`${repoRoot}node_modules/pdfjs-dist/${dir}`, `${outDir}/pdfjs/${dir}`, { recursive: true });
      }
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), copyPdfjsAssets()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
  },
});
