/** Size of the JavaScript a first visit must fetch before the app runs: the entry script and its modulepreloads, gzipped. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  files: string[];
  rawKb: number;
  gzKb: number;
}

/** Reads dist/index.html for `<script type=module src>` and `<link rel=modulepreload href>`. */
export function initialJs(distDir: string): InitialJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const files = [...new Set(srcs)].map((s) => s.replace(/^\//, ''));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(join(distDir, f));
    raw += bytes.byteLength;
    gz += gzipSync(bytes, { level: 9 }).byteLength;
  }
  return { files, rawKb: raw / 1024, gzKb: gz / 1024 };
}

/** Total size of files under a folder, by extension group, for "everything else" in the report. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}
