/** Serves the production build (dist/) with `vite preview` on a free local port. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

export async function serveBuiltApp(root = resolve(import.meta.dirname, '../..')): Promise<AppServer> {
  if (!existsSync(resolve(root, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:browser does).');
  }
  const server: PreviewServer = await preview({ root, logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url: url.replace(/\/$/, ''), close: () => server.close() };
}
