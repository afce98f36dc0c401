/** Visiting every view of the running app and checking each draws, for the browser tests that change data. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROUTES } from '../../src/app/routes.tsx';

/** Navigates inside the running app (no reload), as its own links do. */
export async function goInApp(page: Page, path: string) {
  await page.evaluate((p) => (history.pushState(null, '', p), dispatchEvent(new PopStateEvent('popstate'))), path);
}

/** Visits every view and checks each draws: something on screen, nothing loading, no error (e.g. a failed cast). */
export async function everyViewDraws(page: Page, timeout = 30_000) {
  for (const route of ROUTES) {
    await goInApp(page, route.path);
    await expect.poll(async () => page.evaluate(() => {
      const main = document.querySelector('main');
      const text = main?.textContent ?? '';
      if (main?.querySelector('.status--loading') || /Computing the/.test(text)) return 'loading';
      if (main?.querySelector('.status--error') || /Could not compute|Conversion Error|INT16/.test(text)) return `error: ${text.slice(0, 300)}`;
      return main?.querySelector('canvas, svg, table, [role="grid"], [role="table"], [role="row"], [data-testid^="kpi-"], form, section') ? 'drawn' : 'empty';
    }), { timeout, interval: 250, message: `view ${route.path}` }).toBe('drawn');
  }
}
