import { CircleAlert, CircleX, Clock } from 'lucide-react';
import type { ConnectionState } from './connection-state';

/** Props of {@link StatusIndicator}. */
export interface StatusIndicatorProps {
  status: ConnectionState['status'];
}

/**
 * The mark before a connection state's words. Each problem has its own shape, so expired
 * (a clock), invalid (a crossed circle) and missing or unavailable (an exclamation) differ
 * without colour; connected is a filled dot, not connected a ring. Decorative: the words beside
 * it say the same. The colour comes from the state (`--pc-status-color`, set in canvas.css).
 */
export function StatusIndicator({ status }: StatusIndicatorProps) {
  switch (status) {
    case 'expired':
      return <Clock className="pc-status-icon" aria-hidden size={12} strokeWidth={2.5} />;
    case 'invalid':
      return <CircleX className="pc-status-icon" aria-hidden size={12} strokeWidth={2.5} />;
    case 'missing':
    case 'unknown-provider':
    case 'error':
      return <CircleAlert className="pc-status-icon" aria-hidden size={12} strokeWidth={2.5} />;
    case 'connected':
      return <span className="pc-status-dot" aria-hidden />;
    case 'loading':
    case 'not-connected':
      return <span className="pc-status-dot" data-hollow="" aria-hidden />;
  }
}
