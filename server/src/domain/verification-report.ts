/**
 * **Test** (`POST …/verify`): a provider's verdict on API key values as the contract's
 * `VerificationReport` — the outcome, one English sentence that names the provider and says what
 * to do, the field the provider refused, and when to try again. Never a secret: the sentences
 * are ours, not the provider's (its own words may echo what it was sent).
 *
 * The mock answers in the same words (`src/rules/verification-messages.ts`, which both use).
 */
import type { VerificationOutcome, VerificationReport } from '../../../src/credentials/backend';
import { verificationMessages } from '../../../src/rules/verification-messages';
import type { CatalogProvider } from './catalog';
import type { VerificationResult } from './verification';

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
