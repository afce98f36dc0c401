import type { ReactNode } from 'react';
import { StatusMessage } from './StatusMessage.tsx';

interface QueryLike {
  error: Error | null;
  data?: unknown;
  refetch?: () => unknown;
}

/**
 * Loading and error states for a view's queries: children render only once
 * every query has data. `what` names the work, e.g. "theme trends".
 */
export function ViewState({ queries, what, children }: { queries: QueryLike[]; what: string; children: () => ReactNode }) {
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
  return <>{children()}</>;
}
