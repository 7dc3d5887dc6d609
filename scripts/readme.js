#!/usr/bin/env node
/** Rewrites the README's configuration table from the option specs (src/config/docs.ts). `npm run readme` compiles first. */
const fs = require('node:fs');
const path = require('node:path');
const { withConfigurationTable } = require('../lib/config/docs');

const file = path.join(__dirname, '..', 'README.md');
const before = fs.readFileSync(file, 'utf8');
const after = withConfigurationTable(before);
fs.writeFileSync(file, after);
process.stdout.write(after === before ? 'README.md: configuration table unchanged\n' : 'README.md: configuration table rewritten\n');
