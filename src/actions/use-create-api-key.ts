import type { CreateApiKeyInput, Credential, FieldSchema } from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { createApiKeyMutationOptions } from '../credentials/mutations';
import { useMessages } from '../i18n/i18n-context';
import { notify } from '../ui/lazy-toast';
import { apiKeyFailure } from './form-failures';
import { useActionMutation } from './use-action-mutation';
import { useIdempotencyAttempt } from './use-idempotency-attempt';

/** Options of {@link useCreateApiKey}. */
export interface UseCreateApiKeyOptions {
  /** The provider the key is for. */
  providerId: string;
  /** The provider's fields as the form shows them: the backend's field errors land on these. */
  fields: readonly FieldSchema[];
}

/** What {@link useCreateApiKey} returns. */
export interface CreateApiKeyAction {
  /**
   * Creates the credential. On success a notice names it and the promise resolves with it; on
   * failure it rejects with an `ActionFailure` (field errors, a summary, `Retry-After`).
   * Sending the same input again after a failure reuses the attempt's `Idempotency-Key`, so a
   * double click or a retry after a lost response makes one credential.
   */
  create: (input: CreateApiKeyInput) => Promise<Credential>;
  /** Whether a create is in flight (a dialog should not close meanwhile). */
  isPending: boolean;
  /** Ends the user's attempt, e.g. when its form closes: the next create gets a new key. */
  forgetAttempt: () => void;
}

/**
 * **Add API Key**'s action: the create request, one idempotency key per attempt, the input
 * (secret included) dropped from the mutation cache after every try, failures said for the
 * form and a notice once it is saved.
 *
 * @example
 * const { create, isPending } = useCreateApiKey({ providerId: 'firecrawl', fields });
 * const credential = await create({ name: 'Production', values: { apiKey } });
 */
export function useCreateApiKey({
  providerId,
  fields,
}: UseCreateApiKeyOptions): CreateApiKeyAction {
  const backend = useCredentialsBackend();
  const messages = useMessages();
  const attempt = useIdempotencyAttempt();
  const mutation = useActionMutation(
    createApiKeyMutationOptions(backend, providerId),
    (error, words) => apiKeyFailure(error, words, fields),
  );

  async function create(input: CreateApiKeyInput): Promise<Credential> {
    const idempotencyKey = attempt.keyFor(`${providerId}\n${JSON.stringify(input)}`);
    const credential = await mutation.run({ input, idempotencyKey });
    attempt.forget();
    notify.success(messages.apiKey.created({ name: credential.name }));
    return credential;
  }

  return { create, isPending: mutation.isPending, forgetAttempt: attempt.forget };
}
