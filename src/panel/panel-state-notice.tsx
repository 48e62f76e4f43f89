import { errorMessage, isServiceUnavailable } from '../actions/error-message';
import type { Credential } from '../credentials/backend';
import type { ConnectionState } from '../data-sources/connection-state';
import { useMessages } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** Props of {@link PanelStateNotice}. */
export interface PanelStateNoticeProps {
  state: ConnectionState;
  providerId: string;
  /** Why the catalog or the credentials could not be read (for the `error` state). */
  error: unknown;
  onRetry: () => void;
  onDeleteNode: () => void;
  onReauthorize: (credential: Credential) => void;
  onEdit: (credential: Credential) => void;
}

/**
 * What the panel says about the node's state, with the one action that fixes it: Try again for
 * an outage, Delete node for a provider gone from the catalog, Re-authorize for an expired or
 * rejected OAuth grant or one that cannot renew itself, Edit for a rejected API key. Expired
 * is a warning (it can be renewed);
 * rejected is an error, the same tones the node and the credential row use.
 */
export function PanelStateNotice({
  state,
  providerId,
  error,
  onRetry,
  onDeleteNode,
  onReauthorize,
  onEdit,
}: PanelStateNoticeProps) {
  const messages = useMessages();
  const m = messages.panel;
  const action = (label: string, onClick: () => void) => (
    <Button size="sm" className="pc-panel-alert-action" onClick={onClick}>
      {label}
    </Button>
  );

  switch (state.status) {
    case 'loading':
      return <p className="pc-panel-hint">{messages.common.loading}</p>;
    case 'error':
      // An outage reads as one, not as a deleted provider: with the server's words and a retry.
      return (
        <Alert action={action(messages.common.retry, onRetry)}>
          <strong>{isServiceUnavailable(error) ? m.unavailable : m.loadError}</strong>{' '}
          {errorMessage(error, messages)}
        </Alert>
      );
    case 'unknown-provider':
      return (
        <>
          <Alert tone="warning">{m.unknownProvider({ id: providerId })}</Alert>
          <Button variant="danger" onClick={onDeleteNode}>
            {m.deleteNode}
          </Button>
        </>
      );
    case 'not-connected':
      return <p className="pc-panel-hint">{m.notConnected}</p>;
    case 'missing':
      return <Alert tone="warning">{m.missing}</Alert>;
    case 'expired': {
      const { credential } = state;
      return (
        <Alert
          tone="warning"
          action={
            credential.method === 'oauth2'
              ? action(m.reauthorize, () => onReauthorize(credential))
              : undefined
          }
        >
          {m.expired}
        </Alert>
      );
    }
    case 'expiring': {
      const { credential } = state;
      return (
        <Alert tone="warning" action={action(m.reauthorize, () => onReauthorize(credential))}>
          {m.expiring}
        </Alert>
      );
    }
    case 'invalid': {
      const { credential } = state;
      const oauth = credential.method === 'oauth2';
      return (
        <Alert
          action={
            oauth
              ? action(m.reauthorize, () => onReauthorize(credential))
              : action(m.edit, () => onEdit(credential))
          }
        >
          {oauth ? m.invalidOAuth : m.invalidApiKey}
        </Alert>
      );
    }
    case 'connected':
    case 'missing-permission':
      // The panel's permissions section says what is missing, with the way to add it.
      return null;
  }
}
