/**
 * Builds what the benchmark serves: the production app exactly as shipped
 * (vite.config.ts), and beside it, in its own build, the bench page that
 * drives the tagging worker and the naive baselines. Keeping the page out of
 * the app's build keeps the app's chunks and initial JS as users get them.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { fromRoot } from '../lib/files.ts';

/** Builds both into `outDir` (the bench page under `bench/`). */
export async function buildApps(outDir: string): Promise<void> {
  const configFile = fromRoot('vite.config.ts');
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const pageRoot = fromRoot('pipelines/bench/page');
  await build({
    configFile, root: pageRoot, base: '/bench/', publicDir: false, logLevel: 'warn',
    build: { outDir: resolve(outDir, 'bench'), emptyOutDir: true, rollupOptions: { input: resolve(pageRoot, 'index.html') } },
  });
}
