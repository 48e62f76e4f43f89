import { errorMessage } from '../actions/error-message';
import { useMessages } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** The part of a provider query the dialogs wait on (what `useProvider` returns). */
export interface ProviderQueryState {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  refetch: () => unknown;
}

/** Props of {@link ProviderLoadState}. */
export interface ProviderLoadStateProps {
  provider: ProviderQueryState;
}

/**
 * What a provider's dialog shows until its provider is loaded: a loading line, or the error
 * with **Retry**. Renders nothing once the provider is there, so a dialog can render its form.
 */
export function ProviderLoadState({ provider }: ProviderLoadStateProps) {
  const messages = useMessages();
  if (provider.isPending) {
    return (
      <p className="pc-dialog-loading" role="status">
        {messages.apiKey.loadingProvider}
      </p>
    );
  }
  if (provider.isError) {
    return (
      <Alert
        action={
          <Button size="sm" onClick={() => void provider.refetch()}>
            {messages.common.retry}
          </Button>
        }
      >
        {errorMessage(provider.error, messages)}
      </Alert>
    );
  }
  return null;
}
