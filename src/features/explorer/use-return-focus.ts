/**
 * When the detail panel closes, focus goes back to the row that opened it, so
 * the next Tab continues down the list from there rather than from the top of
 * the page. If that row has scrolled out of the drawn rows, the list's first
 * link takes focus instead.
 */
import { useCallback, useEffect, useRef } from 'react';

const rowLink = (key: string) =>
  document.querySelector<HTMLElement>(`.vtable [data-row-key="${CSS.escape(key)}"] a`) ??
  document.querySelector<HTMLElement>('.vtable__body a');

/** Call the returned function just before closing the panel for `selectedKey`. */
export function useReturnFocus(selectedKey: string | null): () => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (selectedKey !== null || pending.current === null) return;
    rowLink(pending.current)?.focus();
    pending.current = null;
  }, [selectedKey]);
  return useCallback(() => {
    pending.current = selectedKey;
  }, [selectedKey]);
}
