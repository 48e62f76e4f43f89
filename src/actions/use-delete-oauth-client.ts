import type { OAuthClientSettings } from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { deleteOAuthClientMutationOptions } from '../credentials/mutations';
import { useMessages } from '../i18n/i18n-context';
import { notify } from '../ui/lazy-toast';
import { useActionMutation } from './use-action-mutation';

/** What {@link useDeleteOAuthClient} returns. */
export interface DeleteOAuthClientAction {
  /**
   * Forgets the provider's saved custom client. Resolves with the settings the backend now
   * reports, after a notice; rejects with an `ActionFailure`.
   */
  remove: () => Promise<OAuthClientSettings>;
  /** Whether the request is in flight. */
  isPending: boolean;
}

/** **Remove** of OAuth Client Settings: the request and a notice once the client is gone. */
export function useDeleteOAuthClient(providerId: string): DeleteOAuthClientAction {
  const backend = useCredentialsBackend();
  const messages = useMessages();
  const mutation = useActionMutation(deleteOAuthClientMutationOptions(backend, providerId));

  async function remove() {
    const settings = await mutation.run();
    notify.success(messages.oauth.client.removed);
    return settings;
  }

  return { remove, isPending: mutation.isPending };
}
