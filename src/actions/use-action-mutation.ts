import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import type { CredentialsError } from '../credentials/credentials-error';
import { useMessages } from '../i18n/i18n-context';
import type { Messages } from '../i18n/messages';
import { ActionFailure } from './action-failure';

/** What {@link useActionMutation} returns. */
export interface ActionMutation<TData, TVariables> {
  /**
   * Sends one request. Resolves with the backend's answer; rejects with the `ActionFailure`
   * `toFailure` made of the error. Either way the variables are gone from the mutation cache by then.
   */
  run: (variables: TVariables) => Promise<TData>;
  /** Whether a request is in flight. */
  isPending: boolean;
}

/**
 * The part every action shares: one mutation from the query layer's options, reset after every
 * attempt, and its failure said for the view. Variables can hold secrets (an API key, a client
 * secret) and a settled mutation keeps them until it is reset, so the reset comes first, before
 * the caller's next step, whether the request succeeded or not; `gcTime: 0` in the options then
 * drops the mutation from the cache. Without `toFailure`, a failure is one sentence saying what
 * happened (`ActionFailure.from`).
 */
export function useActionMutation<TData, TVariables>(
  options: UseMutationOptions<TData, CredentialsError, TVariables>,
  toFailure: (error: unknown, messages: Messages) => ActionFailure = ActionFailure.from,
): ActionMutation<TData, TVariables> {
  const messages = useMessages();
  const { mutateAsync, reset, isPending } = useMutation(options);
  async function run(variables: TVariables): Promise<TData> {
    try {
      return await mutateAsync(variables);
    } catch (error) {
      throw toFailure(error, messages);
    } finally {
      reset();
    }
  }
  return { run, isPending };
}
