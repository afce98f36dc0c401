/** Small file helpers shared by the pipelines. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (pipelines/ lives directly under it). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared folder beside the checkout; absent on a fresh clone. */
export const SHARED_DIR = resolve(REPO_ROOT, '../shared');

export const fromRoot = (...parts: string[]) => resolve(REPO_ROOT, ...parts);

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function writeFile(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

export const exists = existsSync;
