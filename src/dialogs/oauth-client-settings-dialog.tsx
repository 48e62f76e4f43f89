import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../actions/error-message';
import type { OAuthClientSettings } from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { oauthClientQueryOptions } from '../credentials/queries';
import { useProvider } from '../data-sources/use-credentials';
import { useMessages } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { OAuthClientForm } from './oauth-client-form';
import { useDialogOpen, type DialogOpenProps } from './use-dialog-open';

/** What "Save and Authorize" hands to {@link OAuthClientSettingsDialogProps.onAuthorize}. */
export interface OAuthAuthorizeRequest {
  /**
   * Saves the settings. Run it after the popup is open; it rejects (and shows the errors in the
   * dialog) when the settings were not saved, in which case the flow must not start.
   */
  prepare: () => Promise<void>;
}

/** Props of {@link OAuthClientSettingsDialog}. */
export interface OAuthClientSettingsDialogProps extends DialogOpenProps {
  /** The provider whose client is set up. */
  providerId: string;
  /**
   * Enables **Save and Authorize**. Called synchronously inside the click (after the form
   * validated), so the handler can open the OAuth popup before anything is awaited — e.g.
   * `controller.start({ prepare })`. Without it, only **Save** is offered.
   */
  onAuthorize?: (request: OAuthAuthorizeRequest) => void;
  /** Called after **Save** stored the settings (the dialog then closes). */
  onSaved?: (settings: OAuthClientSettings) => void;
  /** A line above the form, e.g. why the dialog opened. */
  notice?: ReactNode;
}

/**
 * **OAuth Client Settings** of one provider: **Default** (the platform's client, offered only
 * where there is one) or **Custom** (**Client ID**, **Client Secret** and the provider's own
 * client fields, such as OneDrive's tenant), the redirect URI to copy into the provider's console,
 * **Save and Authorize**, **Save**, and **Remove** for a saved custom client.
 *
 * A saved secret is never shown: the field starts empty and leaving it blank keeps it. Open
 * state as Radix's dialogs take it: `open` with `onOpenChange`, or `defaultOpen`.
 */
export function OAuthClientSettingsDialog({
  providerId,
  onAuthorize,
  onSaved,
  notice,
  ...openProps
}: OAuthClientSettingsDialogProps) {
  const messages = useMessages();
  const m = messages.oauth.client;
  const backend = useCredentialsBackend();
  const [isOpen, setOpen] = useDialogOpen(openProps, 'OAuthClientSettingsDialog');
  const provider = useProvider(providerId);
  const settings = useQuery({ ...oauthClientQueryOptions(backend, providerId), enabled: isOpen });
  const [busy, setBusy] = useState(false);
  // Bumped after a removal so the form starts again from the settings the backend now reports.
  const [formKey, setFormKey] = useState(0);

  const providerName = provider.data?.name ?? providerId;
  const loadError = provider.error ?? settings.error;

  let content: ReactNode;
  if (loadError) {
    content = (
      <Alert
        action={
          <Button
            size="sm"
            onClick={() => {
              void provider.refetch();
              void settings.refetch();
            }}
          >
            {messages.common.retry}
          </Button>
        }
      >
        {m.loadFailed} {errorMessage(loadError, messages)}
      </Alert>
    );
  } else if (!provider.data || !settings.data) {
    content = (
      <p className="pc-oauth-loading" role="status">
        {messages.common.loading}
      </p>
    );
  } else {
    content = (
      <OAuthClientForm
        key={formKey}
        provider={provider.data}
        settings={settings.data}
        onBusyChange={setBusy}
        onCancel={() => setOpen(false)}
        onAuthorize={onAuthorize}
        onSaved={(saved) => {
          onSaved?.(saved);
          setOpen(false);
        }}
        onRemoved={() => setFormKey((key) => key + 1)}
      />
    );
  }

  return (
    <Dialog
      open={isOpen}
      onOpenChange={setOpen}
      title={m.title}
      description={
        provider.data?.oauth?.hasPlatformClient === false
          ? m.descriptionCustomOnly({ provider: providerName })
          : m.description({ provider: providerName })
      }
      preventClose={busy}
      className="pc-oauth-client-dialog"
    >
      {notice ? (
        <Alert tone="info" className="pc-oauth-notice">
          {notice}
        </Alert>
      ) : null}
      {content}
    </Dialog>
  );
}
