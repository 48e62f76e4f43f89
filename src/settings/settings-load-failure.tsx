import { errorMessage, isServiceUnavailable, serverDetail } from '../actions/error-message';
import { useMessages } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** Props of {@link SettingsLoadFailure}. */
export interface SettingsLoadFailureProps {
  /** Why the catalog or the credentials did not load. */
  error: unknown;
  /** **Try again**: refetches what failed. */
  onRetry: () => void;
}

/**
 * What Settings says when its data cannot load. A service that is down or out of reach reads as
 * an outage, with the server's own words when it sent any, never as providers that are gone; any
 * other failure says what happened.
 */
export function SettingsLoadFailure({ error, onRetry }: SettingsLoadFailureProps) {
  const messages = useMessages();
  const m = messages.settings;
  const outage = isServiceUnavailable(error);
  return (
    <Alert
      action={
        <Button size="sm" onClick={onRetry}>
          {messages.common.retry}
        </Button>
      }
    >
      <strong>{outage ? m.unavailable : m.loadError}</strong>{' '}
      {(outage && serverDetail(error)) || errorMessage(error, messages)}
    </Alert>
  );
}
