/**
 * Checks on the production build itself: one copy of apache-arrow on the main
 * thread, no other origin named in what ships, the CSP, and the initial JS budget.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = resolve(import.meta.dirname, '../..', process.env.APP_DIST ?? 'dist');
const assets = () => readdirSync(join(dist, 'assets'));
const read = (file: string) => readFileSync(join(dist, 'assets', file), 'utf8');

describe('production build', () => {
  it('bundles apache-arrow once for the main thread (two copies made Arrow inserts ~15x slower)', () => {
    // Workers (DuckDB's, the search index's) carry private copies: each runs in its own realm and never meets ours.
    const mainThreadJs = assets().filter((f) => f.endsWith('.js') && !/\.worker-/.test(f));
    const withArrow = mainThreadJs.filter((f) => read(f).includes('RecordBatchStreamReader'));
    expect(withArrow).toHaveLength(1);
  });

  it('names no CDN, font host, telemetry or extension host in anything it ships', () => {
    const foreign = /cdn\.jsdelivr|unpkg\.com|cdn(?:js)\.cloudflare|extensions\.duckdb\.org|fonts\.(googleapis|gstatic)|google-analytics|googletagmanager|sentry\.io/;
    const offenders = [...assets().filter((f) => /\.(js|css)$/.test(f)).map((f) => [f, read(f)] as const), ['index.html', readFileSync(join(dist, 'index.html'), 'utf8')] as const]
      .filter(([, text]) => foreign.test(text))
      .map(([f]) => f);
    expect(offenders).toEqual([]);
  });

  it('sends a Content-Security-Policy that allows connections to its own origin only', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1]?.replace(/&#39;/g, "'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'self'");
  });

  it('keeps the initial JavaScript within 300 KB gzipped', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const gzKb = initial.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, 'assets', f))).byteLength, 0) / 1024;
    console.info(`initial JS: ${initial.join(', ')} = ${gzKb.toFixed(1)} KB gzipped`);
    expect(initial.length).toBeGreaterThan(0);
    expect(gzKb).toBeLessThanOrEqual(300);
  });
});
