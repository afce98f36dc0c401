/**
 * Headless Debian Chromium driven by playwright-core. Every request is recorded;
 * anything not on this machine is aborted and reported, which is how the tests
 * prove the app works offline and sends nothing away.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Every URL requested from another origin (aborted). Should stay empty. */
  foreignRequests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Every URL requested, for size accounting. */
  requests: string[];
  /** The profile folder (it names the browser process, for memory sampling). */
  profileDir: string;
  close(): Promise<void>;
}

const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
};

/** Opens a fresh profile (or `profileDir`, to test persistence across launches). */
export async function openBrowser(options: { profileDir?: string; viewport?: { width: number; height: number } } = {}): Promise<BrowserSession> {
  const ownProfile = !options.profileDir;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'lt-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    args: FLAGS,
    headless: true,
    viewport: options.viewport ?? { width: 1366, height: 900 },
    acceptDownloads: true,
  });
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (isLocal(url)) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const watch = (p: Page) => {
    p.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    p.on('pageerror', (err) => errors.push(err.message));
  };
  watch(page);
  context.on('page', watch);
  return {
    context, page, foreignRequests, errors, requests, profileDir,
    close: async () => {
      await context.close();
      if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
