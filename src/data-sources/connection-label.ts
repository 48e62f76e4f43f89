import type { Messages } from '../i18n/messages';
import type { ConnectionState } from './connection-state';

/** The words a node and its panel show for a connection state. */
export function connectionLabel(state: ConnectionState, messages: Messages): string {
  const m = messages.canvas.state;
  switch (state.status) {
    case 'loading':
      return m.loading;
    case 'error':
      return m.error;
    case 'unknown-provider':
      return m.unknownProvider;
    case 'not-connected':
      return m.notConnected;
    case 'connected':
      return m.connected({ name: state.credential.name });
    case 'missing-permission':
      return m.missingPermission;
    case 'expiring':
      return m.expiring({ name: state.credential.name });
    case 'expired':
      return m.expired;
    case 'invalid':
      return m.invalid;
    case 'missing':
      return m.missing;
  }
}
