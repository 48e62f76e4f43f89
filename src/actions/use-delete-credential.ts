import type { Credential } from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { isCredentialsError } from '../credentials/credentials-error';
import { deleteCredentialMutationOptions } from '../credentials/mutations';
import { useMessages } from '../i18n/i18n-context';
import { notify } from '../ui/lazy-toast';
import { ActionFailure } from './action-failure';
import { useActionMutation } from './use-action-mutation';

/** What {@link useDeleteCredential} returns. */
export interface DeleteCredentialAction {
  /**
   * Deletes the credential, based on `credential.version` (412 when it changed meanwhile).
   * Resolves once it is gone, after a notice; rejects with an `ActionFailure`.
   */
  remove: (credential: Credential) => Promise<void>;
  /** Whether a delete is in flight. */
  isPending: boolean;
}

/** Whether a failure is the backend saying the credential does not exist (any more). */
function isGone(failure: ActionFailure): boolean {
  return isCredentialsError(failure.cause) && failure.cause.code === 'not_found';
}

/** **Delete**'s action: the delete request and a notice once the credential is gone. */
export function useDeleteCredential(): DeleteCredentialAction {
  const backend = useCredentialsBackend();
  const messages = useMessages();
  const mutation = useActionMutation(deleteCredentialMutationOptions(backend));

  async function remove(credential: Credential) {
    try {
      await mutation.run({ credentialId: credential.id, version: credential.version });
    } catch (failure) {
      // Already gone (deleted elsewhere): what the user asked for is done.
      if (!(failure instanceof ActionFailure && isGone(failure))) throw failure;
    }
    notify.success(messages.manage.delete.deleted({ name: credential.name }));
  }

  return { remove, isPending: mutation.isPending };
}
