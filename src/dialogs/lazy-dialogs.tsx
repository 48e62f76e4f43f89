import type { JSX } from 'react';
import { lazyModule } from '../on-demand/lazy-module';
import { LazyView } from '../ui/lazy-view';
import { usePreloadWhenIdle } from '../ui/use-lazy-module';
import type { ApiKeyDialogProps } from './api-key-dialog';
import type { DeleteCredentialDialogProps } from './delete-credential-dialog';
import type { EditCredentialDialogProps } from './edit-credential-dialog';
import type { OAuthClientSettingsDialogProps } from './oauth-client-settings-dialog';
import type { OAuthStatusDialogProps } from './oauth-status-dialog';

/*
 * The dialogs as the rest of the library (and the public entry) use them: the same components
 * with the same props, their code (and react-hook-form, zod, Radix Dialog) in a chunk loaded on
 * demand. Each dialog's behaviour is documented on the component in its own module.
 */

/** The chunk with every dialog's code. */
const dialogs = lazyModule(() => import('./lazy-dialogs-chunk'));

/**
 * Loads the dialogs' code once the browser is idle, for a view that opens them (the provider
 * calls it, so the code is there before the first click that needs it).
 */
export function usePreloadDialogs(): void {
  usePreloadWhenIdle(dialogs);
}

/**
 * Loads the dialogs' code now, for a harness that must render a dialog at once (Storybook's
 * loader: its accessibility check runs on what the story renders, not on an empty page).
 */
export function loadDialogs(): Promise<void> {
  return dialogs.load().then(() => undefined);
}

/** Whether a dialog that keeps its own state (`defaultOpen`) or is controlled is open now. */
const isOpen = ({ open, defaultOpen = false }: { open?: boolean; defaultOpen?: boolean }) =>
  open ?? defaultOpen;

/**
 * The **Add API Key** dialog: Authorization Name plus the provider's own fields; **Save** checks
 * here and with the backend, then closes, names the new credential in a toast and calls
 * `onCreated`. Open state as Radix's dialogs take it. Its code loads on demand (preloaded when
 * idle).
 */
export function ApiKeyDialog(input: ApiKeyDialogProps): JSX.Element {
  return (
    <LazyView
      chunk={dialogs}
      open={isOpen(input)}
      onOpenChange={input.onOpenChange}
      title={(m) => m.apiKey.title}
    >
      {(chunk) => <chunk.ApiKeyDialog {...input} />}
    </LazyView>
  );
}

/**
 * Edits a credential's name and, for an API key, its fields (stored secrets are never shown;
 * blank keeps them). Open state as Radix's dialogs take it. Its code loads on demand.
 */
export function EditCredentialDialog(input: EditCredentialDialogProps): JSX.Element {
  return (
    <LazyView
      chunk={dialogs}
      open={isOpen(input)}
      onOpenChange={input.onOpenChange}
      title={(m) => m.apiKey.edit.title}
    >
      {(chunk) => <chunk.EditCredentialDialog {...input} />}
    </LazyView>
  );
}

/**
 * Confirms deleting a credential, saying first which pipeline nodes use it. Open state as
 * Radix's dialogs take it. Its code loads on demand.
 */
export function DeleteCredentialDialog(input: DeleteCredentialDialogProps): JSX.Element {
  return (
    <LazyView
      chunk={dialogs}
      open={isOpen(input)}
      onOpenChange={input.onOpenChange}
      title={(m) => m.manage.delete.title}
    >
      {(chunk) => <chunk.DeleteCredentialDialog {...input} />}
    </LazyView>
  );
}

/**
 * **OAuth Client Settings** of one provider (Default or Custom client, the redirect URI, **Save
 * and Authorize**, **Save**, **Remove**). Open state as Radix's dialogs take it. Its code loads
 * on demand.
 */
export function OAuthClientSettingsDialog(input: OAuthClientSettingsDialogProps): JSX.Element {
  return (
    <LazyView
      chunk={dialogs}
      open={isOpen(input)}
      onOpenChange={input.onOpenChange}
      title={(m) => m.oauth.client.title}
    >
      {(chunk) => <chunk.OAuthClientSettingsDialog {...input} />}
    </LazyView>
  );
}

/**
 * The status of an OAuth flow (opening, waiting, blocked, and how it ended), open by default
 * whenever the flow is not idle. Its code loads on demand.
 */
export function OAuthStatusDialog(input: OAuthStatusDialogProps): JSX.Element {
  return (
    <LazyView
      chunk={dialogs}
      open={input.open ?? input.state.status !== 'idle'}
      onOpenChange={input.onOpenChange}
      title={(m) => m.oauth.status.opening.title({ provider: input.providerName })}
    >
      {(chunk) => <chunk.OAuthStatusDialog {...input} />}
    </LazyView>
  );
}
