import type { MouseEvent } from 'react';
import { navigate, useLocation } from '../../state/router.ts';

/** Drill-down from a chart view: the reviews and briefings behind the current filters, in the Explorer. */
export function ExplorerLink() {
  const { search } = useLocation();
  // View-specific parameters (measure, vs, sort…) mean nothing to the Explorer; only the shared filters carry over.
  const p = new URLSearchParams(search);
  for (const key of ['measure', 'vs']) p.delete(key);
  const href = `/explorer${p.toString() ? `?${p}` : ''}`;
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <p className="explorer-link">
      <a href={href} onClick={follow}>Read the matching reviews and their evidence in the Explorer</a>
    </p>
  );
}
