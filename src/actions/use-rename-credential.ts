import type { Credential } from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { updateCredentialMutationOptions } from '../credentials/mutations';
import { useMessages } from '../i18n/i18n-context';
import { notify } from '../ui/lazy-toast';
import { renameFailure } from './form-failures';
import { useActionMutation } from './use-action-mutation';

/** What {@link useRenameCredential} returns. */
export interface RenameCredentialAction {
  /**
   * Renames the credential, based on `credential.version`. Resolves with the renamed credential
   * after a notice; rejects with an `ActionFailure` whose summary is the line to show under the
   * name (a taken name, an edit that lost a race, the backend's word on the name).
   */
  rename: (credential: Credential, name: string) => Promise<Credential>;
  /** Whether a rename is in flight. */
  isPending: boolean;
}

/** The in-place **Rename**'s action: the update of the name and a notice once it is done. */
export function useRenameCredential(): RenameCredentialAction {
  const backend = useCredentialsBackend();
  const messages = useMessages();
  const mutation = useActionMutation(updateCredentialMutationOptions(backend), renameFailure);

  async function rename(credential: Credential, name: string) {
    const renamed = await mutation.run({
      credentialId: credential.id,
      version: credential.version,
      input: { name },
    });
    notify.success(messages.manage.rename.renamed({ name: renamed.name }));
    return renamed;
  }

  return { rename, isPending: mutation.isPending };
}
