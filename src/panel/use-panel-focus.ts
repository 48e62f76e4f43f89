import { useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { ConnectionState } from '../data-sources/connection-state';
import type { PipelineNode } from '../data-sources/pipeline-types';

/** What {@link usePanelFocus} returns. */
export interface PanelFocus {
  /** The panel's root, to tell whether focus is inside it. */
  panelRef: RefObject<HTMLElement | null>;
  /** The panel's heading (give it `tabIndex={-1}`): where focus lands when the panel opens. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Closes the panel (deselects the node) and gives focus back to the node when it was here. */
  close: () => void;
}

function nodeElement(domNode: HTMLElement | null, nodeId: string): HTMLElement | null {
  return (
    domNode?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`) ??
    null
  );
}

/**
 * The keyboard path through the panel of node `nodeId`.
 *
 * - Opened from the keyboard (Enter on a node that has visible focus), focus moves to the
 *   panel's heading, so the next Tab reaches the panel's controls rather than every other node
 *   of the canvas first. A click leaves focus where the pointer put it.
 * - Closed by Escape or the close button, focus goes back to the node, so the keyboard user
 *   keeps their place on the canvas instead of starting over from `<body>`.
 * - When the state changes under the user (Save in a dialog connected the node, Re-authorize
 *   renewed it), the control that had focus may be gone with the old state; focus that fell to
 *   `<body>` goes to the heading, so the next Tab continues inside the panel.
 * - Escape inside a dialog, menu or open select list closes that, not the panel; in a field (the
 *   host's own included) it belongs to the field.
 */
export function usePanelFocus(nodeId: string, status: ConnectionState['status']): PanelFocus {
  const store = useStoreApi<PipelineNode>();
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const active = document.activeElement;
    const node = active instanceof HTMLElement ? active.closest('.react-flow__node') : null;
    // `:focus-visible` is the browser's own "focused from the keyboard" heuristic.
    if (node && active?.matches(':focus-visible')) headingRef.current?.focus();
    // Only on opening: a panel re-rendered later never takes focus.
  }, []);

  const lastStatus = useRef(status);
  useEffect(() => {
    const previous = lastStatus.current;
    lastStatus.current = status;
    // Not when the state first loads: a panel that opens with the page (a node selected in a
    // saved pipeline) must not take focus from wherever the user is.
    if (previous === status || previous === 'loading') return;
    if (document.activeElement === document.body) headingRef.current?.focus();
  }, [status]);

  const close = useCallback(() => {
    const { domNode, unselectNodesAndEdges } = store.getState();
    const active = document.activeElement;
    // Focus inside the panel is about to disappear with it; focus elsewhere stays put.
    const ownsFocus =
      active === null ||
      active === document.body ||
      (panelRef.current?.contains(active) ?? false) ||
      active.closest('.react-flow__node') !== null;
    unselectNodesAndEdges();
    if (ownsFocus) nodeElement(domNode, nodeId)?.focus();
  }, [store, nodeId]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as Element | null;
      if (
        target?.closest?.('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]')
      )
        return;
      if (target?.closest?.('input, select, textarea, [contenteditable="true"]')) return;
      close();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [close]);

  return { panelRef, headingRef, close };
}
