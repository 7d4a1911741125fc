#!/usr/bin/env node
// Entry of `npx review-desk`: the bundled command line (built by `npm run build:node`, which `npm install` runs).
const { run } = require('../dist/cli.cjs');
// Exit only once stdout has taken every line: into a pipe it is written asynchronously, and exiting at once cut long
// `--json` answers short.
run(process.argv.slice(2), (line) => console.log(line)).then((code) => process.stdout.write('', () => process.exit(code)));
