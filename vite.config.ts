/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const utilShim = fileURLToPath(new URL('./src/shims/util.ts', import.meta.url));

/**
 * The built app may talk to its own origin only. Dev mode goes without: Vite's
 * client injects inline scripts there.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * ECharts keeps an LRU cache of decal tiles, but on a hit it sets the cached
 * tile and then draws a new one anyway (echarts/lib/util/decal.js), and every
 * setOption asks again: a chart with decal patterns painted nine fresh tiles
 * on each filter change, and each bar made its fill pattern from a canvas the
 * browser had never seen. Returning on a hit keeps the tiles, so the chart
 * looks the same and redraws cheaper. Fails the build if the code moved, so
 * an ECharts upgrade is checked again.
 */
function echartsDecalCache(): Plugin {
  const hit = 'isSVG ? pattern.svgElement = cache : pattern.image = cache;';
  return {
    name: 'echarts-decal-cache',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('echarts/lib/util/decal.js')) return null;
      if (!code.includes(hit)) throw new Error('echarts-decal-cache: the decal cache lookup in echarts/lib/util/decal.js changed; check whether the patch is still needed.');
      return { code: code.replace(hit, `${hit} return;`), map: null };
    },
  };
}

/**
 * Marks the chart library's chunk for V8's explicit compile hints (the `//# allFunctionsCalledOnLoad`
 * comment, Chromium 136+; other browsers ignore it): its functions are then compiled while the file
 * streams in, on a background thread, instead of one by one on the main thread during the first draw.
 * A profile of the first screen showed the first draw spending most of its time there.
 */
function eagerChartCode(): Plugin {
  return {
    name: 'eager-chart-code',
    apply: 'build',
    // After minification, which drops comments.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.moduleIds.some((id) => id.replace(/\\/g, '/').endsWith('/src/charts/echarts.ts'))) {
          chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), echartsDecalCache(), eagerChartCode()],
  // natural's sylvester dependency writes to `global`; npm's `util` needs `process`.
  define: { global: 'globalThis' },
  resolve: { alias: { util: utilShim } },
  worker: { format: 'es' },
  build: {
    target: 'es2022', chunkSizeWarningLimit: 2000,
    // Everything the entry imports statically goes into the entry's chunk, not a dozen small ones beside it:
    // over HTTP/1.1 (six connections a host) the first screen's requests queued behind them.
    rollupOptions: { output: { codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] } } },
  },
  preview: { port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'pipelines/**/*.test.ts'],
          // Each SQL test file starts its own DuckDB-WASM (1-3 s, more on a busy machine).
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          // Two files at a time: much of a browser test is waiting (DuckDB starting, workers, quiet periods), so
          // a pair on two cores takes about 590 s where one at a time took about 700 s. Timeouts allow for the sharing.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
