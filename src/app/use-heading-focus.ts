/**
 * After moving to another view, focus goes to the new view's heading (as
 * WAI-ARIA's guidance for single-page apps advises), so keyboard and screen
 * reader users start there instead of at the top of the page or on the body.
 * The first load leaves focus alone; filter changes within a view do not move it.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useHeadingFocus(heading: RefObject<HTMLElement | null>, viewPath: string): void {
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const moved = previous.current !== null && previous.current !== viewPath;
    previous.current = viewPath;
    if (moved) heading.current?.focus({ preventScroll: false });
  }, [heading, viewPath]);
}
