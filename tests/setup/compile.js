// Jest global setup: compile src/ to lib/ once, so end-to-end tests run the real `quire` command as users do.
// If compiling fails, the unit tests still run; the end-to-end tests fail, naming the marker file written here
// (tests/helpers/cli.ts reads it). Under CI a compile failure fails the run at once.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/**
 * Removes compiled files in lib/ whose source in src/ is gone: a module moved into a folder (`build.ts` →
 * `build/index.ts`) would otherwise be shadowed by its old `lib/build.js`, which Node resolves first.
 */
function pruneStale(lib, src) {
  if (!fs.existsSync(lib)) return;
  for (const entry of fs.readdirSync(lib, { withFileTypes: true })) {
    const full = path.join(lib, entry.name);
    if (entry.isDirectory()) pruneStale(full, path.join(src, entry.name));
    else if (/\.(?:js|js\.map|d\.ts)$/.test(entry.name) && !fs.existsSync(path.join(src, entry.name.replace(/\.(?:js|js\.map|d\.ts)$/, '.ts')))) fs.rmSync(full);
  }
}

module.exports = async () => {
  const root = path.resolve(__dirname, '..', '..');
  const marker = path.join(root, 'lib', '.compile-failed');
  pruneStale(path.join(root, 'lib'), path.join(root, 'src'));
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    fs.rmSync(marker, { force: true });
  } catch (e) {
    const output = `${e.stdout || ''}${e.stderr || ''}`;
    if (process.env.CI === 'true') throw new Error(`tsc -p tsconfig.build.json failed:\n${output}`);
    fs.mkdirSync(path.dirname(marker), { recursive: true });
    fs.writeFileSync(marker, output);
    process.stderr.write(`\nwarning: lib/ could not be compiled; end-to-end tests will fail:\n${output}\n`);
  }
};
