/**
 * `quire preview`: builds the book into a private folder, serves a page on 127.0.0.1 that shows the EPUB in foliate-js
 * and the PDF in pdf.js, and rebuilds on every save (the watch of `build --watch`). Each round's outcome goes to the
 * page as a server-sent event: `ok` with a new version (the page reloads the book in place), or `error` with the
 * formatted diagnostics (the page shows them over the last good book).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { watchBuild, type BuildRound } from '../cli/watch';
import { fail } from '../diagnostics/reporter';
import { packageDir } from '../files/packages';
import { startPreviewServer, type Mount, type PreviewServer } from './server';

/** The build status the page receives. */
export type PreviewStatus =
  | { status: 'building' }
  | { status: 'ok'; version: number; formats: string[] }
  | { status: 'error'; version: number; formats: string[]; text: string };

export interface PreviewOptions {
  inputs: readonly string[];
  port: number;
  /** The private output folder the rounds build into (never the user's dist/). */
  outDir: string;
  /** Builds the book once into `outDir`. */
  run: () => Promise<BuildRound>;
  /** The errors of the round that just ended, each as the terminal prints it (`file:line:col: error: …` and the frame). */
  takeErrors: () => string[];
  /** Status lines (stderr). */
  say: (line: string) => void;
  /** Called once with the page's URL when the server listens. */
  onListening: (url: string) => void;
}

const PAGE = path.resolve(__dirname, '..', '..', 'templates', 'preview');

/** The folders the page's engines load from: foliate-js whole, and pdf.js's build/ and web/ only. */
export function engineMounts(): Mount[] {
  const pdfjs = packageDir('pdfjs-dist');
  return [
    { prefix: '/foliate/', root: packageDir('foliate-js') },
    { prefix: '/pdfjs/build/', root: path.join(pdfjs, 'build') },
    { prefix: '/pdfjs/web/', root: path.join(pdfjs, 'web') },
  ];
}

/** Runs the preview until Ctrl-C; resolves to the exit code (0). */
export async function previewBook(options: PreviewOptions): Promise<number> {
  let book = new Map<string, Buffer>();
  let status: PreviewStatus = { status: 'building' };
  let version = 0;
  let server: PreviewServer;
  try {
    server = await startPreviewServer({
      port: options.port,
      pageFiles: { '/': path.join(PAGE, 'index.html'), '/preview.js': path.join(PAGE, 'preview.js'), '/preview.css': path.join(PAGE, 'preview.css') },
      mounts: engineMounts(),
      book: () => book,
      status: () => status,
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') fail('preview-port-busy', `port ${options.port} on 127.0.0.1 is in use`);
    throw e;
  }
  options.onListening(server.url);
  const formats = () => [...book.keys()].map((key) => key.slice('/book.'.length));
  try {
    return await watchBuild({
      inputs: options.inputs,
      outDirs: () => [options.outDir],
      say: options.say,
      run: async () => {
        options.takeErrors();
        // The open pages say "building…"; a page that connects now still gets the last outcome.
        server.broadcast({ status: 'building' } satisfies PreviewStatus);
        const result = await options.run();
        const errors = options.takeErrors();
        if (result.code === 0) {
          const next = new Map<string, Buffer>();
          for (const file of result.outputs) {
            const ext = path.extname(file);
            if (ext === '.epub' || ext === '.pdf') next.set(`/book${ext}`, fs.readFileSync(file));
          }
          book = next;
          status = { status: 'ok', version: ++version, formats: formats() };
        } else {
          status = { status: 'error', version, formats: formats(), text: errors.join('\n') || 'The build failed; see the terminal.' };
        }
        server.broadcast(status);
        return result;
      },
    });
  } finally {
    await server.close();
  }
}
