#!/usr/bin/env node
/**
 * The README's test command (`npm test`): installs the Debian tools the tests check quire's files with when any is
 * missing, then runs jest with the arguments given (`npm test -- tests/read`). The tests never skip a missing tool
 * under CI, so a machine without them would fail; this makes the two commands of the README enough on a fresh Debian
 * or Ubuntu machine. It installs as root, or with sudo when sudo needs no password; otherwise it says what to run.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** What each Debian package gives the tests, and how to tell it is there. */
const TOOLS = [
  { pkg: 'epubcheck', present: () => fs.existsSync('/usr/share/java/epubcheck.jar'), why: 'W3C EPUBCheck, run on every EPUB' },
  { pkg: 'poppler-utils', present: () => onPath('pdftotext'), why: 'pdftotext, pdffonts and pdfinfo, which read the PDFs back' },
  { pkg: 'qpdf', present: () => onPath('qpdf'), why: 'qpdf --check on every PDF' },
  { pkg: 'default-jdk-headless', present: () => onPath('javac'), why: 'Java for EPUBCheck (one process checks hundreds of EPUBs)' },
  { pkg: 'calibre', present: () => onPath('ebook-meta'), why: 'calibre, which reads the EPUB metadata as readers do' },
  { pkg: 'chromium', present: () => onPath('chromium'), why: 'a real browser for the reading-engine test and DAISY Ace' },
  { pkg: 'redis-server', present: () => onPath('redis-server'), why: 'Redis, the queue `quire worker` takes its jobs from' },
  { pkg: 'python3', present: () => onPath('python3'), why: 'the typesetting and accessibility report scripts in ../shared/tools' },
];

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

function install(missing) {
  const pkgs = missing.map((t) => t.pkg);
  const list = missing.map((t) => `  ${t.pkg}: ${t.why}`).join('\n');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = !asRoot && onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!onPath('apt-get') || (!asRoot && !sudo)) {
    const how = onPath('apt-get') ? `sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}` : 'install them with your system’s package manager';
    process.stderr.write(`quire's tests need tools that are not installed:\n${list}\nInstall them (${how}), then run npm test again.\n`);
    process.exit(1);
  }
  process.stderr.write(`npm test: installing what the tests need:\n${list}\n`);
  const prefix = asRoot ? [] : ['sudo', '-n'];
  const apt = (...args) => run(prefix[0] ?? 'apt-get', prefix.length ? [...prefix.slice(1), 'apt-get', ...args] : args);
  if (!apt('update', '-qq') || !apt('install', '-y', '-qq', '--no-install-recommends', ...pkgs)) {
    process.stderr.write(`npm test: apt-get could not install ${pkgs.join(' ')}; install them by hand and run npm test again.\n`);
    process.exit(1);
  }
}

const missing = TOOLS.filter((tool) => !tool.present());
if (missing.length) install(missing);

const jest = path.join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(process.execPath, [jest, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
