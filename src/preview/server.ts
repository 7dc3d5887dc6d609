/**
 * The preview's HTTP server: Node's `http` on 127.0.0.1 only, GET (and HEAD) only, a fixed allow-list of routes (the
 * page and its assets, the built book from memory, the live-reload event stream, and the reading engines' files under
 * `node_modules/foliate-js` and `node_modules/pdfjs-dist/build|web`), a strict Content-Security-Policy, and 404 for
 * anything else, including any path that tries to leave its folder (`..`, `%2e%2e`, a symlink pointing out).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

/** What the page's scripts may do: load from this server only; foliate-js shows each section in a blob: iframe. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' blob: 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' blob: data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.wasm': 'application/wasm',
  '.epub': 'application/epub+zip',
  '.pdf': 'application/pdf',
};

/** A served folder: URL prefix → folder on disk (resolved once with realpath). */
export interface Mount {
  prefix: string;
  root: string;
}

export interface PreviewServerOptions {
  /** The page's own files by URL path (`/` → index.html…). */
  pageFiles: Readonly<Record<string, string>>;
  /** Folders served read-only under a prefix (`/foliate/` → node_modules/foliate-js). */
  mounts: readonly Mount[];
  /** The last good build's files by URL path (`/book.epub`), kept in memory. */
  book: () => ReadonlyMap<string, Buffer>;
  /** The current build status as the event stream sends it (one JSON object). */
  status: () => unknown;
  port: number;
}

export interface PreviewServer {
  url: string;
  /** Sends the status to every open page. */
  broadcast(status: unknown): void;
  close(): Promise<void>;
}

/** The file under `root` that the URL path's rest names, or undefined: every segment is checked, then the realpath. */
export function resolveUnder(root: string, rest: string): string | undefined {
  const segments = rest.split('/');
  const decoded: string[] = [];
  for (const raw of segments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[\\/\0]/.test(segment)) return undefined;
    decoded.push(segment);
  }
  let real: string;
  try {
    real = fs.realpathSync(path.join(root, ...decoded));
  } catch {
    return undefined;
  }
  if (!real.startsWith(root + path.sep)) return undefined;
  return fs.statSync(real).isFile() ? real : undefined;
}

const BASE_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/** Starts the server on 127.0.0.1 (port 0: a free one). Rejects when the port is taken. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const mounts = options.mounts.map((m) => ({ prefix: m.prefix, root: fs.realpathSync(m.root) }));
  const clients = new Set<http.ServerResponse>();
  let origin = '';

  const send = (res: http.ServerResponse, status: number, type: string, body: string | Buffer, head: boolean) => {
    res.writeHead(status, { ...BASE_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(head ? undefined : body);
  };
  const notFound = (res: http.ServerResponse, head: boolean) => send(res, 404, 'text/plain; charset=utf-8', 'not found\n', head);

  const server = http.createServer((req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('allow', 'GET, HEAD');
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', false);
      return;
    }
    // A page elsewhere that names this server by another host name (DNS rebinding) gets nothing.
    const host = req.headers.host ?? '';
    if (host !== origin.slice('http://'.length) && host !== origin.replace('http://127.0.0.1', 'localhost').slice('http://'.length)) return notFound(res, head);
    const raw = (req.url ?? '/').split('?')[0];
    if (!raw.startsWith('/')) return notFound(res, head);

    if (raw === '/events' && !head) {
      res.writeHead(200, { ...BASE_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
      res.write(`retry: 1000\ndata: ${JSON.stringify(options.status())}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const page = options.pageFiles[raw];
    if (page) {
      res.setHeader('x-frame-options', 'DENY');
      return send(res, 200, TYPES[path.extname(page)] ?? 'application/octet-stream', fs.readFileSync(page), head);
    }
    const built = options.book().get(raw);
    if (built) return send(res, 200, TYPES[path.extname(raw)] ?? 'application/octet-stream', built, head);
    for (const mount of mounts) {
      if (!raw.startsWith(mount.prefix)) continue;
      const file = resolveUnder(mount.root, raw.slice(mount.prefix.length));
      if (!file) break;
      return send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file), head);
    }
    notFound(res, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    broadcast(status) {
      for (const res of clients) res.write(`data: ${JSON.stringify(status)}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of clients) res.end();
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
