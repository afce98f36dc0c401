/**
 * Peak memory while the benchmark runs, two ways:
 * - jsHeap: the page's main-thread JS heap (CDP Performance.getMetrics
 *   JSHeapUsedSize); it does not see workers or DuckDB's wasm memory;
 * - tab: proportional resident memory (PSS from /proc/<pid>/smaps_rollup;
 *   VmRSS where that is unreadable) of the browser's renderer processes, which
 *   hold the page, its workers and the wasm heap: what the tab costs.
 * Only processes descended from our own browser (found by its profile
 * folder) are counted, so other Chromiums on the machine do not leak in.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** Proportional set size: shared pages (the Chromium binary, fonts) split between the processes sharing them, so summing does not count them twice. */
function pssKb(pid: string): number | null {
  try {
    const m = /Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function processTable(): Map<number, { ppid: number; cmd: string }> {
  const table = new Map<number, { ppid: number; cmd: string }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      table.set(Number(name), { ppid, cmd });
    } catch {
      // The process ended while we read it.
    }
  }
  return table;
}

function rssKb(pid: number): number {
  try {
    return pssKb(String(pid)) ?? Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Renderer processes under the browser started with `profileDir`. */
export function rendererPids(profileDir: string): number[] {
  const procs = processTable();
  const roots = [...procs.entries()].filter(([, p]) => p.cmd.includes(`--user-data-dir=${profileDir}`) && !p.cmd.includes('--type=')).map(([pid]) => pid);
  const mine = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of procs) if (!mine.has(pid) && mine.has(p.ppid)) (mine.add(pid), (grew = true));
  }
  return [...mine].filter((pid) => procs.get(pid)!.cmd.includes('--type=renderer'));
}

/** Summed PSS (MB) of the given processes. */
export function rssMb(pids: readonly number[]): number {
  return pids.reduce((kb, pid) => kb + rssKb(pid), 0) / 1024;
}

export interface MemorySampler {
  /** Peaks since the last reset, in MB, and what the benchmark was doing at the tab's peak. */
  peaks(): { jsHeapMb: number; tabMb: number; tabPeakDuring: string };
  /** Names what the benchmark does from now on (a view, the search runs), so the peak can say where it was. */
  during(what: string): void;
  /** The latest sample, in MB. */
  latest(): { jsHeapMb: number; tabMb: number };
  reset(): void;
  stop(): Promise<void>;
}

/** Samples every `everyMs` until stopped. */
export async function sampleMemory(context: BrowserContext, page: Page, profileDir: string, everyMs = 200): Promise<MemorySampler> {
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let jsHeapMb = 0;
  let tabMb = 0;
  let now = '';
  let tabPeakDuring = '';
  const last = { jsHeapMb: 0, tabMb: 0 };
  let busy = false;
  // Finding our renderers scans every process (costly on a 2-core machine, where the sampler shares the
  // cores with the page it measures): done every 10th tick; reading their memory is cheap.
  let pids: number[] = [];
  let ticks = 0;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      last.jsHeapMb = heap / 2 ** 20;
      jsHeapMb = Math.max(jsHeapMb, last.jsHeapMb);
      if (ticks++ % 10 === 0) pids = rendererPids(profileDir);
      last.tabMb = rssMb(pids);
      if (last.tabMb > tabMb) (tabMb = last.tabMb), (tabPeakDuring = now);
    } catch {
      // The page is navigating; the next tick samples again.
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  return {
    peaks: () => ({ jsHeapMb, tabMb, tabPeakDuring }),
    during: (what) => void (now = what),
    latest: () => ({ ...last }),
    reset: () => ((jsHeapMb = 0), (tabMb = 0), (tabPeakDuring = '')),
    stop: async () => {
      clearInterval(timer);
      await cdp.detach().catch(() => undefined /* already gone with the page */);
    },
  };
}
