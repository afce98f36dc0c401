/**
 * When a chart draws: at once while any of it is on screen, otherwise when the browser is next idle or the chart
 * scrolls into view, whichever comes first. A filter change then costs the draws the user can see (the Overview
 * shows one of its four charts in a laptop's first screen), and a chart below the fold is drawn in the idle time
 * right after, well before anyone scrolls to it. Only the latest pending draw runs.
 */

/** Longest a pending draw waits for an idle moment, so a busy page still catches up. */
const IDLE_TIMEOUT_MS = 1_000;

type Cancel = () => void;

/**
 * After the next frame, at the first idle moment: the frame that shows the charts on screen is painted before
 * any off-screen chart draws (an idle period can otherwise come first, between the task and the frame).
 */
function afterNextFrameWhenIdle(run: () => void): Cancel {
  let cancel: Cancel = () => {};
  const frame = requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
      cancel = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(run, 50);
      cancel = () => clearTimeout(id);
    }
  });
  cancel = () => cancelAnimationFrame(frame);
  return () => cancel();
}

export interface DrawScheduler {
  /** Runs `draw` now when the chart is seen, else later; a newer request replaces a pending one. */
  request(draw: () => void): void;
  /** Whether a draw is waiting (the chart shows older data). */
  pending(): boolean;
  dispose(): void;
}

/**
 * Marks the node while a draw waits (`data-chart-pending="offscreen"`, and `data-chart-ready` emptied, so
 * whatever waits for a drawn chart waits for the current data).
 */
export function drawWhenSeen(node: HTMLElement): DrawScheduler {
  let seen: boolean | null = null; // unknown until the observer first reports
  let waiting: (() => void) | null = null;
  let cancelIdle: Cancel = () => {};

  const flush = () => {
    const draw = waiting;
    waiting = null;
    cancelIdle();
    delete node.dataset.chartPending;
    draw?.();
  };
  const observer = new IntersectionObserver((entries) => {
    seen = entries.at(-1)!.isIntersecting;
    if (seen && waiting) flush();
  });
  observer.observe(node);

  // Before the observer's first report, the box itself says (the draw reads the box's size anyway).
  const onScreen = () => {
    if (seen !== null) return seen;
    const box = node.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  };

  return {
    request(draw) {
      if (onScreen()) {
        waiting = draw;
        flush();
        return;
      }
      if (!waiting) cancelIdle = afterNextFrameWhenIdle(flush);
      waiting = draw;
      node.dataset.chartPending = 'offscreen';
      node.dataset.chartReady = '';
    },
    pending: () => waiting !== null,
    dispose() {
      observer.disconnect();
      cancelIdle();
      waiting = null;
    },
  };
}
