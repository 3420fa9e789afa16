// `npm run bench`: build when needed, then run every benchmark under dist/bench in turn.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { buildIfNeeded, root } = require('./build-if-needed');

buildIfNeeded();
const dir = path.join(root, 'dist', 'bench');
const only = process.argv[2];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
  if (only && !file.includes(only)) continue;
  execFileSync(process.execPath, ['--expose-gc', path.join(dir, file)], { stdio: 'inherit' });
}
