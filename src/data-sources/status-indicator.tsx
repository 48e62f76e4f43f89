import type { ConnectionState } from './connection-state';

/** Props of {@link StatusIndicator}. */
export interface StatusIndicatorProps {
  status: ConnectionState['status'];
}

/**
 * The mark before a connection state's words, for views whose status line is not a node's (the
 * node draws the same mark as its status line's `::before`). Each problem has its own shape, so
 * expired (a clock), invalid (a crossed circle) and missing or unavailable (an exclamation)
 * differ without colour; connected is a filled dot, not connected a ring. One empty element:
 * the shape (`--pc-status-mark`) and colour (`--pc-status-color`) come from `data-status` in
 * canvas.css. Decorative: the words beside it say the same.
 */
export function StatusIndicator({ status }: StatusIndicatorProps) {
  return <span className="pc-status-mark" data-status={status} aria-hidden />;
}
