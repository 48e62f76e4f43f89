import type { CredentialValues } from '../../src/credentials/backend';
import { standInKeyBehaviour, type StandInFailure } from '../../src/rules/provider-key-formats';
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
 * Nothing is stored in either case. An empty optional key (Jina Reader without a key) is accepted
 * without a check, and fields without a known format (Firecrawl's `base_url`) are not judged.
 *
 * Where the mock differs from the server: it calls nothing, so a custom Firecrawl `base_url` is
 * not contacted (the server verifies the key against that address, and a self-hosted service it
 * cannot reach is a 502, and an address it refuses a field error on `base_url`); and a `dead0408`
 * key (the provider never answers) fails at once instead of after the server's timeout.
 */
export function verifyApiKey(provider: ProviderFixture, values: CredentialValues): void {
  for (const field of provider.apiKeyFields) {
    if (field.type !== 'secret') continue;
    const value = values[field.name];
    if (typeof value !== 'string' || value === '') continue;
    const behaviour = standInKeyBehaviour(provider.id, field.name, value);
    if (behaviour === 'accept') continue;
    if (behaviour === 'refuse') {
      throw new MockHttpError(422, {
        code: 'credential_rejected',
        message: REFUSED_KEY_MESSAGE,
        fieldErrors: { [field.name]: REFUSED_KEY_MESSAGE },
        retryable: false,
      });
    }
    const retryAfter = failuresWithRetryAfter.has(behaviour);
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
}
