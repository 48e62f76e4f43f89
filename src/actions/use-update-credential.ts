import type { Credential, FieldSchema, UpdateCredentialInput } from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { updateCredentialMutationOptions } from '../credentials/mutations';
import { useMessages } from '../i18n/i18n-context';
import { notify } from '../ui/lazy-toast';
import { apiKeyFailure } from './form-failures';
import { useActionMutation } from './use-action-mutation';

/** Options of {@link useUpdateCredential}. */
export interface UseUpdateCredentialOptions {
  /** The fields the edit form shows (none for an OAuth credential): field errors land on these. */
  fields: readonly FieldSchema[];
}

/** What {@link useUpdateCredential} returns. */
export interface UpdateCredentialAction {
  /**
   * Saves what changed, based on `credential.version` (someone else's newer edit is refused
   * with 412 and the list refetches). `null` means nothing changed: a notice says so and nothing
   * is sent. Resolves with the saved credential (or `null`) after a notice; rejects with an
   * `ActionFailure`.
   */
  update: (
    credential: Credential,
    input: UpdateCredentialInput | null,
  ) => Promise<Credential | null>;
  /** Whether a save is in flight. */
  isPending: boolean;
}

/**
 * **Edit**'s action: the update request, its input (typed secrets included) dropped from the
 * mutation cache after every try, failures said for the form and a notice once it is saved.
 */
export function useUpdateCredential({
  fields,
}: UseUpdateCredentialOptions): UpdateCredentialAction {
  const backend = useCredentialsBackend();
  const messages = useMessages();
  const m = messages.apiKey.edit;
  const mutation = useActionMutation(updateCredentialMutationOptions(backend), (error, words) =>
    apiKeyFailure(error, words, fields),
  );

  async function update(credential: Credential, input: UpdateCredentialInput | null) {
    if (!input) {
      notify.message(m.noChanges);
      return null;
    }
    const updated = await mutation.run({
      credentialId: credential.id,
      version: credential.version,
      input,
    });
    notify.success(m.saved({ name: updated.name }));
    return updated;
  }

  return { update, isPending: mutation.isPending };
}
