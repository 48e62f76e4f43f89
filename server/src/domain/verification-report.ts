/**
 * **Test** (`POST …/verify`): a provider's verdict on API key values as the contract's
 * `VerificationReport` — the outcome, one English sentence that names the provider and says what
 * to do, the field the provider refused, and when to try again. Never a secret: the sentences
 * are ours, not the provider's (its own words may echo what it was sent).
 *
 * The mock answers in the same words (`mocks/store/key-verification.ts`), so both backends read
 * alike in the dialogs.
 */
import type { VerificationOutcome, VerificationReport } from '../../../src/credentials/backend';
import type { CatalogProvider } from './catalog';
import type { VerificationResult } from './verification';

/** The sentence of each verdict, for a provider's display name. */
export const verificationMessages = {
  accepted: (name: string) => `${name} accepted this key.`,
  refused: (name: string) =>
    `${name} refused this key. Check that you copied all of it, and that it has not been revoked.`,
  /** A refusal of another field than a key: a self-hosted service's address (Firecrawl). */
  refusedAddress: (name: string) =>
    `${name} could not be checked at this address. Correct the address, then test again.`,
  unreachable: (name: string) =>
    `${name} could not be reached to check the key. Try again in a moment.`,
  rateLimited: (name: string, retryAfterSeconds: number | null) =>
    `${name} is limiting requests right now. Try again in ${waitOf(retryAfterSeconds)}.`,
  not_verifiable: (name: string) => `${name} keys cannot be checked before they are used.`,
} as const;

function waitOf(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return 'a moment';
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** The contract's outcome of a verdict: an `unavailable` provider rate-limits or is unreachable. */
function reportOutcome(result: VerificationResult): VerificationOutcome {
  if (result.outcome !== 'unavailable') return result.outcome;
  return result.reason === 'rate_limited' ? 'rate_limited' : 'unreachable';
}

/** The report of `result` on values of `provider`, checked at `checkedAt`. */
export function verificationReport(
  result: VerificationResult,
  provider: Pick<CatalogProvider, 'name' | 'apiKeyFields'>,
  checkedAt: Date,
): VerificationReport {
  const outcome = reportOutcome(result);
  const report = (message: string): VerificationReport => ({
    outcome,
    message,
    fieldErrors: {},
    retryAfterSeconds: null,
    checkedAt: checkedAt.toISOString(),
  });
  switch (result.outcome) {
    case 'accepted':
    case 'not_verifiable':
      return report(verificationMessages[result.outcome](provider.name));
    case 'refused': {
      const onKey = provider.apiKeyFields.some(
        (field) => field.name === result.field && field.type === 'secret',
      );
      return {
        ...report(
          onKey
            ? verificationMessages.refused(provider.name)
            : verificationMessages.refusedAddress(provider.name),
        ),
        // The verifier's field error, as a create answers it (the key's is "The provider
        // refused this key."; an address's says what is wrong with it).
        fieldErrors: { [result.field]: result.message },
      };
    }
    case 'unavailable':
      return {
        ...report(
          outcome === 'rate_limited'
            ? verificationMessages.rateLimited(provider.name, result.retryAfterSeconds)
            : verificationMessages.unreachable(provider.name),
        ),
        // The contract documents it for `rate_limited`; a provider's 503 (an outage, so
        // `unreachable`) may send a Retry-After too, and a client can use it just the same.
        retryAfterSeconds: result.retryAfterSeconds,
      };
  }
}
