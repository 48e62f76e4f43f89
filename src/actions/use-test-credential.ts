import type { Credential } from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { verifyCredentialMutationOptions } from '../credentials/mutations';
import { useProvider } from '../data-sources/use-credentials';
import { useMessages } from '../i18n/i18n-context';
import { notify } from '../ui/lazy-toast';
import { ActionFailure } from './action-failure';
import { useActionMutation } from './use-action-mutation';
import { testResult } from './use-test-api-key';

/** What {@link useTestCredential} returns. */
export interface TestCredentialAction {
  /**
   * Asks the provider about the stored key; the backend records the verdict (when it was last
   * accepted, or that it is invalid) and the list refetches. It never rejects: the menu that
   * asked has closed, so a notice says the verdict, or why there is none.
   */
  test: (credential: Credential) => Promise<void>;
  isPending: boolean;
}

/** **Test connection** in a stored API key credential's menu. */
export function useTestCredential(providerId: string): TestCredentialAction {
  const backend = useCredentialsBackend();
  const messages = useMessages();
  const m = messages.manage.test;
  const provider = useProvider(providerId);
  const mutation = useActionMutation(verifyCredentialMutationOptions(backend));

  async function test(credential: Credential) {
    const providerName = provider.data?.name ?? credential.providerId;
    try {
      const { report } = await mutation.run({ credentialId: credential.id });
      const { sentence } = testResult(report, providerName, [], messages);
      const text = m.result({ name: credential.name, sentence });
      if (report.outcome === 'accepted') notify.success(text);
      else if (report.outcome === 'refused') notify.error(text);
      else notify.message(text);
    } catch (error) {
      notify.error(m.failed({ name: credential.name }), {
        description: ActionFailure.from(error, messages).message,
      });
    }
  }

  return { test, isPending: mutation.isPending };
}
