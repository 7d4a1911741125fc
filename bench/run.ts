// `npm run bench`: runs each bench (or those named on the command line), prints their tables, writes one JSON to bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBureau } from './bureau';
import { benchDocuments } from './documents';
import { benchImport } from './import';
import { benchOcr } from './ocr';
import { benchPrecheck } from './precheck';
import { benchScoring } from './scoring';
import { benchSigning } from './signing';

const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  bureau: benchBureau,
  documents: benchDocuments,
  import: benchImport,
  ocr: benchOcr,
  precheck: benchPrecheck,
  scoring: benchScoring,
  signing: benchSigning,
};

void (async () => {
  const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(benches);
  const results: Record<string, unknown> = {};
  for (const name of chosen) {
    if (!benches[name]) throw new Error(`unknown bench: ${name} (known: ${Object.keys(benches).join(', ')})`);
    results[name] = await benches[name]();
  }
  const outDir = path.join(__dirname, 'results');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg() };
  writeFileSync(file, JSON.stringify({ when: new Date().toISOString(), machine, results }, null, 2));
  console.log(`\n结果已写入 ${path.relative(process.cwd(), file)}`);
})();
