// Builds dist/ when it is missing or older than any source file, so `npm start` and
// `npx warden` work straight after `npm ci`.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

function buildIfNeeded() {
  const sources = ['src', 'bench'].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
  const sourceTime = Math.max(...sources.map(newestMtime), fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs);
  const builtTime = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
  if (builtTime >= sourceTime) return;
  process.stderr.write('Building Warden (first start or sources changed)...\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  copyAssets();
  fs.writeFileSync(stamp, new Date().toISOString());
}

function copyAssets() {
  const from = path.join(root, 'src', 'channels', 'web', 'public');
  const to = path.join(root, 'dist', 'src', 'channels', 'web', 'public');
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) fs.copyFileSync(path.join(from, name), path.join(to, name));
}

module.exports = { buildIfNeeded, root };

if (require.main === module) buildIfNeeded();
