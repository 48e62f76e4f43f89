import type {
  FieldSchema,
  OAuthClientSettings,
  SaveOAuthClientInput,
} from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { saveOAuthClientMutationOptions } from '../credentials/mutations';
import { useMessages } from '../i18n/i18n-context';
import { notify } from '../ui/lazy-toast';
import { oauthClientFailure } from './form-failures';
import { useActionMutation } from './use-action-mutation';

/** Options of {@link useSaveOAuthClient}. */
export interface UseSaveOAuthClientOptions {
  /** The provider whose client is saved. */
  providerId: string;
  /** The provider's own client fields (`extra.*`) as the form shows them. */
  fields: readonly FieldSchema[];
}

/** What {@link useSaveOAuthClient} returns. */
export interface SaveOAuthClientAction {
  /**
   * Saves the settings; resolves with what the backend stored (secret masked) after a notice,
   * rejects with an `ActionFailure` (field errors, or a summary that says nothing was saved).
   */
  save: (input: SaveOAuthClientInput) => Promise<OAuthClientSettings>;
  /**
   * Saves the settings as the first step of **Save and Authorize**: the same request without a
   * notice of its own, since the flow that follows ends with one.
   */
  saveForAuthorization: (input: SaveOAuthClientInput) => Promise<OAuthClientSettings>;
  /** Whether a save is in flight. */
  isPending: boolean;
}

/**
 * **OAuth Client Settings**' save: the request, its input (a typed client secret included)
 * dropped from the mutation cache after every try, failures said for the form, and a notice.
 */
export function useSaveOAuthClient({
  providerId,
  fields,
}: UseSaveOAuthClientOptions): SaveOAuthClientAction {
  const backend = useCredentialsBackend();
  const messages = useMessages();
  const mutation = useActionMutation(
    saveOAuthClientMutationOptions(backend, providerId),
    (error, words) => oauthClientFailure(error, words, fields),
  );

  async function save(input: SaveOAuthClientInput) {
    const saved = await mutation.run(input);
    notify.success(messages.oauth.client.saved);
    return saved;
  }

  return { save, saveForAuthorization: mutation.run, isPending: mutation.isPending };
}
