// Jest global setup: compile src/ to lib/ once, so end-to-end tests run the real `quire` command as users do.
// If compiling fails, the unit tests still run; the end-to-end tests fail, naming the marker file written here
// (tests/helpers/cli.ts reads it). Under CI a compile failure fails the run at once.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

module.exports = async () => {
  const root = path.resolve(__dirname, '..', '..');
  const marker = path.join(root, 'lib', '.compile-failed');
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
