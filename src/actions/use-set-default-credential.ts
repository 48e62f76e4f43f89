import type { Credential } from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { setDefaultCredentialMutationOptions } from '../credentials/mutations';
import { useMessages } from '../i18n/i18n-context';
import { notify } from '../ui/lazy-toast';
import { ActionFailure } from './action-failure';
import { useActionMutation } from './use-action-mutation';

/** What {@link useSetDefaultCredential} returns. */
export interface SetDefaultCredentialAction {
  /**
   * Makes the credential its provider's default. It never rejects: no form is left to show a
   * failure (the menu that asked has closed), so a notice says how it went either way.
   */
  setDefault: (credential: Credential) => Promise<void>;
  /** Whether the request is in flight. */
  isPending: boolean;
}

/** **Set as default**'s action: the request and a notice of success or of why it failed. */
export function useSetDefaultCredential(): SetDefaultCredentialAction {
  const backend = useCredentialsBackend();
  const messages = useMessages();
  const m = messages.manage.setDefault;
  const mutation = useActionMutation(setDefaultCredentialMutationOptions(backend));

  async function setDefault(credential: Credential) {
    try {
      await mutation.run({ providerId: credential.providerId, credentialId: credential.id });
    } catch (error) {
      const failure = ActionFailure.from(error, messages);
      notify.error(m.failed({ name: credential.name }), { description: failure.message });
      return;
    }
    notify.success(m.done({ name: credential.name }));
  }

  return { setDefault, isPending: mutation.isPending };
}
