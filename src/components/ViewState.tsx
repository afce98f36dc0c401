import { useEffect, useRef, useState, type ReactNode } from 'react';
import { StatusMessage } from './StatusMessage.tsx';

interface QueryLike {
  error: Error | null;
  data?: unknown;
  refetch?: () => unknown;
  /** True while the previous answer is shown and the one for the current filters is computed. */
  isPlaceholderData?: boolean;
}

/**
 * Loading and error states for a view's queries: children render only once
 * every query has data. After a filter change the previous answer stays on
 * screen, marked as updating, until every query has the new one. `what`
 * names the work, e.g. "theme trends". `deferred`: the queries answer earlier
 * filters, because the part is rendered after the rest of the view
 * (useDeferredValue); it is marked busy, without a message, for that moment.
 */
export function ViewState({ queries, what, deferred = false, children }: { queries: QueryLike[]; what: string; deferred?: boolean; children: () => ReactNode }) {
  const failed = queries.find((q) => q.error);
  if (failed?.error) {
    return (
      <StatusMessage kind="error" action={
        <button type="button" onClick={() => queries.forEach((q) => q.error && q.refetch?.())}>Try again</button>
      }>
        Could not compute the {what}: {failed.error.message}. Try again, or reset the filters; if it keeps failing, reload the page.
      </StatusMessage>
    );
  }
  if (queries.some((q) => q.data === undefined)) return <StatusMessage kind="loading">Computing the {what}…</StatusMessage>;
  return <Settled updating={queries.some((q) => q.isPlaceholderData)} deferred={deferred} what={what}>{children}</Settled>;
}

/**
 * Renders the view once all its answers are current. While some are still
 * the previous filters' answers, the last rendering is kept as it was (the
 * same elements, so React leaves the charts alone) instead of redrawing every
 * chart each time one query finishes.
 */
function Settled({ updating, deferred, what, children }: { updating: boolean; deferred: boolean; what: string; children: () => ReactNode }) {
  const shown = useRef<ReactNode>(null);
  if ((!updating && !deferred) || shown.current === null) shown.current = children();
  // The previous answer fades only when the update takes a while. A faded (or fading) subtree of charts
  // is composited apart by the browser, which cost a redraw tens of ms even when the update was quick.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!updating) return;
    const timer = setTimeout(() => setSlow(true), 150);
    return () => clearTimeout(timer);
  }, [updating]);
  return (
    <div className={`view-state${updating ? ' view-state--updating' : ''}${updating && slow ? ' view-state--slow' : ''}`} aria-busy={updating || deferred}>
      {updating && <div className="status status--loading view-state__updating" role="status">Updating the {what}…</div>}
      {shown.current}
    </div>
  );
}
