import type { CredentialValues, VerificationReport } from '../../src/credentials/backend';
import { standInKeyBehaviour, type StandInFailure } from '../../src/rules/provider-key-formats';
import { verificationMessages } from '../../src/rules/verification-messages';
import type { ProviderFixture } from '../fixtures';
import { MockHttpError } from './http-error';

/** The field error and message of a key the provider refused (the reference server's words). */
export const REFUSED_KEY_MESSAGE = 'The provider refused this key.';

/**
 * The Retry-After (seconds) the mock answers a simulated 429 or 503 of the provider with: what
 * the reference server's stand-in provider APIs send, passed on by the server.
 */
export const PROVIDER_RETRY_AFTER_SECONDS = 30;

/**
 * The provider failures whose answer carries a Retry-After (the stand-ins' 503 and 429), which
 * the server passes on as a 503; every other failure is a 502.
 */
const failuresWithRetryAfter: ReadonlySet<StandInFailure> = new Set(['outage', 'rate_limited']);

/**
 * What the mock does where the reference server asks the provider to verify an API key (on a
 * create, and on an edit that changes a secret; called after the field and name checks pass):
 * each non-empty secret field is judged by the providers' real key formats, as the server's
 * stand-in provider APIs judge it (`standInKeyBehaviour`), and answered as the server answers
 * (`assertAccepted` in `server/src/domain/verification.ts`):
 *
 * - a key that is not well-formed → 422 `credential_rejected`, the field error on that field;
 * - a well-formed key whose tail starts with a failure marker (`dead0503`, `dead0429`,
 *   `dead0500`, `dead0408`, `dead0302`, see `standInFailureMarkers`) → the provider could not
 *   verify it: 503 with Retry-After for the provider's 503 and 429, 502 otherwise;
 *   `provider_unavailable`, retryable.
 *
 * Nothing is stored in either case; otherwise the verdict is returned (`not_verifiable` when no
 * secret was there to judge). An empty optional key (Jina Reader without a key) is accepted
 * without a check, and fields without a known format (Firecrawl's `base_url`) are not judged.
 *
 * Where the mock differs from the server: it calls nothing, so a custom Firecrawl `base_url` is
 * not contacted (the server verifies the key against that address, and a self-hosted service it
 * cannot reach is a 502, and an address it refuses a field error on `base_url`); and a `dead0408`
 * key (the provider never answers) fails at once instead of after the server's timeout.
 */
export function verifyApiKey(
  provider: ProviderFixture,
  values: CredentialValues,
): 'accepted' | 'not_verifiable' {
  const verdict = judgeApiKey(provider, values);
  if (verdict.outcome === 'refused') {
    throw new MockHttpError(422, {
      code: 'credential_rejected',
      message: REFUSED_KEY_MESSAGE,
      fieldErrors: { [verdict.field]: REFUSED_KEY_MESSAGE },
      retryable: false,
    });
  }
  if (verdict.outcome === 'unavailable') {
    const retryAfter = failuresWithRetryAfter.has(verdict.failure);
    throw new MockHttpError(
      retryAfter ? 503 : 502,
      {
        code: 'provider_unavailable',
        message: `${provider.name} could not be reached to check the key. Try again in a moment.`,
        retryable: true,
      },
      retryAfter ? { 'Retry-After': String(PROVIDER_RETRY_AFTER_SECONDS) } : undefined,
    );
  }
  return verdict.outcome;
}

/**
 * What the stand-in provider would say of `values`: the first secret it does not accept decides;
 * with no secret to judge (Jina Reader without a key) nothing was checked.
 */
type Verdict =
  | { outcome: 'accepted' }
  | { outcome: 'not_verifiable' }
  | { outcome: 'refused'; field: string }
  | { outcome: 'unavailable'; failure: StandInFailure };

function judgeApiKey(provider: ProviderFixture, values: CredentialValues): Verdict {
  let judged = false;
  for (const field of provider.apiKeyFields) {
    if (field.type !== 'secret') continue;
    const value = values[field.name];
    if (typeof value !== 'string' || value === '') continue;
    const behaviour = standInKeyBehaviour(provider.id, field.name, value);
    judged = true;
    if (behaviour === 'accept') continue;
    if (behaviour === 'refuse') return { outcome: 'refused', field: field.name };
    return { outcome: 'unavailable', failure: behaviour };
  }
  return judged ? { outcome: 'accepted' } : { outcome: 'not_verifiable' };
}

/**
 * **Test**: the verdict on `values` as a report (`POST …/verify`), in the reference server's
 * words (`server/src/domain/verification.ts`). A simulated 429 is `rate_limited`; every other
 * failure `unreachable`; the Retry-After the stand-ins send with a 429 or a 503 is passed on.
 */
export function verificationReport(
  provider: ProviderFixture,
  values: CredentialValues,
  now: number,
): VerificationReport {
  const verdict = judgeApiKey(provider, values);
  const checkedAt = new Date(now).toISOString();
  if (verdict.outcome === 'accepted' || verdict.outcome === 'not_verifiable') {
    return report(verdict.outcome, verificationMessages[verdict.outcome](provider.name), checkedAt);
  }
  if (verdict.outcome === 'refused') {
    return {
      ...report('refused', verificationMessages.refused(provider.name), checkedAt),
      fieldErrors: { [verdict.field]: REFUSED_KEY_MESSAGE },
    };
  }
  const retryAfterSeconds = failuresWithRetryAfter.has(verdict.failure)
    ? PROVIDER_RETRY_AFTER_SECONDS
    : null;
  const outcome = verdict.failure === 'rate_limited' ? 'rate_limited' : 'unreachable';
  return {
    ...report(
      outcome,
      outcome === 'rate_limited'
        ? verificationMessages.rateLimited(provider.name, retryAfterSeconds)
        : verificationMessages.unreachable(provider.name),
      checkedAt,
    ),
    retryAfterSeconds,
  };
}

function report(
  outcome: VerificationReport['outcome'],
  message: string,
  checkedAt: string,
): VerificationReport {
  return { outcome, message, fieldErrors: {}, retryAfterSeconds: null, checkedAt };
}
