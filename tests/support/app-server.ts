/** Serves the production build (dist/) with `vite preview` on a free local port. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

/** `APP_DIST` names another build folder (so several builds can be tested side by side). */
export async function serveBuiltApp(root = resolve(import.meta.dirname, '../..'), outDir = process.env.APP_DIST ?? 'dist'): Promise<AppServer> {
  if (!existsSync(resolve(root, outDir, 'index.html'))) {
    throw new Error(`${outDir}/ is missing: run \`npm run build\` first (npm run test:browser does).`);
  }
  const server: PreviewServer = await preview({
    root, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url: url.replace(/\/$/, ''), close: () => server.close() };
}
