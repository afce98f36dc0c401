/** The set-up every browser test shares: the production build served locally and a fresh offline Chromium. */
import { serveBuiltApp, type AppServer } from './app-server.ts';
import { openBrowser, type BrowserSession } from './browser.ts';

export interface OpenAppOptions {
  /** Another checkout or build folder (see serveBuiltApp). */
  root?: string;
  outDir?: string;
  viewport?: { width: number; height: number };
  /** A profile kept across launches, to test what the app keeps. */
  profileDir?: string;
}

/** Serves the built app and opens a browser; close both with the session's and the server's close(). */
export async function openApp(options: OpenAppOptions = {}): Promise<{ server: AppServer; browser: BrowserSession }> {
  const server = await serveBuiltApp(options.root, options.outDir);
  try {
    const browser = await openBrowser({ viewport: options.viewport, profileDir: options.profileDir });
    return { server, browser };
  } catch (err) {
    await server.close();
    throw err;
  }
}
