/**
 * Closing a drop-down the way WAI-ARIA's disclosure and menu-button patterns
 * expect: Escape closes it and puts focus back on its button; a click
 * elsewhere, or Tab moving focus out of it, closes it and leaves focus where
 * the user sent it.
 */
import { useEffect, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

export interface DismissHandlers {
  onKeyDown(e: KeyboardEvent): void;
  onBlur(e: FocusEvent): void;
}

/**
 * Handlers for the drop-down's root element, plus a document listener for
 * clicks outside while open. `isOpen` reads the element itself: a <details>
 * toggle event can arrive after the next key press on a busy page.
 */
export function useDismiss(
  root: RefObject<HTMLElement | null>,
  open: boolean,
  close: (refocus: boolean) => void,
  isOpen: () => boolean = () => open,
): DismissHandlers {
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, root, close]);
  return {
    onKeyDown: (e) => {
      if (e.key !== 'Escape' || !isOpen()) return;
      e.stopPropagation();
      e.preventDefault();
      close(true);
    },
    onBlur: (e) => {
      // relatedTarget is null when focus leaves the page (e.g. to the address bar): keep it open then.
      const next = e.relatedTarget as Node | null;
      if (isOpen() && next && !root.current?.contains(next)) close(false);
    },
  };
}
