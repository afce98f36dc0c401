/**
 * A tiny static server for the benchmark: the production build at `/`, the
 * bench page at `/bench/`, and synthetic corpora at `/datasets/<name>/`.
 * Unknown paths without an extension get index.html (the app's own routes).
 * It counts the bytes it sends, by kind, for the download-size figures.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.arrows': 'application/vnd.apache.arrow.stream', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

export type ByteKind = 'js' | 'wasm' | 'data' | 'other';

export interface StaticServer {
  url: string;
  /** Bytes sent since the last reset, by kind. */
  sent: Record<ByteKind, number>;
  resetCounts(): void;
  close(): Promise<void>;
}

function kindOf(path: string): ByteKind {
  const ext = extname(path);
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.wasm') return 'wasm';
  if (ext === '.arrows' || ext === '.json') return 'data';
  return 'other';
}

/** Maps a URL path to a file under one of the roots; null when outside them or missing. */
function resolveFile(distDir: string, datasetsDir: string, urlPath: string): string | null {
  const path = normalize(decodeURIComponent(urlPath));
  if (path.includes('..')) return null;
  const [root, rest] = path.startsWith('/datasets/') ? [datasetsDir, path.slice('/datasets/'.length)] : [distDir, path.slice(1)];
  let file = resolve(join(root, rest));
  if (!file.startsWith(resolve(root))) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (existsSync(file)) return file;
  if (root === distDir && !extname(path)) return path.startsWith('/bench/') ? join(distDir, 'bench/index.html') : join(distDir, 'index.html');
  return null;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function serveStatic(distDir: string, datasetsDir: string): Promise<StaticServer> {
  const sent: Record<ByteKind, number> = { js: 0, wasm: 0, data: 0, other: 0 };
  const server: Server = createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = resolveFile(distDir, datasetsDir, urlPath);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${urlPath}`);
      return;
    }
    const size = statSync(file).size;
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') return void res.end();
    sent[kindOf(file)] += size;
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The benchmark server did not get a port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    sent,
    resetCounts: () => (Object.keys(sent) as ByteKind[]).forEach((k) => (sent[k] = 0)),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
