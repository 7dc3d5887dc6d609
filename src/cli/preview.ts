/** `quire preview`: the command's wiring around src/preview (a private output folder, the URL on stdout, clean-up). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { previewBook } from '../preview';
import type { CliArgs } from './args';
import type { BuildRound } from './watch';

/** Builds into a temporary folder (removed at the end, never the user's dist/), serves the preview until Ctrl-C. */
export async function previewCommand(
  args: CliArgs,
  round: () => Promise<BuildRound>,
  takeErrors: () => string[],
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
  clearProgress: () => void,
): Promise<number> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-preview-'));
  args.out = outDir;
  args.explicit.add('out');
  try {
    return await previewBook({
      inputs: args.inputs,
      port: args.port,
      outDir,
      run: round,
      takeErrors,
      say: (line) => {
        clearProgress();
        io.stderr(`${line}\n`);
      },
      onListening: (url) => {
        io.stdout(`${url}\n`);
        io.stderr(`quire: preview at ${url} (127.0.0.1 only)\n`);
      },
    });
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
