import type {
  CredentialValues,
  FieldSchema,
  VerificationOutcome,
  VerificationReport,
} from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import {
  verifyApiKeyDraftMutationOptions,
  verifyCredentialMutationOptions,
} from '../credentials/mutations';
import type { Messages } from '../i18n/messages';
import { useMessages } from '../i18n/i18n-context';
import type { FieldFailure } from './action-failure';
import { apiKeyFailure } from './form-failures';
import { useActionMutation } from './use-action-mutation';

/** What a **Test** found, said for the form. */
export interface ApiKeyTestResult {
  outcome: VerificationOutcome;
  /** What happened and what to do, in the user's language. */
  sentence: string;
  /** For a refused key: the message on its field, by the field's path in the form. */
  fieldErrors: FieldFailure[];
}

/** Options of {@link useTestApiKey}. */
export interface UseTestApiKeyOptions {
  providerId: string;
  /** The provider's name, as the sentences say it. */
  providerName: string;
  /** The fields the form shows: a refusal lands on these. */
  fields: readonly FieldSchema[];
  /**
   * The stored credential the form edits: its draft is tested over what is stored (a blank
   * secret is the stored one). Without it, the values are a new key's.
   */
  credentialId?: string;
}

/** What {@link useTestApiKey} returns. */
export interface TestApiKeyAction {
  /**
   * Asks the provider about `values`; stores nothing (unless the draft is what is stored, which
   * records the verdict). Resolves with the verdict whatever it is; rejects with an
   * `ActionFailure` when the values were not accepted for testing or the backend failed.
   */
  test: (values: CredentialValues) => Promise<ApiKeyTestResult>;
  isPending: boolean;
}

/**
 * **Test** in the Add API Key and Edit dialogs: the provider's verdict on what is typed, before
 * anything is saved. The values (a secret) leave the mutation cache after every try, as on Save.
 */
export function useTestApiKey({
  providerId,
  providerName,
  fields,
  credentialId,
}: UseTestApiKeyOptions): TestApiKeyAction {
  const backend = useCredentialsBackend();
  const messages = useMessages();
  const toFailure = (error: unknown, words: Messages) => apiKeyFailure(error, words, fields);
  const draft = useActionMutation(verifyApiKeyDraftMutationOptions(backend, providerId), toFailure);
  const stored = useActionMutation(verifyCredentialMutationOptions(backend), toFailure);

  async function test(values: CredentialValues): Promise<ApiKeyTestResult> {
    const report =
      credentialId === undefined
        ? await draft.run({ values })
        : (await stored.run({ credentialId, values })).report;
    return testResult(report, providerName, fields, messages);
  }

  return { test, isPending: draft.isPending || stored.isPending };
}

/** A verdict in the user's words; a refusal's field errors mapped to the form's fields. */
export function testResult(
  report: VerificationReport,
  providerName: string,
  fields: readonly Pick<FieldSchema, 'name'>[],
  messages: Messages,
): ApiKeyTestResult {
  const { outcome: words, refusedField } = messages.apiKey.test;
  const provider = providerName;
  const sentence =
    report.outcome === 'rate_limited'
      ? words.rate_limited({ provider, seconds: report.retryAfterSeconds })
      : words[report.outcome]({ provider });
  const fieldErrors = fields.flatMap((field): FieldFailure[] =>
    report.fieldErrors[field.name] === undefined
      ? []
      : [{ path: `values.${field.name}`, message: refusedField }],
  );
  return { outcome: report.outcome, sentence, fieldErrors };
}
