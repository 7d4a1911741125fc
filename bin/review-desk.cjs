#!/usr/bin/env node
// Entry of `npx review-desk`: the bundled command line (built by `npm run build:node`, which `npm install` runs).
const { run } = require('../dist/cli.cjs');
run(process.argv.slice(2), (line) => console.log(line)).then((code) => process.exit(code));
