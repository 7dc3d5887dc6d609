/**
 * Command transcripts in pandoc's `test/command/*.md` style: a Markdown file that reads as a terminal session.
 *
 * ````markdown
 * A one-line description, and any prose.
 *
 * ```file story.md
 * # Chapter 1
 * ```
 *
 * ```
 * % quire build story.md --format txt --out out
 * out/story.txt
 * [exit 0]
 * % ls out
 * ```
 * ````
 *
 * A fence whose info string is `file NAME` (optionally `file NAME latin1` or `utf16le`, to write it in that encoding)
 * is written to NAME in a fresh temporary folder before any command runs. A fence whose first line starts with `% `
 * holds commands, each followed by what it prints: its stdout, then `[stderr]` and its stderr when it wrote any,
 * then `[exit N]`. The commands are `quire …` (the compiled CLI, with SOURCE_DATE_EPOCH fixed to 2024-01-01),
 * `ls DIR` (the files under DIR, one a line) and `cat FILE`. The temporary folder is the working directory and
 * prints as `$TMP`.
 */
import * as fs from 'node:fs';

/** One command of a transcript and the output written under it. */
export interface TranscriptCommand {
  command: string;
  expected: string;
  /** 0-based line of the command in the transcript file. */
  line: number;
  /** The line range of the expected output, for rewriting. */
  from: number;
  to: number;
}

export interface Transcript {
  files: { name: string; encoding: BufferEncoding; text: string }[];
  commands: TranscriptCommand[];
}

const FENCE = /^(`{3,})(.*)$/;

/** The input files and commands of a transcript file. Throws on a fence left open. */
export function parseTranscript(file: string): Transcript {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const transcript: Transcript = { files: [], commands: [] };
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && lines[end] !== open[1]) end++;
    if (end >= lines.length) throw new Error(`${file}:${i + 1}: fence not closed`);
    const info = open[2].trim().split(/\s+/);
    const body = lines.slice(i + 1, end);
    if (info[0] === 'file') {
      transcript.files.push({ name: info[1], encoding: (info[2] ?? 'utf8') as BufferEncoding, text: body.length ? `${body.join('\n')}\n` : '' });
    } else if (body[0]?.startsWith('% ')) {
      for (let j = i + 1; j < end; ) {
        let k = j + 1;
        while (k < end && !lines[k].startsWith('% ')) k++;
        transcript.commands.push({ command: lines[j].slice(2), expected: lines.slice(j + 1, k).join('\n'), line: j, from: j + 1, to: k });
        j = k;
      }
    }
    i = end;
  }
  return transcript;
}

/** Rewrites the output under each command of a transcript file with `actual` (by command index). */
export function rewriteTranscript(file: string, actual: readonly string[]): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const { commands } = parseTranscript(file);
  for (let n = commands.length - 1; n >= 0; n--) {
    const c = commands[n];
    lines.splice(c.from, c.to - c.from, ...(actual[n] === '' ? [] : actual[n].split('\n')));
  }
  fs.writeFileSync(file, lines.join('\n'));
}

/** Splits a command line into words, as a shell would for words with '…' or "…" quotes and no other syntax. */
export function words(command: string): string[] {
  const out: string[] = [];
  for (const m of command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** How a run prints in a transcript: stdout, `[stderr]` and stderr when there is any, `[exit N]`. */
export function printRun(stdout: string, stderr: string, status: number): string {
  const block = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
  return [...block(stdout), ...(stderr ? ['[stderr]', ...block(stderr)] : []), `[exit ${status}]`].join('\n');
}
