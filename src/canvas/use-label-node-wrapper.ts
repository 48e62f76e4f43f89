import { useLayoutEffect, type RefObject } from 'react';

/**
 * Names the React Flow node element (the focusable `role="group"` around a node view) by
 * elements inside the view (`aria-labelledby`), so a screen reader announces the provider and
 * the whole status when the node takes focus, however the text is cut on screen. React Flow
 * offers `node.ariaLabel`, but only on the node object: setting it would rewrite the host's
 * nodes (and what it persists) whenever a status changes, and re-render every node.
 */
export function useLabelNodeWrapper(
  viewRef: RefObject<HTMLElement | null>,
  labelledBy: string,
): void {
  useLayoutEffect(() => {
    const wrapper = viewRef.current?.closest('.react-flow__node');
    if (!wrapper) return;
    wrapper.setAttribute('aria-labelledby', labelledBy);
    return () => wrapper.removeAttribute('aria-labelledby');
  }, [viewRef, labelledBy]);
}
